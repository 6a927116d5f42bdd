#include "push_guards.h"

#include "scope.h"

#include <ruhu/domain/workflow.h>
#include <ruhu/sync/hlc.h>

#include <boost/json/array.hpp>

namespace ruhu::server {
namespace {

Error recordMoved() {
    return Error{"record_moved",
                 "该户已迁出您的工作范围，只能同步迁出前所做的修改；本条未保存（删除、迁户和新增记录须由现所"
                 "在村办理）",
                 "regionCode"};
}

Error outsideScope() {
    return Error{"forbidden_area", "变更涉及的户不在您的工作范围内，本批变更均未保存", "householdId"};
}

// Whether the record left a region inside the scope at some version (the user's area once held it).
Result<std::optional<int64_t>> lastDepartureFromScope(Tx &tx, const std::string &kind, const std::string &id,
                                                      const std::vector<std::string> &scope) {
    auto departures = tx.departuresOf(kind, id);
    if (!departures)
        return departures.error();
    std::optional<int64_t> version;
    for (const auto &d : *departures) {
        if (inScope(d.oldRegion, scope))
            version = std::max(version.value_or(0), d.version);
    }
    return version;
}

} // namespace

Mutation normalizedMutation(const Mutation &m, const std::string &username,
                            const std::optional<Record> &current) {
    Mutation n = m;
    n.author = username;
    if (!current || m.baseVersion < 0 || m.baseVersion > current->version)
        n.baseVersion = 0;
    return n;
}

Result<std::optional<Error>> checkDepartedEdit(Tx &tx, const Mutation &m,
                                               const std::vector<std::string> &scope) {
    auto departed = lastDepartureFromScope(tx, m.kind, m.recordId, scope);
    if (!departed)
        return departed.error();
    if (!*departed)
        return std::optional<Error>(outsideScope());
    if (m.deleteRecord || m.fields.contains("regionCode") || m.baseVersion <= 0 || m.baseVersion > **departed)
        return std::optional<Error>(recordMoved());
    auto created = tx.createdVersion(m.kind, m.recordId);
    if (!created)
        return created.error();
    if (*created > m.baseVersion)
        return std::optional<Error>(recordMoved());
    return std::optional<Error>();
}

Result<std::string> admitNewRecord(Tx &tx, const Mutation &m, const std::vector<std::string> &scope,
                                   const std::set<std::string> &knownAreas) {
    if (m.kind == "household") {
        if (auto unknown = checkKnownArea(m, knownAreas))
            return *unknown;
        return m.regionCode;
    }
    if (const auto *named = m.fields.if_contains("householdId");
        named && (!named->is_string() || named->get_string() != m.householdId))
        return Error{"invalid_field", "记录的所属户（householdId）与同步信息不一致", "householdId"};
    auto household = tx.findRecord("household", m.householdId);
    if (!household)
        return household.error();
    if (!*household || (*household)->deleted)
        return Error{"household_unknown", "所属户在服务器上不存在或已删除，请先同步本户信息后重试",
                     "householdId"};
    if (inScope((*household)->regionCode, scope))
        return (*household)->regionCode;
    auto departed = lastDepartureFromScope(tx, "household", m.householdId, scope);
    if (!departed)
        return departed.error();
    if (*departed)
        return recordMoved();
    return outsideScope();
}

std::optional<Error> checkKnownArea(const Mutation &m, const std::set<std::string> &knownAreas) {
    if (m.kind != "household")
        return std::nullopt;
    auto unknown = [&](std::string_view code) { return !knownAreas.contains(std::string(code)); };
    if (unknown(m.regionCode))
        return Error{"unknown_area", "行政区划代码不在服务器的区划表中，请从列表中选择村", "regionCode"};
    if (const auto *field = m.fields.if_contains("regionCode");
        field && field->is_string() && unknown(field->get_string()))
        return Error{"unknown_area", "行政区划代码不在服务器的区划表中，请从列表中选择村", "regionCode"};
    return std::nullopt;
}

std::optional<Error> checkDeleteRole(const Mutation &m, const Record &current, const std::string &role) {
    if (!m.deleteRecord || m.kind != "workflowCase" || current.deleted)
        return std::nullopt;
    std::string state;
    if (const auto *s = current.fields.if_contains("state"); s && s->is_string())
        state = s->get_string();
    const bool lead = state.empty() || state == workflow::kInitialState;
    const char *needed = lead ? "village" : "county";
    if (workflow::roleRank(role) >= workflow::roleRank(needed))
        return std::nullopt;
    return Error{"forbidden_role",
                 "流程已进入“" + std::string(workflow::stateLabel(state)) +
                     "”，村级账号不能删除；如需终止，请办理撤回（WITHDRAWN）或由县级办理清退",
                 "delete"};
}

std::string boundedStamp(const std::string &hlc, const std::optional<Record> &current, int64_t nowMs,
                         int64_t maxAheadMs) {
    auto stamp = HlcStamp::decode(hlc);
    if (!stamp || stamp->wallMs <= nowMs + maxAheadMs)
        return hlc;
    HlcStamp bounded{nowMs, 0, stamp->node};
    if (current) {
        for (const auto &kv : current->clocks) {
            auto clock = kv.value().is_string() ? HlcStamp::decode(kv.value().get_string()) : std::nullopt;
            if (clock && !(bounded > *clock))
                bounded = HlcStamp{clock->wallMs, clock->counter + 1, stamp->node};
        }
    }
    return bounded.encode();
}

void replaceClocks(Record &record, const std::string &from, const std::string &to) {
    if (from == to)
        return;
    for (auto &kv : record.clocks) {
        if (kv.value().is_string() && kv.value().get_string() == from)
            kv.value() = to;
    }
}

} // namespace ruhu::server
