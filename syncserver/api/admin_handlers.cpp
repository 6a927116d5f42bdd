// /api/v1/admin/…: account and device management for admin and county users (docs/accounts.md).
#include "../admin/accounts.h"
#include "auth.h"
#include "handlers.h"
#include "query.h"
#include "replies.h"

#include <ruhu/json/canonical_json.h>

#include <boost/json/array.hpp>

namespace ruhu::server {
namespace {

boost::json::object userJson(const UserAccount &u) {
    boost::json::array areas;
    for (const auto &code : u.scope)
        areas.emplace_back(code);
    return {{"username", u.username}, {"displayName", u.displayName},
            {"role", u.role},         {"areas", std::move(areas)},
            {"disabled", u.disabled}, {"mustChangePassword", u.mustChangePassword}};
}

boost::json::object ownerJson(const DeviceOwner &d) {
    return {
        {"deviceId", d.deviceId},
        {"username", d.username},
        {"boundAtMs", d.boundAtMs},
        {"revoked", d.revokedAtMs != 0},
        {"revokedAtMs", d.revokedAtMs},
        {"revokedBy", d.revokedBy},
        {"lastPushAtMs", d.lastPushAtMs},
        {"lastPullAtMs", d.lastPullAtMs},
        {"appVersion", d.appVersion},
        {"clockOffsetMs", d.clockKnown ? boost::json::value(d.clockOffsetMs) : boost::json::value(nullptr)}};
}

Error forbiddenUser() {
    return Error{"forbidden_area", "该账号不在您的管辖范围内", "username"};
}

Result<std::string> stringMember(const boost::json::object &o, const char *key, bool required = true) {
    const auto *value = o.if_contains(key);
    if (!value && !required)
        return std::string();
    if (!value || !value->is_string())
        return Error{"bad_request", std::string("缺少参数 ") + key, key};
    return std::string(value->get_string());
}

Result<boost::json::object> bodyObject(const Request &request) {
    auto json = parseJson(request.body());
    if (!json)
        return json.error();
    if (!json->is_object())
        return Error{"bad_request", "请求体应为 JSON 对象", ""};
    return std::move(json->get_object());
}

Result<boost::json::object> listUsers(const ApiContext &context, const UserAccount &actor) {
    auto users = context.store.users();
    if (!users)
        return users.error();
    boost::json::array list;
    for (const auto &u : *users) {
        if (mayManage(actor, u))
            list.push_back(userJson(u));
    }
    return boost::json::object{{"users", std::move(list)}};
}

// {username, displayName?, role, areas: [...], password}: the account must change the password at its
// first login (the admin chose it).
Result<boost::json::object> createUser(const Request &request, const ApiContext &context,
                                       const UserAccount &actor) {
    auto body = bodyObject(request);
    if (!body)
        return body.error();
    NewAccount account;
    struct Member {
        const char *key;
        std::string *out;
        bool required;
    };
    for (auto [key, out, required] :
         {Member{"username", &account.username, true}, Member{"displayName", &account.displayName, false},
          Member{"role", &account.role, true}, Member{"password", &account.password, true}}) {
        auto value = stringMember(*body, key, required);
        if (!value)
            return value.error();
        *out = std::move(*value);
    }
    const auto *areas = body->if_contains("areas");
    if (!areas || !areas->is_array() || areas->get_array().size() > 100)
        return Error{"bad_request", "areas 应为行政区划代码数组", "areas"};
    for (const auto &code : areas->get_array()) {
        if (!code.is_string())
            return Error{"bad_request", "areas 应为行政区划代码数组", "areas"};
        account.areas.emplace_back(code.get_string());
    }
    UserAccount target;
    target.role = account.role;
    target.scope = account.areas;
    if (!mayManage(actor, target))
        return Error{"forbidden_area", "只能在您的管辖范围内创建非管理员账号", "areas"};
    account.mustChangePassword = true;
    auto created = createAccount(context.store, account, context.accounts.demo);
    if (!created)
        return created.error();
    return userJson(*created);
}

Result<UserAccount> managedUser(const ApiContext &context, const UserAccount &actor,
                                const std::string &name) {
    auto user = context.store.findUser(name);
    if (!user)
        return user.error();
    if (!*user)
        return Error{"not_found", "用户不存在", "username"};
    if (!mayManage(actor, **user))
        return forbiddenUser();
    return std::move(**user);
}

Result<boost::json::object> userAction(const Request &request, const ApiContext &context,
                                       const UserAccount &actor, const std::string &name,
                                       std::string_view action) {
    auto user = managedUser(context, actor, name);
    if (!user)
        return user.error();
    if (action == "disable" || action == "enable") {
        if (user->username == actor.username)
            return Error{"bad_request", "不能停用自己的账号", "username"};
        if (auto st = context.store.setUserDisabled(user->username, action == "disable"); !st)
            return st.error();
        user->disabled = action == "disable";
        return userJson(*user);
    }
    // "password": {password}, an admin reset; the user must change it at the next login.
    auto body = bodyObject(request);
    if (!body)
        return body.error();
    auto password = stringMember(*body, "password");
    if (!password)
        return password.error();
    if (auto st = resetPassword(context.store, user->username, *password, true, context.accounts.demo); !st)
        return st.error();
    user->mustChangePassword = true;
    return userJson(*user);
}

// What the server knows of a device's sync and signing key: its active key (or none), the highest
// sequence number it pushed and the one up to which nothing is missing (the gap is what it still owes).
Status addDeviceState(CentralStore::WriteTransaction &tx, boost::json::object &device) {
    const std::string deviceId(device.at("deviceId").as_string());
    auto key = tx.findDeviceKey(deviceId);
    if (!key)
        return key.error();
    device["key"] = *key ? boost::json::value(boost::json::object{{"fingerprint", (*key)->fingerprint},
                                                                  {"registeredAtMs", (*key)->registeredAtMs}})
                         : boost::json::value(nullptr);
    auto maxSeq = tx.maxSeq(deviceId);
    if (!maxSeq)
        return maxSeq.error();
    auto contiguous = tx.contiguousSeq(deviceId);
    if (!contiguous)
        return contiguous.error();
    device["maxSeq"] = *maxSeq;
    device["contiguousSeq"] = *contiguous;
    return okStatus();
}

Result<boost::json::object> listDevices(const ApiContext &context, const UserAccount &actor) {
    auto owners = context.store.deviceOwners();
    if (!owners)
        return owners.error();
    boost::json::array list;
    for (const auto &d : *owners) {
        auto user = context.store.findUser(d.username);
        if (!user)
            return user.error();
        if (actor.role == "admin" || (*user && mayManage(actor, **user))) {
            boost::json::object device = ownerJson(d);
            device["displayName"] = *user ? (*user)->displayName : std::string();
            device["areas"] = userJson(*user ? **user : UserAccount{}).at("areas");
            list.push_back(std::move(device));
        }
    }
    auto tx = context.store.beginWrite(); // read-only use: one snapshot of keys and sequences
    if (!tx)
        return tx.error();
    for (auto &device : list) {
        if (auto st = addDeviceState(**tx, device.as_object()); !st)
            return st.error();
    }
    return boost::json::object{{"devices", std::move(list)}};
}

// Frees a device id for another account (a tablet handed to a new cadre); its tokens end.
Result<boost::json::object> releaseDevice(const ApiContext &context, const UserAccount &actor,
                                          const std::string &deviceId) {
    auto owner = context.store.findDeviceOwner(deviceId);
    if (!owner)
        return owner.error();
    if (!*owner)
        return Error{"not_found", "没有登录过的平板使用这个设备编号", "deviceId"};
    if (actor.role != "admin") {
        auto user = managedUser(context, actor, (*owner)->username);
        if (!user)
            return Error{"forbidden_area", "这台平板的账号不在您的管辖范围内", "deviceId"};
    }
    if (auto st = context.store.releaseDevice(deviceId); !st)
        return st.error();
    boost::json::object body = ownerJson(**owner);
    body["status"] = "released";
    return body;
}

// path after "/api/v1/admin/" split at '/'.
std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> parts;
    while (!path.empty()) {
        auto slash = path.find('/');
        parts.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos)
            break;
        path.remove_prefix(slash + 1);
    }
    return parts;
}

