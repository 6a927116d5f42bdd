#include "auth.h"
#include "handlers.h"
#include "replies.h"
#include "scope.h"

#include <ruhu/json/canonical_json.h>
#include <ruhu/sync/merge.h>
#include <ruhu/sync/protocol.h>

namespace ruhu::server {
namespace {

Error forbiddenArea(size_t index, const std::string &regionCode) {
    return Error{"forbidden_area",
                 "第" + std::to_string(index + 1) + "条变更的地区（" + regionCode +
                     "）不在您的工作范围内，本批变更均未保存",
                 "mutations[" + std::to_string(index) + "].regionCode"};
}

// Where a mutation would put its record: its envelope's region and, for a household, the region field
// it may be moving the household to. Both must be inside the user's scope.
std::optional<std::string> regionOutsideScope(const Mutation &m, const std::vector<std::string> &scope) {
    if (!inScope(m.regionCode, scope))
        return m.regionCode;
    if (auto it = m.fields.find("regionCode");
        it != m.fields.end() && it->value().is_string() && !inScope(it->value().get_string(), scope))
        return std::string(it->value().get_string());
    return std::nullopt;
}

boost::json::array toJsonArray(const std::vector<std::string> &items) {
    boost::json::array a;
    for (const auto &s : items)
        a.emplace_back(s);
    return a;
}

// The already-applied twin of a mutation: its record as it stands now, effect not repeated.
Result<protocol::PushResult> duplicateResult(CentralStore::WriteTransaction &tx, const Mutation &m,
                                             const AppliedMutation &applied) {
    std::string kind = m.kind;
    std::string recordId = m.recordId;
    if (auto stored = parseJson(applied.mutationJson); stored && stored->is_object()) {
        const auto &o = stored->get_object();
        if (auto it = o.find("kind"); it != o.end() && it->value().is_string())
            kind = it->value().get_string();
        if (auto it = o.find("recordId"); it != o.end() && it->value().is_string())
            recordId = it->value().get_string();
    }
    protocol::PushResult result;
    result.mutationId = m.id;
    result.status = "duplicate";
    auto record = tx.findRecord(kind, recordId);
    if (!record)
        return record.error();
    if (*record) {
        result.hasRecord = true;
        result.record = std::move(**record);
    }
    return result;
}

// Applies one batch in one transaction. Any scope violation aborts the whole batch (nothing is written).
Result<std::vector<protocol::PushResult>>
applyBatch(const protocol::PushRequest &push, const UserAccount &user, CentralStore &store, int64_t nowMs) {
    auto tx = store.beginWrite();
    if (!tx)
        return tx.error();
    std::vector<protocol::PushResult> results;
    results.reserve(push.mutations.size());
    for (size_t i = 0; i < push.mutations.size(); ++i) {
        const Mutation &m = push.mutations[i];
        if (auto outside = regionOutsideScope(m, user.scope))
            return forbiddenArea(i, *outside);
        auto current = (*tx)->findRecord(m.kind, m.recordId);
        if (!current)
            return current.error();
        if (*current && !inScope((*current)->regionCode, user.scope))
            return forbiddenArea(i, (*current)->regionCode);

        auto applied = (*tx)->findApplied(m.id);
        if (!applied)
            return applied.error();
        if (*applied) {
            auto duplicate = duplicateResult(**tx, m, **applied);
            if (!duplicate)
                return duplicate.error();
            results.push_back(std::move(*duplicate));
            continue;
        }

        MergeOutcome outcome = applyMutation(*current, m);
        if (outcome.changed) {
            auto version = (*tx)->nextVersion();
            if (!version)
                return version.error();
            outcome.record.version = *version;
            if (auto st = (*tx)->putRecord(outcome.record); !st)
                return st.error();
        }
        protocol::PushResult result;
        result.mutationId = m.id;
        result.status = outcome.supersededFields.empty() ? "applied" : "merged";
        result.supersededFields = outcome.supersededFields;
        result.hasRecord = true;
        result.record = std::move(outcome.record);

        boost::json::object history{{"status", result.status},
                                    {"version", result.record.version},
                                    {"appliedFields", toJsonArray(outcome.appliedFields)},
                                    {"supersededFields", toJsonArray(outcome.supersededFields)},
                                    {"user", user.username}};
        AppliedMutation row{
            m.id, m.deviceId, m.seq, nowMs, toCanonicalJson(m.toJson()), toCanonicalJson(history)};
        if (auto st = (*tx)->putApplied(row); !st)
            return st.error();
        results.push_back(std::move(result));
    }
    if (auto st = (*tx)->commit(); !st)
        return st.error();
    return results;
}

} // namespace

ApiReply handlePush(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    auto json = parseJson(request.body());
    if (!json)
        return errorReply(json.error());
    auto push = protocol::PushRequest::fromJson(*json);
    if (!push)
        return errorReply(push.error());

    const int64_t now = context.clock.nowMs();
    auto results = applyBatch(*push, *user, context.store, now);
    ApiReply reply;
    if (results) {
        protocol::PushResponse response;
        response.results = std::move(*results);
        response.serverTimeMs = now;
        reply = jsonReply(response.toJson());
    } else {
        reply = errorReply(results.error());
    }
    reply.user = user->username;
    return reply;
}

} // namespace ruhu::server
