#include "audit.h"
#include "auth.h"
#include "device_activity.h"
#include "handlers.h"
#include "masking.h"
#include "replies.h"
#include "scope.h"
#include "server_mutation.h"

#include <ruhu/sync/protocol.h>

#include <boost/url/parse.hpp>

#include <algorithm>
#include <charconv>

namespace ruhu::server {
namespace {

struct PullQuery {
    int64_t cursor = 0;
    size_t limit = protocol::kDefaultPullLimit;
    std::string region;
};

std::optional<int64_t> parseNonNegative(std::string_view text) {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0)
        return std::nullopt;
    return value;
}

bool isDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<PullQuery> parsePullQuery(std::string_view target) {
    auto url = boost::urls::parse_origin_form(boost::core::string_view(target.data(), target.size()));
    if (!url)
        return Error{"bad_request", "请求地址格式不正确", ""};
    PullQuery query;
    for (const auto &param : url->params()) {
        if (param.key == "cursor") {
            auto value = parseNonNegative(param.value);
            if (!value)
                return Error{"bad_request", "cursor 应为非负整数", "cursor"};
            query.cursor = *value;
        } else if (param.key == "limit") {
            auto value = parseNonNegative(param.value);
            if (!value || *value == 0)
                return Error{"bad_request", "limit 应为正整数", "limit"};
            query.limit = static_cast<size_t>(std::min<int64_t>(*value, protocol::kMaxPullLimit));
        } else if (param.key == "region") {
            if (!isDigits(param.value) || param.value.size() > 12)
                return Error{"bad_request", "region 应为行政区划代码", "region"};
            query.region = param.value;
        }
    }
    return query;
}

} // namespace

ApiReply handlePull(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    auto query = parsePullQuery(std::string_view(request.target().data(), request.target().size()));
    ApiReply reply;
    if (!query) {
        reply = errorReply(query.error());
    } else if (!query->region.empty() && !inScope(query->region, user->scope)) {
        reply = errorReply(http::status::forbidden, "forbidden_area",
                           "地区（" + query->region + "）不在您的工作范围内", "region");
    } else {
        const std::vector<std::string> prefixes =
            query->region.empty() ? user->scope : std::vector<std::string>{query->region};
        auto page = context.store.changesSince(prefixes, query->cursor, query->limit);
        if (!page) {
            reply = errorReply(page.error());
        } else {
            protocol::PullResponse response;
            response.cursor = page->cursor;
            for (const auto &d : page->departed)
                response.departed.push_back({d.kind, d.id});
            response.hasMore = page->hasMore;
            // Sensitive fields masked for the role; the households whose sensitive fields go out in
            // clear make one audit row for the page.
            AuditHouseholds clear;
            for (auto &record : page->records) {
                if (maskRecordForRole(record, user->role))
                    clear.emplace_back(record.kind == "household" ? record.id : record.householdId,
                                       record.regionCode);
                response.changes.push_back(forDevice(std::move(record)));
            }
            response.serverTimeMs = context.clock.nowMs();
            response.incarnation = context.store.incarnation();
            Status audited = okStatus();
            if (!clear.empty())
                audited = auditRead(request, context, *user, "pull",
                                    "cursor=" + std::to_string(query->cursor), "ok", std::move(clear));
            reply = audited ? jsonReply(response.toJson()) : errorReply(audited.error());
            if (audited)
                noteDeviceActivity(request, context, *user, DeviceActivity::Kind::Pull);
        }
    }
    reply.user = user->username;
    return reply;
}

} // namespace ruhu::server
