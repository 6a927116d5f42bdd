#include "session.h"

#include "../admin/password_rules.h"
#include "../storage/credentials.h"
#include "server_mutation.h"

#include <algorithm>

namespace ruhu::server {

Status checkDeviceId(std::string_view deviceId, const std::string &field) {
    const bool valid = !deviceId.empty() && deviceId.size() <= 100 && deviceId != kServerDeviceId &&
                       std::all_of(deviceId.begin(), deviceId.end(), [](char c) {
                           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                  (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                       });
    if (!valid)
        return Error{"bad_request", "设备编号无效（1–100 个字母、数字、-、_ 或 .）", field};
    return okStatus();
}

Status openSession(const ApiContext &context, const UserAccount &user, const protocol::LoginRequest &login,
                   protocol::LoginResponse &response) {
    if (user.disabled)
        return Error{"account_disabled", "该账号已停用，请联系县级管理员", ""};
    const int64_t now = context.clock.nowMs();
    if (!login.deviceId.empty()) {
        if (auto st = checkDeviceId(login.deviceId); !st)
            return st;
        auto owner = context.store.claimDevice(login.deviceId, user.username, now);
        if (!owner)
            return owner.error();
        if (owner->username != user.username)
            return Error{"device_owned",
                         "这台平板已绑定其他账号，不能用本账号登录。如需换人使用，请联系县级管理员解除绑定",
                         "deviceId"};
        if (owner->revokedAtMs != 0)
            return Error{"device_revoked", "这台平板已被县级管理员停用（挂失），请联系县级管理员",
                         "deviceId"};
    }
    response.token = makeToken();
    TokenGrant grant{tokenDigest(response.token), user.username, now + context.accounts.tokenLifetimeMs,
                     login.deviceId, now};
    if (auto st = context.store.putToken(grant, now); !st)
        return st;
    if (context.accounts.maxTokensPerUser > 0) {
        if (auto st = context.store.trimTokens(user.username, context.accounts.maxTokensPerUser); !st)
            return st;
    }
    response.mustChangePassword = user.mustChangePassword;
    // A published or too weak password (a store first seeded with --demo, now in production) has to go:
    // the account is marked like after an admin reset.
    if (!user.mustChangePassword &&
        !checkPasswordRules(user.username, login.password, context.accounts.demo)) {
        if (auto st = context.store.setPassword(user.username, user.passwordHash, true, grant.tokenSha256);
            !st)
            return st;
        response.mustChangePassword = true;
    }
    return okStatus();
}

Status checkPushDevice(const protocol::PushRequest &push, const UserAccount &user) {
    if (user.sessionDeviceId.empty())
        return Error{"device_required", "本次登录没有登记设备编号，不能上传数据，请在平板上重新登录",
                     "deviceId"};
    if (push.deviceId != user.sessionDeviceId)
        return Error{"device_mismatch", "推送的设备编号与登录的设备不一致，本批变更均未保存", "deviceId"};
    for (size_t i = 0; i < push.mutations.size(); ++i) {
        const Mutation &m = push.mutations[i];
        if (m.deviceId != user.sessionDeviceId || !m.id.starts_with(user.sessionDeviceId + ":"))
            return Error{"device_mismatch", "变更的设备编号与登录的设备不一致，本批变更均未保存",
                         "mutations[" + std::to_string(i) + "].deviceId"};
    }
    return okStatus();
}

} // namespace ruhu::server
