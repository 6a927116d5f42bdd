#include "pg_central_store.h"

#include "pg_rows.h"
#include "pg_schema.h"
#include "pg_write_transaction.h"
#include "record_codec.h"

#include <algorithm>
#include <limits>

namespace ruhu::server {

using pq::Param;

namespace {

Status status(const Result<pq::Rows> &rows) {
    return rows ? okStatus() : Status(rows.error());
}

// Statement parameters: the fixed ones, then one LIKE pattern per prefix.
std::vector<Param> withPatterns(std::vector<Param> params, const std::vector<std::string> &patterns) {
    for (const auto &p : patterns)
        params.emplace_back(p);
    return params;
}

} // namespace

Result<std::unique_ptr<PgCentralStore>> PgCentralStore::open(const std::string &conninfo, Options options) {
    std::unique_ptr<PgCentralStore> store(new PgCentralStore(conninfo, options));
    auto db = store->m_pool.acquire();
    if (!db)
        return db.error();
    if (auto st = createPgSchema(**db); !st)
        return st.error();
    return store;
}

Result<std::unique_ptr<CentralStore::WriteTransaction>> PgCentralStore::beginWrite() {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    return beginPgWrite(std::move(*db));
}

Result<std::vector<protocol::Area>> PgCentralStore::areas() {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows = (*db)->exec("SELECT code, name, level, parent FROM areas ORDER BY code");
    if (!rows)
        return rows.error();
    std::vector<protocol::Area> list;
    for (int i = 0; i < rows->size(); ++i)
        list.push_back({rows->text(i, 0), rows->text(i, 1), rows->text(i, 2), rows->text(i, 3)});
    return list;
}

Result<std::optional<UserAccount>> PgCentralStore::findUser(const std::string &username) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows = (*db)->exec(std::string("SELECT ") + pg::kUserColumns + " FROM users WHERE username = $1",
                            {username});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<UserAccount>();
    return std::optional<UserAccount>(pg::userAt(*rows, 0));
}

Status PgCentralStore::putToken(const TokenGrant &grant, int64_t nowMs) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    return pg::inTransaction(**db, [&]() -> Status {
        if (auto st = (*db)->exec("DELETE FROM tokens WHERE expires <= $1", {nowMs}); !st)
            return st.error();
        return status((*db)->exec("INSERT INTO tokens (sha256, username, expires, device_id, created_at) "
                                  "VALUES ($1, $2, $3, $4, $5)",
                                  {grant.tokenSha256, grant.username, grant.expiresMs, grant.deviceId,
                                   grant.createdMs ? grant.createdMs : nowMs}));
    });
}

Result<std::optional<UserAccount>> PgCentralStore::userForToken(const std::string &tokenSha256,
                                                                int64_t nowMs) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows = (*db)->exec("SELECT u.username, u.display_name, u.role, u.password_hash, u.scope, "
                            "u.disabled, u.must_change_password, t.device_id "
                            "FROM tokens t JOIN users u ON u.username = t.username "
                            "WHERE t.sha256 = $1 AND t.expires > $2 AND NOT u.disabled",
                            {tokenSha256, nowMs});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<UserAccount>();
    UserAccount user = pg::userAt(*rows, 0);
    user.sessionDeviceId = rows->text(0, 7);
    user.sessionToken = tokenSha256;
    return std::optional<UserAccount>(std::move(user));
}

