#pragma once

#include <ruhu/domain/household_document.h>
#include <ruhu/evidence/authorization.h>
#include <ruhu/evidence/consent_template.h>
#include <ruhu/sync/record.h>

#include <optional>
#include <string>

namespace ruhu {
class DeviceReplica;
}

// The tablet side of 授权承诺书 records: the shipped consent templates (assets/consent, a Qt resource),
// the household as the letter covers it, and the household's authorization currently in force.
namespace authorization {

// A shipped template by id ("auth-v1"); nullptr when missing or invalid (*error says why, in Chinese).
const ruhu::evidence::ConsentTemplate *consentTemplate(const std::string &id, std::string *error = nullptr);
const std::string &currentTemplateId();

// The covered part of the household as it stands in the replica now; nullopt when it is not there.
std::optional<ruhu::domain::HouseholdDocument> coveredHousehold(const ruhu::DeviceReplica &replica,
                                                                const std::string &householdId);

struct Stored {
    ruhu::Record record;
    ruhu::evidence::Authorization authorization;
};

// The newest signed authorization of the household that no later record supersedes; nullopt if none.
std::optional<Stored> current(const ruhu::DeviceReplica &replica, const std::string &householdId);

// The state shown on the household page.
enum class State { None, Signed, Stale, Invalid };
struct Check {
    State state = State::None;
    std::string message; // verifyAuthorization's Chinese message when not Signed
};
// Verifies against the current household. The record's own public key is used: on the tablet this proves
// the record is intact and still matches the household; that the key belongs to a registered device is
// the server's check (its receipt).
Check check(const Stored &stored, const ruhu::domain::HouseholdDocument &current);

} // namespace authorization
