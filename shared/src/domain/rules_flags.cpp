// Steps 3 and 4 of §13: 三保障和饮水, and the income flags below / rigid / drop.
#include "rule_context.h"

namespace ruhu::domain::detail {

void evaluateSangbao(RuleContext &ctx) {
    auto &s = ctx.ev.sangbao;
    const auto &p = ctx.params;
    for (const auto &f : ctx.members) {
        if (!f.counted)
            continue;
        const Member &m = *f.member;
        if (f.age >= p.compulsoryAgeMin && f.age <= p.compulsoryAgeMax && !m.notInSchoolReason.empty()) {
            s.educationUnmet = true;
            ctx.reason("三保障：义务教育适龄（" + std::to_string(f.age) + "周岁）的" + describe(m) +
                       "失学辍学（" + m.notInSchoolReason + "）");
        }
        const auto &ins = m.insurance;
        bool insured = ins.residentMedical.value_or(false) || ins.employeeMedical.value_or(false);
        bool explicitlyNot = ins.residentMedical == false || ins.employeeMedical == false;
        if (!insured && explicitlyNot) {
            s.medicalUnmet = true;
            ctx.reason("三保障：" + describe(m) + "未参加城乡居民或职工基本医疗保险");
        }
    }
    const auto &h = ctx.doc.household.housing;
    if (h.safetyGrade == "C" || h.safetyGrade == "D" || h.isDangerous == true) {
        s.housingUnmet = true;
        ctx.reason("三保障：住房不安全（" +
                   (h.safetyGrade.empty() ? std::string("危房") : h.safetyGrade + "级危房") + "）");
    }
    if (ctx.doc.household.water.safe == false) {
        s.waterUnmet = true;
        ctx.reason("饮水安全未保障");
    }
}

void evaluateIncomeFlags(RuleContext &ctx) {
    auto &ev = ctx.ev;
    const auto &t = ev.income;
    Fen T = ctx.threshold();
    ev.below = t.D < T;
    ev.rigid = !ev.below && t.D1 < T;
    const auto &priorD = ctx.doc.incomeSheet.priorD;
    ev.drop = priorD && *priorD > 0 && t.D * 10000 <= (10000 - ctx.params.incomeDropRatioBp) * *priorD;
    ev.suddenEvent = !ctx.doc.household.suddenEvents.empty();

    if (ev.below)
        ctx.reason("人均纯收入D=" + formatYuan(t.D) + "元，低于监测范围" + formatYuan(T) + "元");
    else
        ctx.reason("人均纯收入D=" + formatYuan(t.D) + "元，不低于监测范围" + formatYuan(T) + "元" +
                   (t.D == T ? "（恰好等于，不属于“低于”）" : ""));
    if (ev.rigid)
        ctx.reason("刚性支出较大：扣减刚性支出F=" + formatYuan(t.F) + "元后人均纯收入D1=" + formatYuan(t.D1) +
                   "元，低于监测范围" + formatYuan(T) + "元");
    if (ev.drop)
        ctx.reason("收入大幅缩减：D=" + formatYuan(t.D) + "元 ≤ (1−" +
                   formatBasisPoints(ctx.params.incomeDropRatioBp) + ")×上期人均纯收入" +
                   formatYuan(*priorD) + "元");
    for (const auto &e : ctx.doc.household.suddenEvents)
        ctx.reason("突发事件：" + e.type + (e.date ? "（" + e.date->toString() + "）" : "") +
                   (e.note.empty() ? "" : "，" + e.note));
}

} // namespace ruhu::domain::detail