// The horizon fence (docs/storage.md "The pull cursor"). One REPEATABLE READ, READ ONLY transaction: its
// first statement fixes the snapshot and reads the fence from it, so the fence is never later than
// the rows read; only rows whose writing transaction is older than every transaction still running
// (xid < xmin) are read, and those will never change their position any more. A read-only transaction
// has no xid and holds back no one's fence.
Result<ChangePage> PgCentralStore::changesSince(const std::vector<std::string> &regionPrefixes,
                                                int64_t cursor, size_t limit) {
    ChangePage page;
    page.cursor = cursor;
    const std::vector<std::string> patterns = pg::prefixPatterns(regionPrefixes);
    if (patterns.empty() || limit == 0)
        return page;
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    if (m_options.naiveSequenceCursor)
        return naiveChangesSince(**db, regionPrefixes, cursor, limit);
    Status done = pg::inTransaction(**db, [&]() -> Status {
        if (auto st = (*db)->run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"); !st)
            return st;
        auto fenceRows = (*db)->exec("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint << " +
                                     std::to_string(kOrdinalBits));
        if (!fenceRows)
            return fenceRows.error();
        const int64_t fence = fenceRows->integer(0, 0);
        auto rows =
            (*db)->exec(std::string("SELECT ") + pg::kRecordColumns +
                            ", pos FROM records WHERE pos > $1 AND pos < $2 AND " +
                            pg::prefixCondition("region_code", patterns.size(), 4) + " ORDER BY pos LIMIT $3",
                        withPatterns({cursor, fence, limit + 1}, patterns));
        if (!rows)
            return rows.error();
        int64_t lastPos = cursor;
        for (int i = 0; i < rows->size(); ++i) {
            if (page.records.size() == limit) {
                page.hasMore = true;
                break;
            }
            auto record = pg::recordAt(*rows, i);
            if (!record)
                return record.error();
            page.records.push_back(std::move(*record));
            lastPos = rows->integer(i, 7);
        }
        // Departures from the prefixes to a region outside them, up to the last record (more to come)
        // or the fence.
        auto departed = (*db)->exec(
            "SELECT d.kind, d.id, d.old_region, d.version, d.pos FROM departures d JOIN records r "
            "ON r.kind = d.kind AND r.id = d.id WHERE d.pos > $1 AND d.pos <= $2 AND d.pos < $3 AND " +
                pg::prefixCondition("d.old_region", patterns.size(), 4) + " AND NOT " +
                pg::prefixCondition("r.region_code", patterns.size(), 4) + " ORDER BY d.pos",
            withPatterns({cursor, page.hasMore ? lastPos : std::numeric_limits<int64_t>::max(), fence},
                         patterns));
        if (!departed)
            return departed.error();
        page.cursor = lastPos;
        for (int i = 0; i < departed->size(); ++i) {
            page.departed.push_back(
                {departed->text(i, 0), departed->text(i, 1), departed->text(i, 2), departed->integer(i, 3)});
            page.cursor = std::max(page.cursor, departed->integer(i, 4));
        }
        return okStatus();
    });
    if (!done)
        return done.error();
    return page;
}

// What a single-writer store may do and this one must not (kept to show the skip in a test).
Result<ChangePage> PgCentralStore::naiveChangesSince(pq::Connection &db,
                                                     const std::vector<std::string> &prefixes, int64_t cursor,
                                                     size_t limit) {
    ChangePage page;
    page.cursor = cursor;
    const std::vector<std::string> patterns = pg::prefixPatterns(prefixes);
    auto rows =
        db.exec(std::string("SELECT ") + pg::kRecordColumns + " FROM records WHERE version > $1 AND " +
                    pg::prefixCondition("region_code", patterns.size(), 3) + " ORDER BY version LIMIT $2",
                withPatterns({cursor, limit + 1}, patterns));
    if (!rows)
        return rows.error();
    for (int i = 0; i < rows->size(); ++i) {
        if (page.records.size() == limit) {
            page.hasMore = true;
            break;
        }
        auto record = pg::recordAt(*rows, i);
        if (!record)
            return record.error();
        page.records.push_back(std::move(*record));
        page.cursor = page.records.back().version;
    }
    return page;
}

Result<std::optional<Record>> PgCentralStore::findRecord(const std::string &kind, const std::string &id) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows =
        (*db)->exec(std::string("SELECT ") + pg::kRecordColumns + " FROM records WHERE kind = $1 AND id = $2",
                    {kind, id});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<Record>();
    auto record = pg::recordAt(*rows, 0);
    if (!record)
        return record.error();
    return std::optional<Record>(std::move(*record));
}

Result<std::vector<Record>> PgCentralStore::recordsOfKind(const std::string &kind,
                                                          const std::vector<std::string> &regionPrefixes,
                                                          const std::string &afterId, size_t limit) {
    std::vector<Record> out;
    const std::vector<std::string> patterns = pg::prefixPatterns(regionPrefixes);
    if (patterns.empty() || limit == 0)
        return out;
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows =
        (*db)->exec(std::string("SELECT ") + pg::kRecordColumns +
                        " FROM records WHERE kind = $1 AND id > $2 AND NOT deleted AND " +
                        pg::prefixCondition("region_code", patterns.size(), 4) + " ORDER BY id LIMIT $3",
                    withPatterns({kind, afterId, limit}, patterns));
    if (!rows)
        return rows.error();
    for (int i = 0; i < rows->size(); ++i) {
        auto record = pg::recordAt(*rows, i);
        if (!record)
            return record.error();
        out.push_back(std::move(*record));
    }
    return out;
}

Result<StoreStatus> PgCentralStore::health() {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows = (*db)->exec("SELECT (SELECT count(*) FROM reviews WHERE status = 'open'), "
                            "pg_database_size(current_database())");
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error{"storage", "no status row", ""};
    return StoreStatus{rows->integer(0, 0), rows->integer(0, 1)};
}

