#pragma once

#include <cstdint>
#include <string>

namespace ruhu::server {

// Bytes an unprivileged writer may still use on the file system holding path; -1 if unknown.
int64_t freeDiskBytes(const std::string &path);

// Files and bytes of the regular files under dir, skipping the subdirectory named `skip` (may be empty).
struct DirectoryUsage {
    int64_t files = 0;
    int64_t bytes = 0;
};
DirectoryUsage directoryUsage(const std::string &dir, const std::string &skip);

} // namespace ruhu::server
