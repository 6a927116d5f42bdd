#include "sqlite_central_store.h"

#include "record_codec.h"
#include "sqlite_schema.h"

#include <ruhu/json/canonical_json.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <charconv>
#include <fcntl.h>
#include <filesystem>
#include <limits>
#include <sqlite3.h>
#include <system_error>
#include <unistd.h>

namespace ruhu::server {
namespace {

constexpr const char *kRecordColumns = "kind, id, household_id, region_code, version, deleted, body";

// Reads a row selected with kRecordColumns.
Result<Record> recordFromRow(const sql::Statement &stmt) {
    Record r;
    r.kind = stmt.columnText(0);
    r.id = stmt.columnText(1);
    r.householdId = stmt.columnText(2);
    r.regionCode = stmt.columnText(3);
    r.version = stmt.columnInt(4);
    r.deleted = stmt.columnInt(5) != 0;
    if (auto st = readRecordBody(stmt.columnText(6), r); !st)
        return st.error();
    return r;
}

constexpr const char *kReviewColumns =
    "id, kind, record_id, household_id, region_code, field, base_value, server_value, server_hlc, "
    "incoming_value, incoming_hlc, mutation_id, device_id, author, created_at, status, resolution";

// Reads a row selected with kReviewColumns.
ReviewEntry reviewFromRow(const sql::Statement &s) {
    ReviewEntry r;
    r.id = s.columnInt(0);
    r.kind = s.columnText(1);
    r.recordId = s.columnText(2);
    r.householdId = s.columnText(3);
    r.regionCode = s.columnText(4);
    r.field = s.columnText(5);
    r.baseValue = jsonOrNull(s.columnText(6));
    r.serverValue = jsonOrNull(s.columnText(7));
    r.serverHlc = s.columnText(8);
    r.incomingValue = jsonOrNull(s.columnText(9));
    r.incomingHlc = s.columnText(10);
    r.mutationId = s.columnText(11);
    r.deviceId = s.columnText(12);
    r.author = s.columnText(13);
    r.createdAtMs = s.columnInt(14);
    r.status = s.columnText(15);
    r.resolution = s.columnIsNull(16) ? boost::json::value() : jsonOrNull(s.columnText(16));
    return r;
}

// "(substr(column, 1, length(?N)) = ?N OR ...)" for prefixes bound from parameter `first` on.
std::string prefixCondition(const std::string &column, size_t count, int first) {
    std::string text = "(";
    for (size_t i = 0; i < count; ++i) {
        std::string param = "?" + std::to_string(first + static_cast<int>(i));
        text +=
            (i ? " OR " : "") + std::string("substr(") + column + ", 1, length(" + param + ")) = " + param;
    }
    return text + ")";
}

std::vector<std::string> nonEmpty(const std::vector<std::string> &prefixes) {
    std::vector<std::string> out;
    for (const auto &p : prefixes) {
        if (!p.empty())
            out.push_back(p);
    }
    return out;
}

} // namespace

// Reads a row selected with kUserColumns.
UserAccount userFromRow(const sql::Statement &stmt, int first) {
    UserAccount user{stmt.columnText(first), stmt.columnText(first + 1), stmt.columnText(first + 2),
                     stmt.columnText(first + 3), scopeFromJson(stmt.columnText(first + 4))};
    user.disabled = stmt.columnInt(first + 5) != 0;
    user.mustChangePassword = stmt.columnInt(first + 6) != 0;
    return user;
}

std::string scopeToJsonText(const std::vector<std::string> &scope) {
    return scopeToJson(scope);
}

namespace {

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

    Result<int64_t> peekVersion() override {
        auto next = nextVersion();
        if (next)
            --m_lastVersion;
        return next;
    }

    Result<std::vector<Record>> householdRecords(const std::string &householdId) override {
        auto stmt = m_db.prepare(std::string("SELECT ") + kRecordColumns +
                                 " FROM records WHERE household_id = ?1 ORDER BY kind, id");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, householdId);
        std::vector<Record> list;
        while (stmt->step()) {
            auto record = recordFromRow(*stmt);
            if (!record)
                return record.error();
            list.push_back(std::move(*record));
        }
        if (stmt->lastError())
            return *stmt->lastError();
        return list;
    }