Result<ReviewPage> PgCentralStore::reviews(const std::vector<std::string> &regionPrefixes,
                                           const std::string &status, int64_t cursor, size_t limit) {
    ReviewPage page;
    const std::vector<std::string> patterns = pg::prefixPatterns(regionPrefixes);
    if (patterns.empty() || limit == 0)
        return page;
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows =
        (*db)->exec(std::string("SELECT ") + pg::kReviewColumns +
                        " FROM reviews WHERE id > $1 AND ($3 = 'all' OR status = $3) AND " +
                        pg::prefixCondition("region_code", patterns.size(), 4) + " ORDER BY id LIMIT $2",
                    withPatterns({cursor, limit + 1, status}, patterns));
    if (!rows)
        return rows.error();
    for (int i = 0; i < rows->size(); ++i) {
        if (page.reviews.size() == limit) {
            page.hasMore = true;
            break;
        }
        page.reviews.push_back(pg::reviewAt(*rows, i));
    }
    return page;
}

Result<std::vector<AppliedMutation>> PgCentralStore::history(const std::string &kind, const std::string &id) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows = (*db)->exec(std::string("SELECT ") + pg::kAppliedColumns +
                                " FROM applied_mutations WHERE kind = $1 AND record_id = $2 ORDER BY applied",
                            {kind, id});
    if (!rows)
        return rows.error();
    std::vector<AppliedMutation> list;
    for (int i = 0; i < rows->size(); ++i)
        list.push_back(pg::appliedAt(*rows, i));
    return list;
}

Result<std::vector<std::string>> PgCentralStore::mediaRegions(const std::string &sha256) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows = (*db)->exec("SELECT DISTINCT r.region_code FROM media_refs m "
                            "JOIN records r ON r.kind = m.kind AND r.id = m.record_id "
                            "WHERE m.sha256 = $1 AND NOT r.deleted",
                            {sha256});
    if (!rows)
        return rows.error();
    std::vector<std::string> regions;
    for (int i = 0; i < rows->size(); ++i)
        regions.push_back(rows->text(i, 0));
    return regions;
}

Result<std::set<std::string>> PgCentralStore::referencedMedia(const std::vector<std::string> &sha256s) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows = (*db)->exec("SELECT DISTINCT m.sha256 FROM media_refs m "
                            "JOIN records r ON r.kind = m.kind AND r.id = m.record_id "
                            "WHERE m.sha256 = ANY($1::text[]) AND NOT r.deleted",
                            {pg::arrayLiteral(sha256s)});
    if (!rows)
        return rows.error();
    std::set<std::string> found;
    for (int i = 0; i < rows->size(); ++i)
        found.insert(rows->text(i, 0));
    return found;
}

Result<std::set<std::string>> PgCentralStore::mediaUnderReview(const std::vector<std::string> &sha256s) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows = (*db)->exec(
        "SELECT DISTINCT m.sha256 FROM media_refs m JOIN records r ON r.kind = m.kind AND r.id = m.record_id "
        "WHERE m.sha256 = ANY($1::text[]) AND EXISTS (SELECT 1 FROM reviews v WHERE v.status = 'open' AND "
        "((v.kind = r.kind AND v.record_id = r.id) OR (r.household_id <> '' AND v.household_id = "
        "r.household_id)))",
        {pg::arrayLiteral(sha256s)});
    if (!rows)
        return rows.error();
    std::set<std::string> found;
    for (int i = 0; i < rows->size(); ++i)
        found.insert(rows->text(i, 0));
    return found;
}

Result<std::vector<MediaReferenceRow>> PgCentralStore::mediaReferenceRows(const std::string &sha256) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows = (*db)->exec("SELECT r.kind, r.id, r.household_id, r.region_code, m.creator, r.deleted "
                            "FROM media_refs m JOIN records r ON r.kind = m.kind AND r.id = m.record_id "
                            "WHERE m.sha256 = $1",
                            {sha256});
    if (!rows)
        return rows.error();
    std::vector<MediaReferenceRow> list;
    for (int i = 0; i < rows->size(); ++i)
        list.push_back({rows->text(i, 0), rows->text(i, 1), rows->text(i, 2), rows->text(i, 3),
                        rows->text(i, 4), rows->boolean(i, 5)});
    return list;
}

Status PgCentralStore::putMediaUpload(const MediaUpload &u) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    return status(
        (*db)->exec("INSERT INTO media_uploads (sha256, username, device_id, scope, size, completed_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256, username) DO UPDATE SET "
                    "device_id = excluded.device_id, scope = excluded.scope, size = excluded.size, "
                    "completed_at = excluded.completed_at",
                    {u.sha256, u.username, u.deviceId, scopeToJson(u.scope), u.size, u.completedAtMs}));
}

