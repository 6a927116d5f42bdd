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