    Result<int64_t> putReview(const ReviewEntry &r) override {
        const std::string resolution = r.resolution.is_null() ? std::string() : toCanonicalJson(r.resolution);
        if (r.id > 0) {
            auto stmt = m_db.prepare("UPDATE reviews SET status = ?2, resolution = ?3 WHERE id = ?1");
            if (!stmt)
                return stmt.error();
            stmt->bind(1, r.id).bind(2, r.status);
            if (resolution.empty())
                stmt->bindNull(3);
            else
                stmt->bind(3, resolution);
            if (auto st = stmt->run(); !st)
                return st.error();
            return r.id;
        }
        auto stmt =
            cached(m_putReview,
                   "INSERT INTO reviews (kind, record_id, household_id, region_code, field, base_value, "
                   "server_value, server_hlc, incoming_value, incoming_hlc, mutation_id, device_id, "
                   "author, created_at, status) VALUES "
                   "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
        if (!stmt)
            return stmt.error();
        auto st = (*stmt)
                      ->bind(1, r.kind)
                      .bind(2, r.recordId)
                      .bind(3, r.householdId)
                      .bind(4, r.regionCode)
                      .bind(5, r.field)
                      .bind(6, toCanonicalJson(r.baseValue))
                      .bind(7, toCanonicalJson(r.serverValue))
                      .bind(8, r.serverHlc)
                      .bind(9, toCanonicalJson(r.incomingValue))
                      .bind(10, r.incomingHlc)
                      .bind(11, r.mutationId)
                      .bind(12, r.deviceId)
                      .bind(13, r.author)
                      .bind(14, r.createdAtMs)
                      .bind(15, r.status)
                      .run();
        if (!st)
            return st.error();
        return lastInsertId();
    }

    Result<std::optional<ReviewEntry>> findReview(int64_t id) override {
        auto stmt = m_db.prepare(std::string("SELECT ") + kReviewColumns + " FROM reviews WHERE id = ?1");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, id);
        if (!stmt->step()) {
            if (stmt->lastError())
                return *stmt->lastError();
            return std::optional<ReviewEntry>();
        }
        return std::optional<ReviewEntry>(reviewFromRow(*stmt));
    }

    Status moveReviews(const std::string &householdId, const std::string &regionCode) override {
        auto stmt = m_db.prepare("UPDATE reviews SET region_code = ?2 WHERE household_id = ?1");
        if (!stmt)
            return stmt.error();
        return stmt->bind(1, householdId).bind(2, regionCode).run();
    }

    Status putMediaRefs(const std::string &kind, const std::string &recordId,
                        const std::vector<std::string> &sha256s, const std::string &creator) override {
        auto stmt = m_db.prepare(
            "INSERT OR IGNORE INTO media_refs (sha256, kind, record_id, creator) VALUES (?1, ?2, ?3, ?4)");
        if (!stmt)
            return stmt.error();
        for (const auto &sha : sha256s) {
            stmt->reset();
            if (auto st = stmt->bind(1, sha).bind(2, kind).bind(3, recordId).bind(4, creator).run(); !st)
                return st;
        }
        return okStatus();
    }

    Status putDeparture(const DepartureRow &d) override {
        auto stmt = m_db.prepare("INSERT OR REPLACE INTO departures (kind, id, old_region, version) "
                                 "VALUES (?1, ?2, ?3, ?4)");
        if (!stmt)
            return stmt.error();
        return stmt->bind(1, d.kind).bind(2, d.id).bind(3, d.oldRegion).bind(4, d.version).run();
    }

