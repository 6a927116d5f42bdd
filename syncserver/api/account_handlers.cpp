// POST /api/v1/password, POST /api/v1/logout and POST /api/v1/devices/{deviceId}/revoke
// (docs/accounts.md).
#include "../admin/accounts.h"
#include "../admin/password_rules.h"
#include "../storage/credentials.h"
#include "auth.h"
#include "device_scope.h"
#include "handlers.h"
#include "query.h"
#include "replies.h"

#include <ruhu/json/canonical_json.h>

namespace ruhu::server {
namespace {

Result<std::string> stringMember(const boost::json::value &json, const char *key) {
    const auto *value = json.is_object() ? json.get_object().if_contains(key) : nullptr;
    if (!value || !value->is_string())
        return Error{"bad_request", std::string("缺少参数 ") + key, key};
    return std::string(value->get_string());
}

ApiReply named(ApiReply reply, const UserAccount &user) {
    reply.user = user.username;
    return reply;
}

// "/api/v1/devices/{id}/{action}" → id, when the path ends with that action.
std::optional<std::string> deviceIdFor(std::string_view path, std::string_view action) {
    constexpr std::string_view kPrefix = "/api/v1/devices/";
    const std::string suffix = "/" + std::string(action);
    if (!path.starts_with(kPrefix) || !path.ends_with(suffix) ||
        path.size() <= kPrefix.size() + suffix.size())
        return std::nullopt;
    auto id = path.substr(kPrefix.size(), path.size() - kPrefix.size() - suffix.size());
    if (id.find('/') != std::string_view::npos)
        return std::nullopt;
    return std::string(id);
}

ApiReply revokeDevice(const Request &request, const ApiContext &context, const std::string &deviceId) {
    auto actor = authenticate(request, context);
    if (!actor)
        return errorReply(actor.error());
    if (actor->role != "admin" && actor->role != "county")
        return named(errorReply(http::status::forbidden, "forbidden_role", "只有县级管理员可以停用平板"),
                     *actor);
    auto owner = context.store.findDeviceOwner(deviceId);
    if (!owner)
        return named(errorReply(owner.error()), *actor);
    if (!*owner)
        return named(
            errorReply(http::status::not_found, "not_found", "没有登录过的平板使用这个设备编号", "deviceId"),
            *actor);
    if (auto st = checkDeviceInArea(context, *actor, {(*owner)->username}); !st)
        return named(errorReply(st.error()), *actor);
    if (auto st = context.store.revokeDevice(deviceId, actor->username, context.clock.nowMs()); !st)
        return named(errorReply(st.error()), *actor);
    return named(jsonReply(boost::json::object{
                     {"deviceId", deviceId}, {"owner", (*owner)->username}, {"status", "revoked"}}),
                 *actor);
}

} // namespace

// {oldPassword, newPassword}: the user's own password; also what clears a forced change. The other
// sessions of the user end, this one stays.
ApiReply handleChangePassword(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    auto json = parseJson(request.body());
    if (!json)
        return named(errorReply(json.error()), *user);
    auto oldPassword = stringMember(*json, "oldPassword");
    auto newPassword = oldPassword ? stringMember(*json, "newPassword") : oldPassword;
    if (!newPassword)
        return named(errorReply(newPassword.error()), *user);
    if (oldPassword->size() > kMaxPasswordBytes || !verifyPassword(user->passwordHash, *oldPassword))
        return named(errorReply(http::status::forbidden, "bad_credentials", "原密码不正确", "oldPassword"),
                     *user);
    if (*newPassword == *oldPassword)
        return named(
            errorReply(http::status::bad_request, "weak_password", "新密码不能与原密码相同", "newPassword"),
            *user);
    if (auto st = checkPasswordRules(user->username, *newPassword, context.accounts.demo); !st) {
        Error e = st.error();
        e.field = "newPassword";
        return named(errorReply(e), *user);
    }
    auto hash = hashPassword(*newPassword);
    if (!hash)
        return named(errorReply(hash.error()), *user);
    if (auto st = context.store.setPassword(user->username, *hash, false, user->sessionToken); !st)
        return named(errorReply(st.error()), *user);
    return named(jsonReply(boost::json::object{{"status", "changed"}}), *user);
}

ApiReply handleLogout(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    if (auto st = context.store.deleteToken(user->sessionToken); !st)
        return named(errorReply(st.error()), *user);
    return named(jsonReply(boost::json::object{{"status", "logged_out"}}), *user);
}

// /api/v1/devices/{deviceId}/key (DELETE: retire the signing key) and /api/v1/devices/{deviceId}/revoke
// (POST: a lost tablet).
ApiReply handleDevicePath(const Request &request, const ApiContext &context) {
    const std::string_view path = pathOf(std::string_view(request.target().data(), request.target().size()));
    if (auto id = deviceIdFor(path, "revoke")) {
        if (request.method() != http::verb::post) {
            ApiReply reply = errorReply(http::status::method_not_allowed, "method_not_allowed",
                                        "该地址不支持 " + std::string(request.method_string()) + " 请求");
            reply.allow = "POST";
            return reply;
        }
        return revokeDevice(request, context, *id);
    }
    if (request.method() != http::verb::delete_) {
        ApiReply reply = errorReply(http::status::method_not_allowed, "method_not_allowed",
                                    "该地址不支持 " + std::string(request.method_string()) + " 请求");
        reply.allow = "DELETE";
        return reply;
    }
    return handleRetireDeviceKey(request, context);
}

} // namespace ruhu::server
