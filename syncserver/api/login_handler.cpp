#include "../storage/credentials.h"
#include "auth.h"
#include "handlers.h"
#include "replies.h"
#include "scope.h"
#include "session.h"

#include <ruhu/json/canonical_json.h>
#include <ruhu/sync/protocol.h>

namespace ruhu::server {
namespace {

// Checked against when the user does not exist, so that both failures take the same time.
const std::string &decoyHash() {
    static const std::string hash = [] {
        auto h = hashPassword("ruhu-decoy-password");
        return h ? *h : std::string();
    }();
    return hash;
}

} // namespace

ApiReply handleLogin(const Request &request, const ApiContext &context) {
    auto json = parseJson(request.body());
    if (!json)
        return errorReply(json.error());
    auto login = protocol::LoginRequest::fromJson(*json);
    if (!login)
        return errorReply(login.error());

    auto account = context.store.findUser(login->username);
    if (!account)
        return errorReply(account.error());
    // The store is not held here: argon2id verification takes tens of milliseconds.
    bool valid = *account ? verifyPassword((*account)->passwordHash, login->password)
                          : (verifyPassword(decoyHash(), login->password), false);
    if (!valid)
        return errorReply(http::status::unauthorized, "bad_credentials", "用户名或密码错误");
    const UserAccount &user = **account;

    const int64_t now = context.clock.nowMs();
    protocol::LoginResponse response;
    if (auto st = openSession(context, user, *login, response); !st)
        return errorReply(st.error());
    auto areas = context.store.areas();
    if (!areas)
        return errorReply(areas.error());
    for (const auto &area : *areas) {
        if (inScope(area.code, user.scope))
            response.areas.push_back(area);
    }
    response.username = user.username;
    response.displayName = user.displayName;
    response.role = user.role;
    response.scope = user.scope;
    response.serverTimeMs = now;

    ApiReply reply = jsonReply(response.toJson());
    reply.user = user.username;
    return reply;
}

} // namespace ruhu::server
