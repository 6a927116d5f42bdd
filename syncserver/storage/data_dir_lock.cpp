#include "data_dir_lock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <unistd.h>

namespace ruhu::server {

Result<DataDirLock> DataDirLock::acquire(const std::string &dataDir) {
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    const std::string path = dataDir + "/ruhu-syncd.lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error{"storage", "cannot open " + path + ": " + std::strerror(errno), ""};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK)
            return Error{"locked", "another ruhu-syncd (or restore) is using " + dataDir, ""};
        return Error{"storage", "cannot lock " + path + ": " + std::strerror(error), ""};
    }
    return DataDirLock(fd);
}

DataDirLock::DataDirLock(DataDirLock &&other) noexcept
    : m_fd(other.m_fd) {
    other.m_fd = -1;
}

DataDirLock::~DataDirLock() {
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
}

} // namespace ruhu::server
