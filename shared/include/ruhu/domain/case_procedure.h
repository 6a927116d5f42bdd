#pragma once

#include <ruhu/domain/civil_date.h>
#include <ruhu/domain/rule_config.h>
#include <ruhu/domain/workflow.h>
#include <ruhu/domain/working_calendar.h>
#include <ruhu/result.h>
#include <ruhu/sync/record.h>

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The monitoring case's procedure (monitoring-domain.md §7; seeds 004 四/五, 001 一): what each step of
// the state table (ruhu/domain/workflow.h) needs besides the role. The server refuses a step whose
// preconditions are unmet (push and reviewer API alike); the tablet shows the same list as "缺少：…".
// Every check reads the case as it would stand after the step (its data written) and the household's
// records as stored; nothing here trusts a date, an author or a computed value from the device.
// Field shapes: docs/case-flow.md.
namespace ruhu::cases {

// One unmet precondition: a stable code and a plain-Chinese line ("缺少：全体成员签字的授权承诺书").
struct Missing {
    std::string code;
    std::string message;
};

struct ProcedureContext {
    domain::CivilDate today; // Beijing date of the decision (the server's, never the device's)
    const domain::WorkingCalendar *calendar = nullptr;
    const domain::RuleConfig *config = nullptr;
};

// What a check reads: the case's fields (with the proposed step's data), its id, and every record of its
// household (any kinds, tombstones included, the case itself among them or not).
struct CaseInputs {
    std::string caseId;
    std::string householdId;
    boost::json::object fields;
    std::vector<Record> records;
};

inline constexpr std::string_view kSuddenHardship = "突发严重困难户";

// Everything missing for the case to move from `from` to `to` ("" = a new case → LEAD). Empty when the
// step may be taken. Does not check the role or the table (workflow::checkTransition does).
std::vector<Missing> missingForStep(std::string_view from, std::string_view to, const CaseInputs &in,
                                    const ProcedureContext &ctx);

// checkTransition (table and role), then missingForStep. Error code: invalid_transition for the table or
// role; otherwise the first missing item's code, with every item in the message
// ("不能办理“乡镇审核通过”：公示期未满（2024-09-13结束）；缺少：帮扶措施").
Status checkStep(std::string_view from, std::string_view to, std::string_view role, const CaseInputs &in,
                 const ProcedureContext &ctx);

// The steps `role` may take from the case's state, each with what it still misses.
struct AvailableStep {
    const workflow::Transition *transition = nullptr;
    std::vector<Missing> missing;
};
std::vector<AvailableStep> availableSteps(std::string_view state, std::string_view role, const CaseInputs &in,
                                          const ProcedureContext &ctx);

// The case field a step's data goes into ("" when the step takes no data): triage, villageReview,
// publicity, townshipReview, countyReview, announcement, entry, elimination, eliminationTownship,
// eliminationCounty, rollback, withdrawal, removal, closure.
std::string_view stepDataField(std::string_view from, std::string_view to);

// The result a township or county decision records for this step ("通过", "退回" or "不通过"); empty when
// the step is not such a review. What the reviewer's form sends and what the step's check expects.
std::string_view reviewResultForStep(std::string_view from, std::string_view to);

// The 监测对象 categories the county chooses from when it confirms a case.
const std::vector<std::string> &monitoringCategories();

// The fields only the server writes (from reviewer actions and at transitions); a device's value is refused.
bool isServerOwnedCaseField(std::string_view field);

// 公示: the last day (the publicityWorkingDays-th working day from the start, the start counting when it is a
// working day). Error calendar_missing when the calendar lacks a year.
Result<domain::CivilDate> publicityEnd(const domain::CivilDate &start, const ProcedureContext &ctx);

// 入户核实: a lead must be verified within `leadVisitWorkingDays` working days of its date.
inline constexpr int kLeadVisitWorkingDays = 5;
Result<domain::CivilDate> leadDeadline(const domain::CivilDate &leadDate, const ProcedureContext &ctx);

// What the server writes when a step is taken, besides state and events: the computed end of 公示 on
// PUBLICIZED (case field publicityEnd). Empty object when nothing.
boost::json::object serverFieldsOnStep(std::string_view to, const CaseInputs &in,
                                       const ProcedureContext &ctx);

// The household's monitoring record (household.monitoring) after a step, or nullopt when the step does not
// change it: on COUNTY_CONFIRMED 类别 (the county's choice), 识别时间 (the confirmation date), the 兜底 mark
// when the engine suggests it; on ELIMINATED riskEliminated, mode, date; on ROLLED_BACK riskEliminated
// false. `current` is the household's monitoring object as stored (kept fields the step does not set).
std::optional<boost::json::object> monitoringAfterStep(std::string_view to, const CaseInputs &in,
                                                       const boost::json::object &current,
                                                       const ProcedureContext &ctx);

// Attention a case needs on `today` (Today page, reviewer list filter "overdue").
struct CaseAttention {
    bool overdue = false; // a time limit has passed (入户核实, 公示 ended and not yet reviewed …)
    std::string code;     // lead_visit_due, publicity_ended, returned, open_over_two_years, lookback …
    std::string message;  // Chinese
    std::optional<domain::CivilDate> due;
};
std::vector<CaseAttention> caseAttention(std::string_view state, const boost::json::object &fields,
                                         const ProcedureContext &ctx);

// 回头看: an eliminated case stays on the list for 12 months after its elimination.
bool onLookbackList(std::string_view state, const boost::json::object &fields,
                    const domain::CivilDate &today);

} // namespace ruhu::cases
