#pragma once

#include "api_types.h"

namespace ruhu::server {

// Notes a push or pull of the tablet the session is bound to (docs/accounts.md "Device activity"): when,
// the app version of its X-Ruhu-App-Version header and, from X-Ruhu-Client-Time (the tablet's clock in
// ms since the epoch), how far its clock is off. Headers that are missing or malformed are ignored; a
// failure to write is logged and does not fail the request it rides on.
void noteDeviceActivity(const Request &request, const ApiContext &context, const UserAccount &user,
                        DeviceActivity::Kind kind);

} // namespace ruhu::server
