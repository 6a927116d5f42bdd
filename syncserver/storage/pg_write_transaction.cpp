#include "pg_write_transaction.h"

#include "pg_central_store.h"
#include "pg_rows.h"
#include "record_codec.h"
#include "write_retry.h"

#include <ruhu/json/canonical_json.h>

#include <set>
#include <utility>

namespace ruhu::server {
namespace {

using pq::Param;

class PgWriteTransaction final : public CentralStore::WriteTransaction {
public:
    explicit PgWriteTransaction(PgConnectionPool::Lease lease)
        : m_db(std::move(lease)) {}
    ~PgWriteTransaction() override {
        if (m_open)
            m_db->run("ROLLBACK");
    }

    Status begin() {
        auto st = m_db->run("BEGIN");
        m_open = st.ok();
        return st;
    }

    Result<std::optional<AppliedMutation>> findApplied(const std::string &mutationId) override {
        auto rows =
            exec(std::string("SELECT ") + pg::kAppliedColumns + " FROM applied_mutations WHERE id = $1",
                 {mutationId});
        if (!rows)
            return rows.error();
        if (rows->empty())
            return std::optional<AppliedMutation>();
        return std::optional<AppliedMutation>(pg::appliedAt(*rows, 0));
    }

    // Locks the row: the push that read it is the only one to change it until the end.
    Result<std::optional<Record>> findRecord(const std::string &kind, const std::string &id) override {
        auto rows = exec(std::string("SELECT ") + pg::kRecordColumns +
                             " FROM records WHERE kind = $1 AND id = $2 FOR UPDATE",
                         {kind, id});
        if (!rows)
            return rows.error();
        m_peeked.reset(); // taken before this lock: it may be below a version committed meanwhile
        if (rows->empty())
            return std::optional<Record>();
        auto record = pg::recordAt(*rows, 0);
        if (!record)
            return record.error();
        m_seenPresent.insert({kind, id});
        return std::optional<Record>(std::move(*record));
    }

    // One nextval per call, taken after the reads that locked the records: a sequence value taken later
    // than another is larger, so a record's versions grow even with many writers.
    Result<int64_t> nextVersion() override {
        if (m_peeked) {
            return std::exchange(m_peeked, std::nullopt).value();
        }
        auto rows = exec("SELECT nextval('record_versions')", {});
        if (!rows)
            return rows.error();
        return rows->integer(0, 0);
    }

    Result<int64_t> peekVersion() override {
        if (!m_peeked) {
            auto next = nextVersion();
            if (!next)
                return next.error();
            m_peeked = *next;
        }
        return *m_peeked;
    }

    Status putRecord(const Record &r) override {
        auto pos = nextPosition();
        if (!pos)
            return pos.error();
        const std::pair<std::string, std::string> key{r.kind, r.id};
        const std::vector<Param> params{r.kind,    r.id,      r.householdId, r.regionCode,
                                        r.version, r.deleted, recordBody(r), *pos};
        if (!m_seenPresent.contains(key)) {
            auto inserted = exec(std::string("INSERT INTO records (") + pg::kRecordColumns +
                                     ", pos) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                                     "ON CONFLICT (kind, id) DO NOTHING",
                                 params);
            if (!inserted)
                return inserted.error();
            if (inserted->affected() == 1) {
                m_seenPresent.insert(key);
                return okStatus();
            }
            // Created by another transaction meanwhile (or before, unread by this one): never overwrite a
            // record blindly, merge again from the start with it read.
            return fail(retryError("record created meanwhile"));
        }
        auto updated = exec("UPDATE records SET household_id = $3, region_code = $4, version = $5, "
                            "deleted = $6, body = $7, pos = $8 WHERE kind = $1 AND id = $2",
                            params);
        if (!updated)
            return updated.error();
        return okStatus();
    }

