#pragma once

#include <ruhu/result.h>
#include <ruhu/store/device_replica.h>
#include <ruhu/store/sqlite.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ruhu {

// One blob waiting for (or done with) its upload to the server (media protocol v1, docs/media-sync.md).
struct MediaUpload {
    std::string sha256;
    std::string mime;
    int64_t size = 0;      // plaintext bytes, as uploaded
    int64_t received = 0;  // bytes the server last said it holds
    std::string state;     // "queued", "done" or "failed" (the server refused it for good, e.g. too large)
    std::string lastError; // Chinese, for the sync page; empty when the last attempt went well
    int64_t queuedMs = 0;
};

struct MediaBacklog {
    int64_t count = 0; // blobs not yet uploaded (queued or failed)
    int64_t bytes = 0; // their bytes still to send (size - received)
    int64_t failed = 0;
};

// The tablet's encrypted, content-addressed blob store (photos, signature images). A blob is named by the
// lowercase hex SHA-256 of its plaintext bytes; on disk it lives at <dir>/ab/<sha256>.blob sealed with the
// device key (libsodium secretbox, like record bodies), so document photos are never in the clear at rest.
// Writes go to a temporary file, are fsynced and renamed into place. The upload queue is a table in the
// replica database (a second connection to the same SQLite file) so uploads survive restarts.
// No Qt and no network: mobile/core's MediaUploader moves the bytes.
class MediaStore {
public:
    static Result<std::unique_ptr<MediaStore>> open(const std::string &directory,
                                                    const std::string &replicaDbPath, const DeviceKey &key);

    // Stores the bytes (once: storing the same bytes again is a no-op) and queues them for upload.
    // Returns the sha256.
    Result<std::string> put(std::string_view bytes, const std::string &mime);
    // The plaintext bytes; an Error when missing, tampered with or sealed under another key.
    Result<std::string> read(const std::string &sha256) const;
    bool contains(const std::string &sha256) const;
    // Where the sealed file of a blob lives (tests check that it holds no plaintext).
    std::string sealedPath(const std::string &sha256) const;

    // Upload queue, oldest first. includeDone adds the uploaded ones.
    std::vector<MediaUpload> uploads(bool includeDone = false) const;
    std::optional<MediaUpload> upload(const std::string &sha256) const;
    MediaBacklog backlog() const;
    // Progress reported by the server; clears lastError.
    Status setReceived(const std::string &sha256, int64_t received);
    Status markDone(const std::string &sha256);
    // Refused for good (e.g. 413): not retried until requeue().
    Status markFailed(const std::string &sha256, const std::string &message);
    // A transient problem (network down): state and received stay, the next sync retries.
    Status noteError(const std::string &sha256, const std::string &message);
    Status requeue(const std::string &sha256);

    static bool isSha256Hex(std::string_view text);

private:
    MediaStore(std::string directory, sql::Database db, const DeviceKey &key);
    Status writeSealed(const std::string &sha256, std::string_view bytes) const;
    Status updateUpload(const std::string &sql, const std::string &sha256, int64_t received,
                        const std::string &lastError);

    std::string m_dir;
    mutable sql::Database m_db;
    DeviceKey m_key;
};

} // namespace ruhu
