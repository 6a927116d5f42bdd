#pragma once

#include "api_types.h"

#include <optional>
#include <string>
#include <string_view>

namespace ruhu::server {

// One function per endpoint; the router picks them. Each returns the reply for a request that already
// matched its method and path.
ApiReply handleHealth(const Request &request, const ApiContext &context);
ApiReply handleLogin(const Request &request, const ApiContext &context);
ApiReply handlePush(const Request &request, const ApiContext &context);
ApiReply handlePull(const Request &request, const ApiContext &context);
ApiReply handleReviews(const Request &request, const ApiContext &context);
ApiReply handleResolveReview(const Request &request, const ApiContext &context);
ApiReply handleHistory(const Request &request, const ApiContext &context);
// The monitoring case (case_handlers.cpp, docs/case-flow.md).
ApiReply handleCases(const Request &request, const ApiContext &context);
ApiReply handleCasePath(const Request &request, const ApiContext &context);
// Leads from the county (lead_handlers.cpp, docs/case-flow.md "Leads from the county"): a department's
// 筛查预警 list (POST /api/v1/leads/screening) and a 突发应急 marking (POST /api/v1/leads/emergency).
ApiReply handleLeadScreening(const Request &request, const ApiContext &context);
ApiReply handleLeadEmergency(const Request &request, const ApiContext &context);
// For the session: lead imports run on the export pool too (a county's list is thousands of rows).
bool isLeadRequest(http::verb method, std::string_view target);
// 授权承诺书 (docs/authorization.md): device key registry, verification and the printable letter.
ApiReply handleRegisterDeviceKey(const Request &request, const ApiContext &context);
ApiReply handleRetireDeviceKey(const Request &request, const ApiContext &context);
ApiReply handleAuthorization(const Request &request, const ApiContext &context);
// Accounts and sessions (docs/accounts.md): password change, logout, a lost tablet's revocation
// (/api/v1/devices/{id}/revoke, beside DELETE …/key), and the admin API under /api/v1/admin/.
ApiReply handleChangePassword(const Request &request, const ApiContext &context);
ApiReply handleLogout(const Request &request, const ApiContext &context);
ApiReply handleDevicePath(const Request &request, const ApiContext &context);
ApiReply handleAdmin(const Request &request, const ApiContext &context);
// /api/v1/rules/config[/history]: the rule configuration in force, loading a new one, its history.
ApiReply handleRuleConfig(const Request &request, const ApiContext &context);
// /api/v1/media/{sha256}[/upload], GET and PUT (docs/media-sync.md).
ApiReply handleMedia(const Request &request, const ApiContext &context);
// GET /api/v1/audit: the read audit for county and admin accounts (docs/privacy.md).
ApiReply handleAudit(const Request &request, const ApiContext &context);

// GET /api/v1/exports/…: XLSX/CSV exports (exports/, docs/exports.md); isExportRequest tells the session
// to run them on the export pool, off the I/O threads.
ApiReply handleExports(const Request &request, const ApiContext &context);
bool isExportRequest(http::verb method, std::string_view target);

// /console/…: the township and county console's pages (console/, docs/console.md).
ApiReply handleConsole(const Request &request, const ApiContext &context);
// For the session: the console login form (POST /console/login) is a login like POST /api/v1/login
// (throttled, hashed off the I/O threads); its username, and its answer when the throttle refuses.
bool isConsoleLogin(http::verb method, std::string_view target);
std::string consoleLoginUsername(const std::string &body);
ApiReply consoleLoginRefused(const Request &request, const ApiContext &context, const std::string &message);
// The user behind a console session cookie, if it is valid (for the session's body and rate limits).
std::optional<std::string> consoleSessionUser(const Request &request, const ApiContext &context);

// For the session, before it reads a body: whether the request is a media chunk upload (its body limit is
// the chunk limit, not the general one), and the answer when its Content-Length is over that limit.
bool isMediaUpload(http::verb method, std::string_view target);
ApiReply mediaChunkTooLarge(const ApiContext &context);

} // namespace ruhu::server
