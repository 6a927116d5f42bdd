#include "audit.h"

#include <algorithm>

namespace ruhu::server {

std::string requestDevice(const Request &request) {
    auto field = request["X-Ruhu-Device"];
    std::string_view value(field.data(), field.size());
    const bool printable =
        std::all_of(value.begin(), value.end(), [](char c) { return c > ' ' && c < 0x7f; });
    if (value.size() > 64 || !printable)
        return {};
    return std::string(value);
}

Status auditRead(const Request &request, const ApiContext &context, const UserAccount &user,
                 const std::string &action, const std::string &target, const std::string &result,
                 AuditHouseholds households) {
    std::sort(households.begin(), households.end());
    households.erase(std::unique(households.begin(), households.end()), households.end());
    AuditEntry entry;
    entry.atMs = context.clock.nowMs();
    entry.username = user.username;
    entry.role = user.role;
    // The device the token was issued to is known; the header is only what a tokenless client claims.
    entry.deviceId = user.sessionDeviceId.empty() ? requestDevice(request) : user.sessionDeviceId;
    entry.clientAddress = context.clientAddress;
    entry.action = action;
    entry.target = target;
    entry.result = result;
    entry.households = std::move(households);
    auto id = context.store.appendAudit(entry);
    if (!id)
        return id.error();
    return okStatus();
}

} // namespace ruhu::server
