// Step 10 of §13: the risk-elimination preconditions of §7.3.
#include "rule_context.h"

namespace ruhu::domain::detail {

EliminationCheck checkRiskElimination(const RuleContext &ctx) {
    EliminationCheck c;
    const auto &ev = ctx.ev;
    const auto &m = ctx.doc.household.monitoring;
    const auto &p = ctx.params;
    std::vector<EliminationCheck::Unmet> unmet;

    std::optional<CivilDate> identified = m.identifiedDate;
    if (!identified && m.identifiedYm.size() == 6) {
        // Only the month is known: assume the last day of that month, so elimination is never allowed early.
        auto first =
            CivilDate::parse(m.identifiedYm.substr(0, 4) + "-" + m.identifiedYm.substr(4, 2) + "-01");
        if (first)
            identified = addMonths(CivilDate{first->year, first->month, 31}, 0); // clamped to the month's end
    }
    if (!identified) {
        unmet.push_back({"identified_date_missing", "缺少识别认定日期"});
    } else {
        c.monthsSinceIdentified = completedMonths(*identified, ctx.on);
        if (c.monthsSinceIdentified < p.eliminationMinMonths)
            unmet.push_back({"elimination_too_early", "识别不满" + std::to_string(p.eliminationMinMonths) +
                                                          "个月（" + identified->toString() + "识别，至今" +
                                                          std::to_string(c.monthsSinceIdentified) +
                                                          "个月）"});
    }
    for (const auto &measure : ctx.doc.measures) {
        if (measure.isImplemented())
            ++c.implementedMeasures;
    }
    if (c.implementedMeasures < 1)
        unmet.push_back({"no_measure_implemented", "尚未落实任何帮扶措施"});
    if (ev.income.D <= ev.threshold)
        unmet.push_back({"income_below_line", "人均纯收入D=" + formatYuan(ev.income.D) + "元未超过监测范围" +
                                                  formatYuan(ev.threshold) + "元"});
    if (m.incomeStableMonths < p.stableIncomeMinMonths)
        unmet.push_back({"income_not_stable", "收入持续稳定" + std::to_string(m.incomeStableMonths) +
                                                  "个月，不满" + std::to_string(p.stableIncomeMinMonths) +
                                                  "个月"});
    if (ev.rigid)
        unmet.push_back(
            {"rigid_expense", "大额刚性支出尚未稳定解决（D1=" + formatYuan(ev.income.D1) + "元）"});
    if (ev.sangbao.any())
        unmet.push_back({"sangbao_unmet", "“三保障”和饮水安全未巩固"});
    if (!m.newRisks.empty())
        unmet.push_back({"new_risk", "出现新的风险"});
    if (ev.wholeNoLabor)
        unmet.push_back({"whole_no_labour", "整户无劳动能力，暂不标注风险消除，继续监测"});
    if (!m.eliminationConsent)
        unmet.push_back({"consent_missing", "未记录农户同意"});

    c.allowed = unmet.empty();
    if (c.allowed)
        c.reasons.push_back("符合风险消除条件：识别" + std::to_string(c.monthsSinceIdentified) +
                            "个月，落实帮扶措施" + std::to_string(c.implementedMeasures) + "项，人均纯收入" +
                            formatYuan(ev.income.D) + "元超过监测范围");
    for (const auto &u : unmet)
        c.reasons.push_back("不能标注风险消除：" + u.message);
    c.unmet = std::move(unmet);
    return c;
}

} // namespace ruhu::domain::detail
