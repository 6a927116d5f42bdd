#pragma once

// The township and county console at /console/ (docs/console.md): server-rendered pages over the same
// handlers as the JSON API. A page calls the API through Page::api() with the session's token, so every
// scope check, mask, audit row and conflict answer is the API's own.
#include "../api/api_types.h"
#include "html.h"

#include <ruhu/result.h>

#include <boost/json/value.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ruhu::server::console {

inline constexpr std::string_view kSessionCookie = "ruhu_session";
inline constexpr std::string_view kLoginCsrfCookie = "ruhu_login";
inline constexpr std::string_view kLangCookie = "ruhu_lang";
inline constexpr std::string_view kCsrfField = "_csrf";
inline constexpr size_t kMaxFormBytes = 1024 * 1024; // a rule configuration (256 KB) percent-encoded

// A signed-in console user: the token from the cookie (never shown in a page or URL), the account
// behind it and the CSRF token every state-changing form carries.
struct Session {
    std::string token;
    UserAccount user;
    std::string csrf;
};

// One request to the console.
struct Page {
    const Request &request;
    const ApiContext &context;
    bool english = false;
    Session session;

    const char *t(const char *zh, const char *en) const { return english ? en : zh; }
    // The JSON API, as this session's user: the same handler a client calling it would reach.
    ApiReply api(http::verb method, const std::string &target, const std::string &jsonBody = {},
                 const char *contentType = "application/json") const;
    std::string path() const;
    // A query parameter of the request (empty when absent).
    std::string query(const std::string &name) const;
};

// --- HTTP pieces (console_http.cpp) ---
std::optional<std::string> cookieValue(const Request &request, std::string_view name);
// application/x-www-form-urlencoded, percent- and '+'-decoded; the first of repeated names wins.
Result<std::map<std::string, std::string>> formFields(std::string_view body);
// A cookie for the console's paths: HttpOnly, SameSite=Strict, Secure under TLS. maxAge < 0: session.
std::string cookieHeader(std::string_view name, std::string_view value, bool secure, std::string_view path,
                         int64_t maxAgeSeconds = -1);
std::string csrfTokenFor(std::string_view secret);
bool sameSecret(std::string_view a, std::string_view b); // constant time
// Whether a state-changing request is the console's own: its CSRF token (form field or X-CSRF-Token)
// matches, and the browser does not say it came from another site.
bool csrfAccepted(const Request &request, const std::map<std::string, std::string> &form,
                  const std::string &expected);
// The session behind the cookie: unauthorized without one, the API's error (password_change_required…)
// otherwise.
Result<Session> sessionFor(const Request &request, const ApiContext &context);
// Whether the request asks for English (?lang=en, else the language cookie).
bool wantsEnglish(const Request &request);

// --- Replies (console_http.cpp) ---
// An HTML page with the console's security headers (Content-Security-Policy without inline script…).
ApiReply htmlReply(const Markup &page, http::status status = http::status::ok);
ApiReply redirectTo(const std::string &location);
void addSecurityHeaders(ApiReply &reply);

// --- Reading the API's JSON and forms (console_http.cpp): a missing or mistyped member reads as empty,
// 0 or false ---
std::string jsonText(const boost::json::object &o, const char *key);
int64_t jsonInt(const boost::json::object &o, const char *key);
bool jsonFlag(const boost::json::object &o, const char *key);
std::string formValue(const std::map<std::string, std::string> &form, const char *name);

// --- Layout and shared widgets (console_layout.cpp) ---
Markup layout(const Page &page, std::string_view title, std::string_view active, const Markup &body);
Markup csrfInput(const Page &page);
Markup errorBox(std::string_view message);
Markup noticeBox(std::string_view message);
// The API's error message of a reply that was not 2xx.
std::string apiErrorMessage(const ApiReply &reply);
std::string apiErrorCode(const ApiReply &reply);
// "2024-09-01 08:00" in Beijing time; "—" for 0.
std::string formatTime(int64_t ms);
// A JSON value as a reviewer reads it: strings bare, null as "—", others compact JSON.
std::string displayValue(const boost::json::value &value);
// Names of the areas in the user's scope (code → name), and the level's name.
std::map<std::string, std::string> areaNames(const ApiContext &context);
std::string roleName(const Page &page, std::string_view role);
// A "下一页" link keeping the current query with another cursor.
Markup pager(const Page &page, int64_t nextCursor, bool hasMore);
// Current query with one parameter replaced (for links), URL-encoded.
std::string withParam(const Page &page, const std::string &name, const std::string &value);

// A tablet not revoked that has neither pushed nor pulled (nor been bound) for kQuietDays: lost, broken
// or unused, the county follows it up (console_devices.cpp).
inline constexpr int64_t kQuietDays = 7;
bool deviceQuiet(const boost::json::object &device, int64_t nowMs);

// --- Pages ---
ApiReply loginPage(const Request &request, const ApiContext &context, const std::string &message = {},
                   http::status status = http::status::ok);
ApiReply loginSubmit(const Request &request, const ApiContext &context);
ApiReply logoutSubmit(Page &page);
ApiReply passwordPage(Page &page);
ApiReply todoPage(Page &page);
// 线索导入 (console_leads.cpp): a department's 筛查预警 list, a 突发应急 marking; POST …/screening|emergency.
ApiReply leadsPage(Page &page);
ApiReply leadsSubmit(Page &page, std::string_view kind, const std::map<std::string, std::string> &form);
ApiReply reviewsPage(Page &page);
ApiReply reviewPage(Page &page, int64_t id);
ApiReply reviewResolve(Page &page, int64_t id, const std::map<std::string, std::string> &form);
ApiReply reviewsBulk(Page &page, const std::map<std::string, std::string> &form);
ApiReply devicesPage(Page &page);
ApiReply deviceAction(Page &page, const std::string &deviceId, std::string_view action,
                      const std::map<std::string, std::string> &form);
ApiReply usersPage(Page &page);
ApiReply usersCreate(Page &page, const std::map<std::string, std::string> &form);
ApiReply userAction(Page &page, const std::string &username, std::string_view action,
                    const std::map<std::string, std::string> &form);
ApiReply rulesPage(Page &page);
ApiReply rulesLoad(Page &page, const std::map<std::string, std::string> &form);
ApiReply auditPage(Page &page);

// 案件 (console_cases.cpp, console_case_page.cpp).
// The cases of the user's area (one village when given), read through GET /api/v1/cases page by page up
// to a bound; error holds the API's message when it refused.
struct CaseScan {
    std::vector<boost::json::object> cases;
    bool truncated = false;
    std::string error;
    http::status status = http::status::ok;
};
CaseScan scanCases(const Page &page, const std::string &village);
// Whether a case in `state` waits for a decision of `role` (a step of the state table starts at that role).
bool caseWaitsFor(const std::string &state, const std::string &role);
ApiReply casesPage(Page &page);
ApiReply casePage(Page &page, const std::string &id, const Markup &message = {},
                  http::status status = http::status::ok);
ApiReply caseAction(Page &page, const std::string &id, const std::map<std::string, std::string> &form);
// What a step still misses ({code, message} items), or a line saying nothing is.
Markup missingList(const Page &page, const boost::json::array &missing, const std::string &id);

// The embedded (or, with --console-assets, on-disk) static files.
ApiReply assetReply(const ApiContext &context, std::string_view name);

} // namespace ruhu::server::console
