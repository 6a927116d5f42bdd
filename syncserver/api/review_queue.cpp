#include "review_queue.h"

namespace ruhu::server {
namespace {

ReviewEntry entryFor(const Mutation &m, const Record &record, int64_t nowMs) {
    ReviewEntry r;
    r.kind = record.kind;
    r.recordId = record.id;
    r.householdId = record.householdId;
    r.regionCode = record.regionCode;
    r.incomingHlc = m.hlc;
    r.mutationId = m.id;
    r.deviceId = m.deviceId;
    r.author = m.author;
    r.createdAtMs = nowMs;
    return r;
}

} // namespace

ReviewEntry reviewForConflict(const Mutation &m, const Record &record, const FieldConflict &conflict,
                              int64_t nowMs) {
    ReviewEntry r = entryFor(m, record, nowMs);
    r.field = conflict.field;
    r.baseValue = conflict.baseValue;
    r.serverValue = conflict.serverValue;
    r.serverHlc = conflict.serverHlc;
    r.incomingValue = conflict.incomingValue;
    r.incomingHlc = conflict.incomingHlc;
    return r;
}

ReviewEntry reviewForDeleteConflict(const Mutation &m, const Record &record, int64_t nowMs) {
    ReviewEntry r = entryFor(m, record, nowMs);
    r.field = kDeleteField;
    std::string serverHlc;
    for (const auto &kv : record.clocks) {
        if (kv.value().is_string() && std::string_view(kv.value().get_string()) > serverHlc)
            serverHlc = kv.value().get_string();
    }
    r.serverHlc = serverHlc;
    if (m.deleteRecord) {
        r.serverValue = boost::json::object{{"deleted", false}, {"fields", record.fields}};
        r.incomingValue = boost::json::object{{"deleted", true}};
    } else {
        r.serverValue = boost::json::object{{"deleted", true}};
        r.incomingValue = boost::json::object{{"deleted", false}, {"fields", m.fields}};
    }
    return r;
}

boost::json::object reviewToJson(const ReviewEntry &r) {
    return boost::json::object{{"id", r.id},
                               {"kind", r.kind},
                               {"recordId", r.recordId},
                               {"householdId", r.householdId},
                               {"regionCode", r.regionCode},
                               {"field", r.field},
                               {"baseValue", r.baseValue},
                               {"serverValue", r.serverValue},
                               {"serverHlc", r.serverHlc},
                               {"incomingValue", r.incomingValue},
                               {"incomingHlc", r.incomingHlc},
                               {"mutationId", r.mutationId},
                               {"deviceId", r.deviceId},
                               {"author", r.author},
                               {"createdAtMs", r.createdAtMs},
                               {"status", r.status},
                               {"resolution", r.resolution}};
}

} // namespace ruhu::server