    Result<std::vector<DepartureRow>> departuresOf(const std::string &kind, const std::string &id) override {
        auto stmt = m_db.prepare("SELECT kind, id, old_region, version FROM departures "
                                 "WHERE kind = ?1 AND id = ?2 ORDER BY version");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, kind).bind(2, id);
        std::vector<DepartureRow> list;
        while (stmt->step())
            list.push_back(
                {stmt->columnText(0), stmt->columnText(1), stmt->columnText(2), stmt->columnInt(3)});
        if (stmt->lastError())
            return *stmt->lastError();
        return list;
    }

    Result<int64_t> createdVersion(const std::string &kind, const std::string &id) override {
        auto stmt =
            m_db.prepare("SELECT coalesce(min(json_extract(result, '$.version')), 0) FROM applied_mutations "
                         "WHERE kind = ?1 AND record_id = ?2 AND json_extract(result, '$.version') > 0 "
                         "AND coalesce(json_extract(result, '$.status'), '') NOT IN ('moved', 'rejected')");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, kind).bind(2, id);
        if (!stmt->step())
            return stepError(*stmt);
        return stmt->columnInt(0);
    }

    Result<int64_t> contiguousSeq(const std::string &deviceId) override {
        auto stmt = cached(m_contiguous, "SELECT contiguous FROM device_sequences WHERE device_id = ?1");
        if (!stmt)
            return stmt.error();
        (*stmt)->bind(1, deviceId);
        if ((*stmt)->step())
            return (*stmt)->columnInt(0);
        if ((*stmt)->lastError())
            return *(*stmt)->lastError();
        return int64_t(0);
    }

    Status putContiguousSeq(const std::string &deviceId, int64_t seq) override {
        auto stmt =
            cached(m_putContiguous, "INSERT INTO device_sequences (device_id, contiguous) VALUES (?1, ?2) "
                                    "ON CONFLICT(device_id) DO UPDATE SET contiguous = excluded.contiguous");
        if (!stmt)
            return stmt.error();
        if (auto st = (*stmt)->bind(1, deviceId).bind(2, seq).run(); !st)
            return st;
        // Declared skips at or below the contiguous mark say nothing any more.
        auto purge = m_db.prepare("DELETE FROM skipped_seqs WHERE device_id = ?1 AND seq <= ?2");
        if (!purge)
            return purge.error();
        return purge->bind(1, deviceId).bind(2, seq).run();
    }

    Result<std::vector<int64_t>> seenSeqsAbove(const std::string &deviceId, int64_t after) override {
        auto stmt = cached(m_seenSeqs, "SELECT seq FROM applied_mutations WHERE device_id = ?1 AND seq > ?2 "
                                       "UNION SELECT seq FROM skipped_seqs WHERE device_id = ?1 AND seq > ?2 "
                                       "ORDER BY seq");
        if (!stmt)
            return stmt.error();
        (*stmt)->bind(1, deviceId).bind(2, after);
        std::vector<int64_t> seqs;
        while ((*stmt)->step())
            seqs.push_back((*stmt)->columnInt(0));
        if ((*stmt)->lastError())
            return *(*stmt)->lastError();
        return seqs;
    }

    Status putSkippedSeqs(const std::string &deviceId, const std::vector<int64_t> &seqs) override {
        if (seqs.empty())
            return okStatus();
        auto stmt = m_db.prepare("INSERT OR IGNORE INTO skipped_seqs (device_id, seq) VALUES (?1, ?2)");
        if (!stmt)
            return stmt.error();
        for (int64_t seq : seqs) {
            stmt->reset();
            if (auto st = stmt->bind(1, deviceId).bind(2, seq).run(); !st)
                return st;
        }
        return okStatus();
    }

    Result<int64_t> maxSeq(const std::string &deviceId) override {
        auto stmt = m_db.prepare("SELECT coalesce(max(seq), 0) FROM applied_mutations WHERE device_id = ?1");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, deviceId);
        if (!stmt->step())
            return stepError(*stmt);
        return stmt->columnInt(0);
    }

    Status putRecord(const Record &record) override {
        auto stmt = cached(
            m_putRecord, std::string("INSERT INTO records (") + kRecordColumns +
                             ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(kind, id) DO UPDATE SET "
                             "household_id = excluded.household_id, region_code = excluded.region_code, "
                             "version = excluded.version, deleted = excluded.deleted, body = excluded.body");
        if (!stmt)
            return stmt.error();
        return (*stmt)
            ->bind(1, record.kind)
            .bind(2, record.id)
            .bind(3, record.householdId)
            .bind(4, record.regionCode)
            .bind(5, record.version)
            .bind(6, int64_t(record.deleted ? 1 : 0))
            .bind(7, recordBody(record))
            .run();
    }

    Status putApplied(const AppliedMutation &applied) override {
        auto stmt = cached(m_putApplied, "INSERT INTO applied_mutations (id, device_id, seq, received_at, "
                                         "mutation, result, kind, record_id) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        if (!stmt)
            return stmt.error();
        return (*stmt)
            ->bind(1, applied.id)
            .bind(2, applied.deviceId)
            .bind(3, applied.seq)
            .bind(4, applied.receivedAtMs)
            .bind(5, applied.mutationJson)
            .bind(6, applied.resultJson)
            .bind(7, applied.kind)
            .bind(8, applied.recordId)
            .run();
    }

    Result<std::optional<RuleConfigRow>> ruleConfigInForce() override {
        auto rows = ruleConfigHistory(1);
        if (!rows)
            return rows.error();
        if (rows->empty())
            return std::optional<RuleConfigRow>();
        return std::optional<RuleConfigRow>(std::move(rows->front()));
    }

    Result<std::vector<RuleConfigRow>> ruleConfigHistory(size_t limit) override {
        auto stmt =
            m_db.prepare("SELECT seq, config_id, config_version, hash, document, loaded_by, loaded_at "
                         "FROM rule_configs ORDER BY seq DESC LIMIT ?1");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, static_cast<int64_t>(limit));
        std::vector<RuleConfigRow> rows;
        while (stmt->step())
            rows.push_back(RuleConfigRow{stmt->columnInt(0), stmt->columnText(1), stmt->columnInt(2),
                                         stmt->columnText(3), stmt->columnText(4), stmt->columnText(5),
                                         stmt->columnInt(6)});
        if (stmt->lastError())
            return *stmt->lastError();
        return rows;
    }

    Result<int64_t> putRuleConfig(const RuleConfigRow &row) override {
        auto stmt = m_db.prepare("INSERT INTO rule_configs (config_id, config_version, hash, document, "
                                 "loaded_by, loaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        if (!stmt)
            return stmt.error();
        if (auto st = stmt->bind(1, row.configId)
                          .bind(2, row.configVersion)
                          .bind(3, row.hash)
                          .bind(4, row.document)
                          .bind(5, row.loadedBy)
                          .bind(6, row.loadedAtMs)
                          .run();
            !st)
            return st.error();
        return lastInsertId();
    }

    Result<std::optional<DeviceKeyRow>> findDeviceKey(const std::string &deviceId) override {
        auto stmt = m_db.prepare("SELECT device_id, public_key, fingerprint, username, registered_at "
                                 "FROM device_keys WHERE device_id = ?1 AND retired_at = 0");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, deviceId);
        if (!stmt->step()) {
            if (stmt->lastError())
                return *stmt->lastError();
            return std::optional<DeviceKeyRow>();
        }
        return std::optional<DeviceKeyRow>(DeviceKeyRow{stmt->columnText(0), stmt->columnText(1),
                                                        stmt->columnText(2), stmt->columnText(3),
                                                        stmt->columnInt(4)});
    }

    Status putDeviceKey(const DeviceKeyRow &key) override {
        auto stmt = m_db.prepare("INSERT INTO device_keys (device_id, public_key, fingerprint, username, "
                                 "registered_at) VALUES (?1, ?2, ?3, ?4, ?5)");
        if (!stmt)
            return stmt.error();
        return stmt->bind(1, key.deviceId)
            .bind(2, key.publicKey)
            .bind(3, key.fingerprint)
            .bind(4, key.username)
            .bind(5, key.registeredAtMs)
            .run();
    }

    Status retireDeviceKey(const std::string &deviceId, const std::string &by, int64_t nowMs) override {
        auto stmt = m_db.prepare("UPDATE device_keys SET retired_at = ?2, retired_by = ?3 "
                                 "WHERE device_id = ?1 AND retired_at = 0");
        if (!stmt)
            return stmt.error();
        return stmt->bind(1, deviceId).bind(2, nowMs).bind(3, by).run();
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
        auto stmt = m_db.prepare(
            "INSERT INTO users (username, display_name, role, password_hash, scope, disabled, "
            "must_change_password) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(username) DO UPDATE SET "
            "display_name = excluded.display_name, role = excluded.role, "
            "password_hash = excluded.password_hash, scope = excluded.scope, disabled = excluded.disabled, "
            "must_change_password = excluded.must_change_password");
        if (!stmt)
            return stmt.error();
        return stmt->bind(1, user.username)
            .bind(2, user.displayName)
            .bind(3, user.role)
            .bind(4, user.passwordHash)
            .bind(5, scopeToJson(user.scope))
            .bind(6, int64_t(user.disabled ? 1 : 0))
            .bind(7, int64_t(user.mustChangePassword ? 1 : 0))
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
        m_putReview.reset();
        m_contiguous.reset();
        m_putContiguous.reset();
        m_seenSeqs.reset();
        auto st = m_tx.commit();
        // Committed: the store is free for others (and for this caller's next calls) at once.
        if (st)
            m_lock.unlock();
        return st;
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

    int64_t lastInsertId() { return sqlite3_last_insert_rowid(m_db.handle()); }

    // Declared first so it is released last, after the SQLite transaction has ended.
    std::unique_lock<std::mutex> m_lock;
    sql::Database &m_db;
    sql::Transaction m_tx;
    int64_t m_lastVersion = -1;
    std::optional<sql::Statement> m_findApplied;
    std::optional<sql::Statement> m_findRecord;
    std::optional<sql::Statement> m_putRecord;
    std::optional<sql::Statement> m_putApplied;
    std::optional<sql::Statement> m_putReview;
    std::optional<sql::Statement> m_contiguous;
    std::optional<sql::Statement> m_putContiguous;
    std::optional<sql::Statement> m_seenSeqs;
};

