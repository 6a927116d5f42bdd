#pragma once

#include "central_store.h"

#include <ruhu/store/sqlite.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace ruhu::server {

// The default central store: one SQLite file (WAL) in the data directory. One mutex serializes every
// access; a WriteTransaction holds it until it is committed or dropped.
//
// WAL checkpoints run on a second connection in a background thread (a PASSIVE checkpoint once the WAL
// holds kCheckpointFrames pages), not inside the commit of the push that happened to cross SQLite's
// autocheckpoint mark: that used to double the commit time of one push in four. If the second
// connection cannot be opened, SQLite's own autocheckpoint stays on.
// Columns userFromRow reads, in order.
inline constexpr const char *kUserColumns =
    "username, display_name, role, password_hash, scope, disabled, must_change_password";
UserAccount userFromRow(const sql::Statement &stmt, int first);
std::string scopeToJsonText(const std::vector<std::string> &scope);

class SqliteCentralStore final : public CentralStore {
public:
    ~SqliteCentralStore() override;

    // Opens DIR/central.sqlite3, creating the directory, the file and the schema as needed. Opening an
    // existing data directory keeps everything in it.
    static Result<std::unique_ptr<SqliteCentralStore>> open(const std::string &dataDir);

    static constexpr const char *kFileName = "central.sqlite3";
    static constexpr int kCheckpointFrames = 1000; // SQLite's default autocheckpoint mark (about 4 MB)

    Result<std::unique_ptr<WriteTransaction>> beginWrite() override;
    Result<std::vector<protocol::Area>> areas() override;
    Result<std::optional<UserAccount>> findUser(const std::string &username) override;
    Status putToken(const TokenGrant &grant, int64_t nowMs) override;
    Result<std::optional<UserAccount>> userForToken(const std::string &tokenSha256, int64_t nowMs) override;
    Result<ChangePage> changesSince(const std::vector<std::string> &regionPrefixes, int64_t cursor,
                                    size_t limit) override;
    Result<std::optional<Record>> findRecord(const std::string &kind, const std::string &id) override;
    Result<std::vector<Record>> recordsOfKind(const std::string &kind,
                                              const std::vector<std::string> &regionPrefixes,
                                              const std::string &afterId, size_t limit) override;
    Result<ReviewPage> reviews(const std::vector<std::string> &regionPrefixes, const std::string &status,
                               int64_t cursor, size_t limit) override;
    Result<std::vector<AppliedMutation>> history(const std::string &kind, const std::string &id) override;
    Result<std::vector<std::string>> mediaRegions(const std::string &sha256) override;
    Result<std::set<std::string>> referencedMedia(const std::vector<std::string> &sha256s) override;
    Result<std::set<std::string>> mediaUnderReview(const std::vector<std::string> &sha256s) override;
    Result<std::vector<MediaReferenceRow>> mediaReferenceRows(const std::string &sha256) override;
    Status putMediaUpload(const MediaUpload &upload) override;
    Result<std::vector<MediaUpload>> mediaUploads(const std::string &sha256) override;
    Result<int64_t> mediaUploadBytes(const std::string &username) override;
    Status forgetMediaUploads(const std::vector<std::string> &sha256s, int64_t completedBeforeMs) override;
    Result<int64_t> appendAudit(const AuditEntry &entry) override;
    Result<AuditPage> auditEntries(const AuditQuery &query) override;
    Result<StoreStatus> health() override;
    std::string incarnation() const override { return m_incarnation; }

    // Accounts and device binding (sqlite_accounts.cpp).
    Result<std::vector<UserAccount>> users() override;
    Result<bool> addUser(const UserAccount &user) override;
    Status setPassword(const std::string &username, const std::string &passwordHash, bool mustChange,
                       const std::string &keepToken) override;
    Status setUserDisabled(const std::string &username, bool disabled) override;
    Status deleteToken(const std::string &tokenSha256) override;
    Status trimTokens(const std::string &username, size_t keep) override;
    Result<DeviceOwner> claimDevice(const std::string &deviceId, const std::string &username,
                                    int64_t nowMs) override;
    Result<std::optional<DeviceOwner>> findDeviceOwner(const std::string &deviceId) override;
    Result<std::vector<DeviceOwner>> deviceOwners() override;
    Status revokeDevice(const std::string &deviceId, const std::string &by, int64_t nowMs) override;
    Status releaseDevice(const std::string &deviceId) override;
    Status noteDeviceActivity(const DeviceActivity &activity) override;

private:
    explicit SqliteCentralStore(sql::Database db)
        : m_db(std::move(db)) {}
    class SqliteWriteTransaction;

    void startCheckpointer(sql::Database checkpointDb);
    static int onWalCommit(void *self, sqlite3 *db, const char *name, int frames);
    void checkpointLoop();

    std::mutex m_mutex;
    sql::Database m_db; // guarded by m_mutex
    std::string m_path; // of the database file
    std::string m_incarnation;

    // The background checkpointer: its own connection, woken by the WAL hook after a commit.
    sql::Database m_checkpointDb; // used only by m_checkpointer
    std::mutex m_checkpointMutex;
    std::condition_variable m_checkpointWake;
    bool m_checkpointDue = false; // guarded by m_checkpointMutex
    bool m_stopping = false;      // guarded by m_checkpointMutex
    std::thread m_checkpointer;
};

} // namespace ruhu::server
