#include "disk_space.h"

#include <filesystem>
#include <sys/statvfs.h>

namespace ruhu::server {

int64_t freeDiskBytes(const std::string &path) {
    struct statvfs st {};
    if (::statvfs(path.c_str(), &st) != 0)
        return -1;
    return int64_t(st.f_bavail) * int64_t(st.f_frsize);
}

DirectoryUsage directoryUsage(const std::string &dir, const std::string &skip) {
    namespace fs = std::filesystem;
    DirectoryUsage usage;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (it.depth() == 0 && it->is_directory(ec) && it->path().filename() == skip) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec)) {
            ++usage.files;
            usage.bytes += int64_t(it->file_size(ec));
        }
    }
    return usage;
}

} // namespace ruhu::server
