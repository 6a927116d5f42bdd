#pragma once

#include "../storage/central_store.h"

#include <ruhu/sync/mutation.h>
#include <ruhu/sync/protocol.h>

#include <set>
#include <string>
#include <vector>

namespace ruhu::server {

// The server computes (ARCHITECTURE decision 1, issue 12): after a push changed a household's rule inputs
// (household, member, incomeSheet, measure) or brought a new riskAssessment, the income sheet and the rule
// engine run again on the stored records with the rule configuration in force
// (ruhu::domain::assessHousehold, the function the tablet runs on its replica), in the same transaction.
// The result goes to incomeSheet.computed and, for a riskAssessment the push wrote (a decision being
// made), to its server-computed fields: the assessment records the result and configuration it was made
// with. Each write is a new version devices pull.
class HouseholdEvaluations {
public:
    // Remembers the household of a mutation that changed something the engine reads.
    void note(const Mutation &mutation, const protocol::PushResult &result);
    // Evaluates every remembered household, on the Beijing date of nowMs.
    Status run(CentralStore::WriteTransaction &tx, const std::string &user, int64_t nowMs);

private:
    std::vector<std::string> m_households; // in the order first touched
    std::set<std::string> m_assessments;   // riskAssessment ids the push wrote
};

// Evaluates one household now and stores the server-computed fields where they changed (the sheet's, and
// those of the listed riskAssessment records).
Status evaluateStoredHousehold(CentralStore::WriteTransaction &tx, const std::string &householdId,
                               const std::set<std::string> &assessments, const std::string &user,
                               int64_t nowMs);

} // namespace ruhu::server
