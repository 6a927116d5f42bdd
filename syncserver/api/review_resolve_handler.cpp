#include "../storage/write_retry.h"
#include "auth.h"
#include "handlers.h"
#include "household_move.h"
#include "query.h"
#include "replies.h"
#include "review_queue.h"
#include "scope.h"
#include "server_mutation.h"

#include <ruhu/domain/workflow.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/model/schema.h>

#include <algorithm>

namespace ruhu::server {
namespace {

struct Decision {
    int64_t reviewId = 0;
    std::string choice; // "server" | "incoming" | "custom"
    boost::json::value value;
    std::string note;
};

// "/api/v1/reviews/{id}/resolve" → id
std::optional<int64_t> reviewIdFromPath(std::string_view path) {
    constexpr std::string_view kPrefix = "/api/v1/reviews/";
    constexpr std::string_view kSuffix = "/resolve";
    if (!path.starts_with(kPrefix) || !path.ends_with(kSuffix) ||
        path.size() <= kPrefix.size() + kSuffix.size())
        return std::nullopt;
    auto id = parseNonNegative(path.substr(kPrefix.size(), path.size() - kPrefix.size() - kSuffix.size()));
    if (!id || *id == 0)
        return std::nullopt;
    return id;
}

Result<Decision> parseDecision(const Request &request) {
    Decision d;
    auto id = reviewIdFromPath(pathOf(std::string_view(request.target().data(), request.target().size())));
    if (!id)
        return Error{"not_found", "审核事项不存在", ""};
    d.reviewId = *id;
    auto json = parseJson(request.body());
    if (!json)
        return json.error();
    if (!json->is_object())
        return Error{"bad_request", "请求体应为 JSON 对象", ""};
    const auto &o = json->get_object();
    auto choice = o.find("choice");
    if (choice == o.end() || !choice->value().is_string() ||
        (choice->value().get_string() != "server" && choice->value().get_string() != "incoming" &&
         choice->value().get_string() != "custom"))
        return Error{"bad_request", "choice 应为 server、incoming 或 custom", "choice"};
    d.choice = choice->value().get_string();
    if (auto value = o.find("value"); value != o.end())
        d.value = value->value();
    else if (d.choice == "custom")
        return Error{"bad_request", "自定义处理需要给出 value", "value"};
    if (auto note = o.find("note"); note != o.end()) {
        if (!note->value().is_string())
            return Error{"bad_request", "note 应为文字", "note"};
        d.note = note->value().get_string();
    }
    return d;
}

// Whether a reviewer's decision may write this field at all: declared, not signed evidence (immutable),
// not the server's own (computed, or a case's state/events, which move only by the workflow rules).
bool resolvableField(const RecordKind &kind, std::string_view field) {
    const FieldSpec *spec = kind.field(field);
    return spec && spec->policy != MergePolicy::Immutable && spec->policy != MergePolicy::ServerComputed;
}

Error notResolvable(std::string_view field) {
    return Error{"field_not_resolvable", "审核处理不能修改字段“" + std::string(field) + "”", "value"};
}

// The value the decision puts in place: the server's or the device's, or, for "custom", the reviewer's
// own value for that same field (type-checked). A delete race keeps or drops the record and may bring
// back only fields one of the two sides sent. A household's region is never typed in by hand: only one
// of the two clashing values, and only inside the reviewer's area.
Result<boost::json::value> chosenValue(const ReviewEntry &review, const Decision &d) {
    const RecordKind *kind = findRecordKind(review.kind);
    if (!kind)
        return Error{"unknown_kind", "未知的记录类型“" + review.kind + "”", "kind"};
    if (review.field != kDeleteField) {
        if (!resolvableField(*kind, review.field))
            return notResolvable(review.field);
        if (review.field == "regionCode" && d.choice == "custom")
            return Error{"field_not_resolvable", "迁户审核只能在两个冲突的地区中选择一个", "choice"};
    }
    if (d.choice == "server")
        return review.serverValue;
    if (d.choice == "incoming")
        return review.incomingValue;
    if (review.field == kDeleteField) {
        const auto *o = d.value.if_object();
        const auto *deleted = o ? o->if_contains("deleted") : nullptr;
        if (!deleted || !deleted->is_bool())
            return Error{"bad_request", "删除冲突的处理结果应为 {\"deleted\": true|false, \"fields\": {…}}",
                         "value"};
        if (const auto *fields = o->if_contains("fields")) {
            if (!fields->is_object())
                return Error{"bad_request", "fields 应为对象", "value.fields"};
            auto sentBy = [&](const boost::json::value &side, std::string_view field) {
                const auto *so = side.if_object();
                const auto *sf = so ? so->if_contains("fields") : nullptr;
                return sf && sf->is_object() && sf->get_object().contains(field);
            };
            for (const auto &kv : fields->get_object()) {
                if (!resolvableField(*kind, kv.key()) || kv.key() == "regionCode" ||
                    (!sentBy(review.serverValue, kv.key()) && !sentBy(review.incomingValue, kv.key())))
                    return notResolvable(kv.key());
            }
            if (auto st = validateFields(*kind, fields->get_object()); !st)
                return st.error();
        }
        return d.value;
    }
    if (auto st = validateFields(*kind, boost::json::object{{review.field, d.value}}); !st)
        return st.error();
    return d.value;
}

struct Resolved {
    ReviewEntry review;
    Record record;
};

using Tx = CentralStore::WriteTransaction;

Result<Resolved> resolve(const Decision &d, const UserAccount &user, const ApiContext &context,
                         int64_t nowMs) {
    auto areas = context.store.areas();
    if (!areas)
        return areas.error();
    auto knownArea = [&](std::string_view code) {
        return std::any_of(areas->begin(), areas->end(),
                           [&](const protocol::Area &a) { return a.code == code; });
    };
    auto tx = context.store.beginWrite();
    if (!tx)
        return tx.error();
    Tx &t = **tx;
    auto found = t.findReview(d.reviewId);
    if (!found)
        return found.error();
    if (!*found || !inScope((*found)->regionCode, user.scope))
        return Error{"not_found", "审核事项不存在或不在您的工作范围内", ""};
    ReviewEntry review = std::move(**found);
    if (review.status != "open")
        return Error{"already_resolved", "该审核事项已经处理过了", ""};
    auto chosen = chosenValue(review, d);
    if (!chosen)
        return chosen.error();

    auto current = t.findRecord(review.kind, review.recordId);
    if (!current)
        return current.error();
    if (*current && !inScope((**current).regionCode, user.scope))
        return Error{"not_found", "审核事项不存在或不在您的工作范围内", ""};
    const RecordKind *kind = findRecordKind(review.kind);
    Record r;
    if (*current) {
        r = std::move(**current);
    } else {
        r.kind = review.kind;
        r.id = review.recordId;
        r.householdId = review.householdId;
        r.regionCode = review.regionCode;
    }
    backfillVersions(r);
    const std::string oldRegion = r.regionCode;
    auto m = makeServerMutation(t, r, user.username, nowMs);
    if (!m)
        return m.error();
    auto version = t.nextVersion();
    if (!version)
        return version.error();

    std::vector<std::string> applied;
    auto setField = [&](std::string_view field, const boost::json::value &value) {
        r.fields[field] = value;
        r.clocks[field] = m->hlc;
        r.versions[field] = *version;
        m->fields[field] = value;
        applied.emplace_back(field);
    };
    if (review.field == kDeleteField) {
        const auto &o = chosen->as_object();
        const bool deleted = o.at("deleted").as_bool();
        if (deleted != r.deleted) {
            r.deleted = deleted;
            r.clocks["_deleted"] = m->hlc;
            r.versions["_deleted"] = *version;
            applied.emplace_back("_deleted");
        }
        m->deleteRecord = deleted;
        // Keeping the server's side of a delete race changes nothing else; the other sides bring fields.
        if (d.choice != "server" && !deleted) {
            if (const auto *fields = o.if_contains("fields"); fields && fields->is_object()) {
                for (const auto &kv : fields->get_object()) {
                    // The side's other fields come back, but never a move, signed evidence or a
                    // server-computed value.
                    if (kind && resolvableField(*kind, kv.key()) && kv.key() != "regionCode")
                        setField(kv.key(), kv.value());
                }
            }
        }
    } else {
        setField(review.field, *chosen);
        if (r.kind == "household" && review.field == "regionCode") {
            if (!chosen->is_string() || !inScope(chosen->get_string(), user.scope) ||
                !knownArea(chosen->get_string()))
                return Error{"forbidden_area", "所选地区不在您的工作范围内", "value"};
            r.regionCode = chosen->get_string();
        }
    }
    // Always a new version, so every device pulls the decision.
    r.version = *version;
    if (auto st = t.putRecord(r); !st)
        return st.error();
    if (r.kind == "household" && r.regionCode != oldRegion) {
        if (auto st = moveHouseholdRecords(t, r, oldRegion, m->id, user.username, nowMs); !st)
            return st.error();
    }

    boost::json::object resolution{
        {"choice", d.choice}, {"value", *chosen},      {"note", d.note},      {"reviewer", user.username},
        {"role", user.role},  {"resolvedAtMs", nowMs}, {"mutationId", m->id}, {"version", r.version}};
    boost::json::object mutationJson = m->toJson().as_object();
    mutationJson["reviewId"] = review.id;
    boost::json::array appliedJson;
    for (const auto &f : applied)
        appliedJson.emplace_back(f);
    boost::json::object result{
        {"status", "applied"},   {"version", r.version}, {"appliedFields", std::move(appliedJson)},
        {"reviewId", review.id}, {"choice", d.choice},   {"user", user.username}};
    if (auto st = putHistory(t, *m, mutationJson, result, nowMs); !st)
        return st.error();

    review.status = "resolved";
    review.resolution = std::move(resolution);
    if (auto st = t.putReview(review); !st)
        return st.error();
    if (auto st = t.commit(); !st)
        return st.error();
    return Resolved{std::move(review), forDevice(std::move(r))};
}

} // namespace

// POST /api/v1/reviews/{id}/resolve: a township, county or admin reviewer decides a queued clash. The
// decision is a mutation of the server's own, applied with a stamp newer than anything in the record.
ApiReply handleResolveReview(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    ApiReply reply;
    if (workflow::roleRank(user->role) < workflow::roleRank("township")) {
        reply = errorReply(http::status::forbidden, "forbidden_role",
                           "村级账号不能处理审核事项，请由乡镇或县级审核人员处理");
    } else if (auto decision = parseDecision(request); !decision) {
        reply = errorReply(decision.error());
    } else if (auto resolved =
                   withWriteRetry([&] { return resolve(*decision, *user, context, context.clock.nowMs()); });
               !resolved) {
        reply = errorReply(resolved.error());
    } else {
        reply = jsonReply(boost::json::object{{"review", reviewToJson(resolved->review)},
                                              {"record", resolved->record.toJson()}});
    }
    reply.user = user->username;
    return reply;
}

} // namespace ruhu::server
