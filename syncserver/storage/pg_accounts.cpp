// PgCentralStore: accounts, sessions and device binding (docs/accounts.md), as sqlite_accounts.cpp.
#include "pg_central_store.h"
#include "pg_rows.h"
#include "record_codec.h"

namespace ruhu::server {
namespace {

constexpr const char *kOwnerColumns = "device_id, username, bound_at, revoked_at, revoked_by, last_push_at, "
                                      "last_pull_at, app_version, clock_offset_ms";

DeviceOwner ownerAt(const pq::Rows &rows, int i) {
    DeviceOwner owner{rows.text(i, 0), rows.text(i, 1), rows.integer(i, 2), rows.integer(i, 3),
                      rows.text(i, 4)};
    owner.lastPushAtMs = rows.integer(i, 5);
    owner.lastPullAtMs = rows.integer(i, 6);
    owner.appVersion = rows.text(i, 7);
    owner.clockKnown = !rows.isNull(i, 8);
    owner.clockOffsetMs = owner.clockKnown ? rows.integer(i, 8) : 0;
    return owner;
}

Status status(const Result<pq::Rows> &rows) {
    return rows ? okStatus() : Status(rows.error());
}

} // namespace

Result<std::vector<UserAccount>> PgCentralStore::users() {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows = (*db)->exec(std::string("SELECT ") + pg::kUserColumns + " FROM users ORDER BY username");
    if (!rows)
        return rows.error();
    std::vector<UserAccount> list;
    for (int i = 0; i < rows->size(); ++i)
        list.push_back(pg::userAt(*rows, i));
    return list;
}

Result<bool> PgCentralStore::addUser(const UserAccount &user) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows =
        (*db)->exec("INSERT INTO users (username, display_name, role, password_hash, scope, disabled, "
                    "must_change_password) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
                    {user.username, user.displayName, user.role, user.passwordHash, scopeToJson(user.scope),
                     user.disabled, user.mustChangePassword});
    if (!rows)
        return rows.error();
    return rows->affected() > 0;
}

Status PgCentralStore::setPassword(const std::string &username, const std::string &passwordHash,
                                   bool mustChange, const std::string &keepToken) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    return pg::inTransaction(**db, [&]() -> Status {
        if (auto st = (*db)->exec("UPDATE users SET password_hash = $2, must_change_password = $3 "
                                  "WHERE username = $1",
                                  {username, passwordHash, mustChange});
            !st)
            return st.error();
        return status(
            (*db)->exec("DELETE FROM tokens WHERE username = $1 AND sha256 <> $2", {username, keepToken}));
    });
}

Status PgCentralStore::setUserDisabled(const std::string &username, bool disabled) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    return pg::inTransaction(**db, [&]() -> Status {
        if (auto st = (*db)->exec("UPDATE users SET disabled = $2 WHERE username = $1", {username, disabled});
            !st)
            return st.error();
        if (!disabled)
            return okStatus();
        return status((*db)->exec("DELETE FROM tokens WHERE username = $1", {username}));
    });
}

Status PgCentralStore::deleteToken(const std::string &tokenSha256) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    return status((*db)->exec("DELETE FROM tokens WHERE sha256 = $1", {tokenSha256}));
}

Status PgCentralStore::trimTokens(const std::string &username, size_t keep) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    return status((*db)->exec("DELETE FROM tokens WHERE username = $1 AND sha256 NOT IN (SELECT sha256 FROM "
                              "tokens WHERE username = $1 ORDER BY created_at DESC, issued DESC LIMIT $2)",
                              {username, keep}));
}

Result<DeviceOwner> PgCentralStore::claimDevice(const std::string &deviceId, const std::string &username,
                                                int64_t nowMs) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    if (auto st = (*db)->exec("INSERT INTO device_owners (device_id, username, bound_at) VALUES ($1, $2, $3) "
                              "ON CONFLICT DO NOTHING",
                              {deviceId, username, nowMs});
        !st)
        return st.error();
    auto rows = (*db)->exec(
        std::string("SELECT ") + kOwnerColumns + " FROM device_owners WHERE device_id = $1", {deviceId});
    if (!rows)
        return rows.error();
    if (rows->empty()) // released by someone else in between: bind again
        return claimDevice(deviceId, username, nowMs);
    return ownerAt(*rows, 0);
}

Result<std::optional<DeviceOwner>> PgCentralStore::findDeviceOwner(const std::string &deviceId) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows = (*db)->exec(
        std::string("SELECT ") + kOwnerColumns + " FROM device_owners WHERE device_id = $1", {deviceId});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<DeviceOwner>();
    return std::optional<DeviceOwner>(ownerAt(*rows, 0));
}

Result<std::vector<DeviceOwner>> PgCentralStore::deviceOwners() {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows =
        (*db)->exec(std::string("SELECT ") + kOwnerColumns + " FROM device_owners ORDER BY device_id");
    if (!rows)
        return rows.error();
    std::vector<DeviceOwner> list;
    for (int i = 0; i < rows->size(); ++i)
        list.push_back(ownerAt(*rows, i));
    return list;
}

Status PgCentralStore::revokeDevice(const std::string &deviceId, const std::string &by, int64_t nowMs) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    return pg::inTransaction(**db, [&]() -> Status {
        if (auto st = (*db)->exec("DELETE FROM tokens WHERE device_id = $1", {deviceId}); !st)
            return st.error();
        if (auto st = (*db)->exec("UPDATE device_keys SET retired_at = $2, retired_by = $3 "
                                  "WHERE device_id = $1 AND retired_at = 0",
                                  {deviceId, nowMs, by});
            !st)
            return st.error();
        return status(
            (*db)->exec("UPDATE device_owners SET revoked_at = $2, revoked_by = $3 WHERE device_id = $1",
                        {deviceId, nowMs, by}));
    });
}

Status PgCentralStore::releaseDevice(const std::string &deviceId) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    return pg::inTransaction(**db, [&]() -> Status {
        if (auto st = (*db)->exec("DELETE FROM tokens WHERE device_id = $1", {deviceId}); !st)
            return st.error();
        return status((*db)->exec("DELETE FROM device_owners WHERE device_id = $1", {deviceId}));
    });
}

Status PgCentralStore::noteDeviceActivity(const DeviceActivity &a) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    const bool push = a.kind == DeviceActivity::Kind::Push;
    pq::Param offset = a.clockOffsetMs ? pq::Param(*a.clockOffsetMs) : pq::Param(nullptr);
    return status((*db)->exec(
        std::string("UPDATE device_owners SET ") + (push ? "last_push_at = $2" : "last_pull_at = $2") +
            ", app_version = CASE WHEN $3 = '' THEN app_version ELSE $3 END"
            ", clock_offset_ms = coalesce($4::bigint, clock_offset_ms) WHERE device_id = $1" +
            (push ? "" : " AND (last_pull_at < $2::bigint - 60000 OR ($3 <> '' AND app_version <> $3))"),
        {a.deviceId, a.atMs, a.appVersion, offset}));
}

} // namespace ruhu::server
