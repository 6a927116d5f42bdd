#include "export_file.h"

#include <atomic>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace ruhu::server {

std::string temporaryExportPath(std::string_view suffix) {
    static std::atomic<uint64_t> counter{0};
    static const uint64_t salt = std::random_device{}();
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
    if (ec)
        dir = "/tmp";
    const std::string name = "ruhu-export-" + std::to_string(::getpid()) + "-" + std::to_string(salt) + "-" +
                             std::to_string(counter.fetch_add(1)) + std::string(suffix);
    return (dir / name).string();
}

Result<ExportFile> openWrittenExport(const std::string &path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    ::unlink(path.c_str());
    if (fd < 0)
        return Error{"storage", "导出文件无法打开，请稍后重试", ""};
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        return Error{"storage", "导出文件无法读取，请稍后重试", ""};
    }
    return ExportFile{std::make_shared<BlobReader>(fd, int64_t(st.st_size)), int64_t(st.st_size)};
}

} // namespace ruhu::server
