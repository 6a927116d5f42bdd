#pragma once

#include "api_types.h"

#include <ruhu/result.h>

#include <string>
#include <vector>

namespace ruhu::server {

// Whether `actor` may act on a tablet (retire its key, revoke it): an admin anywhere, a county admin only
// when every account tied to the tablet (its owner, whoever registered its key) is in the county.
// forbidden_area otherwise; an account that no longer exists counts as outside.
Status checkDeviceInArea(const ApiContext &context, const UserAccount &actor,
                         const std::vector<std::string> &accounts);

} // namespace ruhu::server
