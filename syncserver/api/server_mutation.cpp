#include "server_mutation.h"

#include <ruhu/json/canonical_json.h>
#include <ruhu/sync/hlc.h>

namespace ruhu::server {

std::string serverStampAfter(const Record &record, int64_t nowMs) {
    HlcStamp stamp{nowMs, 0, kServerDeviceId};
    for (const auto &kv : record.clocks) {
        if (!kv.value().is_string())
            continue;
        auto clock = HlcStamp::decode(kv.value().get_string());
        if (clock && !(stamp > *clock))
            stamp = HlcStamp{clock->wallMs, clock->counter + 1, kServerDeviceId};
    }
    return stamp.encode();
}

Result<Mutation> makeServerMutation(CentralStore::WriteTransaction &tx, const Record &record,
                                    const std::string &author, int64_t nowMs) {
    auto last = tx.maxSeq(kServerDeviceId);
    if (!last)
        return last.error();
    Mutation m;
    m.deviceId = kServerDeviceId;
    m.seq = *last + 1;
    m.id = Mutation::makeId(m.deviceId, m.seq);
    m.kind = record.kind;
    m.recordId = record.id;
    m.householdId = record.householdId;
    m.regionCode = record.regionCode;
    m.baseVersion = record.version;
    m.hlc = serverStampAfter(record, nowMs);
    m.author = author;
    return m;
}

Status putHistory(CentralStore::WriteTransaction &tx, const Mutation &m,
                  const boost::json::object &mutationJson, const boost::json::object &result, int64_t nowMs) {
    AppliedMutation row{
        m.id,   m.deviceId, m.seq, nowMs, toCanonicalJson(mutationJson), toCanonicalJson(result),
        m.kind, m.recordId};
    return tx.putApplied(row);
}

Status writeServerFields(CentralStore::WriteTransaction &tx, Record &record,
                         const boost::json::object &values, const boost::json::object &why,
                         const std::string &user, int64_t nowMs) {
    backfillVersions(record);
    auto m = makeServerMutation(tx, record, user, nowMs);
    if (!m)
        return m.error();
    auto version = tx.nextVersion();
    if (!version)
        return version.error();
    boost::json::array applied;
    for (const auto &kv : values) {
        record.fields[kv.key()] = kv.value();
        record.clocks[kv.key()] = m->hlc;
        record.versions[kv.key()] = *version;
        m->fields[kv.key()] = kv.value();
        applied.emplace_back(kv.key());
    }
    record.version = *version;
    if (auto st = tx.putRecord(record); !st)
        return st;
    boost::json::object result = why;
    result["status"] = "applied";
    result["appliedFields"] = std::move(applied);
    result["version"] = record.version;
    result["user"] = user;
    return putHistory(tx, *m, m->toJson().as_object(), result, nowMs);
}

Status writeServerField(CentralStore::WriteTransaction &tx, Record &record, const std::string &field,
                        const boost::json::value &value, const boost::json::object &why,
                        const std::string &user, int64_t nowMs) {
    return writeServerFields(tx, record, boost::json::object{{field, value}}, why, user, nowMs);
}

Record forDevice(Record record) {
    record.versions = {};
    return record;
}

void backfillVersions(Record &record) {
    for (const auto &kv : record.clocks) {
        if (!record.versions.contains(kv.key()))
            record.versions[kv.key()] = record.version;
    }
}

} // namespace ruhu::server
