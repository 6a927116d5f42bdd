#pragma once

#include "api_types.h"

#include <string>
#include <utility>
#include <vector>

namespace ruhu::server {

// The device a request names in its X-Ruhu-Device header (printable, at most 64 characters), or "".
// The tablet sends its device id; until tokens are bound to devices this is what the client claims.
std::string requestDevice(const Request &request);

using AuditHouseholds = std::vector<std::pair<std::string, std::string>>; // (householdId, regionCode)

// Appends one read-audit row (docs/privacy.md) for what the user is about to receive. Handlers call it
// before answering and answer an error when it fails: sensitive data never leaves unaudited.
Status auditRead(const Request &request, const ApiContext &context, const UserAccount &user,
                 const std::string &action, const std::string &target, const std::string &result,
                 AuditHouseholds households);

} // namespace ruhu::server
