// The reviewer API of the monitoring case (docs/case-flow.md "Reviewer API"): the case list, one case with
// its history and the steps the user's role may take, and taking a step. Every read and write is scoped by
// the user's area; a case outside it is "not found".
#include "../storage/write_retry.h"
#include "audit.h"
#include "auth.h"
#include "case_steps.h"
#include "handlers.h"
#include "masking.h"
#include "query.h"
#include "replies.h"
#include "scope.h"
#include "server_mutation.h"

#include <ruhu/domain/beijing_time.h>
#include <ruhu/domain/workflow.h>
#include <ruhu/json/canonical_json.h>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <optional>
#include <variant>

namespace ruhu::server {
namespace {

constexpr size_t kDefaultCaseLimit = 50;
constexpr size_t kMaxCaseLimit = 200;
constexpr size_t kMaxScanned = 5000; // records looked at per list request when filters drop most

Error caseNotFound() {
    return Error{"not_found", "流程不存在或不在您的工作范围内", "id"};
}

// A live case the user's area covers; any other (missing, withdrawn record, another area) is not found alike.
Result<Record> findCaseInScope(CentralStore::WriteTransaction &tx, const UserAccount &user,
                               const std::string &id) {
    auto found = tx.findRecord("workflowCase", id);
    if (!found)
        return found.error();
    if (!*found || (*found)->deleted || !inScope((*found)->regionCode, user.scope))
        return caseNotFound();
    return std::move(**found);
}

std::string text(const boost::json::object &o, std::string_view key) {
    const auto *v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

boost::json::array attentionJson(const std::vector<cases::CaseAttention> &list) {
    boost::json::array out;
    for (const auto &a : list) {
        boost::json::object o{{"code", a.code}, {"message", a.message}, {"overdue", a.overdue}};
        o["due"] = a.due ? boost::json::value(a.due->toString()) : boost::json::value(nullptr);
        out.push_back(std::move(o));
    }
    return out;
}

boost::json::array missingJson(const std::vector<cases::Missing> &missing) {
    boost::json::array out;
    for (const auto &m : missing)
        out.push_back(boost::json::object{{"code", m.code}, {"message", m.message}});
    return out;
}

cases::ProcedureContext readContext(const ApiContext &context, const domain::RuleConfig *config) {
    cases::ProcedureContext ctx;
    ctx.today = domain::beijingDate(context.clock.nowMs());
    ctx.calendar = &domain::WorkingCalendar::builtin();
    ctx.config = config;
    return ctx;
}

struct ListQuery {
    std::string state;
    std::string village;
    bool overdue = false;
    bool lookback = false;
    std::string after;
    size_t limit = kDefaultCaseLimit;
};

Result<ListQuery> parseListQuery(std::string_view target, const UserAccount &user) {
    auto params = queryParams(target);
    if (!params)
        return params.error();
    ListQuery q;
    for (const auto &[key, value] : *params) {
        if (key == "state") {
            if (!workflow::isState(value))
                return Error{"bad_request", "state 不是流程状态", "state"};
            q.state = value;
        } else if (key == "village") {
            if (value.size() > 12 || value.find_first_not_of("0123456789") != std::string::npos ||
                !inScope(value, user.scope))
                return Error{"forbidden_area", "所选地区不在您的工作范围内", "village"};
            q.village = value;
        } else if (key == "overdue") {
            q.overdue = value == "1" || value == "true";
        } else if (key == "lookback") {
            q.lookback = value == "1" || value == "true";
        } else if (key == "after") {
            if (value.size() > 128)
                return Error{"bad_request", "after 过长", "after"};
            q.after = value;
        } else if (key == "limit") {
            auto n = parseNonNegative(value);
            if (!n || *n == 0)
                return Error{"bad_request", "limit 应为正整数", "limit"};
            q.limit = static_cast<size_t>(std::min<int64_t>(*n, kMaxCaseLimit));
        } else {
            return Error{"bad_request", "未知参数 " + key, key};
        }
    }
    return q;
}

Result<boost::json::value> listCases(const Request &request, const ApiContext &context,
                                     const UserAccount &user) {
    auto q = parseListQuery(std::string_view(request.target().data(), request.target().size()), user);
    if (!q)
        return q.error();
    const std::vector<std::string> prefixes = q->village.empty() ? user.scope : std::vector{q->village};
    const auto ctx = readContext(context, nullptr);
    boost::json::array list;
    std::string cursor = q->after;
    size_t scanned = 0;
    bool more = true;
    while (list.size() < q->limit && more && scanned < kMaxScanned) {
        auto page = context.store.recordsOfKind("workflowCase", prefixes, cursor, q->limit);
        if (!page)
            return page.error();
        more = page->size() == q->limit;
        for (const auto &r : *page) {
            ++scanned;
            cursor = r.id;
            const std::string state = text(r.fields, "state");
            if (!q->state.empty() && state != q->state)
                continue;
            auto attention = cases::caseAttention(state, r.fields, ctx);
            if (q->overdue &&
                std::none_of(attention.begin(), attention.end(), [](auto &a) { return a.overdue; }))
                continue;
            if (q->lookback && !cases::onLookbackList(state, r.fields, ctx.today))
                continue;
            auto household = context.store.findRecord("household", r.householdId);
            if (!household)
                return household.error();
            list.push_back(boost::json::object{
                {"id", r.id},
                {"householdId", r.householdId},
                {"headName", *household ? text((*household)->fields, "headName") : std::string()},
                {"regionCode", r.regionCode},
                {"state", state},
                {"stateLabel", std::string(workflow::stateLabel(state))},
                {"source", text(r.fields, "source")},
                {"version", r.version},
                {"attention", attentionJson(attention)}});
            if (list.size() == q->limit)
                break;
        }
    }
    boost::json::object out{{"cases", std::move(list)}};
    out["next"] = more || scanned >= kMaxScanned ? boost::json::value(cursor) : boost::json::value(nullptr);
    return boost::json::value(std::move(out));
}

// The case with its history and the steps the role may take; read in a transaction that is never committed
// (the household's records come from the write side's reads) and ended before the read is audited.
struct CaseView {
    boost::json::object body;
    Record record;
    bool clear = false;
};

Result<CaseView> readCase(const ApiContext &context, const UserAccount &user, const std::string &id) {
    auto tx = context.store.beginWrite();
    if (!tx)
        return tx.error();
    auto found = findCaseInScope(**tx, user, id);
    if (!found)
        return found.error();
    CaseView view;
    view.record = std::move(*found);
    const Record &r = view.record;
    auto procedure = caseProcedure(**tx, context.clock.nowMs());
    if (!procedure)
        return procedure.error();
    auto inputs = caseInputs(**tx, r);
    if (!inputs)
        return inputs.error();
    const std::string state = text(r.fields, "state");
    boost::json::array steps;
    const int rank = workflow::roleRank(user.role);
    for (const auto &t : workflow::transitions()) {
        if (t.from != state)
            continue;
        // A township or county decision records its own result (the step's data replaces the field), so
        // what it misses is checked as the step would stand: the result given, anything else (a reason) not.
        const cases::CaseInputs *stepInputs = &*inputs;
        cases::CaseInputs decided;
        if (auto result = cases::reviewResultForStep(t.from, t.to); !result.empty()) {
            decided = *inputs;
            decided.fields[cases::stepDataField(t.from, t.to)] =
                boost::json::object{{"result", std::string(result)}};
            stepInputs = &decided;
        }
        steps.push_back(boost::json::object{
            {"action", std::string(t.action)},
            {"to", std::string(t.to)},
            {"toLabel", std::string(workflow::stateLabel(t.to))},
            {"label", std::string(t.label)},
            {"minRole", std::string(t.minRole)},
            {"mayTake", rank > 0 && rank >= workflow::roleRank(t.minRole)},
            {"dataField", std::string(cases::stepDataField(t.from, t.to))},
            {"missing", missingJson(cases::missingForStep(t.from, t.to, *stepInputs, procedure->context))}});
    }
    boost::json::array events;
    if (const auto *e = r.fields.if_contains("events"); e && e->is_array())
        events = e->get_array();
    auto attention = cases::caseAttention(state, r.fields, procedure->context);
    Record shown = forDevice(r);
    view.clear = maskRecordForRole(shown, user.role);
    // The household as the reviewer needs it beside the case: its record, members and measures, masked for
    // the role as a pull would mask them.
    boost::json::value household = nullptr;
    boost::json::array members, measures;
    for (const auto &rec : inputs->records) {
        if (rec.deleted || (rec.kind != "household" && rec.kind != "member" && rec.kind != "measure"))
            continue;
        Record masked = forDevice(rec);
        view.clear = maskRecordForRole(masked, user.role) || view.clear;
        boost::json::object item{{"id", rec.id}, {"fields", std::move(masked.fields)}};
        if (rec.kind == "household")
            household = std::move(item);
        else
            (rec.kind == "member" ? members : measures).push_back(std::move(item));
    }
    view.body = boost::json::object{
        {"case", boost::json::object{{"id", r.id},
                                     {"householdId", r.householdId},
                                     {"regionCode", r.regionCode},
                                     {"state", state},
                                     {"stateLabel", std::string(workflow::stateLabel(state))},
                                     {"version", r.version},
                                     {"fields", shown.fields}}},
        {"household", std::move(household)},
        {"members", std::move(members)},
        {"measures", std::move(measures)},
        {"events", std::move(events)},
        {"steps", std::move(steps)},
        {"attention", attentionJson(attention)}};
    return view;
}

Result<boost::json::value> caseDetail(const Request &request, const ApiContext &context,
                                      const UserAccount &user, const std::string &id) {
    auto view = readCase(context, user, id);
    if (!view)
        return view.error();
    if (view->clear) {
        if (auto st = auditRead(request, context, user, "case", "workflowCase/" + id, "ok",
                                {{view->record.householdId, view->record.regionCode}});
            !st)
            return st.error();
    }
    return boost::json::value(std::move(view->body));
}

struct StepRequest {
    std::string to;
    std::string note;
    boost::json::object data;
    std::optional<int64_t> version; // the case's version the reviewer saw (a form on stale data is refused)
};

Result<StepRequest> parseStepRequest(const Request &request) {
    if (request.body().size() > kMaxStepDataBytes + 2048)
        return Error{"record_too_large", "请求内容过大（步骤数据不超过16KB）", "data"};
    auto json = parseJson(request.body());
    if (!json || !json->is_object())
        return Error{"bad_request", "请求体应为 JSON 对象 {to, note, data}", ""};
    const auto &o = json->get_object();
    StepRequest s;
    s.to = text(o, "to");
    if (!workflow::isState(s.to))
        return Error{"bad_request", "to 应为流程状态", "to"};
    if (const auto *note = o.if_contains("note"); note && !note->is_string() && !note->is_null())
        return Error{"bad_request", "note 应为文字", "note"};
    s.note = text(o, "note");
    if (const auto *version = o.if_contains("version"); version && !version->is_null()) {
        if (!version->is_int64())
            return Error{"bad_request", "version 应为整数", "version"};
        s.version = version->get_int64();
    }
    if (s.note.size() > kMaxStepNoteChars * 3)
        return Error{"bad_request", "办理说明不超过500字", "note"};
    if (const auto *data = o.if_contains("data"); data && !data->is_null()) {
        if (!data->is_object())
            return Error{"bad_request", "data 应为对象", "data"};
        if (boost::json::serialize(*data).size() > kMaxStepDataBytes)
            return Error{"record_too_large", "步骤数据不超过16KB", "data"};
        s.data = data->get_object();
    }
    return s;
}

struct StepRefused {
    Error error;
    std::vector<cases::Missing> missing;
};

struct StepTaken {
    Record record;
};

// One attempt (withWriteRetry runs it again when it loses a race). A refusal is a value, not an Error, so
// that the missing list reaches the reply.
Result<std::variant<StepTaken, StepRefused>> takeStep(const StepRequest &s, const ApiContext &context,
                                                      const UserAccount &user, const std::string &id) {
    using Outcome = std::variant<StepTaken, StepRefused>;
    const int64_t nowMs = context.clock.nowMs();
    auto tx = context.store.beginWrite();
    if (!tx)
        return tx.error();
    auto found = findCaseInScope(**tx, user, id);
    if (!found)
        return found.error();
    Record record = std::move(*found);
    if (s.version && *s.version != record.version)
        return Outcome(StepRefused{Error{"stale_case",
                                         "您看到的是旧版本（" + std::to_string(*s.version) +
                                             "），此后流程已被更新（现为版本 " +
                                             std::to_string(record.version) + "），请查看后重新办理",
                                         "version"},
                                   {}});
    backfillVersions(record);
    const std::string from = text(record.fields, "state");
    if (auto allowed = workflow::checkTransition(from, s.to, user.role); !allowed || from == s.to)
        return Outcome(StepRefused{
            allowed ? Error{"invalid_transition", "流程已处于该状态", "to"} : allowed.error(), {}});
    const std::string field(cases::stepDataField(from, s.to));
    if (!s.data.empty() && field.empty())
        return Error{"bad_request", "该步骤不需要填写数据（data）", "data"};
    auto procedure = caseProcedure(**tx, nowMs);
    if (!procedure)
        return procedure.error();
    Record candidate = record;
    if (!field.empty() && !s.data.empty()) {
        boost::json::object data = s.data;
        if (cases::isServerOwnedCaseField(field)) {
            // A reviewer's decision is dated and signed by the server.
            data["date"] = procedure->context.today.toString();
            data["by"] = user.username;
            data["role"] = user.role;
        }
        candidate.fields[field] = std::move(data);
    }
    auto inputs = caseInputs(**tx, candidate);
    if (!inputs)
        return inputs.error();
    if (auto st = cases::checkStep(from, s.to, user.role, *inputs, procedure->context); !st)
        return Outcome(
            StepRefused{st.error(), cases::missingForStep(from, s.to, *inputs, procedure->context)});
    applyCaseStep(candidate.fields, *inputs, *procedure, from, s.to,
                  CaseActor{user.username, user.role, user.sessionDeviceId}, s.note,
                  "api-" + id + "-" + std::to_string(nowMs), nowMs);
    boost::json::object values;
    for (const auto &kv : candidate.fields) {
        const auto *old = record.fields.if_contains(kv.key());
        if (!old || *old != kv.value())
            values[kv.key()] = kv.value();
    }
    const auto *t = workflow::findTransition(from, s.to);
    const boost::json::object why{
        {"caseStep", t ? std::string(t->action) : s.to}, {"from", from}, {"to", s.to}};
    if (auto st = writeServerFields(**tx, record, values, why, user.username, nowMs); !st)
        return st.error();
    if (auto st = writeMonitoringAfterStep(**tx, *procedure, record, s.to, user.username, nowMs); !st)
        return st.error();
    if (auto st = (*tx)->commit(); !st)
        return st.error();
    return Outcome(StepTaken{std::move(record)});
}

ApiReply stepReply(const Request &request, const ApiContext &context, const UserAccount &user,
                   const std::string &id) {
    auto s = parseStepRequest(request);
    if (!s)
        return errorReply(s.error());
    auto outcome = withWriteRetry([&] { return takeStep(*s, context, user, id); });
    if (!outcome)
        return errorReply(outcome.error());
    if (auto *refused = std::get_if<StepRefused>(&*outcome)) {
        boost::json::object body{{"code", refused->error.code},
                                 {"message", refused->error.message},
                                 {"field", refused->error.field},
                                 {"missing", missingJson(refused->missing)}};
        return jsonReply(std::move(body), http::status::conflict);
    }
    Record shown = forDevice(std::get<StepTaken>(*outcome).record);
    maskRecordForRole(shown, user.role);
    const std::string state = text(shown.fields, "state");
    return jsonReply(boost::json::object{
        {"case", boost::json::object{{"id", shown.id},
                                     {"householdId", shown.householdId},
                                     {"regionCode", shown.regionCode},
                                     {"state", state},
                                     {"stateLabel", std::string(workflow::stateLabel(state))},
                                     {"version", shown.version},
                                     {"fields", shown.fields}}}});
}

} // namespace

// GET /api/v1/cases
ApiReply handleCases(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    auto list = listCases(request, context, *user);
    ApiReply reply = list ? jsonReply(std::move(*list)) : errorReply(list.error());
    reply.user = user->username;
    return reply;
}

// GET /api/v1/cases/{id}, POST /api/v1/cases/{id}/actions
ApiReply handleCasePath(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    std::string_view rest = pathOf(std::string_view(request.target().data(), request.target().size()));
    rest.remove_prefix(std::string_view("/api/v1/cases/").size());
    ApiReply reply;
    const auto slash = rest.find('/');
    const std::string id(rest.substr(0, slash));
    const std::string_view tail = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    if (id.empty() || id.size() > 128) {
        reply = errorReply(http::status::not_found, "not_found", "请求的地址不存在");
    } else if (tail.empty() && request.method() == http::verb::get) {
        auto detail = caseDetail(request, context, *user, id);
        reply = detail ? jsonReply(std::move(*detail)) : errorReply(detail.error());
    } else if (tail == "/actions" && request.method() == http::verb::post) {
        reply = stepReply(request, context, *user, id);
    } else if (tail.empty() || tail == "/actions") {
        reply = errorReply(http::status::method_not_allowed, "method_not_allowed", "该地址不支持此请求方法");
        reply.allow = tail.empty() ? "GET" : "POST";
    } else {
        reply = errorReply(http::status::not_found, "not_found", "请求的地址不存在");
    }
    reply.user = user->username;
    return reply;
}

} // namespace ruhu::server
