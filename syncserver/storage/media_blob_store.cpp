#include "media_blob_store.h"

#include "disk_space.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace fs = std::filesystem;

namespace ruhu::server {
namespace {

constexpr size_t kHashPiece = 256 * 1024;
constexpr size_t kSweepBatch = 500;

class Fd {
public:
    explicit Fd(int fd = -1)
        : m_fd(fd) {}
    ~Fd() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    Fd &operator=(Fd &&other) noexcept {
        if (this != &other) {
            if (m_fd >= 0)
                ::close(m_fd);
            m_fd = other.release();
        }
        return *this;
    }
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

MediaError ioError(int err, const std::string &what) {
    if (err == ENOSPC || err == EDQUOT)
        return {"disk_full", "服务器存储空间已满，照片未保存，请联系管理员清理空间后重试", -1, -1};
    return {"storage", "服务器保存照片失败（" + what + "：" + std::strerror(err) + "），请稍后重试", -1, -1};
}

MediaError tooLarge(int64_t limit, const std::string &what) {
    return {"media_too_large",
            what + "超过服务器上限（" + std::to_string(limit / 1024) + " KiB），请压缩后重新拍摄或联系管理员",
            -1, limit};
}

bool syncDirectory(const std::string &path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    return fd.get() >= 0 && ::fsync(fd.get()) == 0;
}

// Creates dir (and its parent, one level) if missing; fsyncs each parent whose entries changed.
bool ensureDirectory(const fs::path &dir) {
    for (const fs::path &level : {dir.parent_path(), dir}) {
        if (::mkdir(level.c_str(), 0700) == 0) {
            if (!syncDirectory(level.parent_path().string()))
                return false;
        } else if (errno != EEXIST) {
            return false;
        }
    }
    return true;
}

std::string toHex(const unsigned char *bytes, unsigned n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex(size_t(n) * 2, '0');
    for (unsigned i = 0; i < n; ++i) {
        hex[2 * i] = kDigits[bytes[i] >> 4];
        hex[2 * i + 1] = kDigits[bytes[i] & 0xf];
    }
    return hex;
}

std::string textSha256(std::string_view text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        return {};
    return toHex(digest, length);
}

// SHA-256 of a file, read in pieces; "" on a read error.
std::string fileSha256(int fd) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        return {};
    auto piece = std::make_unique<char[]>(kHashPiece);
    off_t offset = 0;
    for (;;) {
        ssize_t n = ::pread(fd, piece.get(), kHashPiece, offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return {};
        if (n == 0)
            break;
        if (EVP_DigestUpdate(ctx.get(), piece.get(), size_t(n)) != 1)
            return {};
        offset += n;
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    if (EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1)
        return {};
    return toHex(digest, length);
}

bool writeAll(int fd, std::string_view bytes, off_t offset) {
    while (!bytes.empty()) {
        ssize_t n = ::pwrite(fd, bytes.data(), bytes.size(), offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        bytes.remove_prefix(size_t(n));
        offset += n;
    }
    return true;
}

std::optional<int64_t> fileSize(const std::string &path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return std::nullopt;
    return int64_t(st.st_size);
}

bool olderThan(const fs::directory_entry &entry, fs::file_time_type cutoff) {
    std::error_code ec;
    auto when = entry.last_write_time(ec);
    return !ec && when < cutoff;
}

} // namespace

BlobReader::~BlobReader() {
    ::close(m_fd);
}

int64_t BlobReader::readAt(int64_t offset, char *buffer, size_t n) const {
    for (;;) {
        ssize_t got = ::pread(m_fd, buffer, n, off_t(offset));
        if (got < 0 && errno == EINTR)
            continue;
        return got;
    }
}

MediaBlobStore::MediaBlobStore(std::string root, MediaOptions options)
    : m_root(std::move(root))
    , m_partial(m_root + "/partial")
    , m_options(options) {}

Result<std::unique_ptr<MediaBlobStore>> MediaBlobStore::open(const std::string &dataDir,
                                                             MediaOptions options) {
    return openRoot((fs::path(dataDir) / "media").string(), options);
}

Result<std::unique_ptr<MediaBlobStore>> MediaBlobStore::openRoot(const std::string &mediaDir,
                                                                 MediaOptions options) {
    const fs::path root = mediaDir;
    if (!ensureDirectory(root / "partial"))
        return Error{"storage", "无法创建照片目录 " + root.string() + "：" + std::strerror(errno), ""};
    return std::unique_ptr<MediaBlobStore>(new MediaBlobStore(root.string(), options));
}

bool MediaBlobStore::isSha256(std::string_view text) {
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::string MediaBlobStore::blobPath(const std::string &sha256) const {
    return m_root + "/" + sha256.substr(0, 2) + "/" + sha256.substr(2, 2) + "/" + sha256;
}

std::string MediaBlobStore::partialPath(const std::string &owner, const std::string &sha256,
                                        int64_t size) const {
    return ownerDir(owner) + "/" + sha256 + "." + std::to_string(size);
}

std::mutex &MediaBlobStore::lockFor(std::string_view sha256) {
    // The name is a hash already: its first byte spreads blobs evenly over the stripes.
    const auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    return m_locks[size_t(nibble(sha256[0]) * 16 + nibble(sha256[1])) % m_locks.size()];
}

MediaResult<UploadState> MediaBlobStore::status(const std::string &owner, const std::string &sha256,
                                                int64_t size) {
    if (!isSha256(sha256) || size <= 0)
        return MediaError{"bad_request", "照片标识或大小格式不正确", -1, -1};
    if (size > m_options.maxBlobBytes)
        return tooLarge(m_options.maxBlobBytes, "照片");
    std::lock_guard lock(lockFor(sha256));
    Fd fd(::open(partialPath(owner, sha256, size).c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT)
            return UploadState{size, 0, false};
        return ioError(errno, "读取上传进度");
    }
    // After a crash the file may hold bytes written but never flushed: flush them before promising them.
    struct stat st {};
    if (::fsync(fd.get()) != 0 || ::fstat(fd.get(), &st) != 0)
        return ioError(errno, "读取上传进度");
    return UploadState{size, std::min<int64_t>(st.st_size, size), false};
}

bool MediaBlobStore::hasBlob(const std::string &sha256) const {
    return isSha256(sha256) && fileSize(blobPath(sha256)).has_value();
}

std::string MediaBlobStore::ownerDir(const std::string &owner) const {
    // A hash, not the name itself: any user name becomes a safe, fixed-length directory name.
    return m_partial + "/" + textSha256(owner).substr(0, 32);
}

std::optional<MediaError> MediaBlobStore::belowWatermark(int64_t incoming) const {
    if (m_options.minFreeBytes <= 0)
        return std::nullopt;
    // The data directory (the database) and the media directory, in case media is mounted elsewhere.
    for (const std::string &path : {fs::path(m_root).parent_path().string(), m_root}) {
        const int64_t free = freeDiskBytes(path);
        if (free >= 0 && free - incoming < m_options.minFreeBytes)
            return MediaError{"storage_low",
                              "服务器存储空间不足，暂停接收照片（已保存的数据不受影响），请联系管理员", -1,
                              -1};
    }
    return std::nullopt;
}

std::optional<MediaError> MediaBlobStore::overQuota(const std::string &dir, int64_t size,
                                                    int64_t stored) const {
    if (m_options.quotaBytes <= 0)
        return std::nullopt;
    int64_t open = 0;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        const auto dot = name.rfind('.');
        if (dot == std::string::npos)
            continue;
        int64_t declared = 0;
        auto [end, err] = std::from_chars(name.data() + dot + 1, name.data() + name.size(), declared);
        if (err == std::errc() && end == name.data() + name.size())
            open += declared;
    }
    if (stored + open + size <= m_options.quotaBytes)
        return std::nullopt;
    return MediaError{"media_quota_exceeded",
                      "您上传的照片已达到服务器为每个账号设定的上限（" +
                          std::to_string(m_options.quotaBytes / (1024 * 1024)) + " MiB），请联系管理员",
                      -1, m_options.quotaBytes};
}

MediaResult<UploadState> MediaBlobStore::append(const std::string &owner, const std::string &sha256,
                                                int64_t size, int64_t offset, std::string_view bytes,
                                                int64_t ownerStoredBytes) {
    if (!isSha256(sha256) || size <= 0 || offset < 0)
        return MediaError{"bad_request", "照片标识、大小或偏移格式不正确", -1, -1};
    if (int64_t(bytes.size()) > m_options.maxChunkBytes)
        return tooLarge(m_options.maxChunkBytes, "单次上传的数据块");
    if (size > m_options.maxBlobBytes)
        return tooLarge(m_options.maxBlobBytes, "照片");
    std::lock_guard lock(lockFor(sha256));

    // Even when the same blob is stored already, the owner sends every byte: the hash at the end proves
    // they hold the photo, so nobody obtains a reference to bytes they do not have.
    const std::string dir = ownerDir(owner);
    const std::string path = partialPath(owner, sha256, size);
    // Only a chunk at offset 0 starts a partial file, so stray offsets leave nothing behind.
    bool created = false;
    Fd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
    if (fd.get() < 0 && errno == ENOENT && offset == 0) {
        std::lock_guard quota(m_quotaLock);
        if (auto refused = overQuota(dir, size, ownerStoredBytes))
            return *refused;
        if (auto refused = belowWatermark(int64_t(bytes.size())))
            return *refused;
        if (!ensureDirectory(dir))
            return ioError(errno, "创建上传目录");
        created = true;
        fd = Fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600));
    }
    if (fd.get() < 0 && errno == ENOENT)
        return MediaError{"offset_mismatch", "服务器尚未收到这张照片的任何数据，请从第 0 字节开始上传", 0,
                          -1};
    if (fd.get() < 0)
        return ioError(errno, "创建上传文件");
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0)
        return ioError(errno, "读取上传进度");
    const int64_t received = st.st_size;
    if (offset != received)
        return MediaError{"offset_mismatch",
                          "上传位置与服务器不一致，请从第 " + std::to_string(received) + " 字节继续上传",
                          received, -1};
    if (offset + int64_t(bytes.size()) > size)
        return MediaError{"bad_request", "上传的数据超出了声明的照片大小", -1, -1};
    if (!created) {
        if (auto refused = belowWatermark(int64_t(bytes.size())))
            return *refused;
    }