Result<std::unique_ptr<SqliteCentralStore>> SqliteCentralStore::open(const std::string &dataDir) {
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec)
        return Error{"storage", "无法创建数据目录 " + dataDir + "：" + ec.message(), ""};
    // The store holds 身份证号, health and income data: only the server's own account may read it, whatever
    // the umask or an earlier version left behind.
    namespace fs = std::filesystem;
    fs::permissions(dataDir, fs::perms::owner_all, fs::perm_options::replace, ec);
    if (ec)
        return Error{"storage", "无法设置数据目录权限 " + dataDir + "：" + ec.message(), ""};
    const fs::path dbPath = fs::path(dataDir) / kFileName;
    if (!fs::exists(dbPath, ec)) {
        // Created empty with 0600 before SQLite opens it (SQLite would use 0644 under the usual umask).
        const int fd = ::open(dbPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            ::close(fd);
    }
    auto db = sql::Database::open(dbPath.string(), true);
    if (!db)
        return db.error();
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const fs::path file = dbPath.string() + suffix;
        if (fs::exists(file, ec))
            fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace,
                            ec);
    }
    // A device drops its outbox once a push is acknowledged, so a commit must survive power loss too,
    // not only a crash of this process (WAL's default NORMAL only promises the latter).
    if (auto st = db->exec("PRAGMA synchronous=FULL"); !st)
        return st.error();
    if (auto st = createCentralSchema(*db); !st)
        return st.error();
    const std::string path = (std::filesystem::path(dataDir) / kFileName).string();
    auto incarnation = readIncarnation(*db);
    if (!incarnation)
        return incarnation.error();
    std::unique_ptr<SqliteCentralStore> store(new SqliteCentralStore(std::move(*db)));
    store->m_path = path;
    store->m_incarnation = *incarnation;
    // The checkpointer's connection; without it SQLite's autocheckpoint (inside commits) stays on.
    if (auto checkpointDb = sql::Database::open(path, true);
        checkpointDb && checkpointDb->exec("PRAGMA synchronous=FULL"))
        store->startCheckpointer(std::move(*checkpointDb));
    return store;
}

