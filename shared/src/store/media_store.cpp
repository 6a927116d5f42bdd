#include "sealed_box.h"

#include <ruhu/domain/rule_config.h>
#include <ruhu/store/media_store.h>

#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sodium.h>
#include <unistd.h>

namespace ruhu {
namespace {

constexpr const char *kSchema = R"sql(
CREATE TABLE IF NOT EXISTS media_uploads(
    sha256 TEXT PRIMARY KEY, mime TEXT NOT NULL, size INTEGER NOT NULL,
    received INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL DEFAULT 'queued',
    last_error TEXT NOT NULL DEFAULT '', queued_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS media_uploads_by_state ON media_uploads(state, queued_ms);
)sql";

constexpr const char *kUploadColumns = "sha256, mime, size, received, state, last_error, queued_ms";

Error storageFailure(const std::string &what) {
    return Error{"storage", "无法保存照片文件（" + what + "），请检查平板存储空间后重试", ""};
}

int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

MediaUpload uploadFromRow(const sql::Statement &stmt) {
    return MediaUpload{stmt.columnText(0), stmt.columnText(1), stmt.columnInt(2), stmt.columnInt(3),
                       stmt.columnText(4), stmt.columnText(5), stmt.columnInt(6)};
}

bool writeAll(int fd, const unsigned char *data, size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

bool syncDirectory(const std::string &dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

MediaStore::MediaStore(std::string directory, sql::Database db, const DeviceKey &key)
    : m_dir(std::move(directory))
    , m_db(std::move(db))
    , m_key(key) {}

Result<std::unique_ptr<MediaStore>> MediaStore::open(const std::string &directory,
                                                     const std::string &replicaDbPath, const DeviceKey &key) {
    if (sodium_init() < 0)
        return Error{"crypto", "加密库初始化失败", ""};
    std::error_code ec;
    std::filesystem::create_directories(directory, ec);
    if (ec)
        return storageFailure("无法创建目录 " + directory);
    auto db = sql::Database::open(replicaDbPath, true);
    if (!db)
        return db.error();
    if (auto st = db->exec(kSchema); !st)
        return st.error();
    return std::unique_ptr<MediaStore>(new MediaStore(directory, std::move(*db), key));
}

bool MediaStore::isSha256Hex(std::string_view text) {
    if (text.size() != 64)
        return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

std::string MediaStore::sealedPath(const std::string &sha256) const {
    return m_dir + "/" + sha256.substr(0, 2) + "/" + sha256 + ".blob";
}

bool MediaStore::contains(const std::string &sha256) const {
    return isSha256Hex(sha256) && std::filesystem::exists(sealedPath(sha256));
}

Status MediaStore::writeSealed(const std::string &sha256, std::string_view bytes) const {
    const std::string finalPath = sealedPath(sha256);
    const std::string dir = m_dir + "/" + sha256.substr(0, 2);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        return storageFailure("无法创建目录");
    const std::vector<unsigned char> sealed = sealBytes(bytes, m_key);
    std::string tmpPath = finalPath + ".tmp-XXXXXX";
    const int fd = ::mkstemp(tmpPath.data());
    if (fd < 0)
        return storageFailure("无法创建临时文件");
    const bool written = writeAll(fd, sealed.data(), sealed.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written || std::rename(tmpPath.c_str(), finalPath.c_str()) != 0) {
        ::unlink(tmpPath.c_str());
        return storageFailure("写入失败");
    }
    if (!syncDirectory(dir))
        return storageFailure("目录同步失败");
    return okStatus();
}

Result<std::string> MediaStore::put(std::string_view bytes, const std::string &mime) {
    if (bytes.empty())
        return Error{"invalid_media", "照片内容为空，请重新拍摄或选择文件", ""};
    std::string sha = domain::sha256Hex(bytes);
    if (!contains(sha)) {
        if (auto st = writeSealed(sha, bytes); !st)
            return st.error();
    }
    auto stmt = m_db.prepare("INSERT INTO media_uploads(sha256, mime, size, queued_ms) VALUES(?, ?, ?, ?) "
                             "ON CONFLICT(sha256) DO NOTHING");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, sha).bind(2, mime).bind(3, static_cast<int64_t>(bytes.size())).bind(4, nowMs());
    if (auto st = stmt->run(); !st)
        return st.error();
    return sha;
}

Result<std::string> MediaStore::read(const std::string &sha256) const {
    if (!isSha256Hex(sha256))
        return Error{"invalid_media", "照片编号格式错误", ""};
    std::ifstream in(sealedPath(sha256), std::ios::binary);
    if (!in)
        return Error{"not_found", "本机没有这张照片的文件", ""};
    std::vector<unsigned char> sealed{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto plain = openBytes(sealed, m_key);
    if (!plain)
        return plain.error();
    if (domain::sha256Hex(*plain) != sha256)
        return Error{"corrupt", "照片文件与编号不符（可能已损坏）", ""};
    return plain;
}

std::vector<MediaUpload> MediaStore::uploads(bool includeDone) const {
    std::vector<MediaUpload> out;
    auto stmt = m_db.prepare(std::string("SELECT ") + kUploadColumns + " FROM media_uploads" +
                             (includeDone ? "" : " WHERE state <> 'done'") + " ORDER BY queued_ms, sha256");
    if (!stmt)
        return out;
    while (stmt->step())
        out.push_back(uploadFromRow(*stmt));
    return out;
}

std::optional<MediaUpload> MediaStore::upload(const std::string &sha256) const {
    auto stmt =
        m_db.prepare(std::string("SELECT ") + kUploadColumns + " FROM media_uploads WHERE sha256 = ?");
    if (!stmt)
        return std::nullopt;
    stmt->bind(1, sha256);
    if (!stmt->step())
        return std::nullopt;
    return uploadFromRow(*stmt);
}

MediaBacklog MediaStore::backlog() const {
    MediaBacklog backlog;
    auto stmt = m_db.prepare("SELECT count(*), coalesce(sum(size - received), 0), "
                             "coalesce(sum(state = 'failed'), 0) FROM media_uploads WHERE state <> 'done'");
    if (stmt && stmt->step())
        backlog = MediaBacklog{stmt->columnInt(0), stmt->columnInt(1), stmt->columnInt(2)};
    return backlog;
}

Status MediaStore::updateUpload(const std::string &sql, const std::string &sha256, int64_t received,
                                const std::string &lastError) {
    // Every update names ?1 sha256, ?2 received, ?3 last_error.
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, sha256).bind(2, received).bind(3, lastError);
    return stmt->run();
}

Status MediaStore::setReceived(const std::string &sha256, int64_t received) {
    return updateUpload("UPDATE media_uploads SET received = ?2, last_error = ?3 WHERE sha256 = ?1", sha256,
                        received, "");
}

Status MediaStore::markDone(const std::string &sha256) {
    return updateUpload("UPDATE media_uploads SET received = size, state = 'done', last_error = ?3 "
                        "WHERE sha256 = ?1",
                        sha256, 0, "");
}

Status MediaStore::markFailed(const std::string &sha256, const std::string &message) {
    return updateUpload("UPDATE media_uploads SET received = ?2, state = 'failed', last_error = ?3 "
                        "WHERE sha256 = ?1",
                        sha256, 0, message);
}

Status MediaStore::noteError(const std::string &sha256, const std::string &message) {
    return updateUpload("UPDATE media_uploads SET last_error = ?3 WHERE sha256 = ?1", sha256, 0, message);
}

Status MediaStore::requeue(const std::string &sha256) {
    return updateUpload("UPDATE media_uploads SET received = ?2, state = 'queued', last_error = ?3 "
                        "WHERE sha256 = ?1",
                        sha256, 0, "");
}

} // namespace ruhu
