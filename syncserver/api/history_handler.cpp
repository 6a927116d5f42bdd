#include "audit.h"
#include "auth.h"
#include "handlers.h"
#include "masking.h"
#include "query.h"
#include "replies.h"
#include "scope.h"

#include <ruhu/json/canonical_json.h>

namespace ruhu::server {
namespace {

Result<boost::json::value> historyOf(const Request &request, const ApiContext &context,
                                     const UserAccount &user) {
    auto params = queryParams(std::string_view(request.target().data(), request.target().size()));
    if (!params)
        return params.error();
    auto kind = params->find("kind");
    if (kind == params->end() || kind->second.empty())
        return Error{"bad_request", "缺少参数 kind", "kind"};
    auto id = params->find("id");
    if (id == params->end() || id->second.empty())
        return Error{"bad_request", "缺少参数 id", "id"};
    auto record = context.store.findRecord(kind->second, id->second);
    if (!record)
        return record.error();
    if (!*record)
        return Error{"not_found", "记录不存在", "id"};
    if (!inScope((*record)->regionCode, user.scope))
        return Error{"forbidden_area", "该记录（" + (*record)->regionCode + "）不在您的工作范围内", "id"};
    auto rows = context.store.history(kind->second, id->second);
    if (!rows)
        return rows.error();
    boost::json::array entries;
    bool clear = false;
    for (const auto &row : *rows) {
        auto mutation = parseJson(row.mutationJson);
        auto result = parseJson(row.resultJson);
        // The values in history are masked per role like a pull (docs/privacy.md).
        if (mutation && mutation->is_object()) {
            for (const char *key : {"fields", "base"}) {
                if (auto *values = mutation->get_object().if_contains(key); values && values->is_object())
                    clear |= maskFieldsForRole(kind->second, values->get_object(), user.role);
            }
        }
        entries.push_back(boost::json::object{{"mutation", mutation ? *mutation : boost::json::value()},
                                              {"result", result ? *result : boost::json::value()},
                                              {"receivedAtMs", row.receivedAtMs}});
    }
    if (clear) {
        const std::string household = (*record)->kind == "household" ? (*record)->id : (*record)->householdId;
        if (auto st = auditRead(request, context, user, "history", kind->second + "/" + id->second, "ok",
                                {{household, (*record)->regionCode}});
            !st)
            return st.error();
    }
    return boost::json::value(boost::json::object{{"entries", std::move(entries)}});
}

} // namespace

// GET /api/v1/history?kind=K&id=ID: every mutation the server took for the record (devices' and its
// own), with what became of it, in the order applied. The losing values of merges live here.
ApiReply handleHistory(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    auto body = historyOf(request, context, *user);
    ApiReply reply = body ? jsonReply(std::move(*body)) : errorReply(body.error());
    reply.user = user->username;
    return reply;
}

} // namespace ruhu::server
