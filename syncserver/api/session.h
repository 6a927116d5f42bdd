#pragma once

#include "api_types.h"

#include <ruhu/result.h>
#include <ruhu/sync/protocol.h>

#include <string>
#include <string_view>

namespace ruhu::server {

// A device id as the server accepts it: 1..100 of [A-Za-z0-9._-], not the server's own "server".
Status checkDeviceId(std::string_view deviceId, const std::string &field = "deviceId");

// What login does once the password is verified (docs/accounts.md): refuses a disabled account, binds
// the device to the user (409 device_owned if another account owns it, 403 device_revoked), issues a token
// bound to user and device with the configured lifetime, drops the user's oldest tokens beyond the cap and
// flags a password that must change. Fills response.token and response.mustChangePassword.
Status openSession(const ApiContext &context, const UserAccount &user, const protocol::LoginRequest &login,
                   protocol::LoginResponse &response);

// A push is the token's device's own: its deviceId (and so every mutation's deviceId and id prefix,
// which PushRequest::fromJson ties to it) must be the session's device. 403 device_required/device_mismatch.
Status checkPushDevice(const protocol::PushRequest &push, const UserAccount &user);

} // namespace ruhu::server
