#include <ruhu/domain/workflow.h>
#include <ruhu/store/household_index.h>

#include <algorithm>
#include <array>
#include <cstdio>

namespace ruhu {
namespace household_index_sql {

const char *const kSchema = R"sql(
CREATE TABLE IF NOT EXISTS household_index(
    household_id TEXT PRIMARY KEY, region_code TEXT NOT NULL, grp TEXT NOT NULL, group_order INTEGER NOT NULL,
    head_name TEXT NOT NULL, household_type TEXT NOT NULL, monitoring_category TEXT NOT NULL,
    workflow_stage TEXT NOT NULL, risk_types TEXT NOT NULL, risk_count INTEGER NOT NULL,
    member_count INTEGER NOT NULL, id_last4 TEXT NOT NULL, last_visit TEXT NOT NULL,
    last_monthly_visit TEXT NOT NULL, last_lookback_visit TEXT NOT NULL, risk_eliminated INTEGER NOT NULL,
    eliminated_on TEXT NOT NULL, on_server INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS household_index_in_group_order
    ON household_index(region_code, group_order, grp, head_name, household_id, id_last4);
CREATE INDEX IF NOT EXISTS household_index_in_name_order
    ON household_index(region_code, head_name, group_order, household_id, grp, id_last4);
CREATE INDEX IF NOT EXISTS household_index_in_visit_order
    ON household_index(region_code, last_visit, group_order, head_name, household_id);
CREATE INDEX IF NOT EXISTS household_index_by_category ON household_index(monitoring_category, risk_eliminated);
CREATE TABLE IF NOT EXISTS household_index_dirty(household_id TEXT PRIMARY KEY);
)sql";

const char *const kColumns =
    "household_id, region_code, grp, group_order, head_name, household_type, monitoring_category, "
    "workflow_stage, risk_types, member_count, id_last4, last_visit, last_monthly_visit, "
    "last_lookback_visit, risk_eliminated, eliminated_on, on_server";

const char *const kMonthlyVisitDue =
    "(monitoring_category <> '' AND risk_eliminated = 0 AND last_monthly_visit < ?1)";

const char *const kLookBackDue =
    "(risk_eliminated = 1 AND eliminated_on >= ?2 AND last_lookback_visit < eliminated_on)";

} // namespace household_index_sql

namespace {

std::string textOf(const boost::json::object &o, std::string_view key) {
    auto it = o.find(key);
    return it != o.end() && it->value().is_string() ? std::string(it->value().get_string()) : std::string();
}

std::vector<std::string> stringsOf(const boost::json::object &o, std::string_view key) {
    std::vector<std::string> out;
    auto it = o.find(key);
    if (it == o.end() || !it->value().is_array())
        return out;
    for (const auto &v : it->value().get_array()) {
        if (v.is_string() && !v.get_string().empty())
            out.emplace_back(v.get_string());
    }
    return out;
}

// "2024-09-05T10:12:00+08:00" → "2024-09-05"
std::string visitDate(const Record &visit) {
    std::string at = textOf(visit.fields, "startedAt");
    if (at.size() < 10)
        at = textOf(visit.fields, "endedAt");
    return at.size() >= 10 ? at.substr(0, 10) : std::string();
}

bool isTerminal(std::string_view state) {
    for (const auto &s : workflow::states()) {
        if (s.name == state)
            return s.terminal;
    }
    return false;
}

void readMonitoring(const boost::json::object &fields, HouseholdIndexRow &row) {
    auto it = fields.find("monitoring");
    if (it == fields.end() || !it->value().is_object())
        return;
    const auto &m = it->value().get_object();
    row.monitoringCategory = textOf(m, "category");
    if (auto e = m.find("riskEliminated"); e != m.end() && e->value().is_bool())
        row.riskEliminated = e->value().get_bool();
    const std::string ym = textOf(m, "eliminatedYm"); // "202409"
    if (ym.size() == 6)
        row.eliminatedOn = ym.substr(0, 4) + "-" + ym.substr(4, 2) + "-01";
}

} // namespace

HouseholdIndexRow makeHouseholdIndexRow(const Record &household, const std::vector<Record> &related) {
    HouseholdIndexRow row;
    row.householdId = household.id;
    row.regionCode = household.regionCode;
    row.group = textOf(household.fields, "group");
    row.groupOrder = groupOrderOf(row.group);
    row.headName = textOf(household.fields, "headName");
    row.householdType = textOf(household.fields, "householdType");
    row.onServer = household.version > 0;
    readMonitoring(household.fields, row);
    row.riskTypes = stringsOf(household.fields, "riskTypes");

    const std::string headMemberId = textOf(household.fields, "headMemberId");
    const Record *head = nullptr;
    const Record *openCase = nullptr;
    const Record *latestAssessment = nullptr;
    for (const Record &r : related) {
        if (r.deleted)
            continue;
        if (r.kind == "member") {
            ++row.memberCount;
            if (r.id == headMemberId || (!head && textOf(r.fields, "relationToHead") == "户主"))
                head = &r;
        } else if (r.kind == "visit") {
            const std::string date = visitDate(r);
            const std::string type = textOf(r.fields, "type");
            row.lastVisit = std::max(row.lastVisit, date);
            if (type == "每月走访")
                row.lastMonthlyVisit = std::max(row.lastMonthlyVisit, date);
            else if (type == "回头看")
                row.lastLookBackVisit = std::max(row.lastLookBackVisit, date);
        } else if (r.kind == "workflowCase") {
            // The open case wins over closed ones; among equals the later id.
            const bool open = !isTerminal(textOf(r.fields, "state"));
            const bool currentOpen = openCase && !isTerminal(textOf(openCase->fields, "state"));
            if (!openCase || (open && !currentOpen) || (open == currentOpen && r.id > openCase->id))
                openCase = &r;
        } else if (r.kind == "riskAssessment") {
            if (!latestAssessment ||
                textOf(r.fields, "assessedAt") > textOf(latestAssessment->fields, "assessedAt"))
                latestAssessment = &r;
        }
    }
    if (head) {
        const std::string idNo = textOf(head->fields, "idNo");
        row.idLast4 = idNo.size() >= 4 ? idNo.substr(idNo.size() - 4) : std::string();
    }
    if (openCase) {
        row.workflowStage = textOf(openCase->fields, "state");
        if (row.workflowStage == "ELIMINATED")
            row.riskEliminated = true;
    }
    if (row.riskTypes.empty() && latestAssessment)
        row.riskTypes = stringsOf(latestAssessment->fields, "riskTypes");
    return row;
}

int64_t groupOrderOf(std::string_view group) {
    if (!group.empty() && group.front() >= '0' && group.front() <= '9') {
        int64_t n = 0;
        for (char c : group) {
            if (c < '0' || c > '9')
                break;
            n = n * 10 + (c - '0');
        }
        return n;
    }
    static constexpr std::array<std::string_view, 10> kDigits{"〇", "一", "二", "三", "四",
                                                              "五", "六", "七", "八", "九"};
    int64_t value = 0;
    int64_t pending = 0;
    bool any = false;
    while (!group.empty()) {
        if (group.starts_with("十")) {
            value += (pending == 0 ? 1 : pending) * 10;
            pending = 0;
            any = true;
            group.remove_prefix(std::string_view("十").size());
            continue;
        }
        auto digit = std::find_if(kDigits.begin(), kDigits.end(),
                                  [&](std::string_view d) { return group.starts_with(d); });
        if (digit == kDigits.end())
            break;
        pending = digit - kDigits.begin();
        any = true;
        group.remove_prefix(digit->size());
    }
    return any ? value + pending : 999;
}

std::string maskedIdNumber(std::string_view last4) {
    if (last4.empty())
        return {};
    return std::string(18 - std::min<size_t>(last4.size(), 4), '*') + std::string(last4.substr(0, 4));
}

std::string monthStart(std::string_view today) {
    return today.size() >= 7 ? std::string(today.substr(0, 7)) + "-01" : std::string();
}

std::string lookBackWindowStart(std::string_view today) {
    if (today.size() < 7)
        return {};
    int year = std::stoi(std::string(today.substr(0, 4)));
    int month = std::stoi(std::string(today.substr(5, 2))) - 11;
    if (month < 1) {
        month += 12;
        --year;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-01", year, month);
    return buf;
}

} // namespace ruhu
