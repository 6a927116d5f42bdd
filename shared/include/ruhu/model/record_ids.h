#pragma once

#include <string>
#include <string_view>

namespace ruhu {

// The prefix of a new record's offline id, per kind ("hh", "mb", …; DeviceReplica::newId adds the random
// part). The tablet and the simulator both name records through this, so ids read the same everywhere.
// A household's income sheet and risk assessment are not random: see domain::incomeSheetId and
// riskAssessmentId.
std::string idPrefixFor(std::string_view kind);

// A household's one 风险研判 record: "ra-<householdId>".
std::string riskAssessmentId(const std::string &householdId);

} // namespace ruhu
