#pragma once

#include "api_types.h"

#include <ruhu/result.h>

namespace ruhu::server {

// The default of AccountOptions::tokenLifetimeMs (720 hours).
inline constexpr int64_t kTokenLifetimeMs = 30LL * 24 * 60 * 60 * 1000;

// The user behind the request's "Authorization: Bearer <token>", with its session (device, token) filled;
// Error "unauthorized" when the header is missing, malformed, unknown, expired or the account disabled,
// "password_change_required" (403) when an admin reset the password and the request is not the password
// change or logout.
Result<UserAccount> authenticate(const Request &request, const ApiContext &context);

} // namespace ruhu::server
