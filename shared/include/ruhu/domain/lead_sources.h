#pragma once

#include <ruhu/domain/civil_date.h>
#include <ruhu/model/table.h>
#include <ruhu/result.h>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Leads the county feeds into the monitoring procedure (monitoring-domain.md §7.1 1c, 1d;
// docs/case-flow.md "Leads from the county"): a department's 筛查预警 list and a 突发应急 area marking.
// What the list's columns mean, which rows are good, the lead's fields and its case id live here; the
// server only reads the file, finds the members and stores the cases.
namespace ruhu::leads {

inline constexpr std::string_view kScreeningSource = "部门预警";
inline constexpr std::string_view kEmergencySource = "突发应急";

inline constexpr size_t kMaxDepartmentChars = 30;
inline constexpr size_t kMaxReasonChars = 200;
inline constexpr size_t kMaxDescriptionChars = 500;
inline constexpr int kMaxEmergencyDays = 366; // the longest range one marking may cover

// One row that gives no lead: its row number, the column (its header as the file names it, or ""), a
// stable code and a Chinese message. `idMasked` is the row's 身份证号 masked (4 + 4 characters), if any.
struct RowProblem {
    int row = 0;
    std::string column;
    std::string code;
    std::string message;
    std::string idMasked;
};

// A good row of a department's list.
struct ScreeningRow {
    int row = 0;
    std::string name;     // as the list writes it ("" when the list has no 姓名 column)
    std::string idNumber; // 18 characters, a final x upper-cased
    std::string reason;
    domain::CivilDate date;
};

struct ScreeningList {
    std::vector<ScreeningRow> rows;
    std::vector<RowProblem> problems; // invalid rows (codes id_number_*, lead_date_*, reason_too_long)
};

// The rows of a department's list. The header row is the first of the first ten rows that names a
// 身份证号 column (aliases 证件号码, 身份证号, 身份证号码, 公民身份号码 …); 预警日期 (日期, 筛查日期 …) is
// required too, 姓名 and 预警原因 (风险类型, 预警类型 …) are read when present. Error missing_column when
// the header lacks one. A date after `today` is a row problem.
Result<ScreeningList> readScreeningList(const Table &table, const domain::CivilDate &today);

// The name of the department that sent the list: trimmed, 1..kMaxDepartmentChars characters, no control
// characters. Error department_missing / department_invalid.
Result<std::string> checkDepartment(std::string_view department);

// A lead date cell: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, or an Excel date serial
// number (a numeric cell, or a CSV cell of 5 digits).
std::optional<domain::CivilDate> parseLeadDate(const TableCell &cell);

// Row problem for a 身份证号 cell, or the number normalized (an XLSX numeric cell's digits taken as
// written; one in scientific notation has lost digits and is refused).
Result<std::string> idNumberFromCell(const TableCell &cell);

// The row's member and the list disagree on the name (a wrong 身份证号 on the list): a row problem with
// code name_mismatch, or nullopt when they agree or the list gives no name.
std::optional<RowProblem> nameMismatch(const ScreeningRow &row, std::string_view memberName);

// Problems for rows that found no member: unmatched (also for a member outside the user's area, which is
// never told apart), household_missing.
RowProblem unmatchedProblem(const ScreeningRow &row);

// The deterministic id of the case a lead opens: the same source, household and key (the list's date
// and department; the marking's region and range) always give the same id, so a repeated import finds
// its case instead of opening another. "lead-" + 32 hex digits (BLAKE2b through libsodium).
std::string leadCaseId(std::string_view source, std::string_view householdId, std::string_view key);
std::string screeningKey(const ScreeningRow &row, std::string_view department);

// The fields of a new LEAD case from a list row: householdId, caseType 识别, source 部门预警, lead
// {date, department, reason, memberId}. The server adds state and events.
boost::json::object screeningCaseFields(const ScreeningRow &row, std::string_view householdId,
                                        std::string_view memberId, std::string_view department);

// A county's 突发应急 marking: a region (a code inside the user's area: the server checks), a date range
// and what happened.
struct EmergencyMark {
    std::string regionCode;
    domain::CivilDate from;
    domain::CivilDate to;
    std::string description;
};

// The request body {regionCode, from, to, description}: regionCode 2–12 digits, from ≤ to ≤ today,
// at most kMaxEmergencyDays days, description 1..kMaxDescriptionChars characters. Error bad_request with
// the field.
Result<EmergencyMark> readEmergencyMark(const boost::json::value &body, const domain::CivilDate &today);
std::string emergencyKey(const EmergencyMark &mark);

// The household's first recorded 突发事件 (household.suddenEvents [{type, date, note}]) dated within the
// marking's range, or nullopt. A household without such a record is not an emergency lead: the village
// records the event first (docs/case-flow.md explains why).
std::optional<boost::json::object> suddenEventWithin(const boost::json::object &householdFields,
                                                     const EmergencyMark &mark);

// The fields of a new LEAD case from a marking: source 突发应急, lead {date (the marking's day: 入户核实
// counts from it), regionCode, from, to, description, event}.
boost::json::object emergencyCaseFields(const EmergencyMark &mark, std::string_view householdId,
                                        const boost::json::object &event, const domain::CivilDate &today);

// Characters (UTF-8 code points) in `text`.
size_t charCount(std::string_view text);

} // namespace ruhu::leads
