#include "sqlite_central_store.h"

#include "sqlite_schema.h"

#include <ruhu/json/canonical_json.h>

#include <boost/json/array.hpp>

#include <filesystem>
#include <system_error>

namespace ruhu::server {
namespace {

constexpr const char *kRecordColumns = "kind, id, household_id, region_code, version, deleted, body";

std::string scopeToJson(const std::vector<std::string> &scope) {
    boost::json::array list;
    for (const auto &code : scope)
        list.emplace_back(code);
    return toCanonicalJson(list);
}

std::vector<std::string> scopeFromJson(const std::string &text) {
    std::vector<std::string> scope;
    auto parsed = parseJson(text);
    if (!parsed || !parsed->is_array())
        return scope;
    for (const auto &v : parsed->get_array()) {
        if (v.is_string())
            scope.emplace_back(v.get_string());
    }
    return scope;
}

// Reads a row selected with kRecordColumns.
Result<Record> recordFromRow(const sql::Statement &stmt) {
    Record r;
    r.kind = stmt.columnText(0);
    r.id = stmt.columnText(1);
    r.householdId = stmt.columnText(2);
    r.regionCode = stmt.columnText(3);
    r.version = stmt.columnInt(4);
    r.deleted = stmt.columnInt(5) != 0;
    auto body = parseJson(stmt.columnText(6));
    if (!body || !body->is_object())
        return Error{"storage", "数据库中的记录已损坏（" + r.kind + " " + r.id + "）", ""};
    const auto &o = body->get_object();
    if (auto it = o.find("fields"); it != o.end() && it->value().is_object())
        r.fields = it->value().get_object();
    if (auto it = o.find("clocks"); it != o.end() && it->value().is_object())
        r.clocks = it->value().get_object();
    return r;
}

UserAccount userFromRow(const sql::Statement &stmt, int first) {
    return UserAccount{stmt.columnText(first), stmt.columnText(first + 1), stmt.columnText(first + 2),
                       stmt.columnText(first + 3), scopeFromJson(stmt.columnText(first + 4))};
}

Error stepError(const sql::Statement &stmt) {
    return stmt.lastError() ? *stmt.lastError() : Error{"storage", "数据库错误", ""};
}

} // namespace

class SqliteCentralStore::SqliteWriteTransaction final : public CentralStore::WriteTransaction {
public:
    SqliteWriteTransaction(std::unique_lock<std::mutex> lock, sql::Database &db)
        : m_lock(std::move(lock))
        , m_db(db)
        , m_tx(db) {}

    const Status &begun() const { return m_tx.begun(); }

    Result<std::optional<AppliedMutation>> findApplied(const std::string &mutationId) override {
        auto stmt = cached(m_findApplied, "SELECT id, device_id, seq, received_at, mutation, result "
                                          "FROM applied_mutations WHERE id = ?1");
        if (!stmt)
            return stmt.error();
        sql::Statement &s = **stmt;
        s.bind(1, mutationId);
        if (!s.step()) {
            if (s.lastError())
                return *s.lastError();
            return std::optional<AppliedMutation>();
        }
        return std::optional<AppliedMutation>(AppliedMutation{s.columnText(0), s.columnText(1),
                                                              s.columnInt(2), s.columnInt(3), s.columnText(4),
                                                              s.columnText(5)});
    }

    Result<std::optional<Record>> findRecord(const std::string &kind, const std::string &id) override {
        auto stmt = cached(m_findRecord, std::string("SELECT ") + kRecordColumns +
                                             " FROM records WHERE kind = ?1 AND id = ?2");
        if (!stmt)
            return stmt.error();
        sql::Statement &s = **stmt;
        s.bind(1, kind).bind(2, id);
        if (!s.step()) {
            if (s.lastError())
                return *s.lastError();
            return std::optional<Record>();
        }
        auto record = recordFromRow(s);
        if (!record)
            return record.error();
        return std::optional<Record>(std::move(*record));
    }

    Result<int64_t> nextVersion() override {
        if (m_lastVersion < 0) {
            auto stmt = m_db.prepare("SELECT value FROM meta WHERE key = 'last_version'");
            if (!stmt)
                return stmt.error();
            if (!stmt->step())
                return stepError(*stmt);
            m_lastVersion = stmt->columnInt(0);
        }
        return ++m_lastVersion;
    }

