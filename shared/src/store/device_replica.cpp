#include "sealed_box.h"

#include <ruhu/domain/workflow.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/model/id_number.h>
#include <ruhu/model/schema.h>
#include <ruhu/store/device_replica.h>
#include <ruhu/sync/merge.h>

#include <boost/json/value_from.hpp>

#include <sodium.h>

namespace ruhu {
namespace {

constexpr const char *kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records(
    kind TEXT NOT NULL, id TEXT NOT NULL, household_id TEXT NOT NULL, region_code TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0,
    search_name TEXT NOT NULL DEFAULT '', sort_key TEXT NOT NULL DEFAULT '',
    body BLOB NOT NULL, base BLOB, PRIMARY KEY(kind, id));
CREATE INDEX IF NOT EXISTS records_by_household ON records(household_id);
CREATE INDEX IF NOT EXISTS records_by_region ON records(kind, region_code);
CREATE TABLE IF NOT EXISTS outbox(
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, record_id TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending', code TEXT NOT NULL DEFAULT '', message TEXT NOT NULL DEFAULT '',
    body BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS outbox_by_record ON outbox(kind, record_id, state);
CREATE TABLE IF NOT EXISTS departures(kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY(kind, id));
CREATE TABLE IF NOT EXISTS areas(code TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL, parent TEXT NOT NULL);
)sql";

std::string randomHex(size_t bytes) {
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    hex.pop_back();
    return hex;
}

std::string searchNameOf(const Record &r) {
    const char *key = r.kind == "household" ? "headName" : "name";
    auto it = r.fields.find(key);
    return it != r.fields.end() && it->value().is_string() ? std::string(it->value().get_string())
                                                           : std::string();
}

std::string sortKeyOf(const Record &r) {
    const char *key = r.kind == "household" ? "group" : "seq";
    auto it = r.fields.find(key);
    if (it == r.fields.end())
        return {};
    if (it->value().is_string())
        return std::string(it->value().get_string());
    if (it->value().is_int64()) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%08lld", static_cast<long long>(it->value().get_int64()));
        return buf;
    }
    return {};
}

// Member sex and birth date follow from a valid 身份证号.
void deriveMemberFields(boost::json::object &fields) {
    auto it = fields.find("idNo");
    if (it == fields.end() || !it->value().is_string())
        return;
    auto info = parseIdNumber(it->value().get_string());
    if (!info)
        return;
    fields["sex"] = sexLabel(info->sex);
    fields["birthDate"] = info->birthDate;
}

} // namespace

DeviceReplica::DeviceReplica(sql::Database db, const DeviceKey &key, const Clock &clock)
    : m_db(std::move(db))
    , m_key(key)
    , m_clock(clock) {}

Result<std::unique_ptr<DeviceReplica>> DeviceReplica::open(const std::string &dbPath, const DeviceKey &key,
                                                           const Clock &clock) {
    if (sodium_init() < 0)
        return Error{"crypto", "加密库初始化失败", ""};
    auto db = sql::Database::open(dbPath, true);
    if (!db)
        return db.error();
    std::unique_ptr<DeviceReplica> replica(new DeviceReplica(std::move(*db), key, clock));
    if (auto st = replica->migrate(); !st)
        return st.error();
    if (auto st = replica->loadIdentity(); !st)
        return st.error();
    if (auto st = replica->buildHouseholdIndexIfMissing(); !st)
        return st.error();
    return replica;
}

Status DeviceReplica::migrate() {
    if (auto st = m_db.exec(kSchema); !st)
        return st;
    return m_db.exec(household_index_sql::kSchema);
}

Status DeviceReplica::loadIdentity() {
    m_deviceId = meta("deviceId");
    if (m_deviceId.empty()) {
        m_deviceId = "dev-" + randomHex(6);
        if (auto st = setMeta("deviceId", m_deviceId); !st)
            return st;
    }
    m_hlc = std::make_unique<HybridLogicalClock>(m_clock, m_deviceId);
    if (auto last = HlcStamp::decode(meta("hlc")))
        m_hlc->restore(*last);
    return okStatus();
}

