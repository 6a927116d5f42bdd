#pragma once

#include <ruhu/result.h>

#include <string>

namespace ruhu::server {

// An exclusive lock on DATA_DIR/ruhu-syncd.lock (flock), held while the server runs or a restore
// writes: a second server on the same data directory, or a restore under a running server, is refused.
class DataDirLock {
public:
    static Result<DataDirLock> acquire(const std::string &dataDir);
    DataDirLock(DataDirLock &&other) noexcept;
    DataDirLock &operator=(DataDirLock &&) = delete;
    DataDirLock(const DataDirLock &) = delete;
    ~DataDirLock();

private:
    explicit DataDirLock(int fd)
        : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace ruhu::server