Result<std::vector<MediaUpload>> PgCentralStore::mediaUploads(const std::string &sha256) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows = (*db)->exec("SELECT sha256, username, device_id, scope, size, completed_at "
                            "FROM media_uploads WHERE sha256 = $1",
                            {sha256});
    if (!rows)
        return rows.error();
    std::vector<MediaUpload> list;
    for (int i = 0; i < rows->size(); ++i)
        list.push_back({rows->text(i, 0), rows->text(i, 1), rows->text(i, 2), scopeFromJson(rows->text(i, 3)),
                        rows->integer(i, 4), rows->integer(i, 5)});
    return list;
}

Result<int64_t> PgCentralStore::mediaUploadBytes(const std::string &username) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    auto rows =
        (*db)->exec("SELECT coalesce(sum(size), 0) FROM media_uploads WHERE username = $1", {username});
    if (!rows)
        return rows.error();
    return rows->integer(0, 0);
}

Status PgCentralStore::forgetMediaUploads(const std::vector<std::string> &sha256s,
                                          int64_t completedBeforeMs) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    return status(
        (*db)->exec("DELETE FROM media_uploads WHERE sha256 = ANY($1::text[]) AND completed_at < $2",
                    {pg::arrayLiteral(sha256s), completedBeforeMs}));
}

Result<int64_t> PgCentralStore::appendAudit(const AuditEntry &e) {
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    int64_t id = 0;
    Status done = pg::inTransaction(**db, [&]() -> Status {
        // Audit rows are written on reads: without waiting for the WAL flush, as SQLite's NORMAL (a
        // crash of PostgreSQL may lose the last ones; the next push's commit flushes them).
        if (auto st = (*db)->run("SET LOCAL synchronous_commit = off"); !st)
            return st;
        auto row = (*db)->exec(
            "INSERT INTO audit_log (at_ms, username, role, device_id, client_address, action, "
            "target, result) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            {e.atMs, e.username, e.role, e.deviceId, e.clientAddress, e.action, e.target, e.result});
        if (!row)
            return row.error();
        id = row->integer(0, 0);
        std::vector<std::string> households, regions;
        for (const auto &[householdId, regionCode] : e.households) {
            households.push_back(householdId);
            regions.push_back(regionCode);
        }
        if (households.empty())
            return okStatus();
        return status((*db)->exec("INSERT INTO audit_households (audit_id, household_id, region_code) "
                                  "SELECT $1, h, r FROM unnest($2::text[], $3::text[]) AS u(h, r) "
                                  "ON CONFLICT DO NOTHING",
                                  {id, pg::arrayLiteral(households), pg::arrayLiteral(regions)}));
    });
    if (!done)
        return done.error();
    return id;
}

Result<AuditPage> PgCentralStore::auditEntries(const AuditQuery &q) {
    AuditPage page;
    const std::vector<std::string> patterns = pg::prefixPatterns(q.regionPrefixes);
    if (patterns.empty() || q.limit == 0)
        return page;
    auto db = m_pool.acquire();
    if (!db)
        return db.error();
    // $1 since, $2 after id, $3 limit + 1, $4 user, $5 household, $6.. prefixes
    auto rows = (*db)->exec(
        "SELECT id, at_ms, username, role, device_id, client_address, action, target, result FROM audit_log "
        "a "
        "WHERE a.at_ms >= $1 AND a.id > $2 AND ($4 = '' OR a.username = $4) AND EXISTS (SELECT 1 FROM "
        "audit_households h WHERE h.audit_id = a.id AND ($5 = '' OR h.household_id = $5) AND " +
            pg::prefixCondition("h.region_code", patterns.size(), 6) + ") ORDER BY a.id LIMIT $3",
        withPatterns({q.sinceMs, q.afterId, q.limit + 1, q.username, q.householdId}, patterns));
    if (!rows)
        return rows.error();
    for (int i = 0; i < rows->size(); ++i) {
        if (page.entries.size() == q.limit) {
            page.hasMore = true;
            break;
        }
        AuditEntry e;
        e.id = rows->integer(i, 0);
        e.atMs = rows->integer(i, 1);
        e.username = rows->text(i, 2);
        e.role = rows->text(i, 3);
        e.deviceId = rows->text(i, 4);
        e.clientAddress = rows->text(i, 5);
        e.action = rows->text(i, 6);
        e.target = rows->text(i, 7);
        e.result = rows->text(i, 8);
        page.entries.push_back(std::move(e));
    }
    // The households of each row, limited to the reader's area.
    for (auto &e : page.entries) {
        auto households =
            (*db)->exec("SELECT household_id, region_code FROM audit_households WHERE audit_id = $1 "
                        "AND " +
                            pg::prefixCondition("region_code", patterns.size(), 2) + " ORDER BY household_id",
                        withPatterns({e.id}, patterns));
        if (!households)
            return households.error();
        for (int i = 0; i < households->size(); ++i)
            e.households.emplace_back(households->text(i, 0), households->text(i, 1));
    }
    return page;
}

} // namespace ruhu::server
