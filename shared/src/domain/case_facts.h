#pragma once

// What the case-procedure checks read, computed once per check: the case's step data, the household's
// records, and (only when a check needs it) the rule engine's result on them.
#include <ruhu/domain/case_procedure.h>
#include <ruhu/domain/household_records.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ruhu::cases::detail {

class CaseFacts {
public:
    CaseFacts(const CaseInputs &in, const ProcedureContext &ctx);

    const CaseInputs &inputs() const { return m_in; }
    const ProcedureContext &context() const { return m_ctx; }
    // A case field that is an object (step data), or an empty object.
    const boost::json::object &step(std::string_view field) const;
    const domain::HouseholdRecords &household() const { return m_household; }
    // Live records of a kind of this household.
    std::vector<const Record *> live(std::string_view kind) const;
    // The rule engine on the household's records on ctx.today (computed on first use).
    const domain::HouseholdAssessment &assessment();

private:
    const CaseInputs &m_in;
    const ProcedureContext &m_ctx;
    domain::HouseholdRecords m_household;
    std::optional<domain::HouseholdAssessment> m_assessment;
};

// Typed reads of step data (absent or mistyped reads as empty).
std::string text(const boost::json::object &obj, std::string_view key);
std::optional<domain::CivilDate> date(const boost::json::object &obj, std::string_view key);
const boost::json::array *array(const boost::json::object &obj, std::string_view key);
bool isTrue(const boost::json::object &obj, std::string_view key);

void lack(std::vector<Missing> &out, std::string code, std::string_view what); // "缺少：" + what
void add(std::vector<Missing> &out, std::string code, std::string message);

// The preconditions, by stage.
void checkLead(CaseFacts &facts, std::vector<Missing> &out);
void checkTriage(CaseFacts &facts, std::vector<Missing> &out);
// Cumulative: `level` 1 SURVEYED, 2 AUTHORIZED, 3 VILLAGE_REVIEWED, 4 PUBLICIZED, 5 TOWNSHIP_APPROVED.
void checkIdentification(CaseFacts &facts, int level, std::vector<Missing> &out);
void checkSurvey(CaseFacts &facts, std::vector<Missing> &out);
void checkAuthorization(CaseFacts &facts, std::vector<Missing> &out);
void checkCountyConfirmation(CaseFacts &facts, std::vector<Missing> &out);
void checkAssistancePlan(CaseFacts &facts, std::vector<Missing> &out);
// The §7.3 check for ELIMINATION_PROPOSED / ELIMINATION_APPROVED / ELIMINATED.
void checkElimination(CaseFacts &facts, std::vector<Missing> &out);
// A step that needs a non-empty reason in the given data field.
void checkReason(CaseFacts &facts, std::string_view field, std::string_view what, std::vector<Missing> &out);

} // namespace ruhu::cases::detail
