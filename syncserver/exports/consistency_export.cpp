#include "consistency_export.h"

#include "area_directory.h"
#include "record_walk.h"

#include <ruhu/exports/consistency.h>

#include <unordered_map>

namespace ruhu::server {
namespace {

std::string textOf(const boost::json::object &fields, const char *key) {
    const auto *value = fields.if_contains(key);
    return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

} // namespace

Result<AuditHouseholds> writeConsistencySheet(CentralStore &store, const AreaDirectory &areas,
                                              const std::vector<std::string> &prefixes, TableSink &sink) {
    std::unordered_map<std::string, std::vector<boost::json::object>> cases;
    std::unordered_map<std::string, std::vector<boost::json::object>> measures;
    auto st = forEachRecord(store, "workflowCase", prefixes, [&](const Record &c) {
        cases[c.householdId].push_back(c.fields);
        return okStatus();
    });
    if (st)
        st = forEachRecord(store, "measure", prefixes, [&](const Record &m) {
            measures[m.householdId].push_back(m.fields);
            return okStatus();
        });
    if (st)
        st = sink.writeRow({"村", "组", "户编号", "户主姓名", "问题代码", "问题"});
    AuditHouseholds listed;
    static const std::vector<boost::json::object> none;
    if (st)
        st = forEachRecord(store, "household", prefixes, [&](const Record &h) {
            const auto c = cases.find(h.id);
            const auto m = measures.find(h.id);
            const auto found = exports::consistencyMismatches(h.fields, c == cases.end() ? none : c->second,
                                                              m == measures.end() ? none : m->second);
            for (const auto &mismatch : found) {
                if (auto written =
                        sink.writeRow({areas.namesOf(h.regionCode, &h.fields).village,
                                       textOf(h.fields, "group"), textOf(h.fields, "nationalHouseholdNo"),
                                       textOf(h.fields, "headName"), mismatch.code, mismatch.message});
                    !written)
                    return written;
            }
            if (!found.empty())
                listed.emplace_back(h.id, h.regionCode);
            return okStatus();
        });
    if (!st)
        return st.error();
    return listed;
}

} // namespace ruhu::server
