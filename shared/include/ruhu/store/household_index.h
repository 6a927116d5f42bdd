#pragma once

#include <ruhu/sync/record.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// The replica's household index: one unencrypted row per live household with only the columns the
// household list and the Today page search, filter, sort and count on. It is derived from the sealed
// records in the same transaction that writes them (DeviceReplica marks the household dirty, then
// rebuilds its row before commit), so lists never decrypt every record. What is in it and why:
// docs/tablet-ui.md.
namespace ruhu {

struct HouseholdIndexRow {
    std::string householdId;
    std::string regionCode;
    std::string group;
    int64_t groupOrder = 0; // "三组" → 3, so groups sort as numbers
    std::string headName;
    std::string householdType;
    std::string monitoringCategory; // 脱贫不稳定户 / 边缘易致贫户 / 突发严重困难户, empty: not monitored
    std::string workflowStage; // the open case's state (LEAD…), empty: no case
    std::vector<std::string> riskTypes;
    int64_t memberCount = 0;
    std::string idLast4;           // the last 4 characters of the head's 身份证号 only
    std::string lastVisit;         // YYYY-MM-DD of the latest visit of any type, empty: none
    std::string lastMonthlyVisit;  // … of the latest 每月走访
    std::string lastLookBackVisit; // … of the latest 回头看 visit
    bool riskEliminated = false;
    std::string eliminatedOn; // YYYY-MM-01 of the elimination month, empty: unknown
    bool onServer = false;
};

// Builds the row of a household from it and its live members, visits, workflow cases and risk assessments
// (other kinds are ignored).
HouseholdIndexRow makeHouseholdIndexRow(const Record &household, const std::vector<Record> &related);

// "一组" → 1, "十二组" → 12, "3组" → 3; anything else sorts last (999).
int64_t groupOrderOf(std::string_view group);

// "****************1234": the only form a 身份证号 takes in a list.
std::string maskedIdNumber(std::string_view last4);

enum class HouseholdSort { Group, Name, Risk, LastVisit };

// What the household list or a Today list asks the index for.
struct HouseholdQuery {
    enum class Due { Any, MonthlyVisit, LookBack };

    std::string regionCode; // empty: every village on the tablet
    // Head name or group containing it; 1–4 digits (or X) also match the end of the head's 身份证号.
    std::string search;
    std::string householdType;      // empty: any
    std::string monitoringCategory; // empty: any; kNotMonitored: households that are not monitored
    std::string workflowStage;      // empty: any
    std::string riskType;           // empty: any
    HouseholdSort sort = HouseholdSort::Group;
    Due due = Due::Any;
    std::string today; // YYYY-MM-DD; the month and the 回头看 window of the Due lists follow from it
    int64_t limit = -1;
};

inline constexpr std::string_view kNotMonitored = "-";

// Due dates of the Today page (docs/tablet-ui.md): the first day of today's month, and the start of the
// 回头看 window (the first day of the month eleven months back: the last twelve months).
std::string monthStart(std::string_view today);
std::string lookBackWindowStart(std::string_view today);

// Per village: how many households, how many monitored, due for the monthly visit, on the 回头看 list.
struct VillageCounts {
    std::string regionCode;
    int64_t households = 0;
    int64_t monitored = 0;
    int64_t monthlyVisitDue = 0;
    int64_t lookBackDue = 0;
};

// SQL fragments shared by the replica's queries (column list of HouseholdIndexRow, due predicates).
namespace household_index_sql {
extern const char *const kSchema;
extern const char *const kColumns;
// Bind ?1 = monthStart(today).
extern const char *const kMonthlyVisitDue;
// Bind ?2 = lookBackWindowStart(today).
extern const char *const kLookBackDue;
} // namespace household_index_sql

} // namespace ruhu