    if (!bytes.empty()) {
        if (!writeAll(fd.get(), bytes, off_t(offset)) || ::fdatasync(fd.get()) != 0) {
            const int err = errno;
            // Keep the partial at its last acknowledged length, so the offset stays meaningful.
            [[maybe_unused]] int ignored = ::ftruncate(fd.get(), off_t(received));
            return ioError(err, "写入照片");
        }
    }
    if (created && !syncDirectory(dir))
        return ioError(errno, "写入上传目录");
    const int64_t now = received + int64_t(bytes.size());
    if (now < size)
        return UploadState{size, now, false};
    fd = Fd();
    return complete(path, sha256, size);
}

// Under the blob's lock, with the partial holding all size bytes (each chunk already fdatasynced).
MediaResult<UploadState> MediaBlobStore::complete(const std::string &partial, const std::string &sha256,
                                                  int64_t size) {
    const std::string partialDir = fs::path(partial).parent_path().string();
    std::string actual;
    {
        Fd fd(::open(partial.c_str(), O_RDONLY | O_CLOEXEC));
        if (fd.get() < 0)
            return ioError(errno, "校验照片");
        actual = fileSha256(fd.get());
        if (actual.empty())
            return ioError(errno ? errno : EIO, "校验照片");
    }
    if (actual != sha256) {
        ::unlink(partial.c_str());
        syncDirectory(partialDir);
        return MediaError{"hash_mismatch", "照片内容校验失败（传输中损坏），请从头重新上传", 0, -1};
    }
    const std::string target = blobPath(sha256);
    if (fileSize(target)) { // dedupe: the same bytes are stored already; keep one file
        ::unlink(partial.c_str());
        syncDirectory(partialDir);
        return UploadState{size, size, true};
    }
    const fs::path dir = fs::path(target).parent_path();
    if (!ensureDirectory(dir))
        return ioError(errno, "创建照片目录");
    if (::rename(partial.c_str(), target.c_str()) != 0)
        return ioError(errno, "保存照片");
    if (!syncDirectory(dir.string()) || !syncDirectory(partialDir))
        return ioError(errno, "保存照片");
    return UploadState{size, size, true};
}

Result<std::shared_ptr<BlobReader>> MediaBlobStore::openBlob(const std::string &sha256) const {
    if (!isSha256(sha256))
        return std::shared_ptr<BlobReader>();
    Fd fd(::open(blobPath(sha256).c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT)
            return std::shared_ptr<BlobReader>();
        return Error{"storage", std::string("读取照片失败：") + std::strerror(errno), ""};
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0)
        return Error{"storage", std::string("读取照片失败：") + std::strerror(errno), ""};
    return std::make_shared<BlobReader>(fd.release(), int64_t(st.st_size));
}

Result<SweepCounts> MediaBlobStore::sweep(const ReferencedFn &referenced) {
    SweepCounts counts;
    const auto cutoff = fs::file_time_type::clock::now() - m_options.grace;
    std::error_code ec;

    // Partial uploads nobody has continued within the grace period, in each uploader's directory (and,
    // from before per-uploader directories, directly under partial/).
    auto sweepPartial = [&](const fs::directory_entry &entry) {
        const std::string name = entry.path().filename().string();
        if (name.size() < 64 || !isSha256(std::string_view(name).substr(0, 64)))
            return;
        std::lock_guard lock(lockFor(name));
        if (olderThan(entry, cutoff) && ::unlink(entry.path().c_str()) == 0)
            ++counts.partialsDeleted;
    };
    for (const auto &entry : fs::directory_iterator(m_partial, ec)) {
        if (!entry.is_directory()) {
            sweepPartial(entry);
            continue;
        }
        std::error_code inner;
        for (const auto &file : fs::directory_iterator(entry.path(), inner))
            sweepPartial(file);
        std::lock_guard quota(m_quotaLock); // not while an upload is about to create a file in it
        ::rmdir(entry.path().c_str());      // fails, harmlessly, unless it is empty
    }

    // Complete blobs: old ones are asked about in batches; unreferenced ones go.
    std::vector<std::string> batch;
    auto flush = [&]() -> Status {
        if (batch.empty())
            return okStatus();
        auto kept = referenced(batch);
        if (!kept)
            return kept.error();
        for (const auto &sha : batch) {
            if (kept->refresh.count(sha))
                ::utimensat(AT_FDCWD, blobPath(sha).c_str(), nullptr, 0); // a new grace period from now
            if (kept->keep.count(sha) || kept->refresh.count(sha)) {
                ++counts.blobsKept;
                continue;
            }
            std::lock_guard lock(lockFor(sha));
            const std::string path = blobPath(sha);
            struct stat st {};
            if (::stat(path.c_str(), &st) == 0 && ::unlink(path.c_str()) == 0) {
                ++counts.blobsDeleted;
                counts.bytesDeleted += st.st_size;
                counts.deleted.push_back(sha);
            }
        }
        batch.clear();
        return okStatus();
    };
    for (auto it = fs::recursive_directory_iterator(m_root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it.depth() == 0 && it->path().filename() == "partial") {
            it.disable_recursion_pending();
            continue;
        }
        if (it.depth() != 2 || !it->is_regular_file())
            continue;
        const std::string name = it->path().filename().string();
        if (!isSha256(name))
            continue;
        if (!olderThan(*it, cutoff)) {
            ++counts.blobsKept;
            continue;
        }
        batch.push_back(name);
        if (batch.size() >= kSweepBatch) {
            if (auto st = flush(); !st)
                return st.error();
        }
    }
    if (auto st = flush(); !st)
        return st.error();
    return counts;
}

} // namespace ruhu::server