Result<boost::json::object> dispatch(const Request &request, const ApiContext &context,
                                     const UserAccount &actor, http::status &status) {
    const std::string_view path = pathOf(std::string_view(request.target().data(), request.target().size()));
    const auto parts = segments(path.substr(std::string_view("/api/v1/admin/").size()));
    const bool get = request.method() == http::verb::get;
    const bool post = request.method() == http::verb::post;
    if (parts.size() == 1 && parts[0] == "users" && get)
        return listUsers(context, actor);
    if (parts.size() == 1 && parts[0] == "users" && post) {
        status = http::status::created;
        return createUser(request, context, actor);
    }
    if (parts.size() == 3 && parts[0] == "users" && post &&
        (parts[2] == "disable" || parts[2] == "enable" || parts[2] == "password"))
        return userAction(request, context, actor, std::string(parts[1]), parts[2]);
    if (parts.size() == 1 && parts[0] == "devices" && get)
        return listDevices(context, actor);
    if (parts.size() == 3 && parts[0] == "devices" && parts[2] == "release" && post)
        return releaseDevice(context, actor, std::string(parts[1]));
    return Error{"not_found", "请求的地址不存在", ""};
}

} // namespace

ApiReply handleAdmin(const Request &request, const ApiContext &context) {
    auto actor = authenticate(request, context);
    if (!actor)
        return errorReply(actor.error());
    ApiReply reply;
    if (actor->role != "admin" && actor->role != "county") {
        reply = errorReply(http::status::forbidden, "forbidden_role", "只有县级管理员可以管理账号");
    } else {
        http::status status = http::status::ok;
        auto body = dispatch(request, context, *actor, status);
        reply = body ? jsonReply(std::move(*body), status) : errorReply(body.error());
    }
    reply.user = actor->username;
    return reply;
}

} // namespace ruhu::server
