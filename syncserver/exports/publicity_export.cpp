#include "publicity_export.h"

#include "area_directory.h"
#include "record_walk.h"

#include <ruhu/domain/case_procedure.h>
#include <ruhu/exports/national_layout.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace ruhu::server {
namespace {

using exports::PublicityEntry;

std::string textOf(const boost::json::object &fields, const char *key) {
    const auto *value = fields.if_contains(key);
    return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

// The households of the cases in 公示, with their period.
Result<std::unordered_map<std::string, PublicityEntry>>
casesInPublicity(CentralStore &store, const std::vector<std::string> &prefixes,
                 const cases::ProcedureContext &ctx) {
    std::unordered_map<std::string, PublicityEntry> entries;
    auto st = forEachRecord(store, "workflowCase", prefixes, [&](const Record &c) {
        if (!exports::isInPublicity(c.fields))
            return okStatus();
        const auto start = exports::publicityStart(c.fields);
        if (!start)
            return okStatus();
        auto end = exports::storedPublicityEnd(c.fields);
        if (!end) {
            auto computed = cases::publicityEnd(*start, ctx);
            if (!computed)
                return Status(computed.error());
            end = *computed;
        }
        PublicityEntry &entry = entries[c.householdId];
        entry.start = *start;
        entry.end = *end;
        return okStatus();
    });
    if (!st)
        return st.error();
    return entries;
}

} // namespace

Result<PublicityList> collectPublicity(CentralStore &store, const AreaDirectory &areas,
                                       const std::vector<std::string> &prefixes, const std::string &contact) {
    cases::ProcedureContext ctx;
    ctx.calendar = &domain::WorkingCalendar::builtin();
    auto entries = casesInPublicity(store, prefixes, ctx);
    if (!entries)
        return entries.error();
    PublicityList list;
    if (entries->empty())
        return list;
    std::unordered_map<std::string, std::string> regions; // household → region code
    auto st = forEachRecord(store, "household", prefixes, [&](const Record &household) {
        auto it = entries->find(household.id);
        if (it == entries->end())
            return okStatus();
        PublicityEntry &e = it->second;
        e.villageCode = household.regionCode;
        e.villageName = areas.namesOf(household.regionCode, &household.fields).village;
        e.group = textOf(household.fields, "group");
        e.headName = textOf(household.fields, "headName");
        e.risk = exports::mainRisk(household.fields);
        regions[household.id] = household.regionCode;
        return okStatus();
    });
    if (st)
        st = forEachRecord(store, "member", prefixes, [&](const Record &member) {
            if (auto it = entries->find(member.householdId);
                it != entries->end() && exports::countsInHousehold(member.fields))
                ++it->second.memberCount;
            return okStatus();
        });
    if (st)
        st = forEachRecord(store, "incomeSheet", prefixes, [&](const Record &sheet) {
            if (auto it = entries->find(sheet.householdId); it != entries->end()) {
                if (auto category = exports::proposedCategory(sheet.fields); !category.empty())
                    it->second.category = std::move(category);
            }
            return okStatus();
        });
    if (!st)
        return st.error();

    // One notice per village and period; a case whose household is not on the server is left out.
    using Key = std::tuple<std::string, domain::CivilDate, domain::CivilDate>;
    std::map<Key, std::vector<PublicityEntry>> grouped;
    for (auto &[householdId, entry] : *entries) {
        if (!regions.contains(householdId))
            continue;
        list.households.emplace_back(householdId, regions[householdId]);
        grouped[{entry.villageCode, entry.start, entry.end}].push_back(std::move(entry));
    }
    std::sort(list.households.begin(), list.households.end());
    for (auto &[key, rows] : grouped) {
        std::sort(rows.begin(), rows.end(), [](const PublicityEntry &a, const PublicityEntry &b) {
            return std::tie(a.group, a.headName) < std::tie(b.group, b.headName);
        });
        exports::PublicityNotice notice;
        notice.villageName = rows.front().villageName;
        notice.start = std::get<1>(key);
        notice.end = std::get<2>(key);
        if (auto days = ctx.calendar->workingDaysBetween(notice.start, notice.end))
            notice.workingDays = *days;
        notice.contact = contact;
        list.notices.push_back({std::move(notice), std::move(rows)});
    }
    return list;
}

} // namespace ruhu::server
