#include "auth.h"
#include "handlers.h"
#include "query.h"
#include "replies.h"

#include <algorithm>

namespace ruhu::server {
namespace {

constexpr size_t kDefaultAuditLimit = 100;
constexpr size_t kMaxAuditLimit = 1000;
constexpr size_t kMaxFilterLength = 128;

Result<AuditQuery> parseAuditQuery(std::string_view target, const UserAccount &user) {
    auto params = queryParams(target);
    if (!params)
        return params.error();
    AuditQuery query;
    query.regionPrefixes = user.scope;
    query.limit = kDefaultAuditLimit;
    auto number = [&](const char *key, int64_t &out, bool positive) -> Status {
        auto it = params->find(key);
        if (it == params->end())
            return okStatus();
        auto value = parseNonNegative(it->second);
        if (!value || (positive && *value == 0))
            return Error{"bad_request", std::string(key) + (positive ? " 应为正整数" : " 应为非负整数"), key};
        out = *value;
        return okStatus();
    };
    int64_t limit = int64_t(kDefaultAuditLimit);
    if (auto st = number("since", query.sinceMs, false); !st)
        return st.error();
    if (auto st = number("cursor", query.afterId, false); !st)
        return st.error();
    if (auto st = number("limit", limit, true); !st)
        return st.error();
    query.limit = size_t(std::min<int64_t>(limit, int64_t(kMaxAuditLimit)));
    for (auto [key, out] : {std::pair{"user", &query.username}, std::pair{"household", &query.householdId}}) {
        if (auto it = params->find(key); it != params->end()) {
            if (it->second.size() > kMaxFilterLength)
                return Error{"bad_request", std::string(key) + " 过长", key};
            *out = it->second;
        }
    }
    return query;
}

boost::json::object entryToJson(const AuditEntry &e) {
    boost::json::array households;
    for (const auto &[householdId, regionCode] : e.households)
        households.push_back(boost::json::object{{"householdId", householdId}, {"regionCode", regionCode}});
    return boost::json::object{{"id", e.id},
                               {"atMs", e.atMs},
                               {"user", e.username},
                               {"role", e.role},
                               {"deviceId", e.deviceId},
                               {"clientAddress", e.clientAddress},
                               {"action", e.action},
                               {"target", e.target},
                               {"result", e.result},
                               {"households", std::move(households)}};
}

} // namespace

// GET /api/v1/audit?since=&cursor=&limit=&user=&household=: the read audit (docs/privacy.md) for county
// and admin accounts, limited to rows that touch a household inside their area.
ApiReply handleAudit(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    ApiReply reply;
    if (user->role != "county" && user->role != "admin") {
        reply = errorReply(http::status::forbidden, "forbidden_role", "只有县级或管理员账号可以查看访问记录");
    } else if (auto query =
                   parseAuditQuery(std::string_view(request.target().data(), request.target().size()), *user);
               !query) {
        reply = errorReply(query.error());
    } else if (auto page = context.store.auditEntries(*query); !page) {
        reply = errorReply(page.error());
    } else {
        boost::json::array entries;
        for (const auto &e : page->entries)
            entries.push_back(entryToJson(e));
        const int64_t cursor = page->entries.empty() ? query->afterId : page->entries.back().id;
        reply = jsonReply(boost::json::object{
            {"entries", std::move(entries)}, {"cursor", cursor}, {"hasMore", page->hasMore}});
    }
    reply.user = user->username;
    return reply;
}

} // namespace ruhu::server
