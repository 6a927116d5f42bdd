#include "auth.h"

#include "../storage/credentials.h"

#include <boost/beast/http/field.hpp>

namespace ruhu::server {

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
    return std::move(**user);
}

} // namespace ruhu::server
