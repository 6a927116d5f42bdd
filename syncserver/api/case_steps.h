#pragma once

#include "../storage/central_store.h"

#include <ruhu/domain/case_procedure.h>
#include <ruhu/domain/rule_config.h>

#include <boost/json/object.hpp>

#include <memory>
#include <string>

// What the server does when a monitoring case takes a step, on push (a tablet's proposal) and through the
// reviewer API alike (docs/case-flow.md): the preconditions of ruhu::cases on the case as it would stand and
// the household's records as stored, on the server's Beijing date; then the event (actor, role, device,
// time, note: the server's), the server-owned fields of the step and the household's monitoring record.
namespace ruhu::server {

using Tx = CentralStore::WriteTransaction;

// The rule configuration and calendar in force and the Beijing date of nowMs. Keeps the configuration
// alive as long as it lives.
struct CaseProcedure {
    std::shared_ptr<const domain::RuleConfig> config;
    cases::ProcedureContext context;
};
Result<CaseProcedure> caseProcedure(Tx &tx, int64_t nowMs);

// The inputs of a check: the case's fields (as they would stand) and every record of its household.
Result<cases::CaseInputs> caseInputs(Tx &tx, const Record &caseRecord);

// Who takes a step: the authenticated user, their role and the device of their token.
struct CaseActor {
    std::string username;
    std::string role;
    std::string deviceId;
};

// Table, role and preconditions; the Error carries the first missing code (or invalid_transition).
Status checkCaseStep(Tx &tx, const CaseProcedure &procedure, const Record &caseRecord,
                     const std::string &from, const std::string &to, const std::string &role);

// Sets state and the step's server fields (publicityEnd) in `fields`, and appends the event. `fields` is the
// case's as it will be stored (the push's merged record or the API's new values).
void applyCaseStep(boost::json::object &fields, const cases::CaseInputs &inputs,
                   const CaseProcedure &procedure, const std::string &from, const std::string &to,
                   const CaseActor &actor, const std::string &note, const std::string &eventId,
                   int64_t nowMs);

// After the case is stored: the household's monitoring record when the step changes it (a server mutation
// of the household, pulled by every tablet of the village).
Status writeMonitoringAfterStep(Tx &tx, const CaseProcedure &procedure, const Record &caseRecord,
                                const std::string &to, const std::string &username, int64_t nowMs);

// The bound on a step's data (the reviewer API) and a note.
inline constexpr size_t kMaxStepDataBytes = 16 * 1024;
inline constexpr size_t kMaxStepNoteChars = 500;

} // namespace ruhu::server
