#include "auth.h"
#include "device_scope.h"
#include "handlers.h"
#include "query.h"
#include "replies.h"
#include "server_mutation.h"

#include <ruhu/evidence/authorization_records.h>
#include <ruhu/json/canonical_json.h>

namespace ruhu::server {
namespace {

Result<std::string> stringMember(const boost::json::value &json, const char *key) {
    const auto *value = json.is_object() ? json.get_object().if_contains(key) : nullptr;
    if (!value || !value->is_string() || value->get_string().empty())
        return Error{"bad_request", std::string("缺少参数 ") + key, key};
    return std::string(value->get_string());
}

Result<std::string> deviceIdOf(std::string deviceId) {
    if (deviceId.size() > 100 || deviceId == kServerDeviceId)
        return Error{"bad_request", "设备编号无效", "deviceId"};
    return deviceId;
}

boost::json::object keyJson(const DeviceKeyRow &key) {
    return {{"deviceId", key.deviceId},
            {"fingerprint", key.fingerprint},
            {"registeredBy", key.username},
            {"registeredAtMs", key.registeredAtMs}};
}

ApiReply registerKey(const Request &request, const ApiContext &context, const UserAccount &user) {
    auto json = parseJson(request.body());
    if (!json)
        return errorReply(json.error());
    auto deviceId = stringMember(*json, "deviceId");
    if (deviceId)
        deviceId = deviceIdOf(std::move(*deviceId));
    if (!deviceId)
        return errorReply(deviceId.error());
    auto publicKey = stringMember(*json, "publicKey");
    if (!publicKey)
        return errorReply(publicKey.error());
    auto fingerprint = evidence::publicKeyFingerprint(*publicKey);
    if (!fingerprint)
        return errorReply(http::status::bad_request, "bad_request", fingerprint.error().message, "publicKey");
    // Only the device itself registers its key (its id is bound to the account that logged in with it).
    if (*deviceId != user.sessionDeviceId)
        return errorReply(http::status::forbidden, "device_mismatch", "只能为本次登录的平板登记签名密钥",
                          "deviceId");

    auto tx = context.store.beginWrite();
    if (!tx)
        return errorReply(tx.error());
    auto existing = (*tx)->findDeviceKey(*deviceId);
    if (!existing)
        return errorReply(existing.error());
    if (*existing) {
        if ((*existing)->publicKey != *publicKey)
            return errorReply(http::status::conflict, "key_conflict",
                              "本平板已登记了另一把签名密钥（指纹 " + (*existing)->fingerprint +
                                  "）。如平板重置或更换了密钥，请联系县级管理员注销旧密钥后再登记。",
                              "publicKey");
        boost::json::object body = keyJson(**existing);
        body["status"] = "already_registered";
        return jsonReply(std::move(body));
    }
    DeviceKeyRow key{*deviceId, *publicKey, *fingerprint, user.username, context.clock.nowMs()};
    if (auto st = (*tx)->putDeviceKey(key); !st)
        return errorReply(st.error());
    if (auto st = (*tx)->commit(); !st)
        return errorReply(st.error());
    boost::json::object body = keyJson(key);
    body["status"] = "registered";
    return jsonReply(std::move(body), http::status::created);
}

// "/api/v1/devices/{deviceId}/key" → deviceId.
std::optional<std::string> deviceIdInPath(std::string_view path) {
    constexpr std::string_view kPrefix = "/api/v1/devices/";
    constexpr std::string_view kSuffix = "/key";
    if (!path.starts_with(kPrefix) || !path.ends_with(kSuffix) ||
        path.size() <= kPrefix.size() + kSuffix.size())
        return std::nullopt;
    return std::string(path.substr(kPrefix.size(), path.size() - kPrefix.size() - kSuffix.size()));
}

// The device's active key, read in a transaction of its own (ended before the area check, which reads
// accounts outside any transaction).
Result<std::optional<DeviceKeyRow>> activeKey(const ApiContext &context, const std::string &deviceId) {
    auto tx = context.store.beginWrite();
    if (!tx)
        return tx.error();
    return (*tx)->findDeviceKey(deviceId);
}

ApiReply retireKey(const Request &request, const ApiContext &context, const UserAccount &user) {
    if (user.role != "admin" && user.role != "county")
        return errorReply(http::status::forbidden, "forbidden_role", "只有县级管理员可以注销设备签名密钥");
    auto deviceId =
        deviceIdInPath(pathOf(std::string_view(request.target().data(), request.target().size())));
    if (!deviceId)
        return errorReply(http::status::not_found, "not_found", "请求的地址不存在");
    const Error noKey{"not_found", "该设备没有已登记的签名密钥", "deviceId"};
    auto checked = activeKey(context, *deviceId);
    if (!checked)
        return errorReply(checked.error());
    if (!*checked)
        return errorReply(noKey);
    // A county admin acts only on tablets of its county: whoever registered the key and whoever owns it now.
    std::vector<std::string> accounts{(*checked)->username};
    auto owner = context.store.findDeviceOwner(*deviceId);
    if (!owner)
        return errorReply(owner.error());
    if (*owner)
        accounts.push_back((*owner)->username);
    if (auto st = checkDeviceInArea(context, user, accounts); !st)
        return errorReply(st.error());

    auto tx = context.store.beginWrite();
    if (!tx)
        return errorReply(tx.error());
    auto existing = (*tx)->findDeviceKey(*deviceId);
    if (!existing)
        return errorReply(existing.error());
    // Another key registered since the check was not checked: leave it.
    if (!*existing || (*existing)->fingerprint != (*checked)->fingerprint)
        return errorReply(noKey);
    if (auto st = (*tx)->retireDeviceKey(*deviceId, user.username, context.clock.nowMs()); !st)
        return errorReply(st.error());
    if (auto st = (*tx)->commit(); !st)
        return errorReply(st.error());
    boost::json::object body = keyJson(**existing);
    body["status"] = "retired";
    return jsonReply(std::move(body));
}

// Authenticates the request, runs `handle` for that user and names the user in its reply.
ApiReply asUser(const Request &request, const ApiContext &context,
                ApiReply (*handle)(const Request &, const ApiContext &, const UserAccount &)) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    ApiReply reply = handle(request, context, *user);
    reply.user = user->username;
    return reply;
}

} // namespace

// POST /api/v1/devices/key {deviceId, publicKey}: registers the device's Ed25519 signing key (201), the
// same key again is a no-op (200), another key for a registered device is 409 key_conflict.
ApiReply handleRegisterDeviceKey(const Request &request, const ApiContext &context) {
    return asUser(request, context, registerKey);
}

// DELETE /api/v1/devices/{deviceId}/key (county/admin): retires the active key so a new one can be
// registered. Authorizations already verified keep the key in their receipt.
ApiReply handleRetireDeviceKey(const Request &request, const ApiContext &context) {
    return asUser(request, context, retireKey);
}

} // namespace ruhu::server
