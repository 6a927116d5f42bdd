#include "case_facts.h"

#include <ruhu/domain/case_procedure.h>

#include <array>

namespace ruhu::cases {

using namespace detail;
using domain::CivilDate;

namespace {

int identificationLevel(std::string_view to) {
    static constexpr std::array<std::string_view, 5> order{"SURVEYED", "AUTHORIZED", "VILLAGE_REVIEWED",
                                                           "PUBLICIZED", "TOWNSHIP_APPROVED"};
    for (size_t i = 0; i < order.size(); ++i) {
        if (order[i] == to)
            return static_cast<int>(i) + 1;
    }
    return 0;
}

std::string ym(const CivilDate &d) {
    return d.toString().substr(0, 4) + d.toString().substr(5, 2);
}

void checkClose(CaseFacts &facts, std::string_view from, std::vector<Missing> &out) {
    if (from == "TRIAGED") {
        const auto &t = facts.step("triage");
        if (text(t, "result") != "不纳入")
            add(out, "triage_not_excluded", "综合研判结论不是“不纳入”，不能关闭");
        else if (text(t, "reason").empty())
            lack(out, "triage_reason_missing", "不纳入的理由");
    } else if (from == "VILLAGE_REVIEWED") {
        if (text(facts.step("villageReview"), "result") != "不通过")
            add(out, "village_review_passed", "村级评议结果不是“不通过”，不能关闭");
    } else {
        checkReason(facts, "closure", "不纳入的理由", out);
    }
}

void checkReview(CaseFacts &facts, std::string_view field, std::string_view expected,
                 std::vector<Missing> &out) {
    const auto &r = facts.step(field);
    if (text(r, "result") != expected)
        lack(out, "review_result_missing", "审核意见（" + std::string(expected) + "）");
    if (expected != "通过" && text(r, "reason").empty())
        lack(out, "reason_missing", "退回或不通过的理由");
}

} // namespace

std::string_view stepDataField(std::string_view from, std::string_view to) {
    // Withdrawal and removal are open to every open state: their own field, whatever the state's decision.
    if (to == "WITHDRAWN")
        return "withdrawal";
    if (to == "REMOVED")
        return "removal";
    if (to == "LEAD")
        return "lead";
    if (to == "TRIAGED")
        return "triage";
    if (to == "VILLAGE_REVIEWED" && from == "AUTHORIZED")
        return "villageReview";
    if (to == "PUBLICIZED" && from == "VILLAGE_REVIEWED")
        return "publicity";
    if (from == "PUBLICIZED")
        return "townshipReview";
    if (from == "TOWNSHIP_APPROVED")
        return "countyReview";
    if (to == "ANNOUNCED")
        return "announcement";
    if (to == "ENTERED")
        return "entry";
    if (to == "ELIMINATION_PROPOSED")
        return "elimination";
    if (from == "ELIMINATION_PROPOSED")
        return "eliminationTownship";
    if (from == "ELIMINATION_APPROVED")
        return "eliminationCounty";
    if (to == "ROLLED_BACK")
        return "rollback";
    if (to == "CLOSED" && from == "RETURNED")
        return "closure";
    return {};
}

std::string_view reviewResultForStep(std::string_view from, std::string_view to) {
    const std::string_view field = stepDataField(from, to);
    if (field != "townshipReview" && field != "countyReview" && field != "eliminationTownship" &&
        field != "eliminationCounty")
        return {};
    if (to == "RETURNED" || to == "ASSISTING")
        return "退回";
    if (to == "TOWNSHIP_REJECTED" || to == "COUNTY_REJECTED")
        return "不通过";
    return "通过";
}

bool isServerOwnedCaseField(std::string_view field) {
    static constexpr std::array<std::string_view, 11> owned{
        "state",  "events",       "townshipReview",      "countyReview",      "announcement",
        "entry",  "publicityEnd", "eliminationTownship", "eliminationCounty", "rollback",
        "removal"};
    for (auto f : owned) {
        if (f == field)
            return true;
    }
    return false;
}

std::vector<Missing> missingForStep(std::string_view from, std::string_view to, const CaseInputs &in,
                                    const ProcedureContext &ctx) {
    CaseFacts facts(in, ctx);
    std::vector<Missing> out;
    if (from.empty()) {
        checkLead(facts, out);
        return out;
    }
    if (int level = identificationLevel(to); level > 0 && from != "TOWNSHIP_APPROVED") {
        checkTriage(facts, out);
        checkIdentification(facts, level, out);
    } else if (to == "TRIAGED") {
        checkTriage(facts, out);
    } else if (to == "CLOSED") {
        checkClose(facts, from, out);
    } else if (to == "RETURNED" || to == "TOWNSHIP_REJECTED" || to == "COUNTY_REJECTED") {
        checkReview(facts, stepDataField(from, to), reviewResultForStep(from, to), out);
    } else if (to == "COUNTY_CONFIRMED") {
        checkCountyConfirmation(facts, out);
    } else if (to == "ANNOUNCED") {
        auto d = date(facts.step("announcement"), "date");
        if (!d)
            lack(out, "announcement_missing", "公告日期");
        else if (*d > ctx.today)
            add(out, "date_in_future", "公告日期不能晚于今天");
    } else if (to == "ENTERED") {
        const auto &e = facts.step("entry");
        if (!date(e, "date"))
            lack(out, "entry_missing", "录入全国防止返贫监测信息系统的日期");
        if (text(e, "nationalId").empty())
            lack(out, "entry_missing", "全国系统中的编号");
    } else if (to == "ASSISTING" && from == "ENTERED") {
        checkAssistancePlan(facts, out);
    } else if (to == "ASSISTING" && (from == "ELIMINATION_PROPOSED" || from == "ELIMINATION_APPROVED")) {
        checkReview(facts, stepDataField(from, to), reviewResultForStep(from, to), out);
    } else if (to == "ELIMINATION_PROPOSED") {
        checkElimination(facts, out);
    } else if (to == "ELIMINATION_APPROVED" || to == "ELIMINATED") {
        checkReview(facts, stepDataField(from, to), reviewResultForStep(from, to), out);
        checkElimination(facts, out);
    } else if (to == "ROLLED_BACK") {
        checkReason(facts, "rollback", "风险回退的原因", out);
    } else if (to == "WITHDRAWN") {
        checkReason(facts, "withdrawal", "申请人撤回的原因", out);
    } else if (to == "REMOVED") {
        checkReason(facts, "removal", "清退的原因", out);
    }
    return out;
}

Status checkStep(std::string_view from, std::string_view to, std::string_view role, const CaseInputs &in,
                 const ProcedureContext &ctx) {
    if (auto allowed = workflow::checkTransition(from, to, role); !allowed)
        return allowed;
    if (from == to)
        return okStatus();
    auto missing = missingForStep(from, to, in, ctx);
    if (missing.empty())
        return okStatus();
    const auto *t = workflow::findTransition(from, to);
    std::string message = "不能办理“" + std::string(t ? t->label : workflow::stateLabel(to)) + "”：";
    for (size_t i = 0; i < missing.size(); ++i)
        message += (i ? "；" : "") + missing[i].message;
    return Error{missing.front().code, message, "state"};
}

std::vector<AvailableStep> availableSteps(std::string_view state, std::string_view role, const CaseInputs &in,
                                          const ProcedureContext &ctx) {
    std::vector<AvailableStep> out;
    const int rank = workflow::roleRank(role);
    for (const auto &t : workflow::transitions()) {
        if (t.from == state && rank > 0 && rank >= workflow::roleRank(t.minRole))
            out.push_back({&t, missingForStep(t.from, t.to, in, ctx)});
    }
    return out;
}

Result<CivilDate> publicityEnd(const CivilDate &start, const ProcedureContext &ctx) {
    if (!ctx.calendar)
        return Error{"calendar_missing", "缺少工作日历", "calendar"};
    const int days = ctx.config && ctx.config->params.publicityWorkingDays > 0
                         ? ctx.config->params.publicityWorkingDays
                         : 5;
    return ctx.calendar->nthWorkingDay(start, days);
}

Result<CivilDate> leadDeadline(const CivilDate &leadDate, const ProcedureContext &ctx) {
    if (!ctx.calendar)
        return Error{"calendar_missing", "缺少工作日历", "calendar"};
    // Counted from the working day after the lead arrived.
    return ctx.calendar->nthWorkingDay(domain::addDays(leadDate, 1), kLeadVisitWorkingDays);
}

boost::json::object serverFieldsOnStep(std::string_view to, const CaseInputs &in,
                                       const ProcedureContext &ctx) {
    boost::json::object out;
    if (to == "PUBLICIZED") {
        const auto *p = in.fields.if_contains("publicity");
        if (auto start = p && p->is_object() ? date(p->get_object(), "start") : std::nullopt) {
            if (auto end = publicityEnd(*start, ctx))
                out["publicityEnd"] = end->toString();
        }
    }
    return out;
}

std::optional<boost::json::object> monitoringAfterStep(std::string_view to, const CaseInputs &in,
                                                       const boost::json::object &current,
                                                       const ProcedureContext &ctx) {
    boost::json::object m = current;
    auto step = [&](std::string_view field) -> const boost::json::object & {
        static const boost::json::object empty;
        const auto *v = in.fields.if_contains(field);
        return v && v->is_object() ? v->get_object() : empty;
    };
    if (to == "COUNTY_CONFIRMED") {
        const auto &c = step("countyReview");
        const CivilDate on = date(c, "date").value_or(ctx.today);
        m["category"] = text(c, "category");
        m["identifiedDate"] = on.toString();
        m["identifiedYm"] = ym(on);
        m["riskEliminated"] = false;
        m.erase("eliminationMode");
        m.erase("eliminatedYm");
        // The engine suggests the 兜底 mark (整户无劳动能力, 特困 or 低保 全额/最高档); the county confirms
        // it here.
        CaseFacts facts(in, ctx);
        const auto &a = facts.assessment();
        m["wholeNoLaborSafetyNet"] = a.evaluation && a.evaluation->safetyNetMarkingSuggested;
        return m;
    }
    if (to == "ELIMINATED") {
        m["riskEliminated"] = true;
        m["eliminationMode"] = text(step("elimination"), "mode");
        m["eliminatedYm"] = ym(ctx.today);
        return m;
    }
    if (to == "ROLLED_BACK") {
        m["riskEliminated"] = false;
        m.erase("eliminationMode");
        m.erase("eliminatedYm");
        return m;
    }
    return std::nullopt;
}

bool onLookbackList(std::string_view state, const boost::json::object &fields, const CivilDate &today) {
    if (state != "ELIMINATED")
        return false;
    const auto *c = fields.if_contains("eliminationCounty");
    auto on = c && c->is_object() ? date(c->get_object(), "date") : std::nullopt;
    return on && domain::addMonths(*on, 12) >= today;
}

std::vector<CaseAttention> caseAttention(std::string_view state, const boost::json::object &fields,
                                         const ProcedureContext &ctx) {
    std::vector<CaseAttention> out;
    auto step = [&](std::string_view field) -> const boost::json::object & {
        static const boost::json::object empty;
        const auto *v = fields.if_contains(field);
        return v && v->is_object() ? v->get_object() : empty;
    };
    if (state == "LEAD") {
        if (auto d = date(step("lead"), "date")) {
            if (auto due = leadDeadline(*d, ctx))
                out.push_back(
                    {ctx.today > *due, "lead_visit_due", "线索待入户核实，期限" + due->toString(), *due});
        }
    } else if (state == "RETURNED") {
        std::string reason = text(step("townshipReview"), "reason");
        if (reason.empty())
            reason = text(step("countyReview"), "reason");
        out.push_back({true, "returned", "被退回补正：" + reason, ctx.today});
    } else if (state == "PUBLICIZED") {
        if (auto start = date(step("publicity"), "start")) {
            if (auto end = publicityEnd(*start, ctx)) {
                if (ctx.today > *end)
                    out.push_back(
                        {false, "publicity_ended", "公示已于" + end->toString() + "结束，待乡镇审核", *end});
                else
                    out.push_back({false, "publicity_running", "公示中，" + end->toString() + "结束", *end});
            }
        }
    } else if (state == "ELIMINATED") {
        if (onLookbackList(state, fields, ctx.today))
            out.push_back({false, "lookback", "风险消除后12个月内回头看", std::nullopt});
    }
    if (workflow::isOpenState(state)) {
        if (auto identified = date(step("countyReview"), "date");
            identified && state != "COUNTY_REJECTED" && domain::completedMonths(*identified, ctx.today) >= 24)
            out.push_back({true, "open_over_two_years",
                           "识别认定已超过2年未消除风险（" + identified->toString() + "认定）",
                           std::nullopt});
    }
    return out;
}

} // namespace ruhu::cases
