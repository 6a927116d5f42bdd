#pragma once

#include <ruhu/evidence/authorization.h>
#include <ruhu/sync/record.h>

#include <optional>
#include <string>
#include <vector>

namespace ruhu::evidence {

// What became of one 授权承诺书 record, from its household's records (any kinds, any order): "signed"
// while no later live record names it in "supersedes", otherwise "superseded" or, when that later record
// is a withdrawal, "withdrawn", with the later record's id. The tablet and the server both read it here.
struct AuthorizationStanding {
    std::string status; // signed | superseded | withdrawn
    std::string supersededBy;
};
AuthorizationStanding authorizationStanding(const Record &authorization, const std::vector<Record> &records);

// The authorization in force for a household: among its live authorization records that nothing
// supersedes and whose document says "signed", the one signed last. nullopt when there is none.
struct AuthorizationInForce {
    Record record;
    Authorization document;
};
std::optional<AuthorizationInForce> authorizationInForce(const std::vector<Record> &records);

} // namespace ruhu::evidence
