// Cookies, forms, CSRF, the session behind the cookie and the console's reply headers.
#include "../api/auth.h"
#include "../api/query.h"
#include "../api/replies.h"
#include "../api/router.h"
#include "../storage/credentials.h"
#include "console.h"

#include <boost/beast/http/field.hpp>
#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>

#include <algorithm>
#include <cctype>
#include <openssl/crypto.h>

namespace ruhu::server::console {
namespace {

bool isHexToken(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// No script from anywhere but /console/assets, no inline script or style, no framing, forms only back
// to the console.
constexpr const char *kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

} // namespace

std::optional<std::string> cookieValue(const Request &request, std::string_view name) {
    for (auto it = request.find(http::field::cookie);
         it != request.end() && it->name() == http::field::cookie; ++it) {
        std::string_view header(it->value().data(), it->value().size());
        while (!header.empty()) {
            const size_t end = std::min(header.find(';'), header.size());
            std::string_view pair = header.substr(0, end);
            header.remove_prefix(std::min(end + 1, header.size()));
            while (!pair.empty() && pair.front() == ' ')
                pair.remove_prefix(1);
            const size_t eq = pair.find('=');
            if (eq != std::string_view::npos && pair.substr(0, eq) == name)
                return std::string(pair.substr(eq + 1));
        }
    }
    return std::nullopt;
}

Result<std::map<std::string, std::string>> formFields(std::string_view body) {
    if (body.size() > kMaxFormBytes)
        return Error{"payload_too_large", "表单内容过大", ""};
    std::map<std::string, std::string> fields;
    if (body.empty())
        return fields;
    const boost::core::string_view text(body.data(), body.size());
    if (!boost::urls::parse_query(text))
        return Error{"bad_request", "表单格式不正确", ""};
    boost::urls::encoding_opts opts;
    opts.space_as_plus = true;
    for (const auto &param : boost::urls::params_view(text, opts))
        fields.try_emplace(std::string(param.key), std::string(param.value));
    return fields;
}

std::string cookieHeader(std::string_view name, std::string_view value, bool secure, std::string_view path,
                         int64_t maxAgeSeconds) {
    std::string cookie = std::string(name) + "=" + std::string(value) + "; Path=" + std::string(path) +
                         "; HttpOnly; SameSite=Strict";
    if (maxAgeSeconds >= 0)
        cookie += "; Max-Age=" + std::to_string(maxAgeSeconds);
    if (secure)
        cookie += "; Secure";
    return cookie;
}

std::string csrfTokenFor(std::string_view secret) {
    // Derived from the session token, which only the server and this browser's HttpOnly cookie know.
    return tokenDigest("ruhu-console-csrf:" + std::string(secret));
}

bool sameSecret(std::string_view a, std::string_view b) {
    return a.size() == b.size() && !a.empty() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool csrfAccepted(const Request &request, const std::map<std::string, std::string> &form,
                  const std::string &expected) {
    auto site = request["Sec-Fetch-Site"];
    if (site == "cross-site" || site == "same-site")
        return false;
    std::string sent;
    if (auto it = form.find(std::string(kCsrfField)); it != form.end())
        sent = it->second;
    else
        sent = std::string(request["X-CSRF-Token"]);
    return sameSecret(sent, expected);
}

Result<Session> sessionFor(const Request &request, const ApiContext &context) {
    auto token = cookieValue(request, kSessionCookie);
    if (!token || !isHexToken(*token))
        return Error{"unauthorized", "请先登录", ""};
    // The API's own check of a bearer token; the path decides what a session whose password must change
    // may do: the console's password page counts as the password change.
    Request probe{http::verb::get, "/console", 11};
    const std::string_view path = pathOf(std::string_view(request.target().data(), request.target().size()));
    if (path == "/console/password" || path == "/console/logout")
        probe.target("/api/v1/password");
    probe.set(http::field::authorization, "Bearer " + *token);
    auto user = authenticate(probe, context);
    if (!user)
        return user.error();
    return Session{*token, std::move(*user), csrfTokenFor(*token)};
}

bool wantsEnglish(const Request &request) {
    auto params = queryParams(std::string_view(request.target().data(), request.target().size()));
    if (params) {
        if (auto it = params->find("lang"); it != params->end())
            return it->second == "en";
    }
    auto cookie = cookieValue(request, kLangCookie);
    return cookie && *cookie == "en";
}

void addSecurityHeaders(ApiReply &reply) {
    reply.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
    reply.headers.emplace_back("X-Content-Type-Options", "nosniff");
    reply.headers.emplace_back("X-Frame-Options", "DENY");
    reply.headers.emplace_back("Referrer-Policy", "no-referrer");
}

ApiReply htmlReply(const Markup &page, http::status status) {
    ApiReply reply;
    reply.status = status;
    reply.contentType = "text/html; charset=utf-8";
    reply.rawBody = "<!DOCTYPE html>\n" + page.str();
    addSecurityHeaders(reply);
    return reply;
}

ApiReply redirectTo(const std::string &location) {
    ApiReply reply;
    reply.status = http::status::see_other;
    reply.contentType = "text/plain; charset=utf-8";
    reply.headers.emplace_back("Location", location);
    addSecurityHeaders(reply);
    return reply;
}

ApiReply Page::api(http::verb method, const std::string &target, const std::string &jsonBody,
                   const char *contentType) const {
    Request call{method, target, 11};
    call.set(http::field::host, "console");
    call.set(http::field::authorization, "Bearer " + session.token);
    if (!jsonBody.empty()) {
        call.set(http::field::content_type, contentType);
        call.body() = jsonBody;
        call.prepare_payload();
    }
    return routeSafely(call, context);
}

std::string Page::path() const {
    return std::string(pathOf(std::string_view(request.target().data(), request.target().size())));
}

std::string Page::query(const std::string &name) const {
    auto params = queryParams(std::string_view(request.target().data(), request.target().size()));
    if (!params)
        return {};
    auto it = params->find(name);
    return it == params->end() ? std::string() : it->second;
}

std::string jsonText(const boost::json::object &o, const char *key) {
    const auto *v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

int64_t jsonInt(const boost::json::object &o, const char *key) {
    const auto *v = o.if_contains(key);
    return v && v->is_int64() ? v->get_int64() : 0;
}

bool jsonFlag(const boost::json::object &o, const char *key) {
    const auto *v = o.if_contains(key);
    return v && v->is_bool() && v->get_bool();
}

std::string formValue(const std::map<std::string, std::string> &form, const char *name) {
    auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
}

} // namespace ruhu::server::console
