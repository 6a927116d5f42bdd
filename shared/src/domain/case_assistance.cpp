// After confirmation: the 帮扶 plan and 风险消除 (§7.3, S004 五(五)3).
#include "case_facts.h"

#include <set>

namespace ruhu::cases::detail {

using domain::CivilDate;

void checkAssistancePlan(CaseFacts &facts, std::vector<Missing> &out) {
    const auto &measures = facts.household().measures;
    bool planned = false;
    // Policies apply from the month after 录入 (S004 五).
    std::optional<CivilDate> firstMonth;
    if (auto entered = date(facts.step("entry"), "date"))
        firstMonth = domain::addMonths(CivilDate{entered->year, entered->month, 1}, 1);
    for (const auto &m : measures) {
        auto start = date(m.fields, "startDate");
        if (!text(m.fields, "responsibleDept").empty() && start)
            planned = true;
        const auto status = text(m.fields, "status");
        if (firstMonth && start && *start < *firstMonth && (status == "实施中" || status == "已落实"))
            add(out, "measure_starts_early",
                "帮扶措施“" + text(m.fields, "item") + "”的开始日期" + start->toString() + "早于录入次月（" +
                    firstMonth->toString() + "起享受政策）");
    }
    if (!planned)
        lack(out, "assistance_plan_missing", "帮扶计划（至少一项写明主责部门和开始日期的帮扶措施）");
}

void checkElimination(CaseFacts &facts, std::vector<Missing> &out) {
    const auto &ctx = facts.context();
    const auto &e = facts.step("elimination");
    if (!isTrue(e, "consent") || !date(e, "consentDate"))
        lack(out, "consent_missing", "农户同意风险消除的记录（同意及日期）");
    if (!date(e, "reviewDate") || text(e, "reviewResult") != "通过")
        lack(out, "elimination_review_missing", "风险消除的民主评议（日期，结果为通过）");
    const auto mode = text(e, "mode");
    if (mode != "帮扶消除" && mode != "自然消除")
        lack(out, "elimination_mode_missing", "消除方式（帮扶消除或自然消除）");

    // The identification date is the county's confirmation, as the server recorded it.
    std::set<std::string> reported;
    const int minMonths = ctx.config ? ctx.config->params.eliminationMinMonths : 6;
    if (auto identified = date(facts.step("countyReview"), "date"); !identified) {
        lack(out, "identified_date_missing", "县级确定（识别认定）日期");
        reported.insert("identified_date_missing");
    } else if (int months = domain::completedMonths(*identified, ctx.today); months < minMonths) {
        add(out, "elimination_too_early",
            "识别认定不满" + std::to_string(minMonths) + "个月（" + identified->toString() + "认定，至今" +
                std::to_string(months) + "个月）");
        reported.insert("elimination_too_early");
    }
    const auto &a = facts.assessment();
    if (!a.evaluation) {
        add(out, "assessment_failed", "收入核算或规则判断未通过：" + a.error);
        return;
    }
    if (a.evaluation->wholeNoLabor) {
        add(out, "whole_no_labour", "整户无劳动能力，暂不标注风险消除，继续监测（兜底保障）");
        reported.insert("whole_no_labour");
    }
    if (!a.evaluation->elimination) {
        add(out, "monitoring_missing", "本户尚无监测对象信息（县级确定后由服务器写入）");
        return;
    }
    // The case records the household's consent; the engine's own consent flag is not the authority here.
    reported.insert("consent_missing");
    for (const auto &u : a.evaluation->elimination->unmet) {
        if (reported.insert(u.code).second)
            add(out, u.code, u.message);
    }
}

} // namespace ruhu::cases::detail
