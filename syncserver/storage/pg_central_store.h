#pragma once

#include "central_store.h"
#include "pg_connection_pool.h"

#include <memory>
#include <string>

namespace ruhu::server {

// The central store on PostgreSQL (docs/storage.md): many servers and many concurrent write
// transactions on one database. A write transaction is a READ COMMITTED transaction on a pooled
// connection; the records, reviews and device sequence rows it reads are locked (FOR UPDATE) until it
// ends, and a lost race (deadlock, unique key taken meanwhile) fails with kRetryCode.
//
// The pull cursor is a position in the change log, not a version: each record and departure row carries
// pos = (xid8 of the transaction that wrote it) << 20 | (the write's ordinal in that transaction), and a
// pull reads only rows below the horizon of the oldest transaction still running
// (pg_snapshot_xmin(pg_current_snapshot())), so a row that commits late is never behind a cursor that
// has already moved past its position.
class PgCentralStore final : public CentralStore {
public:
    struct Options {
        size_t connections = 8;
        // Tests only (tst_pg_change_cursor): the pull reads `version > cursor` in version order, as a
        // single-writer store may, to show that a row that commits late is then skipped.
        bool naiveSequenceCursor = false;
    };

    // conninfo: a libpq connection URI (postgresql://…). Creates or migrates the schema.
    static Result<std::unique_ptr<PgCentralStore>> open(const std::string &conninfo, Options options);
    static Result<std::unique_ptr<PgCentralStore>> open(const std::string &conninfo) {
        return open(conninfo, Options{});
    }

    // Bits of pos below the transaction id: at most 2^20 - 1 record or departure writes per transaction.
    static constexpr int kOrdinalBits = 20;

    Result<std::unique_ptr<WriteTransaction>> beginWrite() override;
    Result<std::vector<protocol::Area>> areas() override;
    Result<std::optional<UserAccount>> findUser(const std::string &username) override;
    Status putToken(const TokenGrant &grant, int64_t nowMs) override;
    Result<std::optional<UserAccount>> userForToken(const std::string &tokenSha256, int64_t nowMs) override;
    Result<ChangePage> changesSince(const std::vector<std::string> &regionPrefixes, int64_t cursor,
                                    size_t limit) override;
    Result<std::optional<Record>> findRecord(const std::string &kind, const std::string &id) override;
    // From the (kind, id) primary key: one index range per page (the default rescans the change log).
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
    // Monitoring (docs/operations.md): the review queue's depth and pg_database_size. The incarnation
    // (docs/decisions.md D21) is not kept by this store yet: a PostgreSQL restore does not make tablets
    // re-send.
    Result<StoreStatus> health() override;

    // Accounts and device binding (pg_accounts.cpp).
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
    PgCentralStore(const std::string &conninfo, Options options)
        : m_pool(conninfo, options.connections)
        , m_options(options) {}

    Result<ChangePage> naiveChangesSince(pq::Connection &db, const std::vector<std::string> &prefixes,
                                         int64_t cursor, size_t limit);

    PgConnectionPool m_pool;
    const Options m_options;
};

} // namespace ruhu::server