Result<StoreStatus> SqliteCentralStore::health() {
    std::lock_guard lock(m_mutex);
    StoreStatus out;
    auto reviews = m_db.prepare("SELECT count(*) FROM reviews WHERE status = 'open'");
    if (!reviews)
        return reviews.error();
    if (!reviews->step())
        return reviews->lastError().value_or(Error{"storage", "cannot count reviews", ""});
    out.openReviews = reviews->columnInt(0);
    std::error_code ec;
    for (const char *suffix : {"", "-wal"}) {
        const auto size = std::filesystem::file_size(m_path + suffix, ec);
        if (!ec)
            out.bytes += int64_t(size);
    }
    return out;
}

SqliteCentralStore::~SqliteCentralStore() {
    if (m_checkpointer.joinable()) {
        {
            std::lock_guard lock(m_checkpointMutex);
            m_stopping = true;
        }
        m_checkpointWake.notify_one();
        m_checkpointer.join();
    }
    // m_checkpointDb closes first, m_db last: the last connection to close checkpoints the whole WAL into
    // the main file and removes it, as before.
}

void SqliteCentralStore::startCheckpointer(sql::Database checkpointDb) {
    m_checkpointDb = std::move(checkpointDb);
    // Replaces SQLite's autocheckpoint (which is itself a WAL hook) on the writing connection. Keep the WAL
    // file from staying large after a burst once it has been checkpointed and restarted.
    sqlite3_wal_hook(m_db.handle(), &SqliteCentralStore::onWalCommit, this);
    m_db.exec("PRAGMA journal_size_limit=67108864");
    m_checkpointer = std::thread([this] { checkpointLoop(); });
}

// Called by SQLite in the committing thread (under m_mutex) after every commit, with the WAL's page count.
int SqliteCentralStore::onWalCommit(void *self, sqlite3 *, const char *, int frames) {
    if (frames >= kCheckpointFrames) {
        auto *store = static_cast<SqliteCentralStore *>(self);
        {
            std::lock_guard lock(store->m_checkpointMutex);
            store->m_checkpointDue = true;
        }
        store->m_checkpointWake.notify_one();
    }
    return SQLITE_OK;
}

void SqliteCentralStore::checkpointLoop() {
    std::unique_lock lock(m_checkpointMutex);
    for (;;) {
        m_checkpointWake.wait(lock, [this] { return m_checkpointDue || m_stopping; });
        if (m_stopping)
            return;
        m_checkpointDue = false;
        lock.unlock();
        // PASSIVE: copies what it can without waiting for (or blocking) the writer or readers. The writer
        // restarts the WAL from the beginning at its next transaction once everything has been copied.
        int logFrames = 0;
        int copied = 0;
        sqlite3_wal_checkpoint_v2(m_checkpointDb.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames,
                                  &copied);
        lock.lock();
    }
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
    auto stmt = m_db.prepare(std::string("SELECT ") + kUserColumns + " FROM users WHERE username = ?1");
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
    auto stmt = m_db.prepare("INSERT INTO tokens (sha256, username, expires, device_id, created_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!stmt)
        return stmt.error();
    if (auto st = stmt->bind(1, grant.tokenSha256)
                      .bind(2, grant.username)
                      .bind(3, grant.expiresMs)
                      .bind(4, grant.deviceId)
                      .bind(5, grant.createdMs ? grant.createdMs : nowMs)
                      .run();
        !st)
        return st;
    return tx.commit();
}

Result<std::optional<UserAccount>> SqliteCentralStore::userForToken(const std::string &tokenSha256,
                                                                    int64_t nowMs) {
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare("SELECT u.username, u.display_name, u.role, u.password_hash, u.scope, "
                             "u.disabled, u.must_change_password, t.device_id "
                             "FROM tokens t JOIN users u ON u.username = t.username "
                             "WHERE t.sha256 = ?1 AND t.expires > ?2 AND u.disabled = 0");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, tokenSha256).bind(2, nowMs);
    if (!stmt->step()) {
        if (stmt->lastError())
            return *stmt->lastError();
        return std::optional<UserAccount>();
    }
    UserAccount user = userFromRow(*stmt, 0);
    user.sessionDeviceId = stmt->columnText(7);
    user.sessionToken = tokenSha256;
    return std::optional<UserAccount>(std::move(user));
}

