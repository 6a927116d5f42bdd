// SqliteCentralStore: accounts, sessions and device binding (docs/accounts.md).
#include "sqlite_central_store.h"

namespace ruhu::server {
namespace {

constexpr const char *kOwnerColumns = "device_id, username, bound_at, revoked_at, revoked_by, last_push_at, "
                                      "last_pull_at, app_version, clock_offset_ms";

DeviceOwner ownerFromRow(const sql::Statement &s) {
    DeviceOwner owner{s.columnText(0), s.columnText(1), s.columnInt(2), s.columnInt(3), s.columnText(4)};
    owner.lastPushAtMs = s.columnInt(5);
    owner.lastPullAtMs = s.columnInt(6);
    owner.appVersion = s.columnText(7);
    owner.clockKnown = !s.columnIsNull(8);
    owner.clockOffsetMs = s.columnInt(8);
    return owner;
}

// Deletes the tokens matching `where` (on ?1 = key), except the one whose SHA-256 is keep.
Status deleteTokens(sql::Database &db, const char *where, const std::string &key,
                    const std::string &keep = {}) {
    auto stmt = db.prepare(std::string("DELETE FROM tokens WHERE ") + where + " AND sha256 <> ?2");
    if (!stmt)
        return stmt.error();
    // Bound as text even when empty: an empty view may carry a null pointer, which SQLite binds as NULL.
    return stmt->bind(1, std::string_view(key.c_str(), key.size()))
        .bind(2, std::string_view(keep.c_str(), keep.size()))
        .run();
}

} // namespace

Result<std::vector<UserAccount>> SqliteCentralStore::users() {
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare(std::string("SELECT ") + kUserColumns + " FROM users ORDER BY username");
    if (!stmt)
        return stmt.error();
    std::vector<UserAccount> list;
    while (stmt->step())
        list.push_back(userFromRow(*stmt, 0));
    if (stmt->lastError())
        return *stmt->lastError();
    return list;
}

Result<bool> SqliteCentralStore::addUser(const UserAccount &user) {
    std::lock_guard lock(m_mutex);
    auto stmt =
        m_db.prepare("INSERT OR IGNORE INTO users (username, display_name, role, password_hash, scope, "
                     "disabled, must_change_password) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!stmt)
        return stmt.error();
    if (auto st = stmt->bind(1, user.username)
                      .bind(2, user.displayName)
                      .bind(3, user.role)
                      .bind(4, user.passwordHash)
                      .bind(5, scopeToJsonText(user.scope))
                      .bind(6, int64_t(user.disabled ? 1 : 0))
                      .bind(7, int64_t(user.mustChangePassword ? 1 : 0))
                      .run();
        !st)
        return st.error();
    return m_db.changes() > 0;
}

Status SqliteCentralStore::setPassword(const std::string &username, const std::string &passwordHash,
                                       bool mustChange, const std::string &keepToken) {
    std::lock_guard lock(m_mutex);
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    auto stmt =
        m_db.prepare("UPDATE users SET password_hash = ?2, must_change_password = ?3 WHERE username = ?1");
    if (!stmt)
        return stmt.error();
    if (auto st = stmt->bind(1, username).bind(2, passwordHash).bind(3, int64_t(mustChange ? 1 : 0)).run();
        !st)
        return st;
    if (auto st = deleteTokens(m_db, "username = ?1", username, keepToken); !st)
        return st;
    return tx.commit();
}

Status SqliteCentralStore::setUserDisabled(const std::string &username, bool disabled) {
    std::lock_guard lock(m_mutex);
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    auto stmt = m_db.prepare("UPDATE users SET disabled = ?2 WHERE username = ?1");
    if (!stmt)
        return stmt.error();
    if (auto st = stmt->bind(1, username).bind(2, int64_t(disabled ? 1 : 0)).run(); !st)
        return st;
    if (disabled) {
        if (auto st = deleteTokens(m_db, "username = ?1", username); !st)
            return st;
    }
    return tx.commit();
}

Status SqliteCentralStore::deleteToken(const std::string &tokenSha256) {
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare("DELETE FROM tokens WHERE sha256 = ?1");
    if (!stmt)
        return stmt.error();
    return stmt->bind(1, tokenSha256).run();
}

Status SqliteCentralStore::trimTokens(const std::string &username, size_t keep) {
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare("DELETE FROM tokens WHERE username = ?1 AND sha256 NOT IN (SELECT sha256 FROM "
                             "tokens WHERE username = ?1 ORDER BY created_at DESC, rowid DESC LIMIT ?2)");
    if (!stmt)
        return stmt.error();
    return stmt->bind(1, username).bind(2, static_cast<int64_t>(keep)).run();
}

Result<DeviceOwner> SqliteCentralStore::claimDevice(const std::string &deviceId, const std::string &username,
                                                    int64_t nowMs) {
    std::lock_guard lock(m_mutex);
    auto insert = m_db.prepare(
        "INSERT OR IGNORE INTO device_owners (device_id, username, bound_at) VALUES (?1, ?2, ?3)");
    if (!insert)
        return insert.error();
    if (auto st = insert->bind(1, deviceId).bind(2, username).bind(3, nowMs).run(); !st)
        return st.error();
    auto stmt =
        m_db.prepare(std::string("SELECT ") + kOwnerColumns + " FROM device_owners WHERE device_id = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, deviceId);
    if (!stmt->step())
        return stmt->lastError() ? *stmt->lastError() : Error{"storage", "数据库错误", ""};
    return ownerFromRow(*stmt);
}

Result<std::optional<DeviceOwner>> SqliteCentralStore::findDeviceOwner(const std::string &deviceId) {
    std::lock_guard lock(m_mutex);
    auto stmt =
        m_db.prepare(std::string("SELECT ") + kOwnerColumns + " FROM device_owners WHERE device_id = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, deviceId);
    if (!stmt->step()) {
        if (stmt->lastError())
            return *stmt->lastError();
        return std::optional<DeviceOwner>();
    }
    return std::optional<DeviceOwner>(ownerFromRow(*stmt));
}

Result<std::vector<DeviceOwner>> SqliteCentralStore::deviceOwners() {
    std::lock_guard lock(m_mutex);
    auto stmt =
        m_db.prepare(std::string("SELECT ") + kOwnerColumns + " FROM device_owners ORDER BY device_id");
    if (!stmt)
        return stmt.error();
    std::vector<DeviceOwner> list;
    while (stmt->step())
        list.push_back(ownerFromRow(*stmt));
    if (stmt->lastError())
        return *stmt->lastError();
    return list;
}

Status SqliteCentralStore::revokeDevice(const std::string &deviceId, const std::string &by, int64_t nowMs) {
    std::lock_guard lock(m_mutex);
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    if (auto st = deleteTokens(m_db, "device_id = ?1", deviceId); !st)
        return st;
    auto key = m_db.prepare("UPDATE device_keys SET retired_at = ?2, retired_by = ?3 "
                            "WHERE device_id = ?1 AND retired_at = 0");
    if (!key)
        return key.error();
    if (auto st = key->bind(1, deviceId).bind(2, nowMs).bind(3, by).run(); !st)
        return st;
    auto owner =
        m_db.prepare("UPDATE device_owners SET revoked_at = ?2, revoked_by = ?3 WHERE device_id = ?1");
    if (!owner)
        return owner.error();
    if (auto st = owner->bind(1, deviceId).bind(2, nowMs).bind(3, by).run(); !st)
        return st;
    return tx.commit();
}

Status SqliteCentralStore::releaseDevice(const std::string &deviceId) {
    std::lock_guard lock(m_mutex);
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    if (auto st = deleteTokens(m_db, "device_id = ?1", deviceId); !st)
        return st;
    auto stmt = m_db.prepare("DELETE FROM device_owners WHERE device_id = ?1");
    if (!stmt)
        return stmt.error();
    if (auto st = stmt->bind(1, deviceId).run(); !st)
        return st;
    return tx.commit();
}

Status SqliteCentralStore::noteDeviceActivity(const DeviceActivity &a) {
    std::lock_guard lock(m_mutex);
    const bool push = a.kind == DeviceActivity::Kind::Push;
    auto stmt = m_db.prepare(
        std::string("UPDATE device_owners SET ") + (push ? "last_push_at = ?2" : "last_pull_at = ?2") +
        ", app_version = CASE WHEN ?3 = '' THEN app_version ELSE ?3 END"
        ", clock_offset_ms = coalesce(?4, clock_offset_ms) WHERE device_id = ?1" +
        (push ? "" : " AND (last_pull_at < ?2 - 60000 OR (?3 <> '' AND app_version <> ?3))"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, a.deviceId).bind(2, a.atMs).bind(3, a.appVersion);
    if (a.clockOffsetMs)
        stmt->bind(4, *a.clockOffsetMs);
    return stmt->run();
}

} // namespace ruhu::server
