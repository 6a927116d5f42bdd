#include "push_batch.h"

#include "../storage/write_retry.h"
#include "authorization_push.h"
#include "case_steps.h"
#include "household_evaluation.h"
#include "household_move.h"
#include "media_references.h"
#include "push_guards.h"
#include "review_queue.h"
#include "scope.h"
#include "sequence_gaps.h"
#include "server_mutation.h"

#include <ruhu/domain/workflow.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/model/record_limits.h>
#include <ruhu/model/schema.h>
#include <ruhu/sync/merge_engine.h>

#include <algorithm>
#include <numeric>
#include <optional>
#include <set>

namespace ruhu::server {
namespace {

using Tx = CentralStore::WriteTransaction;

// The message names no area code: the record may be in a village the user must not learn about.
Error forbiddenArea(size_t index) {
    return Error{"forbidden_area",
                 "第" + std::to_string(index + 1) + "条变更的地区不在您的工作范围内，本批变更均未保存",
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

std::string fieldLabels(const std::string &kindName, const std::vector<std::string> &fields) {
    const RecordKind *kind = findRecordKind(kindName);
    std::string text;
    for (const auto &f : fields) {
        const FieldSpec *spec = kind ? kind->field(f) : nullptr;
        text += (text.empty() ? "" : "、") + (f == kDeleteField ? std::string("删除")
                                              : spec            ? spec->label
                                                                : f);
    }
    return text;
}

// The already-applied twin of a mutation: its record as it stands now, effect not repeated.
Result<protocol::PushResult> duplicateResult(Tx &tx, const Mutation &m, const AppliedMutation &applied,
                                             const std::vector<std::string> &scope) {
    std::string kind = applied.kind.empty() ? m.kind : applied.kind;
    std::string recordId = applied.recordId.empty() ? m.recordId : applied.recordId;
    protocol::PushResult result;
    result.mutationId = m.id;
    result.status = "duplicate";
    auto record = tx.findRecord(kind, recordId);
    if (!record)
        return record.error();
    if (*record && inScope((*record)->regionCode, scope)) {
        result.hasRecord = true;
        result.record = forDevice(std::move(**record));
    }
    return result;
}

class BatchApplier {
public:
    BatchApplier(Tx &tx, const UserAccount &user, const ApiContext &context, int64_t nowMs,
                 const std::set<std::string> &knownAreas)
        : m_tx(tx)
        , m_user(user)
        , m_context(context)
        , m_nowMs(nowMs)
        , m_knownAreas(knownAreas) {}

    Result<protocol::PushResult> apply(size_t index, const Mutation &received);

private:
    // `current` is echoed back only when it is inside the user's scope.
    Result<protocol::PushResult> reject(const Mutation &m, const std::optional<Record> &current,
                                        const Error &why);
    Status finishHistory(const Mutation &m, const protocol::PushResult &result, const MergeDecision &d);

    Tx &m_tx;
    const UserAccount &m_user;
    const ApiContext &m_context;
    int64_t m_nowMs;
    const std::set<std::string> &m_knownAreas;
};

Result<protocol::PushResult> BatchApplier::apply(size_t index, const Mutation &received) {
    const auto &scope = m_user.scope;
    if (regionOutsideScope(received, scope))
        return forbiddenArea(index);
    auto found = m_tx.findRecord(received.kind, received.recordId);
    if (!found)
        return found.error();
    std::optional<Record> current = std::move(*found);
    // From here on the author is the authenticated user and the base one the server gave out.
    const Mutation m = normalizedMutation(received, m_user.username, current);

    std::optional<Error> refusal;
    const bool departed = current && !inScope(current->regionCode, scope);
    if (departed) {
        auto check = checkDepartedEdit(m_tx, m, scope);
        if (!check)
            return check.error();
        if (*check && check->value().code == "forbidden_area")
            return forbiddenArea(index);
        refusal = std::move(*check);
    }

    auto applied = m_tx.findApplied(m.id);
    if (!applied)
        return applied.error();
    // An id is only ever a duplicate of the same device's mutation (device ids are bound to accounts).
    if (*applied && (*applied)->deviceId != m.deviceId)
        return Error{"device_mismatch", "变更编号已被其他设备使用，本批变更均未保存",
                     "mutations[" + std::to_string(index) + "].id"};
    if (*applied)
        return duplicateResult(m_tx, m, **applied, scope);
    if (refusal)
        return reject(m, current, *refusal);

    Mutation effective = m;
    if (current) {
        backfillVersions(*current);
        if (auto unknown = checkKnownArea(m, m_knownAreas))
            return reject(m, current, *unknown);
        if (auto forbidden = checkDeleteRole(m, *current, m_user.role))
            return reject(m, current, *forbidden);
    } else {
        auto region = admitNewRecord(m_tx, m, scope, m_knownAreas);
        if (!region) {
            if (region.error().code == "forbidden_area")
                return forbiddenArea(index);
            return reject(m, current, region.error());
        }
        effective.regionCode = *region;
    }

    // A workflow case's state moves only along the §7.2 table, from the state it has now.
    std::optional<std::string> proposedState;
    std::string fromState;
    std::string stepNote; // the note of a proposed step: it goes into the event, not the record
    if (m.kind == "workflowCase") {
        if (auto it = effective.fields.find("stepNote"); it != effective.fields.end()) {
            if (it->value().is_string())
                stepNote = it->value().get_string();
            effective.fields.erase(it);
        }
        if (auto it = effective.fields.find("state"); it != effective.fields.end()) {
            proposedState = it->value().is_string() ? std::string(it->value().get_string()) : std::string();
            effective.fields.erase(it);
            if (current) {
                if (auto s = current->fields.find("state");
                    s != current->fields.end() && s->value().is_string())
                    fromState = s->value().get_string();
            }
            if (auto allowed = workflow::checkTransition(fromState, *proposedState, m_user.role); !allowed)
                return reject(m, current, allowed.error());
        }
    }

    // A 授权承诺书 enters the store only once it verifies (authorization_push.h).
    std::optional<AuthorizationAdmission> admission;
    if (m.kind == "authorization") {
        auto admitted = admitAuthorization(m_tx, effective, current, m_nowMs);
        if (!admitted)
            return admitted.error();
        admission = std::move(*admitted);
        if (admission && admission->rejection)
            return reject(m, current, *admission->rejection);
    }

    auto newVersion = m_tx.peekVersion();
    if (!newVersion)
        return newVersion.error();
    MergeDecision d =
        mergeMutation(current, effective, MergeContext{m_nowMs, m_context.maxClockAheadMs, *newVersion});
    // A proposed step: its preconditions on the case as merged and the household as stored (case_steps.h).
    std::optional<CaseProcedure> procedure;
    if (proposedState && *proposedState != fromState && !d.deleteConflict) {
        auto p = caseProcedure(m_tx, m_nowMs);
        if (!p)
            return p.error();
        procedure = std::move(*p);
        if (auto st = checkCaseStep(m_tx, *procedure, d.record, fromState, *proposedState, m_user.role); !st)
            return reject(m, current, st.error());
        auto inputs = caseInputs(m_tx, d.record);
        if (!inputs)
            return inputs.error();
        const boost::json::object before = d.record.fields;
        applyCaseStep(d.record.fields, *inputs, *procedure, fromState, *proposedState,
                      CaseActor{m_user.username, m_user.role, m.deviceId}, stepNote, m.id, m_nowMs);
        for (const auto &kv : d.record.fields) {
            const auto *old = before.if_contains(kv.key());
            if (old && *old == kv.value())
                continue;
            d.record.clocks[kv.key()] = m.hlc;
            d.record.versions[kv.key()] = *newVersion;
            d.applied.emplace_back(kv.key());
        }
        d.changed = true;
    }
    // No stamp further ahead of the server than the bound is stored: it would win every later clash and
    // the tablets would adopt it as their clock.
    replaceClocks(d.record, m.hlc, boundedStamp(m.hlc, current, m_nowMs, m_context.maxClockAheadMs));

    if (d.changed) {
        if (!current && !d.record.deleted) {
            if (const RecordKind *kind = findRecordKind(m.kind)) {
                if (auto st = validateRequired(*kind, d.record.fields); !st)
                    return reject(m, current, st.error());
            }
        }
        if (const RecordKind *kind = findRecordKind(m.kind)) {
            if (auto st = checkRecordLimits(*kind, d.record.fields, m_context.push.maxRecordBytes); !st)
                return reject(m, current, st.error());
        }
        auto version = m_tx.nextVersion();
        if (!version)
            return version.error();
        d.record.version = *version;
        if (auto st = m_tx.putRecord(d.record); !st)
            return st.error();
        if (auto shas = mediaReferences(d.record.kind, d.record.fields); !shas.empty()) {
            if (auto st = m_tx.putMediaRefs(d.record.kind, d.record.id, shas, m_user.username); !st)
                return st.error();
        }
        if (procedure) {
            if (auto st = writeMonitoringAfterStep(m_tx, *procedure, d.record, *proposedState,
                                                   m_user.username, m_nowMs);
                !st)
                return st.error();
        }
        if (m.kind == "household" && current && current->regionCode != d.record.regionCode) {
            if (auto st =
                    moveHouseholdRecords(m_tx, d.record, current->regionCode, m.id, m_user.username, m_nowMs);
                !st)
                return st.error();
        }
    }

    protocol::PushResult result;
    result.mutationId = m.id;
    result.status = d.status();
    result.supersededFields = d.superseded;
    result.refusedFields = d.refused;
    for (const auto &conflict : d.conflicts) {
        auto id = m_tx.putReview(reviewForConflict(m, d.record, conflict, m_nowMs));
        if (!id)
            return id.error();
        result.queuedFields.push_back(conflict.field);
        result.reviewIds.push_back(*id);
    }
    if (d.deleteConflict) {
        auto id = m_tx.putReview(reviewForDeleteConflict(m, d.record, m_nowMs));
        if (!id)
            return id.error();
        result.queuedFields.push_back(kDeleteField);
        result.reviewIds.push_back(*id);
    }
    if (result.status == "rejected") {
        result.code = "field_refused";
        result.message = fieldLabels(m.kind, d.refused) + "不能修改（已签署或由服务器计算）";
    } else if (d.clockAhead) {
        result.code = "clock_ahead";
        result.message = "本机时间与服务器相差过大，请校正平板时间";
    } else if (result.status == "queued") {
        result.message = fieldLabels(m.kind, result.queuedFields) +
                         "与他人的修改冲突，已提交乡镇审核，审核结果会同步回本机";
    }
    // A departed record's edit is taken, but the record is not read back: it is someone else's now.
    result.hasRecord = !departed;
    result.record = forDevice(d.record);
    if (auto st = finishHistory(m, result, d); !st)
        return st.error();
    if (admission && d.changed) {
        if (auto st = recordAuthorizationReceipt(m_tx, d.record, *admission, m_user.username, m_nowMs); !st)
            return st.error();
        result.record = forDevice(d.record);
    }
    if (!result.hasRecord)
        result.record = Record{};
    return result;
}

Result<protocol::PushResult> BatchApplier::reject(const Mutation &m, const std::optional<Record> &current,
                                                  const Error &why) {
    protocol::PushResult result;
    result.mutationId = m.id;
    result.status = "rejected";
    result.code = why.code;
    result.message = why.message;
    if (current && inScope(current->regionCode, m_user.scope)) {
        result.hasRecord = true;
        result.record = forDevice(*current);
    }
    MergeDecision nothing;
    if (current)
        nothing.record = *current;
    if (auto st = finishHistory(m, result, nothing); !st)
        return st.error();
    return result;
}

Status BatchApplier::finishHistory(const Mutation &m, const protocol::PushResult &result,
                                   const MergeDecision &d) {
    boost::json::array reviewIds;
    for (int64_t id : result.reviewIds)
        reviewIds.emplace_back(id);
    boost::json::object history{{"status", result.status},
                                {"version", d.record.version},
                                {"appliedFields", toJsonArray(d.applied)},
                                {"unchangedFields", toJsonArray(d.unchanged)},
                                {"supersededFields", toJsonArray(result.supersededFields)},
                                {"queuedFields", toJsonArray(result.queuedFields)},
                                {"refusedFields", toJsonArray(result.refusedFields)},
                                {"reviewIds", std::move(reviewIds)},
                                {"user", m_user.username}};
    if (!result.code.empty())
        history["code"] = result.code;
    if (!result.message.empty())
        history["message"] = result.message;
    return putHistory(m_tx, m, m.toJson().as_object(), history, m_nowMs);
}

} // namespace

namespace {

// One attempt in one store transaction; a lost race (kRetryCode) leaves nothing behind.
Result<PushOutcome> applyPushBatchOnce(const protocol::PushRequest &push, const UserAccount &user,
                                       const ApiContext &context, int64_t nowMs,
                                       const std::set<std::string> &knownAreas) {
    auto tx = context.store.beginWrite();
    if (!tx)
        return tx.error();
    BatchApplier applier(**tx, user, context, nowMs, knownAreas);
    PushOutcome outcome;
    // Households before everything else, so a member (case, photo …) created offline before its new
    // household in the same push finds it; mutations of different records commute, and results keep the
    // request order.
    std::vector<size_t> order(push.mutations.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_partition(order.begin(), order.end(),
                          [&](size_t i) { return push.mutations[i].kind == "household"; });
    std::vector<std::optional<protocol::PushResult>> results(push.mutations.size());
    HouseholdEvaluations evaluations;
    for (size_t i : order) {
        auto result = applier.apply(i, push.mutations[i]);
        if (!result)
            return result.error();
        evaluations.note(push.mutations[i], *result);
        results[i] = std::move(*result);
    }
    if (auto st = evaluations.run(**tx, user.username, nowMs); !st)
        return st.error();
    outcome.results.reserve(results.size());
    for (auto &result : results)
        outcome.results.push_back(std::move(*result));
    auto missing = updateSequenceGaps(**tx, push.deviceId, push.skippedSeqs);
    if (!missing)
        return missing.error();
    outcome.missingSeqs = std::move(*missing);
    if (auto st = (*tx)->commit(); !st)
        return st.error();
    return outcome;
}

} // namespace

Result<PushOutcome> applyPushBatch(const protocol::PushRequest &push, const UserAccount &user,
                                   const ApiContext &context, int64_t nowMs) {
    // Read before the write transaction takes the store.
    auto areas = context.store.areas();
    if (!areas)
        return areas.error();
    std::set<std::string> knownAreas;
    for (const auto &area : *areas)
        knownAreas.insert(area.code);
    return withWriteRetry([&] { return applyPushBatchOnce(push, user, context, nowMs, knownAreas); });
}

} // namespace ruhu::server