Result<std::vector<Record>> SqliteCentralStore::recordsOfKind(const std::string &kind,
                                                              const std::vector<std::string> &regionPrefixes,
                                                              const std::string &afterId, size_t limit) {
    std::vector<Record> out;
    const std::vector<std::string> prefixes = nonEmpty(regionPrefixes);
    if (prefixes.empty() || limit == 0)
        return out;
    const std::string sqlText = std::string("SELECT ") + kRecordColumns +
                                " FROM records WHERE kind = ?1 AND id > ?2 AND deleted = 0 AND " +
                                prefixCondition("region_code", prefixes.size(), 4) + " ORDER BY id LIMIT ?3";
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare(sqlText);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, kind).bind(2, afterId).bind(3, static_cast<int64_t>(limit));
    for (size_t i = 0; i < prefixes.size(); ++i)
        stmt->bind(static_cast<int>(i + 4), prefixes[i]);
    while (stmt->step()) {
        auto record = recordFromRow(*stmt);
        if (!record)
            return record.error();
        out.push_back(std::move(*record));
    }
    if (stmt->lastError())
        return *stmt->lastError();
    return out;
}

Result<ChangePage> SqliteCentralStore::changesSince(const std::vector<std::string> &regionPrefixes,
                                                    int64_t cursor, size_t limit) {
    ChangePage page;
    page.cursor = cursor;
    const std::vector<std::string> prefixes = nonEmpty(regionPrefixes);
    if (prefixes.empty() || limit == 0)
        return page;

    const std::string sqlText =
        std::string("SELECT ") + kRecordColumns + " FROM records WHERE version > ?1 AND " +
        prefixCondition("region_code", prefixes.size(), 3) + " ORDER BY version LIMIT ?2";
    // Records and departures are read under one lock, so they come from the same committed state.
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

    // Departures from the prefixes to a region outside all of them (a move inside the scope is no
    // departure for this puller).
    const std::string departedSql =
        "SELECT d.kind, d.id, d.old_region, d.version FROM departures d JOIN records r "
        "ON r.kind = d.kind AND r.id = d.id WHERE d.version > ?1 AND d.version <= ?2 AND " +
        prefixCondition("d.old_region", prefixes.size(), 3) + " AND NOT " +
        prefixCondition("r.region_code", prefixes.size(), 3) + " ORDER BY d.version";
    auto departed = m_db.prepare(departedSql);
    if (!departed)
        return departed.error();
    departed->bind(1, cursor).bind(2, page.hasMore ? page.records.back().version
                                                   : std::numeric_limits<int64_t>::max());
    for (size_t i = 0; i < prefixes.size(); ++i)
        departed->bind(static_cast<int>(i + 3), prefixes[i]);
    while (departed->step())
        page.departed.push_back({departed->columnText(0), departed->columnText(1), departed->columnText(2),
                                 departed->columnInt(3)});
    if (departed->lastError())
        return *departed->lastError();
    // Departures share the version sequence; on the last page the cursor moves past them too.
    page.cursor = page.records.empty() ? cursor : page.records.back().version;
    for (const auto &d : page.departed)
        page.cursor = std::max(page.cursor, d.version);
    return page;
}

Result<std::optional<Record>> SqliteCentralStore::findRecord(const std::string &kind, const std::string &id) {
    std::lock_guard lock(m_mutex);
    auto stmt =
        m_db.prepare(std::string("SELECT ") + kRecordColumns + " FROM records WHERE kind = ?1 AND id = ?2");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, kind).bind(2, id);
    if (!stmt->step()) {
        if (stmt->lastError())
            return *stmt->lastError();
        return std::optional<Record>();
    }
    auto record = recordFromRow(*stmt);
    if (!record)
        return record.error();
    return std::optional<Record>(std::move(*record));
}

Result<ReviewPage> SqliteCentralStore::reviews(const std::vector<std::string> &regionPrefixes,
                                               const std::string &status, int64_t cursor, size_t limit) {
    ReviewPage page;
    const std::vector<std::string> prefixes = nonEmpty(regionPrefixes);
    if (prefixes.empty() || limit == 0)
        return page;
    std::string sqlText = std::string("SELECT ") + kReviewColumns + " FROM reviews WHERE id > ?1 AND " +
                          prefixCondition("region_code", prefixes.size(), 4);
    if (status != "all")
        sqlText += " AND status = ?3";
    sqlText += " ORDER BY id LIMIT ?2";
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare(sqlText);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, cursor).bind(2, static_cast<int64_t>(limit + 1));
    if (status != "all")
        stmt->bind(3, status);
    for (size_t i = 0; i < prefixes.size(); ++i)
        stmt->bind(static_cast<int>(i + 4), prefixes[i]);
    while (stmt->step()) {
        if (page.reviews.size() == limit) {
            page.hasMore = true;
            break;
        }
        page.reviews.push_back(reviewFromRow(*stmt));
    }
    if (stmt->lastError())
        return *stmt->lastError();
    return page;
}