std::string DeviceReplica::meta(const std::string &key, const std::string &fallback) const {
    auto stmt = m_db.prepare("SELECT value FROM meta WHERE key = ?");
    if (!stmt)
        return fallback;
    stmt->bind(1, key);
    return stmt->step() ? stmt->columnText(0) : fallback;
}

Status DeviceReplica::setMeta(const std::string &key, const std::string &value) {
    auto stmt = m_db.prepare(
        "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, key).bind(2, value);
    return stmt->run();
}

Status DeviceReplica::saveSession(const protocol::LoginResponse &login) {
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    boost::json::object session{{"token", login.token},
                                {"username", login.username},
                                {"displayName", login.displayName},
                                {"role", login.role},
                                {"scope", boost::json::value_from(login.scope)}};
    auto sealed = sealBytes(toCanonicalJson(session), m_key);
    std::string hex(sealed.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), sealed.data(), sealed.size());
    hex.pop_back();
    if (auto st = setMeta("session", hex); !st)
        return st;
    if (auto st = m_db.exec("DELETE FROM areas"); !st)
        return st;
    auto insert = m_db.prepare("INSERT INTO areas(code, name, level, parent) VALUES(?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    for (const auto &a : login.areas) {
        insert->reset();
        insert->bind(1, a.code).bind(2, a.name).bind(3, a.level).bind(4, a.parent);
        if (auto st = insert->run(); !st)
            return st;
    }
    if (login.serverTimeMs > 0)
        m_hlc->observe(HlcStamp{login.serverTimeMs, 0, "server"});
    return tx.commit();
}