    Status putApplied(const AppliedMutation &a) override {
        return status(exec(
            "INSERT INTO applied_mutations (id, device_id, seq, received_at, mutation, result, "
            "kind, record_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            {a.id, a.deviceId, a.seq, a.receivedAtMs, a.mutationJson, a.resultJson, a.kind, a.recordId}));
    }

    Result<std::vector<Record>> householdRecords(const std::string &householdId) override {
        auto rows = exec(std::string("SELECT ") + pg::kRecordColumns +
                             " FROM records WHERE household_id = $1 ORDER BY kind, id FOR UPDATE",
                         {householdId});
        if (!rows)
            return rows.error();
        m_peeked.reset();
        std::vector<Record> list;
        for (int i = 0; i < rows->size(); ++i) {
            auto record = pg::recordAt(*rows, i);
            if (!record)
                return record.error();
            m_seenPresent.insert({record->kind, record->id});
            list.push_back(std::move(*record));
        }
        return list;
    }

    Result<int64_t> putReview(const ReviewEntry &r) override {
        const Param resolution =
            r.resolution.is_null() ? Param(nullptr) : Param(toCanonicalJson(r.resolution));
        if (r.id > 0) {
            auto st = exec("UPDATE reviews SET status = $2, resolution = $3 WHERE id = $1",
                           {r.id, r.status, resolution});
            if (!st)
                return st.error();
            return r.id;
        }
        auto rows =
            exec("INSERT INTO reviews (kind, record_id, household_id, region_code, field, base_value, "
                 "server_value, server_hlc, incoming_value, incoming_hlc, mutation_id, device_id, "
                 "author, created_at, status) VALUES "
                 "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
                 {r.kind, r.recordId, r.householdId, r.regionCode, r.field, toCanonicalJson(r.baseValue),
                  toCanonicalJson(r.serverValue), r.serverHlc, toCanonicalJson(r.incomingValue),
                  r.incomingHlc, r.mutationId, r.deviceId, r.author, r.createdAtMs, r.status});
        if (!rows)
            return rows.error();
        return rows->integer(0, 0);
    }

    Result<std::optional<ReviewEntry>> findReview(int64_t id) override {
        auto rows = exec(
            std::string("SELECT ") + pg::kReviewColumns + " FROM reviews WHERE id = $1 FOR UPDATE", {id});
        if (!rows)
            return rows.error();
        if (rows->empty())
            return std::optional<ReviewEntry>();
        return std::optional<ReviewEntry>(pg::reviewAt(*rows, 0));
    }

    Status moveReviews(const std::string &householdId, const std::string &regionCode) override {
        return status(
            exec("UPDATE reviews SET region_code = $2 WHERE household_id = $1", {householdId, regionCode}));
    }

    Status putDeparture(const DepartureRow &d) override {
        auto pos = nextPosition();
        if (!pos)
            return pos.error();
        return status(exec("INSERT INTO departures (kind, id, old_region, version, pos) "
                           "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (kind, id, version) "
                           "DO UPDATE SET old_region = excluded.old_region, pos = excluded.pos",
                           {d.kind, d.id, d.oldRegion, d.version, *pos}));
    }

    Result<std::vector<DepartureRow>> departuresOf(const std::string &kind, const std::string &id) override {
        auto rows = exec("SELECT kind, id, old_region, version FROM departures "
                         "WHERE kind = $1 AND id = $2 ORDER BY version",
                         {kind, id});
        if (!rows)
            return rows.error();
        std::vector<DepartureRow> list;
        for (int i = 0; i < rows->size(); ++i)
            list.push_back({rows->text(i, 0), rows->text(i, 1), rows->text(i, 2), rows->integer(i, 3)});
        return list;
    }

    Result<int64_t> createdVersion(const std::string &kind, const std::string &id) override {
        auto rows =
            exec("SELECT coalesce(min((result::jsonb->>'version')::bigint), 0) FROM applied_mutations "
                 "WHERE kind = $1 AND record_id = $2 AND (result::jsonb->>'version')::bigint > 0 "
                 "AND coalesce(result::jsonb->>'status', '') NOT IN ('moved', 'rejected')",
                 {kind, id});
        if (!rows)
            return rows.error();
        return rows->integer(0, 0);
    }

    // Locks the device's row: two pushes of one device settle their sequence gaps one after the other.
    Result<int64_t> contiguousSeq(const std::string &deviceId) override {
        if (auto st = exec("INSERT INTO device_sequences (device_id, contiguous) VALUES ($1, 0) "
                           "ON CONFLICT (device_id) DO NOTHING",
                           {deviceId});
            !st)
            return st.error();
        auto rows =
            exec("SELECT contiguous FROM device_sequences WHERE device_id = $1 FOR UPDATE", {deviceId});
        if (!rows)
            return rows.error();
        return rows->empty() ? int64_t(0) : rows->integer(0, 0);
    }

    Status putContiguousSeq(const std::string &deviceId, int64_t seq) override {
        if (auto st = exec("INSERT INTO device_sequences (device_id, contiguous) VALUES ($1, $2) "
                           "ON CONFLICT (device_id) DO UPDATE SET contiguous = excluded.contiguous",
                           {deviceId, seq});
            !st)
            return st.error();
        return status(exec("DELETE FROM skipped_seqs WHERE device_id = $1 AND seq <= $2", {deviceId, seq}));
    }

    Result<std::vector<int64_t>> seenSeqsAbove(const std::string &deviceId, int64_t after) override {
        auto rows = exec("SELECT seq FROM applied_mutations WHERE device_id = $1 AND seq > $2 "
                         "UNION SELECT seq FROM skipped_seqs WHERE device_id = $1 AND seq > $2 ORDER BY seq",
                         {deviceId, after});
        if (!rows)
            return rows.error();
        std::vector<int64_t> seqs;
        for (int i = 0; i < rows->size(); ++i)
            seqs.push_back(rows->integer(i, 0));
        return seqs;
    }

    Status putSkippedSeqs(const std::string &deviceId, const std::vector<int64_t> &seqs) override {
        if (seqs.empty())
            return okStatus();
        return status(exec("INSERT INTO skipped_seqs (device_id, seq) SELECT $1, unnest($2::bigint[]) "
                           "ON CONFLICT DO NOTHING",
                           {deviceId, pg::arrayLiteral(seqs)}));
    }

    Result<int64_t> maxSeq(const std::string &deviceId) override {
        auto rows =
            exec("SELECT coalesce(max(seq), 0) FROM applied_mutations WHERE device_id = $1", {deviceId});
        if (!rows)
            return rows.error();
        return rows->integer(0, 0);
    }

    Status putMediaRefs(const std::string &kind, const std::string &recordId,
                        const std::vector<std::string> &sha256s, const std::string &creator) override {
        if (sha256s.empty())
            return okStatus();
        return status(exec("INSERT INTO media_refs (sha256, kind, record_id, creator) "
                           "SELECT unnest($1::text[]), $2, $3, $4 ON CONFLICT DO NOTHING",
                           {pg::arrayLiteral(sha256s), kind, recordId, creator}));
    }

    Result<std::optional<DeviceKeyRow>> findDeviceKey(const std::string &deviceId) override {
        auto rows = exec("SELECT device_id, public_key, fingerprint, username, registered_at "
                         "FROM device_keys WHERE device_id = $1 AND retired_at = 0",
                         {deviceId});
        if (!rows)
            return rows.error();
        if (rows->empty())
            return std::optional<DeviceKeyRow>();
        return std::optional<DeviceKeyRow>(DeviceKeyRow{rows->text(0, 0), rows->text(0, 1), rows->text(0, 2),
                                                        rows->text(0, 3), rows->integer(0, 4), 0, ""});
    }

    Status putDeviceKey(const DeviceKeyRow &key) override {
        return status(exec("INSERT INTO device_keys (device_id, public_key, fingerprint, username, "
                           "registered_at) VALUES ($1, $2, $3, $4, $5)",
                           {key.deviceId, key.publicKey, key.fingerprint, key.username, key.registeredAtMs}));
    }

    Status retireDeviceKey(const std::string &deviceId, const std::string &by, int64_t nowMs) override {
        return status(exec("UPDATE device_keys SET retired_at = $2, retired_by = $3 "
                           "WHERE device_id = $1 AND retired_at = 0",
                           {deviceId, nowMs, by}));
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
        auto rows = exec("SELECT seq, config_id, config_version, hash, document, loaded_by, loaded_at "
                         "FROM rule_configs ORDER BY seq DESC LIMIT $1",
                         {limit});
        if (!rows)
            return rows.error();
        std::vector<RuleConfigRow> list;
        for (int i = 0; i < rows->size(); ++i)
            list.push_back(RuleConfigRow{rows->integer(i, 0), rows->text(i, 1), rows->integer(i, 2),
                                         rows->text(i, 3), rows->text(i, 4), rows->text(i, 5),
                                         rows->integer(i, 6)});
        return list;
    }

    Result<int64_t> putRuleConfig(const RuleConfigRow &row) override {
        auto rows =
            exec("INSERT INTO rule_configs (config_id, config_version, hash, document, loaded_by, "
                 "loaded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq",
                 {row.configId, row.configVersion, row.hash, row.document, row.loadedBy, row.loadedAtMs});
        if (!rows)
            return rows.error();
        return rows->integer(0, 0);
    }

    Status putArea(const protocol::Area &area) override {
        return status(exec("INSERT INTO areas (code, name, level, parent) VALUES ($1, $2, $3, $4) "
                           "ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, "
                           "parent = excluded.parent",
                           {area.code, area.name, area.level, area.parent}));
    }

    Status putUser(const UserAccount &user) override {
        return status(exec(
            "INSERT INTO users (username, display_name, role, password_hash, scope, disabled, "
            "must_change_password) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO UPDATE SET "
            "display_name = excluded.display_name, role = excluded.role, "
            "password_hash = excluded.password_hash, scope = excluded.scope, disabled = excluded.disabled, "
            "must_change_password = excluded.must_change_password",
            {user.username, user.displayName, user.role, user.passwordHash, scopeToJson(user.scope),
             user.disabled, user.mustChangePassword}));
    }

    Status commit() override {
        if (m_failed)
            return *m_failed;
        auto st = m_db->run("COMMIT");
        m_open = false;
        return st;
    }

private:
    // After a failed statement PostgreSQL refuses the rest of the transaction: every later call answers
    // the first failure, so a caller that goes on gets the error that matters (retry, most often).
    Result<pq::Rows> exec(const std::string &sql, const std::vector<Param> &params) {
        if (m_failed)
            return *m_failed;
        auto rows = m_db->exec(sql, params);
        if (!rows)
            m_failed = rows.error();
        return rows;
    }
    Status fail(Error error) {
        m_failed = error;
        return error;
    }
    static Status status(const Result<pq::Rows> &rows) { return rows ? okStatus() : Status(rows.error()); }

    // pos of the next record or departure this transaction writes: its xid8 (assigned here if it has none
    // yet) and an ordinal.
    Result<int64_t> nextPosition() {
        if (m_xid < 0) {
            auto rows = exec("SELECT pg_current_xact_id()::text::bigint", {});
            if (!rows)
                return rows.error();
            m_xid = rows->integer(0, 0);
        }
        if (++m_ordinal >= (int64_t(1) << PgCentralStore::kOrdinalBits))
            return fail(Error{"storage", "一次写入的记录过多", ""}).error();
        return (m_xid << PgCentralStore::kOrdinalBits) | m_ordinal;
    }

    PgConnectionPool::Lease m_db;
    bool m_open = false;
    std::optional<Error> m_failed;
    std::optional<int64_t> m_peeked;
    int64_t m_xid = -1;
    int64_t m_ordinal = 0;
    std::set<std::pair<std::string, std::string>> m_seenPresent; // (kind, id) rows locked or written
};

} // namespace

Result<std::unique_ptr<CentralStore::WriteTransaction>> beginPgWrite(PgConnectionPool::Lease lease) {
    auto tx = std::make_unique<PgWriteTransaction>(std::move(lease));
    if (auto st = tx->begin(); !st)
        return st.error();
    return std::unique_ptr<CentralStore::WriteTransaction>(std::move(tx));
}

} // namespace ruhu::server