Result<std::vector<AppliedMutation>> SqliteCentralStore::history(const std::string &kind,
                                                                 const std::string &id) {
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare("SELECT id, device_id, seq, received_at, mutation, result, kind, record_id "
                             "FROM applied_mutations WHERE kind = ?1 AND record_id = ?2 ORDER BY rowid");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, kind).bind(2, id);
    std::vector<AppliedMutation> rows;
    while (stmt->step())
        rows.push_back(AppliedMutation{stmt->columnText(0), stmt->columnText(1), stmt->columnInt(2),
                                       stmt->columnInt(3), stmt->columnText(4), stmt->columnText(5),
                                       stmt->columnText(6), stmt->columnText(7)});
    if (stmt->lastError())
        return *stmt->lastError();
    return rows;
}

Result<std::vector<std::string>> SqliteCentralStore::mediaRegions(const std::string &sha256) {
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare("SELECT DISTINCT r.region_code FROM media_refs m "
                             "JOIN records r ON r.kind = m.kind AND r.id = m.record_id "
                             "WHERE m.sha256 = ?1 AND r.deleted = 0");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, sha256);
    std::vector<std::string> regions;
    while (stmt->step())
        regions.push_back(stmt->columnText(0));
    if (stmt->lastError())
        return *stmt->lastError();
    return regions;
}

Result<std::set<std::string>> SqliteCentralStore::referencedMedia(const std::vector<std::string> &sha256s) {
    std::set<std::string> referenced;
    std::lock_guard lock(m_mutex);
    auto stmt =
        m_db.prepare("SELECT 1 FROM media_refs m JOIN records r ON r.kind = m.kind AND r.id = m.record_id "
                     "WHERE m.sha256 = ?1 AND r.deleted = 0 LIMIT 1");
    if (!stmt)
        return stmt.error();
    for (const auto &sha : sha256s) {
        stmt->reset();
        stmt->bind(1, sha);
        if (stmt->step())
            referenced.insert(sha);
        else if (stmt->lastError())
            return *stmt->lastError();
    }
    return referenced;
}

Result<std::set<std::string>> SqliteCentralStore::mediaUnderReview(const std::vector<std::string> &sha256s) {
    std::set<std::string> found;
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare(
        "SELECT 1 FROM media_refs m JOIN records r ON r.kind = m.kind AND r.id = m.record_id "
        "WHERE m.sha256 = ?1 AND EXISTS (SELECT 1 FROM reviews v WHERE v.status = 'open' AND "
        "((v.kind = r.kind AND v.record_id = r.id) OR (r.household_id != '' AND v.household_id = "
        "r.household_id))) LIMIT 1");
    if (!stmt)
        return stmt.error();
    for (const auto &sha : sha256s) {
        stmt->reset();
        stmt->bind(1, sha);
        if (stmt->step())
            found.insert(sha);
        else if (stmt->lastError())
            return *stmt->lastError();
    }
    return found;
}