    Status putRecord(const Record &record) override {
        auto stmt = cached(
            m_putRecord, std::string("INSERT INTO records (") + kRecordColumns +
                             ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(kind, id) DO UPDATE SET "
                             "household_id = excluded.household_id, region_code = excluded.region_code, "
                             "version = excluded.version, deleted = excluded.deleted, body = excluded.body");
        if (!stmt)
            return stmt.error();
        boost::json::object body{{"fields", record.fields}, {"clocks", record.clocks}};
        return (*stmt)
            ->bind(1, record.kind)
            .bind(2, record.id)
            .bind(3, record.householdId)
            .bind(4, record.regionCode)
            .bind(5, record.version)
            .bind(6, int64_t(record.deleted ? 1 : 0))
            .bind(7, toCanonicalJson(body))
            .run();
    }

    Status putApplied(const AppliedMutation &applied) override {
        auto stmt = cached(m_putApplied, "INSERT INTO applied_mutations (id, device_id, seq, received_at, "
                                         "mutation, result) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        if (!stmt)
            return stmt.error();
        return (*stmt)
            ->bind(1, applied.id)
            .bind(2, applied.deviceId)
            .bind(3, applied.seq)
            .bind(4, applied.receivedAtMs)
            .bind(5, applied.mutationJson)
            .bind(6, applied.resultJson)
            .run();
    }

    Status putArea(const protocol::Area &area) override {
        auto stmt =
            m_db.prepare("INSERT INTO areas (code, name, level, parent) VALUES (?1, ?2, ?3, ?4) "
                         "ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level, "
                         "parent = excluded.parent");
        if (!stmt)
            return stmt.error();
        return stmt->bind(1, area.code).bind(2, area.name).bind(3, area.level).bind(4, area.parent).run();
    }

    Status putUser(const UserAccount &user) override {
        // An upsert, not INSERT OR REPLACE: replacing would delete the row and cascade to its tokens.
        auto stmt = m_db.prepare("INSERT INTO users (username, display_name, role, password_hash, scope) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(username) DO UPDATE SET "
                                 "display_name = excluded.display_name, role = excluded.role, "
                                 "password_hash = excluded.password_hash, scope = excluded.scope");
        if (!stmt)
            return stmt.error();
        return stmt->bind(1, user.username)
            .bind(2, user.displayName)
            .bind(3, user.role)
            .bind(4, user.passwordHash)
            .bind(5, scopeToJson(user.scope))
            .run();
    }

    Status commit() override {
        if (m_lastVersion >= 0) {
            auto stmt = m_db.prepare("UPDATE meta SET value = ?1 WHERE key = 'last_version'");
            if (!stmt)
                return stmt.error();
            if (auto st = stmt->bind(1, m_lastVersion).run(); !st)
                return st;
        }
        // Statements must not hold the database busy past COMMIT.
        m_findApplied.reset();
        m_findRecord.reset();
        m_putRecord.reset();
        m_putApplied.reset();
        return m_tx.commit();
    }

private:
    // Prepares a statement once per transaction (a 500-mutation push reuses it 500 times).
    Result<sql::Statement *> cached(std::optional<sql::Statement> &slot, const std::string &sqlText) {
        if (!slot) {
            auto stmt = m_db.prepare(sqlText);
            if (!stmt)
                return stmt.error();
            slot.emplace(std::move(*stmt));
        } else {
            slot->reset();
        }
        return &*slot;
    }

    // Declared first so it is released last, after the SQLite transaction has ended.
    std::unique_lock<std::mutex> m_lock;
    sql::Database &m_db;
    sql::Transaction m_tx;
    int64_t m_lastVersion = -1;
    std::optional<sql::Statement> m_findApplied;
    std::optional<sql::Statement> m_findRecord;
    std::optional<sql::Statement> m_putRecord;
    std::optional<sql::Statement> m_putApplied;
};

Result<std::unique_ptr<SqliteCentralStore>> SqliteCentralStore::open(const std::string &dataDir) {
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec)
        return Error{"storage", "无法创建数据目录 " + dataDir + "：" + ec.message(), ""};
    auto db = sql::Database::open((std::filesystem::path(dataDir) / kFileName).string(), true);
    if (!db)
        return db.error();
    // A device drops its outbox once a push is acknowledged, so a commit must survive power loss too,
    // not only a crash of this process (WAL's default NORMAL only promises the latter).
    if (auto st = db->exec("PRAGMA synchronous=FULL"); !st)
        return st.error();
    if (auto st = createCentralSchema(*db); !st)
        return st.error();
    return std::unique_ptr<SqliteCentralStore>(new SqliteCentralStore(std::move(*db)));
}

Result<std::unique_ptr<CentralStore::WriteTransaction>> SqliteCentralStore::beginWrite() {
    auto tx = std::make_unique<SqliteWriteTransaction>(std::unique_lock(m_mutex), m_db);
    if (!tx->begun())
        return tx->begun().error();
    return std::unique_ptr<WriteTransaction>(std::move(tx));
}

Result<std::vector<protocol::Area>> SqliteCentralStore::areas() {
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare("SELECT code, name, level, parent FROM areas ORDER BY code");
    if (!stmt)
        return stmt.error();
    std::vector<protocol::Area> list;
    while (stmt->step())
        list.push_back({stmt->columnText(0), stmt->columnText(1), stmt->columnText(2), stmt->columnText(3)});
    if (stmt->lastError())
        return *stmt->lastError();
    return list;
}

Result<std::optional<UserAccount>> SqliteCentralStore::findUser(const std::string &username) {
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare(
        "SELECT username, display_name, role, password_hash, scope FROM users WHERE username = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, username);
    if (!stmt->step()) {
        if (stmt->lastError())
            return *stmt->lastError();
        return std::optional<UserAccount>();
    }
    return std::optional<UserAccount>(userFromRow(*stmt, 0));
}

Status SqliteCentralStore::putToken(const TokenGrant &grant, int64_t nowMs) {
    std::lock_guard lock(m_mutex);
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    auto purge = m_db.prepare("DELETE FROM tokens WHERE expires <= ?1");
    if (!purge)
        return purge.error();
    if (auto st = purge->bind(1, nowMs).run(); !st)
        return st;
    auto stmt = m_db.prepare("INSERT INTO tokens (sha256, username, expires) VALUES (?1, ?2, ?3)");
    if (!stmt)
        return stmt.error();
    if (auto st = stmt->bind(1, grant.tokenSha256).bind(2, grant.username).bind(3, grant.expiresMs).run();
        !st)
        return st;
    return tx.commit();
}

Result<std::optional<UserAccount>> SqliteCentralStore::userForToken(const std::string &tokenSha256,
                                                                    int64_t nowMs) {
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare("SELECT u.username, u.display_name, u.role, u.password_hash, u.scope "
                             "FROM tokens t JOIN users u ON u.username = t.username "
                             "WHERE t.sha256 = ?1 AND t.expires > ?2");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, tokenSha256).bind(2, nowMs);
    if (!stmt->step()) {
        if (stmt->lastError())
            return *stmt->lastError();
        return std::optional<UserAccount>();
    }
    return std::optional<UserAccount>(userFromRow(*stmt, 0));
}

Result<ChangePage> SqliteCentralStore::changesSince(const std::vector<std::string> &regionPrefixes,
                                                    int64_t cursor, size_t limit) {
    ChangePage page;
    std::vector<std::string> prefixes;
    for (const auto &p : regionPrefixes) {
        if (!p.empty())
            prefixes.push_back(p);
    }
    if (prefixes.empty() || limit == 0)
        return page;

    std::string sqlText = std::string("SELECT ") + kRecordColumns + " FROM records WHERE version > ?1 AND (";
    for (size_t i = 0; i < prefixes.size(); ++i) {
        std::string param = "?" + std::to_string(i + 3);
        sqlText +=
            (i ? " OR " : "") + std::string("substr(region_code, 1, length(") + param + ")) = " + param;
    }
    sqlText += ") ORDER BY version LIMIT ?2";

    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare(sqlText);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, cursor).bind(2, static_cast<int64_t>(limit + 1));
    for (size_t i = 0; i < prefixes.size(); ++i)
        stmt->bind(static_cast<int>(i + 3), prefixes[i]);
    while (stmt->step()) {
        if (page.records.size() == limit) {
            page.hasMore = true;
            break;
        }
        auto record = recordFromRow(*stmt);
        if (!record)
            return record.error();
        page.records.push_back(std::move(*record));
    }
    if (stmt->lastError())
        return *stmt->lastError();
    return page;
}

} // namespace ruhu::server
