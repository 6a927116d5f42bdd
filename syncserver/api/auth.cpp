#include "auth.h"

#include "../storage/credentials.h"
#include "query.h"

#include <boost/beast/http/field.hpp>

namespace ruhu::server {
namespace {

// What a session whose password must change may still do.
bool allowedBeforePasswordChange(const Request &request) {
    const std::string_view path = pathOf(std::string_view(request.target().data(), request.target().size()));
    return path == "/api/v1/password" || path == "/api/v1/logout";
}

} // namespace

Result<UserAccount> authenticate(const Request &request, const ApiContext &context) {
    const Error unauthorized{"unauthorized", "登录已失效，请重新登录", ""};
    auto field = request[http::field::authorization];
    std::string_view header(field.data(), field.size());
    constexpr std::string_view kScheme = "Bearer ";
    if (header.size() <= kScheme.size() || !header.starts_with(kScheme))
        return unauthorized;
    std::string_view token(header.data() + kScheme.size(), header.size() - kScheme.size());
    if (token.size() != 64)
        return unauthorized;
    auto user = context.store.userForToken(tokenDigest(token), context.clock.nowMs());
    if (!user)
        return user.error();
    if (!*user)
        return unauthorized;
    if ((*user)->mustChangePassword && !allowedBeforePasswordChange(request))
        return Error{"password_change_required", "管理员已重置您的密码，请先修改密码再继续使用", ""};
    return std::move(**user);
}

} // namespace ruhu::server
