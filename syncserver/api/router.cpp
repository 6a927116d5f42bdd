#include "router.h"

#include "handlers.h"
#include "replies.h"

#include <array>
#include <exception>
#include <string_view>

namespace ruhu::server {
namespace {

using Handler = ApiReply (*)(const Request &, const ApiContext &);

struct Route {
    std::string_view path;
    http::verb method;
    Handler handler;
    bool prefix = false; // path is a prefix; the handler reads the rest (e.g. an id)
};

constexpr std::array kRoutes{
    Route{"/healthz", http::verb::get, &handleHealth},
    Route{"/api/v1/login", http::verb::post, &handleLogin},
    Route{"/api/v1/push", http::verb::post, &handlePush},
    Route{"/api/v1/pull", http::verb::get, &handlePull},
    Route{"/api/v1/reviews", http::verb::get, &handleReviews},
    Route{"/api/v1/reviews/", http::verb::post, &handleResolveReview, true},
    Route{"/api/v1/history", http::verb::get, &handleHistory},
    Route{"/api/v1/cases", http::verb::get, &handleCases},
    Route{"/api/v1/cases/", http::verb::unknown, &handleCasePath, true}, // GET {id}, POST {id}/actions
    Route{"/api/v1/leads/screening", http::verb::post, &handleLeadScreening},
    Route{"/api/v1/leads/emergency", http::verb::post, &handleLeadEmergency},
    Route{"/api/v1/audit", http::verb::get, &handleAudit},
    Route{"/api/v1/media/", http::verb::unknown, &handleMedia, true}, // GET and PUT; checks the method
    Route{"/api/v1/devices/key", http::verb::post, &handleRegisterDeviceKey},
    Route{"/api/v1/devices/", http::verb::unknown, &handleDevicePath,
          true}, // DELETE {id}/key, POST {id}/revoke
    Route{"/api/v1/password", http::verb::post, &handleChangePassword},
    Route{"/api/v1/logout", http::verb::post, &handleLogout},
    Route{"/api/v1/admin/", http::verb::unknown, &handleAdmin, true},              // checks the method
    Route{"/api/v1/authorizations/", http::verb::get, &handleAuthorization, true}, // {id}/verify|pdf
    Route{"/api/v1/rules/config", http::verb::unknown, &handleRuleConfig, true},   // GET, PUT; /history
    Route{"/api/v1/exports/", http::verb::get, &handleExports, true},              // {file}.xlsx|csv
    Route{"/console", http::verb::unknown, &handleConsole, true},                  // the console's pages
};

std::string_view pathOf(const Request &request) {
    std::string_view target(request.target().data(), request.target().size());
    return target.substr(0, target.find('?'));
}

} // namespace

ApiReply route(const Request &request, const ApiContext &context) {
    const std::string_view path = pathOf(request);
    for (const auto &r : kRoutes) {
        if (r.prefix ? !path.starts_with(r.path) : r.path != path)
            continue;
        if (r.method != http::verb::unknown && r.method != request.method()) {
            ApiReply reply = errorReply(http::status::method_not_allowed, "method_not_allowed",
                                        "该地址不支持 " + std::string(request.method_string()) + " 请求");
            reply.allow = std::string(http::to_string(r.method));
            return reply;
        }
        return r.handler(request, context);
    }
    return errorReply(http::status::not_found, "not_found", "请求的地址不存在");
}

ApiReply routeSafely(const Request &request, const ApiContext &context) {
    try {
        return route(request, context);
    } catch (const std::exception &e) {
        ApiReply reply =
            errorReply(http::status::internal_server_error, "internal", "服务器内部错误，请稍后重试");
        reply.cause = std::string("exception: ") + e.what();
        return reply;
    }
}

std::string routeName(std::string_view path) {
    for (const auto &r : kRoutes) {
        if (r.prefix ? path.starts_with(r.path) : r.path == path)
            return r.prefix ? std::string(r.path) + "*" : std::string(r.path);
    }
    return "unmatched";
}

Response handleRequest(const Request &request, const ApiContext &context, std::string *user) {
    ApiReply reply = routeSafely(request, context);
    if (user)
        *user = reply.user;
    return makeResponse(reply, request.version(), request.keep_alive());
}

} // namespace ruhu::server
