// Signing in and out, and the password change an admin reset forces. Login is the API's login (same
// password check, throttle, token and device rules); the token becomes an HttpOnly cookie.
#include "../api/replies.h"
#include "../api/router.h"
#include "../storage/credentials.h"
#include "console.h"

#include <ruhu/domain/workflow.h>

#include <boost/beast/http/field.hpp>
#include <boost/json/serialize.hpp>

namespace ruhu::server::console {
namespace {

ApiReply callLoginApi(const Request &request, const ApiContext &context, const std::string &target,
                      const boost::json::object &body, const std::string &token = {}) {
    Request call{http::verb::post, target, 11};
    call.set(http::field::host, "console");
    call.set(http::field::content_type, "application/json");
    if (!token.empty())
        call.set(http::field::authorization, "Bearer " + token);
    (void)request;
    call.body() = boost::json::serialize(body);
    call.prepare_payload();
    return routeSafely(call, context);
}

std::string field(const std::map<std::string, std::string> &form, const char *name) {
    auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
}

} // namespace

ApiReply loginPage(const Request &request, const ApiContext &context, const std::string &message,
                   http::status status) {
    if (status == http::status::ok && sessionFor(request, context))
        return redirectTo("/console/");
    const bool en = wantsEnglish(request);
    auto t = [en](const char *zh, const char *english) { return en ? english : zh; };
    // Login CSRF: a random value in a cookie and in the form; a cross-site form cannot know it.
    const std::string formToken = makeToken();
    Markup page = html(
        R"(<html lang="{}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">)"
        R"(<title>{}</title><link rel="stylesheet" href="/console/assets/console.css"></head>)"
        R"(<body><div class="login-wrap"><main class="login" id="main"><h1>{}</h1><p class="sub">{}</p>{})"
        R"(<form method="post" action="/console/login" autocomplete="off">)"
        R"(<input type="hidden" name="_csrf" value="{}">)"
        R"(<label>{}<input name="username" id="username" required maxlength="64" autofocus autocomplete="username"></label>)"
        R"(<label>{}<input name="password" id="password" type="password" required maxlength="256" autocomplete="current-password"></label>)"
        R"(<button type="submit" id="login">{}</button></form>)"
        R"(<a class="lang" href="/console/login?lang={}">{}</a></main></div></body></html>)",
        en ? "en" : "zh-CN", t("登录 · 入户 管理台", "Sign in · Ruhu console"),
        t("入户 管理台", "Ruhu console"),
        t("防止返贫动态监测 · 乡镇与县级审核",
          "Monitoring to prevent relapse into poverty · township and county review"),
        message.empty() ? Markup() : errorBox(message), formToken, t("用户名", "Username"),
        t("密码", "Password"), t("登录", "Sign in"), en ? "zh" : "en", en ? "中文" : "English");
    ApiReply reply = htmlReply(page, status);
    reply.headers.emplace_back(
        "Set-Cookie", cookieHeader(kLoginCsrfCookie, formToken, context.secureTransport, "/console/login"));
    return reply;
}

ApiReply loginSubmit(const Request &request, const ApiContext &context) {
    const bool en = wantsEnglish(request);
    auto form = formFields(request.body());
    auto expected = cookieValue(request, kLoginCsrfCookie);
    if (!form || !expected || !sameSecret(field(*form, "_csrf"), *expected) ||
        request["Sec-Fetch-Site"] == "cross-site")
        return loginPage(request, context,
                         en ? "The sign-in form expired; please try again." : "登录表单已过期，请重新输入。",
                         http::status::forbidden);
    ApiReply login =
        callLoginApi(request, context, "/api/v1/login",
                     {{"username", field(*form, "username")}, {"password", field(*form, "password")}});
    if (login.status != http::status::ok) {
        ApiReply page = loginPage(request, context, apiErrorMessage(login), login.status);
        page.user = login.user;
        return page;
    }
    const auto &body = login.body.as_object();
    const std::string token(body.at("token").as_string());
    const std::string role(body.at("role").as_string());
    if (workflow::roleRank(role) < workflow::roleRank("township")) {
        callLoginApi(request, context, "/api/v1/logout", {}, token);
        ApiReply page = loginPage(request, context,
                                  en ? "Village accounts work on the tablet; the console is for township and "
                                       "county reviewers."
                                     : "村级账号请在平板上工作；管理台供乡镇、县级审核人员使用。",
                                  http::status::forbidden);
        page.user = login.user;
        return page;
    }
    const auto *mustChange = body.if_contains("mustChangePassword");
    ApiReply reply = redirectTo(
        mustChange && mustChange->is_bool() && mustChange->get_bool() ? "/console/password" : "/console/");
    reply.user = login.user;
    reply.headers.emplace_back("Set-Cookie",
                               cookieHeader(kSessionCookie, token, context.secureTransport, "/console"));
    reply.headers.emplace_back(
        "Set-Cookie", cookieHeader(kLoginCsrfCookie, "", context.secureTransport, "/console/login", 0));
    return reply;
}

ApiReply logoutSubmit(Page &page) {
    page.api(http::verb::post, "/api/v1/logout");
    ApiReply reply = redirectTo("/console/login");
    reply.user = page.session.user.username;
    reply.headers.emplace_back("Set-Cookie",
                               cookieHeader(kSessionCookie, "", page.context.secureTransport, "/console", 0));
    return reply;
}

ApiReply passwordPage(Page &page) {
    Markup message;
    http::status status = http::status::ok;
    if (page.request.method() == http::verb::post) {
        auto form = formFields(page.request.body());
        const auto fields = form ? *form : std::map<std::string, std::string>{};
        if (field(fields, "newPassword") != field(fields, "repeatPassword")) {
            message = errorBox(page.t("两次输入的新密码不一致。", "The new passwords do not match."));
            status = http::status::bad_request;
        } else {
            ApiReply changed = page.api(
                http::verb::post, "/api/v1/password",
                boost::json::serialize(boost::json::object{{"oldPassword", field(fields, "oldPassword")},
                                                           {"newPassword", field(fields, "newPassword")}}));
            if (changed.status == http::status::ok)
                return redirectTo("/console/");
            message = errorBox(apiErrorMessage(changed));
            status = changed.status;
        }
    } else if (page.session.user.mustChangePassword) {
        message = html(R"(<div class="box warn">{}</div>)",
                       page.t("管理员已重置您的密码，请先设置新密码再继续使用。",
                              "An administrator reset your password; set a new one to continue."));
    }
    Markup body = html(
        R"({}<form method="post" action="/console/password" class="stack card">{})"
        R"(<label>{}<input type="password" name="oldPassword" required autocomplete="current-password"></label>)"
        R"(<label>{}<input type="password" name="newPassword" required autocomplete="new-password"></label>)"
        R"(<label>{}<input type="password" name="repeatPassword" required autocomplete="new-password"></label>)"
        R"(<div><button type="submit">{}</button></div></form>)",
        message, csrfInput(page), page.t("原密码", "Current password"), page.t("新密码", "New password"),
        page.t("再次输入新密码", "Repeat the new password"), page.t("修改密码", "Change password"));
    return htmlReply(layout(page, page.t("修改密码", "Change password"), "", body), status);
}

} // namespace ruhu::server::console

namespace ruhu::server {

bool isConsoleLogin(http::verb method, std::string_view target) {
    return method == http::verb::post && target.substr(0, target.find('?')) == "/console/login";
}

std::string consoleLoginUsername(const std::string &body) {
    auto form = console::formFields(body);
    if (!form)
        return {};
    auto it = form->find("username");
    return it == form->end() ? std::string() : it->second;
}

ApiReply consoleLoginRefused(const Request &request, const ApiContext &context, const std::string &message) {
    return console::loginPage(request, context, message, http::status::too_many_requests);
}

std::optional<std::string> consoleSessionUser(const Request &request, const ApiContext &context) {
    if (!console::cookieValue(request, console::kSessionCookie))
        return std::nullopt;
    auto session = console::sessionFor(request, context);
    if (!session)
        return std::nullopt;
    return session->user.username;
}

} // namespace ruhu::server
