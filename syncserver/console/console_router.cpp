// /console/…: which page answers, after the session, role and CSRF checks every page shares.
#include "../api/handlers.h"
#include "../api/query.h"
#include "../api/replies.h"
#include "console.h"
#include "multipart.h"

#include <ruhu/domain/workflow.h>

namespace ruhu::server {
namespace console {
namespace {

std::vector<std::string> segmentsOf(std::string_view path) {
    std::vector<std::string> parts;
    while (!path.empty()) {
        const size_t slash = path.find('/');
        if (slash != 0)
            parts.emplace_back(path.substr(0, slash));
        if (slash == std::string_view::npos)
            break;
        path.remove_prefix(slash + 1);
    }
    return parts;
}

ApiReply forbiddenPage(const Page &page, std::string_view message) {
    return htmlReply(layout(page, page.t("无权访问", "Not allowed"), "", errorBox(message)),
                     http::status::forbidden);
}

ApiReply notFoundPage(const Page &page) {
    return htmlReply(layout(page, page.t("页面不存在", "Page not found"), "",
                            errorBox(page.t("请求的页面不存在。", "The page does not exist."))),
                     http::status::not_found);
}

ApiReply dispatchGet(Page &page, const std::vector<std::string> &parts) {
    if (parts.size() == 1)
        return todoPage(page);
    if (parts[1] == "reviews" && parts.size() == 2)
        return reviewsPage(page);
    if (parts[1] == "reviews" && parts.size() == 3) {
        auto id = parseNonNegative(parts[2]);
        return id && *id > 0 ? reviewPage(page, *id) : notFoundPage(page);
    }
    if (parts[1] == "cases" && parts.size() == 2)
        return casesPage(page);
    if (parts[1] == "cases" && parts.size() == 3)
        return casePage(page, parts[2]);
    if (parts[1] == "devices" && parts.size() == 2)
        return devicesPage(page);
    if (parts[1] == "users" && parts.size() == 2)
        return usersPage(page);
    if (parts[1] == "rules" && parts.size() == 2)
        return rulesPage(page);
    if (parts[1] == "audit" && parts.size() == 2)
        return auditPage(page);
    if (parts[1] == "leads" && parts.size() == 2)
        return leadsPage(page);
    if (parts[1] == "password" && parts.size() == 2)
        return passwordPage(page);
    return notFoundPage(page);
}

ApiReply dispatchPost(Page &page, const std::vector<std::string> &parts,
                      const std::map<std::string, std::string> &form) {
    if (parts.size() == 2 && parts[1] == "logout")
        return logoutSubmit(page);
    if (parts.size() == 2 && parts[1] == "password")
        return passwordPage(page);
    if (parts.size() == 3 && parts[1] == "reviews" && parts[2] == "bulk")
        return reviewsBulk(page, form);
    if (parts.size() == 4 && parts[1] == "reviews" && parts[3] == "resolve") {
        auto id = parseNonNegative(parts[2]);
        return id && *id > 0 ? reviewResolve(page, *id, form) : notFoundPage(page);
    }
    if (parts.size() == 4 && parts[1] == "cases" && parts[3] == "actions")
        return caseAction(page, parts[2], form);
    if (parts.size() == 4 && parts[1] == "devices")
        return deviceAction(page, parts[2], parts[3], form);
    if (parts.size() == 2 && parts[1] == "users")
        return usersCreate(page, form);
    if (parts.size() == 4 && parts[1] == "users")
        return userAction(page, parts[2], parts[3], form);
    if (parts.size() == 2 && parts[1] == "rules")
        return rulesLoad(page, form);
    if (parts.size() == 3 && parts[1] == "leads")
        return leadsSubmit(page, parts[2], form);
    return notFoundPage(page);
}

ApiReply answerSignedIn(const Request &request, const ApiContext &context,
                        const std::vector<std::string> &parts) {
    auto session = sessionFor(request, context);
    if (!session) {
        if (session.error().code == "password_change_required")
            return redirectTo("/console/password");
        return redirectTo("/console/login");
    }
    Page page{request, context, wantsEnglish(request), std::move(*session)};
    if (workflow::roleRank(page.session.user.role) < workflow::roleRank("township"))
        return forbiddenPage(page, page.t("村级账号请在平板上工作；管理台供乡镇、县级审核人员使用。",
                                          "Village accounts work on the tablet; the console is for township "
                                          "and county reviewers."));
    if (request.method() == http::verb::get)
        return dispatchGet(page, parts);
    if (request.method() != http::verb::post) {
        ApiReply reply =
            errorReply(http::status::method_not_allowed, "method_not_allowed", "该地址不支持此请求");
        reply.allow = "GET, POST";
        return reply;
    }
    // A file upload (线索导入) comes as multipart/form-data, every other form urlencoded.
    const auto contentType = request[http::field::content_type];
    const std::string boundary = multipartBoundary(std::string_view(contentType.data(), contentType.size()));
    auto form = boundary.empty() ? formFields(request.body()) : multipartFields(boundary, request.body());
    if (!form)
        return htmlReply(layout(page, page.t("请求有误", "Bad request"), "", errorBox(form.error().message)),
                         http::status::bad_request);
    if (!csrfAccepted(request, *form, page.session.csrf))
        return forbiddenPage(page,
                             page.t("表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试。",
                                    "The form expired or came from elsewhere (CSRF check failed); reload "
                                    "the page and try again."));
    return dispatchPost(page, parts, *form);
}

} // namespace
} // namespace console

ApiReply handleConsole(const Request &request, const ApiContext &context) {
    using namespace console;
    const std::string_view path = pathOf(std::string_view(request.target().data(), request.target().size()));
    if (path == "/console")
        return redirectTo("/console/");
    if (!path.starts_with("/console/"))
        return errorReply(http::status::not_found, "not_found", "请求的地址不存在");
    const auto parts = segmentsOf(path);
    ApiReply reply;
    if (parts.size() == 3 && parts[1] == "assets" && request.method() == http::verb::get)
        return assetReply(context, parts[2]);
    if (parts.size() == 2 && parts[1] == "login")
        reply = request.method() == http::verb::post ? loginSubmit(request, context)
                                                     : loginPage(request, context);
    else
        reply = answerSignedIn(request, context, parts);
    auto params = queryParams(std::string_view(request.target().data(), request.target().size()));
    if (params && params->contains("lang"))
        reply.headers.emplace_back("Set-Cookie",
                                   cookieHeader(kLangCookie, params->at("lang") == "en" ? "en" : "zh",
                                                context.secureTransport, "/console", 365 * 86400));
    return reply;
}

} // namespace ruhu::server
