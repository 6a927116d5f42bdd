#pragma once

#include <ruhu/result.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ruhu::server {

struct MediaOptions {
    int64_t maxBlobBytes = 20 * 1024 * 1024;      // per blob (--media-max-bytes)
    int64_t maxChunkBytes = 1024 * 1024;          // per PUT body (--media-chunk-bytes)
    std::chrono::seconds grace{7 * 24 * 60 * 60}; // before unreferenced blobs and stale partials go
};

// What the server holds of one blob: received bytes (durable), and whether it is complete.
struct UploadState {
    int64_t size = 0;
    int64_t received = 0;
    bool complete = false;
};

// Why an upload step failed. code: bad_request, offset_mismatch (received tells where to resume),
// media_too_large (limit), hash_mismatch (the partial is gone: restart from 0), disk_full, storage.
struct MediaError {
    std::string code;
    std::string message; // Chinese, says what to do
    int64_t received = -1;
    int64_t limit = -1;
};

template <class T> using MediaResult = std::variant<T, MediaError>;

// An open complete blob, for streaming downloads: reads at an offset without a shared file position, so
// one reader may serve several ranges. Keeps its descriptor open even if the sweep unlinks the file.
class BlobReader {
public:
    BlobReader(int fd, int64_t size)
        : m_fd(fd)
        , m_size(size) {}
    ~BlobReader();
    BlobReader(const BlobReader &) = delete;
    BlobReader &operator=(const BlobReader &) = delete;

    int64_t size() const { return m_size; }
    // Up to n bytes at offset; 0 at the end; -1 (errno set) on failure.
    int64_t readAt(int64_t offset, char *buffer, size_t n) const;

private:
    int m_fd;
    int64_t m_size;
};

struct SweepCounts {
    int64_t blobsDeleted = 0;
    int64_t bytesDeleted = 0;
    int64_t partialsDeleted = 0;
    int64_t blobsKept = 0;
};

// Content-addressed media blobs (photos, signature images) under <data dir>/media (docs/media-sync.md):
//   partial/<sha256>.<size>   an upload in progress; its length is what the server durably holds
//   ab/cd/<sha256>            a complete blob whose SHA-256 and size were verified
// Every chunk is written at its offset and fsynced before it is acknowledged; completion re-reads the
// partial in pieces to verify the hash, then renames it into place and fsyncs both directories. Nothing
// ever holds a whole blob in memory. Appends to the same blob are serialized by a striped lock; different
// blobs proceed in parallel. Safe to call from any thread.
class MediaBlobStore {
public:
    static Result<std::unique_ptr<MediaBlobStore>> open(const std::string &dataDir, MediaOptions options);

    const MediaOptions &options() const { return m_options; }
    static bool isSha256(std::string_view text); // 64 lowercase hex

    // GET .../upload?size=N: what the server holds for (sha256, size).
    MediaResult<UploadState> status(const std::string &sha256, int64_t size);
    // PUT ?size=N&offset=K: appends bytes at offset K; completes (verify + rename) at N.
    MediaResult<UploadState> append(const std::string &sha256, int64_t size, int64_t offset,
                                    std::string_view bytes);
    // A complete blob, opened for reading; nullptr when there is none.
    Result<std::shared_ptr<BlobReader>> openBlob(const std::string &sha256) const;

    std::string blobPath(const std::string &sha256) const;
    std::string partialPath(const std::string &sha256, int64_t size) const;

    // Deletes complete blobs older than the grace period that referenced() does not name (asked in
    // batches), and partial uploads untouched for longer than the grace period.
    using ReferencedFn = std::function<Result<std::set<std::string>>(const std::vector<std::string> &)>;
    Result<SweepCounts> sweep(const ReferencedFn &referenced);

private:
    MediaBlobStore(std::string root, MediaOptions options);
    std::mutex &lockFor(std::string_view sha256);
    MediaResult<UploadState> complete(const std::string &sha256, int64_t size);

    std::string m_root;    // <data dir>/media
    std::string m_partial; // <data dir>/media/partial
    MediaOptions m_options;
    std::array<std::mutex, 64> m_locks;
};

} // namespace ruhu::server
