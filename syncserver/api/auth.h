#pragma once

#include "api_types.h"

#include <ruhu/result.h>

namespace ruhu::server {

inline constexpr int64_t kTokenLifetimeMs = 30LL * 24 * 60 * 60 * 1000;

// The user behind the request's "Authorization: Bearer <token>"; Error "unauthorized" when the header is
// missing, malformed, unknown or expired.
Result<UserAccount> authenticate(const Request &request, const ApiContext &context);

} // namespace ruhu::server
