#include "audit.h"
#include "auth.h"
#include "handlers.h"
#include "masking.h"
#include "query.h"
#include "replies.h"
#include "review_queue.h"
#include "scope.h"

#include <algorithm>

namespace ruhu::server {
namespace {

inline constexpr size_t kDefaultReviewLimit = 100;
inline constexpr size_t kMaxReviewLimit = 1000;

struct ReviewQuery {
    std::string status = "open";
    std::string region; // narrows the queue to one area inside the user's scope
    int64_t cursor = 0;
    size_t limit = kDefaultReviewLimit;
};

Result<ReviewQuery> parseReviewQuery(std::string_view target) {
    auto params = queryParams(target);
    if (!params)
        return params.error();
    ReviewQuery query;
    if (auto it = params->find("status"); it != params->end()) {
        if (it->second != "open" && it->second != "resolved" && it->second != "all")
            return Error{"bad_request", "status 应为 open、resolved 或 all", "status"};
        query.status = it->second;
    }
    if (auto it = params->find("region"); it != params->end() && !it->second.empty()) {
        if (it->second.size() > 12 ||
            !std::all_of(it->second.begin(), it->second.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return Error{"bad_request", "region 应为行政区划代码", "region"};
        query.region = it->second;
    }
    if (auto it = params->find("cursor"); it != params->end()) {
        auto value = parseNonNegative(it->second);
        if (!value)
            return Error{"bad_request", "cursor 应为非负整数", "cursor"};
        query.cursor = *value;
    }
    if (auto it = params->find("limit"); it != params->end()) {
        auto value = parseNonNegative(it->second);
        if (!value || *value == 0)
            return Error{"bad_request", "limit 应为正整数", "limit"};
        query.limit = static_cast<size_t>(std::min<int64_t>(*value, kMaxReviewLimit));
    }
    return query;
}

} // namespace

// GET /api/v1/reviews[?status&region&cursor&limit]: the review queue inside the user's scope, any role (a
// cadre sees what waits); region narrows it to one area of that scope.
ApiReply handleReviews(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    ApiReply reply;
    auto query = parseReviewQuery(std::string_view(request.target().data(), request.target().size()));
    if (!query) {
        reply = errorReply(query.error());
    } else if (!query->region.empty() && !inScope(query->region, user->scope)) {
        reply = errorReply(http::status::forbidden, "forbidden_area", "所选地区不在您的工作范围内", "region");
    } else if (auto page = context.store.reviews(
                   query->region.empty() ? user->scope : std::vector<std::string>{query->region},
                   query->status, query->cursor, query->limit);
               !page) {
        reply = errorReply(page.error());
    } else {
        boost::json::array list;
        AuditHouseholds clear;
        for (const auto &review : page->reviews) {
            bool inClear = false;
            list.push_back(reviewForRole(review, user->role, inClear));
            if (inClear)
                clear.emplace_back(review.householdId, review.regionCode);
        }
        const int64_t cursor = page->reviews.empty() ? query->cursor : page->reviews.back().id;
        Status audited = okStatus();
        if (!clear.empty())
            audited = auditRead(request, context, *user, "review_list",
                                "cursor=" + std::to_string(query->cursor), "ok", std::move(clear));
        reply = audited ? jsonReply(boost::json::object{
                              {"reviews", std::move(list)}, {"cursor", cursor}, {"hasMore", page->hasMore}})
                        : errorReply(audited.error());
    }
    reply.user = user->username;
    return reply;
}

} // namespace ruhu::server
