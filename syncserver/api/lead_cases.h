#pragma once

#include "api_types.h"
#include "case_steps.h"

#include <boost/json/object.hpp>

#include <string>
#include <vector>

// Opening the LEAD cases the county's leads ask for (docs/case-flow.md "Leads from the county"): each case
// through the procedure's own check of a new case and its event (case_steps.h), stored as a server
// mutation (server_mutation.h) that the village's tablets pull; in batches, each batch one transaction
// run again when it loses a race.
namespace ruhu::server {

// One case a lead asks for: its deterministic id (leads::leadCaseId) and fields, and the row of the list
// it comes from (0 for a marking).
struct LeadRequest {
    int row = 0;
    std::string caseId;
    std::string householdId;
    boost::json::object fields;
};

struct LeadOutcome {
    enum class Kind { Created, AlreadyThere, Refused };
    Kind kind = Kind::Refused;
    LeadRequest request;
    std::string regionCode;
    Error why; // AlreadyThere: already_there or case_already_open; Refused: the check's first code
};

inline constexpr size_t kLeadBatchSize = 100;

// Opens the cases, kLeadBatchSize per transaction. A case whose id exists already, or a household with
// another open case, is AlreadyThere; a household missing or outside the user's area is Refused
// (household_missing), as is any other unmet condition of a new case.
Result<std::vector<LeadOutcome>> openLeadCases(const ApiContext &context, const UserAccount &user,
                                               const std::vector<LeadRequest> &requests);

} // namespace ruhu::server
