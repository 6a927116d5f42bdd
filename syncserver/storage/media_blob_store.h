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
    // Per uploader: bytes of blobs they completed plus the declared sizes of their open uploads
    // (--media-quota-bytes); 0: no quota.
    int64_t quotaBytes = 2LL * 1024 * 1024 * 1024;
    // An upload chunk that would leave less free space than this on the data directory's disk (where the
    // database lives too) is refused with 507 (--media-min-free-bytes).
    int64_t minFreeBytes = 1LL * 1024 * 1024 * 1024;
};

// What the server holds of one blob: received bytes (durable), and whether it is complete.
struct UploadState {
    int64_t size = 0;
    int64_t received = 0;
    bool complete = false;
};

// Why an upload step failed. code: bad_request, offset_mismatch (received tells where to resume),
// media_too_large (limit), hash_mismatch (the partial is gone: restart from 0), disk_full, storage,
// media_quota_exceeded (limit: the uploader's quota), storage_low (the disk is near the watermark).
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
    std::vector<std::string> deleted; // the blobs deleted, so their upload rows can go too
};

// What the sweep asks about a batch of old blobs: those to keep, and among them those whose mtime it
// refreshes, so that they outlive what keeps them now (an open review) by a whole grace period.
struct SweepKeep {
    std::set<std::string> keep;
    std::set<std::string> refresh;
};

// Content-addressed media blobs (photos, signature images) under <data dir>/media (docs/media-sync.md):
//   partial/<owner>/<sha256>.<size>   an upload in progress of one uploader (owner: a hash of the user
//                                     name); its length is what the server durably holds for that user
//   ab/cd/<sha256>            a complete blob whose SHA-256 and size were verified
// Every chunk is written at its offset and fsynced before it is acknowledged; completion re-reads the
// partial in pieces to verify the hash, then renames it into place and fsyncs both directories. Nothing
// ever holds a whole blob in memory. Appends to the same blob are serialized by a striped lock; different
// blobs proceed in parallel. Safe to call from any thread.
class MediaBlobStore {
public:
    static Result<std::unique_ptr<MediaBlobStore>> open(const std::string &dataDir, MediaOptions options);
    // The same with the media directory itself (storage.media_dir), e.g. DATA_DIR/media.
    static Result<std::unique_ptr<MediaBlobStore>> openRoot(const std::string &mediaDir,
                                                            MediaOptions options);

    const MediaOptions &options() const { return m_options; }
    const std::string &root() const { return m_root; }
    static bool isSha256(std::string_view text); // 64 lowercase hex

    // GET .../upload?size=N: what the server holds of owner's own upload of (sha256, size). Never
    // "complete": whether the owner completed the blob earlier is the central store's to say.
    MediaResult<UploadState> status(const std::string &owner, const std::string &sha256, int64_t size);
    // PUT ?size=N&offset=K: appends bytes at offset K to owner's own partial; completes (verify, then
    // rename into place, or drop the partial when the same blob is already stored) at N. A new partial is
    // refused when ownerStoredBytes plus the owner's open uploads plus N exceed the quota; every chunk is
    // refused when it would take the disk under the free-space watermark.
    MediaResult<UploadState> append(const std::string &owner, const std::string &sha256, int64_t size,
                                    int64_t offset, std::string_view bytes, int64_t ownerStoredBytes = 0);
    bool hasBlob(const std::string &sha256) const;
    // A complete blob, opened for reading; nullptr when there is none.
    Result<std::shared_ptr<BlobReader>> openBlob(const std::string &sha256) const;

    std::string blobPath(const std::string &sha256) const;
    std::string partialPath(const std::string &owner, const std::string &sha256, int64_t size) const;

    // Deletes complete blobs older than the grace period that referenced() does not keep (asked in
    // batches), and partial uploads untouched for longer than the grace period.
    using ReferencedFn = std::function<Result<SweepKeep>(const std::vector<std::string> &)>;
    Result<SweepCounts> sweep(const ReferencedFn &referenced);

private:
    MediaBlobStore(std::string root, MediaOptions options);
    std::mutex &lockFor(std::string_view sha256);
    MediaResult<UploadState> complete(const std::string &partial, const std::string &sha256, int64_t size);
    std::optional<MediaError> belowWatermark(int64_t incoming) const;
    std::optional<MediaError> overQuota(const std::string &ownerDir, int64_t size, int64_t stored) const;
    std::string ownerDir(const std::string &owner) const;

    std::string m_root;    // <data dir>/media
    std::string m_partial; // <data dir>/media/partial
    MediaOptions m_options;
    std::array<std::mutex, 64> m_locks;
    std::mutex m_quotaLock; // a new partial's quota check and its creation are one step
};

} // namespace ruhu::server