std::optional<DeviceSession> DeviceReplica::session() const {
    std::string hex = meta("session");
    if (hex.empty())
        return std::nullopt;
    std::vector<unsigned char> sealed(hex.size() / 2);
    size_t len = 0;
    if (sodium_hex2bin(sealed.data(), sealed.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0)
        return std::nullopt;
    sealed.resize(len);
    auto json = openJson(sealed, m_key);
    if (!json || !json->is_object())
        return std::nullopt;
    const auto &o = json->get_object();
    DeviceSession s;
    s.token = std::string(o.at("token").as_string());
    s.username = std::string(o.at("username").as_string());
    s.displayName = std::string(o.at("displayName").as_string());
    s.role = std::string(o.at("role").as_string());
    for (const auto &v : o.at("scope").as_array())
        s.scope.emplace_back(v.as_string());
    return s;
}

Status DeviceReplica::clearSession() {
    return m_db.exec("DELETE FROM meta WHERE key = 'session'");
}

std::vector<protocol::Area> DeviceReplica::areas() const {
    std::vector<protocol::Area> out;
    auto stmt = m_db.prepare("SELECT code, name, level, parent FROM areas ORDER BY code");
    if (!stmt)
        return out;
    while (stmt->step())
        out.push_back({stmt->columnText(0), stmt->columnText(1), stmt->columnText(2), stmt->columnText(3)});
    return out;
}

Record DeviceReplica::recordFromRow(const sql::Statement &stmt, int c) const {
    Record r;
    r.kind = stmt.columnText(c);
    r.id = stmt.columnText(c + 1);
    r.householdId = stmt.columnText(c + 2);
    r.regionCode = stmt.columnText(c + 3);
    r.version = stmt.columnInt(c + 4);
    r.deleted = stmt.columnInt(c + 5) != 0;
    {
        auto json = openJson(stmt.columnBlob(c + 6), m_key);
        if (json && json->is_object()) {
            const auto &o = json->get_object();
            if (auto it = o.find("fields"); it != o.end() && it->value().is_object())
                r.fields = it->value().get_object();
            if (auto it = o.find("clocks"); it != o.end() && it->value().is_object())
                r.clocks = it->value().get_object();
        }
    }
    return r;
}

constexpr const char *kRecordColumns = "kind, id, household_id, region_code, version, deleted, body";

std::optional<Record> DeviceReplica::readRecord(const std::string &kind, const std::string &id) const {
    auto stmt =
        m_db.prepare(std::string("SELECT ") + kRecordColumns + " FROM records WHERE kind = ? AND id = ?");
    if (!stmt)
        return std::nullopt;
    stmt->bind(1, kind).bind(2, id);
    if (!stmt->step())
        return std::nullopt;
    return recordFromRow(*stmt, 0);
}

Status DeviceReplica::writeRecord(const Record &r) {
    auto stmt = m_db.prepare(
        "INSERT INTO records(kind, id, household_id, region_code, version, deleted, search_name, sort_key, "
        "body) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kind, id) DO UPDATE SET household_id = "
        "excluded.household_id, "
        "region_code = excluded.region_code, version = excluded.version, deleted = excluded.deleted, "
        "search_name = excluded.search_name, sort_key = excluded.sort_key, body = excluded.body");
    if (!stmt)
        return stmt.error();
    boost::json::object body{{"fields", r.fields}, {"clocks", r.clocks}};
    stmt->bind(1, r.kind).bind(2, r.id).bind(3, r.householdId).bind(4, r.regionCode).bind(5, r.version);
    stmt->bind(6, static_cast<int64_t>(r.deleted ? 1 : 0)).bind(7, searchNameOf(r)).bind(8, sortKeyOf(r));
    stmt->bindBlob(9, sealBytes(toCanonicalJson(body), m_key));
    if (auto st = stmt->run(); !st)
        return st;
    return markHouseholdDirty(r.kind == "household" ? r.id : r.householdId);
}

Status DeviceReplica::writeServerBase(const Record &server) {
    auto stmt = m_db.prepare("UPDATE records SET base = ? WHERE kind = ? AND id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bindBlob(1, sealBytes(toCanonicalJson(server.toJson()), m_key))
        .bind(2, server.kind)
        .bind(3, server.id);
    return stmt->run();
}

Status DeviceReplica::storeServerRecord(Record server) {
    for (const auto &kv : server.clocks) {
        if (kv.value().is_string()) {
            if (auto stamp = HlcStamp::decode(kv.value().get_string()))
                m_hlc->observe(*stamp);
        }
    }
    Record local = server;
    if (auto st = rebasePending(local); !st)
        return st;
    if (auto st = writeRecord(local); !st)
        return st;
    return writeServerBase(server);
}

Status DeviceReplica::recomputeFromBase(const std::string &kind, const std::string &id) {
    auto stmt = m_db.prepare("SELECT base FROM records WHERE kind = ? AND id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, kind).bind(2, id);
    if (!stmt->step())
        return okStatus();
    std::optional<Record> base;
    if (!stmt->columnIsNull(0)) {
        auto json = openJson(stmt->columnBlob(0), m_key);
        if (!json)
            return json.error();
        auto rec = Record::fromJson(*json);
        if (!rec)
            return rec.error();
        base = std::move(*rec);
    }
    if (!base) {
        // Never reached the server: the record is whatever its remaining unsynced edits make of it.
        Record empty;
        empty.kind = kind;
        empty.id = id;
        auto current = readRecord(kind, id);
        if (current) {
            empty.householdId = current->householdId;
            empty.regionCode = current->regionCode;
        }
        if (auto st = rebasePending(empty); !st)
            return st;
        if (empty.fields.empty())
            empty.deleted = true;
        return writeRecord(empty);
    }
    Record local = *base;
    if (auto st = rebasePending(local); !st)
        return st;
    return writeRecord(local);
}

std::optional<Record> DeviceReplica::record(const std::string &kind, const std::string &id) const {
    return readRecord(kind, id);
}

std::vector<Record> DeviceReplica::households(const std::string &regionCode,
                                              const std::string &nameFilter) const {
    std::vector<Record> out;
    auto stmt = m_db.prepare(std::string("SELECT ") + kRecordColumns +
                             " FROM records WHERE kind = 'household' AND region_code = ? AND deleted = 0 "
                             "AND instr(search_name, ?) > 0 ORDER BY sort_key, search_name, id");
    if (!stmt)
        return out;
    stmt->bind(1, regionCode).bind(2, nameFilter);
    while (stmt->step())
        out.push_back(recordFromRow(*stmt, 0));
    return out;
}

std::vector<Record> DeviceReplica::members(const std::string &householdId) const {
    std::vector<Record> out;
    auto stmt = m_db.prepare(std::string("SELECT ") + kRecordColumns +
                             " FROM records WHERE kind = 'member' AND household_id = ? AND deleted = 0 "
                             "ORDER BY sort_key, id");
    if (!stmt)
        return out;
    stmt->bind(1, householdId);
    while (stmt->step())
        out.push_back(recordFromRow(*stmt, 0));
    return out;
}

std::vector<Record> DeviceReplica::householdRecords(const std::string &kind,
                                                    const std::string &householdId) const {
    std::vector<Record> out;
    auto stmt = m_db.prepare(std::string("SELECT ") + kRecordColumns +
                             " FROM records WHERE kind = ? AND household_id = ? AND deleted = 0 ORDER BY id");
    if (!stmt)
        return out;
    stmt->bind(1, kind).bind(2, householdId);
    while (stmt->step())
        out.push_back(recordFromRow(*stmt, 0));
    return out;
}

std::vector<Record> DeviceReplica::recordsOfKind(const std::string &kind) const {
    std::vector<Record> out;
    auto stmt = m_db.prepare(std::string("SELECT ") + kRecordColumns +
                             " FROM records WHERE kind = ? AND deleted = 0 ORDER BY id");
    if (!stmt)
        return out;
    stmt->bind(1, kind);
    while (stmt->step())
        out.push_back(recordFromRow(*stmt, 0));
    return out;
}

int64_t DeviceReplica::householdCount(const std::string &regionCode) const {
    auto stmt = m_db.prepare(
        "SELECT count(*) FROM records WHERE kind = 'household' AND region_code = ? AND deleted = 0");
    if (!stmt)
        return 0;
    stmt->bind(1, regionCode);
    return stmt->step() ? stmt->columnInt(0) : 0;
}

std::vector<Record> DeviceReplica::allRecords() const {
    std::vector<Record> out;
    auto stmt = m_db.prepare(std::string("SELECT ") + kRecordColumns + " FROM records ORDER BY kind, id");
    if (!stmt)
        return out;
    while (stmt->step())
        out.push_back(recordFromRow(*stmt, 0));
    return out;
}

std::string DeviceReplica::newId(const std::string &prefix) {
    if (sodium_init() < 0)
        return {};
    return prefix + "-" + randomHex(10);
}

Result<Record> DeviceReplica::edit(const std::string &kindName, const std::string &recordId,
                                   const std::string &householdId, const std::string &regionCode,
                                   const boost::json::object &input, bool deleteRecord) {
    const RecordKind *kind = findRecordKind(kindName);
    if (!kind)
        return Error{"unknown_kind", "未知的记录类型“" + kindName + "”", "kind"};
    boost::json::object fields = input;
    if (kindName == "member")
        deriveMemberFields(fields);
    // A workflow case's state is a proposal the server rules on; the other fields are checked as declared.
    boost::json::object declared = fields;
    std::optional<std::string> proposedState;
    if (kindName == "workflowCase" && declared.contains("state")) {
        const auto &state = declared["state"];
        if (!state.is_string() || !workflow::isState(state.get_string()))
            return Error{"invalid_field", "流程状态不正确", "state"};
        proposedState = std::string(state.get_string());
        declared.erase("state");
    }
    if (auto st = validateFields(*kind, declared); !st)
        return st.error();

    sql::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto current = readRecord(kindName, recordId);
    if (proposedState) {
        // Same rule as the server, against what this tablet knows, so the cadre hears "no" at once.
        std::string from =
            current && current->fields.contains("state") && current->fields.at("state").is_string()
                ? std::string(current->fields.at("state").as_string())
                : std::string("LEAD");
        auto s = session();
        if (!(current == std::nullopt && *proposedState == "LEAD")) {
            if (auto st = workflow::checkTransition(from, *proposedState, s ? s->role : "village"); !st)
                return st.error();
        }
    }

    int64_t seq = std::stoll(meta("nextSeq", "1"));
    Mutation m;
    m.deviceId = m_deviceId;
    m.seq = seq;
    m.id = Mutation::makeId(m_deviceId, seq);
    m.kind = kindName;
    m.recordId = recordId;
    m.householdId = householdId;
    m.regionCode = current ? current->regionCode : regionCode;
    if (kindName == "household") {
        if (auto it = fields.find("regionCode"); it != fields.end() && it->value().is_string())
            m.regionCode = std::string(it->value().get_string());
    }
    m.baseVersion = current ? current->version : 0;
    m.hlc = m_hlc->tick().encode();
    auto s = session();
    m.author = s ? s->username : std::string();
    if (current) {
        // What this device saw before the edit: the base of the server's three-way merge.
        for (const auto &kv : fields) {
            if (auto it = current->fields.find(kv.key()); it != current->fields.end())
                m.base[kv.key()] = it->value();
        }
    }
    m.fields = std::move(fields);
    m.deleteRecord = deleteRecord;

    // Re-check the envelope exactly as the server will, so what is accepted here is accepted there.
    if (auto check = protocol::decodeMutation(m.toJson()); !check)
        return check.error();

    MergeOutcome merged = applyMutation(current, m);
    if (!deleteRecord) {
        if (auto st = validateRequired(*kind, merged.record.fields); !st)
            return st.error();
    }
    if (auto st = writeRecord(merged.record); !st)
        return st.error();
    auto insert = m_db.prepare("INSERT INTO outbox(seq, id, kind, record_id, body) VALUES(?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, seq).bind(2, m.id).bind(3, m.kind).bind(4, m.recordId);
    insert->bindBlob(5, sealBytes(toCanonicalJson(m.toJson()), m_key));
    if (auto st = insert->run(); !st)
        return st.error();
    if (auto st = setMeta("nextSeq", std::to_string(seq + 1)); !st)
        return st.error();
    if (auto st = setMeta("hlc", m_hlc->last().encode()); !st)
        return st.error();
    if (auto st = refreshHouseholdIndex(); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return merged.record;
}

int64_t DeviceReplica::pendingCount() const {
    auto stmt = m_db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'");
    return stmt && stmt->step() ? stmt->columnInt(0) : 0;
}

protocol::PushRequest DeviceReplica::nextPushBatch(size_t maxMutations) const {
    protocol::PushRequest request;
    request.deviceId = m_deviceId;
    // Edits set aside after the server refused their batch never reach it: say so, or it waits for them.
    if (auto skipped =
            m_db.prepare("SELECT seq FROM outbox WHERE state = 'rejected' ORDER BY seq DESC LIMIT 100")) {
        while (skipped->step())
            request.skippedSeqs.push_back(skipped->columnInt(0));
    }
    auto stmt = m_db.prepare("SELECT body FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?");
    if (!stmt)
        return request;
    stmt->bind(1, static_cast<int64_t>(maxMutations));
    while (stmt->step()) {
        // An unreadable entry stays pending (and visible in the count) rather than being dropped.
        if (auto m = openMutation(stmt->columnBlob(0)))
            request.mutations.push_back(std::move(*m));
    }
    return request;
}

Result<Mutation> DeviceReplica::openMutation(const std::vector<unsigned char> &sealed) const {
    auto json = openJson(sealed, m_key);
    if (!json)
        return json.error();
    return protocol::decodeMutation(*json);
}

Status DeviceReplica::rebasePending(Record &record) {
    auto stmt = m_db.prepare(
        "SELECT body FROM outbox WHERE kind = ? AND record_id = ? AND state = 'pending' ORDER BY seq");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, record.kind).bind(2, record.id);
    std::optional<Record> current = record;
    while (stmt->step()) {
        auto m = openMutation(stmt->columnBlob(0));
        if (!m)
            return m.error();
        current = applyMutation(current, *m).record;
    }
    int64_t version = record.version;
    record = std::move(*current);
    record.version = version;
    return okStatus();
}

Status DeviceReplica::applyPushResponse(const protocol::PushResponse &response) {
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    auto mark = m_db.prepare("UPDATE outbox SET state = ?, code = ?, message = ? WHERE id = ?");
    if (!mark)
        return mark.error();
    for (const auto &result : response.results) {
        mark->reset();
        bool rejected = result.status == "rejected";
        // Accepted mutations keep what the server did with them (merged / queued for review) so the
        // cadre can see it; rejected ones keep the reason.
        std::string code = rejected ? result.code : result.status;
        std::string message = result.message;
        if (message.empty() && result.status == "queued")
            message = "与他人的修改冲突，已提交乡镇审核，审核结果会同步回本机";
        if (message.empty() && result.status == "merged")
            message = "部分字段已有更新的修改，以较新的为准";
        mark->bind(1, std::string_view(rejected ? "rejected" : "done")).bind(2, code).bind(3, message);
        mark->bind(4, result.mutationId);
        if (auto st = mark->run(); !st)
            return st;
    }
    for (const auto &result : response.results) {
        if (!result.hasRecord) {
            if (result.status == "rejected") {
                auto find = m_db.prepare("SELECT kind, record_id FROM outbox WHERE id = ?");
                if (!find)
                    return find.error();
                find->bind(1, result.mutationId);
                if (find->step()) {
                    if (auto st = recomputeFromBase(find->columnText(0), find->columnText(1)); !st)
                        return st;
                }
            }
            continue;
        }
        auto local = readRecord(result.record.kind, result.record.id);
        if (local && local->version > result.record.version)
            continue; // a newer server state already arrived by pull
        if (auto st = storeServerRecord(result.record); !st)
            return st;
    }
    if (response.serverTimeMs > 0)
        m_hlc->observe(HlcStamp{response.serverTimeMs, 0, "server"});
    if (auto st = setMeta("hlc", m_hlc->last().encode()); !st)
        return st;
    if (auto st = dropDeparted(); !st)
        return st;
    if (auto st = refreshHouseholdIndex(); !st)
        return st;
    return tx.commit();
}

Status DeviceReplica::markRejected(const std::string &mutationId, const std::string &code,
                                   const std::string &message) {
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    auto find = m_db.prepare("SELECT kind, record_id FROM outbox WHERE id = ? AND state = 'pending'");
    if (!find)
        return find.error();
    find->bind(1, mutationId);
    if (!find->step())
        return okStatus();
    std::string kind = find->columnText(0);
    std::string recordId = find->columnText(1);
    auto stmt = m_db.prepare("UPDATE outbox SET state = 'rejected', code = ?, message = ? WHERE id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, code).bind(2, message).bind(3, mutationId);
    if (auto st = stmt->run(); !st)
        return st;
    if (auto st = recomputeFromBase(kind, recordId); !st)
        return st;
    if (auto st = refreshHouseholdIndex(); !st)
        return st;
    return tx.commit();
}

std::vector<RejectedMutation> DeviceReplica::queuedForReview() const {
    std::vector<RejectedMutation> out;
    auto stmt = m_db.prepare("SELECT id, kind, record_id, code, message FROM outbox WHERE state = 'done' AND "
                             "code = 'queued' ORDER BY seq");
    if (!stmt)
        return out;
    while (stmt->step())
        out.push_back({stmt->columnText(0), stmt->columnText(1), stmt->columnText(2), stmt->columnText(3),
                       stmt->columnText(4)});
    return out;
}

std::vector<RejectedMutation> DeviceReplica::rejected() const {
    std::vector<RejectedMutation> out;
    auto stmt = m_db.prepare(
        "SELECT id, kind, record_id, code, message FROM outbox WHERE state = 'rejected' ORDER BY seq");
    if (!stmt)
        return out;
    while (stmt->step())
        out.push_back({stmt->columnText(0), stmt->columnText(1), stmt->columnText(2), stmt->columnText(3),
                       stmt->columnText(4)});
    return out;
}

int64_t DeviceReplica::cursor() const {
    return std::stoll(meta("cursor", "0"));
}

Status DeviceReplica::applyPull(const protocol::PullResponse &response) {
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    auto depart = m_db.prepare("INSERT OR IGNORE INTO departures(kind, id) VALUES(?, ?)");
    if (!depart)
        return depart.error();
    for (const auto &d : response.departed) {
        depart->reset();
        depart->bind(1, d.kind).bind(2, d.id);
        if (auto st = depart->run(); !st)
            return st;
    }
    auto stay = m_db.prepare("DELETE FROM departures WHERE kind = ? AND id = ?");
    if (!stay)
        return stay.error();
    for (const Record &serverRecord : response.changes) {
        stay->reset();
        stay->bind(1, serverRecord.kind).bind(2, serverRecord.id); // back in scope
        if (auto st = stay->run(); !st)
            return st;
        if (auto st = storeServerRecord(serverRecord); !st)
            return st;
    }
    if (auto st = dropDeparted(); !st)
        return st;
    if (response.cursor > cursor()) {
        if (auto st = setMeta("cursor", std::to_string(response.cursor)); !st)
            return st;
    }
    if (auto st = setMeta("hlc", m_hlc->last().encode()); !st)
        return st;
    if (auto st = refreshHouseholdIndex(); !st)
        return st;
    return tx.commit();
}

Result<bool> DeviceReplica::noteServerIncarnation(const std::string &incarnation) {
    const std::string known = meta("serverIncarnation");
    if (incarnation.empty() || incarnation == known)
        return false;
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    const bool restored = !known.empty();
    if (restored) {
        if (auto st = m_db.exec("UPDATE outbox SET state = 'pending', code = '', message = '' "
                                "WHERE state = 'done'");
            !st)
            return st.error();
        if (auto st = setMeta("cursor", "0"); !st)
            return st.error();
    }
    if (auto st = setMeta("serverIncarnation", incarnation); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return restored;
}

Status DeviceReplica::dropDeparted() {
    // A record that left this tablet's area goes only once none of its edits is waiting to be pushed.
    return m_db.exec(
        "INSERT OR IGNORE INTO household_index_dirty(household_id) SELECT r.household_id FROM records r "
        "JOIN departures d ON d.kind = r.kind AND d.id = r.id; "
        "DELETE FROM records WHERE EXISTS (SELECT 1 FROM departures d WHERE d.kind = records.kind "
        "AND d.id = records.id) AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.kind = records.kind "
        "AND o.record_id = records.id AND o.state = 'pending'); "
        "DELETE FROM departures WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.kind = departures.kind "
        "AND r.id = departures.id)");
}

int64_t DeviceReplica::lastSyncMs() const {
    return std::stoll(meta("lastSyncMs", "0"));
}

Status DeviceReplica::setLastSync(int64_t ms) {
    return setMeta("lastSyncMs", std::to_string(ms));
}

std::string DeviceReplica::ruleConfigDocument() const {
    return meta("ruleConfig");
}

Status DeviceReplica::setRuleConfigDocument(const std::string &document) {
    return setMeta("ruleConfig", document);
}

} // namespace ruhu