Result<std::vector<MediaReferenceRow>> SqliteCentralStore::mediaReferenceRows(const std::string &sha256) {
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare("SELECT r.kind, r.id, r.household_id, r.region_code, m.creator, r.deleted "
                             "FROM media_refs m JOIN records r ON r.kind = m.kind AND r.id = m.record_id "
                             "WHERE m.sha256 = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, sha256);
    std::vector<MediaReferenceRow> rows;
    while (stmt->step())
        rows.push_back({stmt->columnText(0), stmt->columnText(1), stmt->columnText(2), stmt->columnText(3),
                        stmt->columnText(4), stmt->columnInt(5) != 0});
    if (stmt->lastError())
        return *stmt->lastError();
    return rows;
}

Status SqliteCentralStore::putMediaUpload(const MediaUpload &u) {
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare("INSERT OR REPLACE INTO media_uploads "
                             "(sha256, username, device_id, scope, size, completed_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!stmt)
        return stmt.error();
    return stmt->bind(1, u.sha256)
        .bind(2, u.username)
        .bind(3, u.deviceId)
        .bind(4, scopeToJson(u.scope))
        .bind(5, u.size)
        .bind(6, u.completedAtMs)
        .run();
}

Result<std::vector<MediaUpload>> SqliteCentralStore::mediaUploads(const std::string &sha256) {
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare("SELECT sha256, username, device_id, scope, size, completed_at "
                             "FROM media_uploads WHERE sha256 = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, sha256);
    std::vector<MediaUpload> rows;
    while (stmt->step())
        rows.push_back({stmt->columnText(0), stmt->columnText(1), stmt->columnText(2),
                        scopeFromJson(stmt->columnText(3)), stmt->columnInt(4), stmt->columnInt(5)});
    if (stmt->lastError())
        return *stmt->lastError();
    return rows;
}

Result<int64_t> SqliteCentralStore::mediaUploadBytes(const std::string &username) {
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare("SELECT coalesce(sum(size), 0) FROM media_uploads WHERE username = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, username);
    if (!stmt->step())
        return stmt->lastError() ? Result<int64_t>(*stmt->lastError()) : Result<int64_t>(int64_t(0));
    return stmt->columnInt(0);
}

Status SqliteCentralStore::forgetMediaUploads(const std::vector<std::string> &sha256s,
                                              int64_t completedBeforeMs) {
    std::lock_guard lock(m_mutex);
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    auto stmt = m_db.prepare("DELETE FROM media_uploads WHERE sha256 = ?1 AND completed_at < ?2");
    if (!stmt)
        return stmt.error();
    for (const auto &sha : sha256s) {
        stmt->reset();
        if (auto st = stmt->bind(1, sha).bind(2, completedBeforeMs).run(); !st)
            return st;
    }
    return tx.commit();
}

Result<int64_t> SqliteCentralStore::appendAudit(const AuditEntry &e) {
    std::lock_guard lock(m_mutex);
    // Audit rows are written on reads (every pull page): without an fsync of their own (WAL, NORMAL),
    // so a read costs no disk flush. A crash of the process keeps them (the WAL is in the OS cache); a
    // power loss may lose the last ones until the next push's FULL commit flushes the WAL with them.
    m_db.exec("PRAGMA synchronous=NORMAL");
    struct RestoreFull {
        sql::Database &db;
        ~RestoreFull() { db.exec("PRAGMA synchronous=FULL"); }
    } restore{m_db};
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto row =
        m_db.prepare("INSERT INTO audit_log (at_ms, username, role, device_id, client_address, action, "
                     "target, result) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!row)
        return row.error();
    if (auto st = row->bind(1, e.atMs)
                      .bind(2, e.username)
                      .bind(3, e.role)
                      .bind(4, e.deviceId)
                      .bind(5, e.clientAddress)
                      .bind(6, e.action)
                      .bind(7, e.target)
                      .bind(8, e.result)
                      .run();
        !st)
        return st.error();
    const int64_t id = sqlite3_last_insert_rowid(m_db.handle());
    auto household = m_db.prepare(
        "INSERT OR IGNORE INTO audit_households (audit_id, household_id, region_code) VALUES (?1, ?2, ?3)");
    if (!household)
        return household.error();
    for (const auto &[householdId, regionCode] : e.households) {
        household->reset();
        if (auto st = household->bind(1, id).bind(2, householdId).bind(3, regionCode).run(); !st)
            return st.error();
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    return id;
}

Result<AuditPage> SqliteCentralStore::auditEntries(const AuditQuery &q) {
    AuditPage page;
    const std::vector<std::string> prefixes = nonEmpty(q.regionPrefixes);
    if (prefixes.empty() || q.limit == 0)
        return page;
    // ?1 since, ?2 after id, ?3 limit + 1, ?4 user, ?5 household, ?6.. prefixes
    std::string sqlText =
        "SELECT id, at_ms, username, role, device_id, client_address, action, target, result FROM audit_log "
        "a "
        "WHERE a.at_ms >= ?1 AND a.id > ?2 AND (?4 = '' OR a.username = ?4) AND EXISTS (SELECT 1 FROM "
        "audit_households h WHERE h.audit_id = a.id AND (?5 = '' OR h.household_id = ?5) AND " +
        prefixCondition("h.region_code", prefixes.size(), 6) + ") ORDER BY a.id LIMIT ?3";
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare(sqlText);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, q.sinceMs).bind(2, q.afterId).bind(3, static_cast<int64_t>(q.limit + 1));
    stmt->bind(4, q.username).bind(5, q.householdId);
    for (size_t i = 0; i < prefixes.size(); ++i)
        stmt->bind(static_cast<int>(i + 6), prefixes[i]);
    while (stmt->step()) {
        if (page.entries.size() == q.limit) {
            page.hasMore = true;
            break;
        }
        AuditEntry e;
        e.id = stmt->columnInt(0);
        e.atMs = stmt->columnInt(1);
        e.username = stmt->columnText(2);
        e.role = stmt->columnText(3);
        e.deviceId = stmt->columnText(4);
        e.clientAddress = stmt->columnText(5);
        e.action = stmt->columnText(6);
        e.target = stmt->columnText(7);
        e.result = stmt->columnText(8);
        page.entries.push_back(std::move(e));
    }
    if (stmt->lastError())
        return *stmt->lastError();
    // The households of each row, limited to the reader's area.
    auto households =
        m_db.prepare("SELECT household_id, region_code FROM audit_households WHERE audit_id = ?1 "
                     "AND " +
                     prefixCondition("region_code", prefixes.size(), 2) + " ORDER BY household_id");
    if (!households)
        return households.error();
    for (auto &e : page.entries) {
        households->reset();
        households->bind(1, e.id);
        for (size_t i = 0; i < prefixes.size(); ++i)
            households->bind(static_cast<int>(i + 2), prefixes[i]);
        while (households->step())
            e.households.emplace_back(households->columnText(0), households->columnText(1));
        if (households->lastError())
            return *households->lastError();
    }
    return page;
}

} // namespace ruhu::server
