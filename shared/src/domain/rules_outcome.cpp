// Steps 7–9 of §13: the mandatory rule for 脱贫户, the suggested outcome and the 整户无劳动能力 marking.
#include "rule_context.h"

namespace ruhu::domain::detail {
namespace {

bool isMonitoringOutcome(Outcome o) {
    return o == Outcome::MustMonitor || o == Outcome::UnstableFormerlyPoor || o == Outcome::Marginal ||
           o == Outcome::SuddenHardship;
}

void decideMandatory(RuleContext &ctx) {
    auto &ev = ctx.ev;
    if (ctx.doc.household.householdType != HouseholdType::FormerlyPoor)
        return;
    Fen line = ctx.params.nationalPovertyLine;
    if (ev.income.D < line) {
        ev.mandatory = true;
        ctx.reason("脱贫户人均纯收入D=" + formatYuan(ev.income.D) + "元低于脱贫攻坚期国定扶贫标准" +
                   formatYuan(line) + "元，应全部纳入监测");
    } else if (ev.sangbao.any()) {
        ev.mandatory = true;
        ctx.reason("脱贫户“三保障”或饮水安全未保障，应全部纳入监测");
    }
}

Outcome suggest(RuleContext &ctx) {
    const auto &ev = ctx.ev;
    bool formerlyPoor = ctx.doc.household.householdType == HouseholdType::FormerlyPoor;
    if (ev.hardExclusion)
        return Outcome::ExcludedHard;
    if (ev.mandatory && !ev.softExclusion)
        return Outcome::MustMonitor;
    if (ev.softExclusion && !ev.softException)
        return Outcome::ExcludedSoft;
    if (ev.below)
        return formerlyPoor ? Outcome::UnstableFormerlyPoor : Outcome::Marginal;
    if (ev.rigid || ev.drop || ev.suddenEvent)
        return Outcome::SuddenHardship;
    if (ev.categoryBits != 0 || ev.sangbao.any())
        return Outcome::Attention;
    return Outcome::NotIncluded;
}

std::string outcomeExplanation(const RuleContext &ctx, Outcome o) {
    const auto &ev = ctx.ev;
    switch (o) {
    case Outcome::ExcludedHard:
        return "存在第1、6、7、8、10类情形之一，不得纳入，无例外";
    case Outcome::MustMonitor:
        return "脱贫户符合必须纳入条件，按脱贫不稳定户纳入监测";
    case Outcome::ExcludedSoft:
        return "存在第2–5类情形且无家庭重大变故的书面说明，不得纳入";
    case Outcome::UnstableFormerlyPoor:
        return "脱贫户人均纯收入低于监测范围，且须有返贫风险";
    case Outcome::Marginal:
        return "一般农户人均纯收入低于监测范围，且须有致贫风险";
    case Outcome::SuddenHardship:
        return std::string("收入不低于监测范围，但") +
               (ev.rigid  ? "刚性支出较大"
                : ev.drop ? "收入大幅缩减"
                          : "发生突发事件") +
               "导致基本生活可能严重困难";
    case Outcome::Attention:
        return "属于重点关注农户或“三保障”未保障，须综合研判";
    case Outcome::NotIncluded:
        return "未发现纳入监测的情形";
    }
    return {};
}

} // namespace

void decideOutcome(RuleContext &ctx) {
    auto &ev = ctx.ev;
    decideMandatory(ctx);
    ev.outcome = suggest(ctx);
    ev.needsReview = ev.softException && ev.outcome != Outcome::ExcludedHard;
    ctx.reason(std::string("建议：") + (ev.needsReview ? "需综合研判（第2–5类例外，须专门说明）→ " : "") +
               outcomeLabel(ev.outcome) + "（" + outcomeExplanation(ctx, ev.outcome) + "）");
    if (isMonitoringOutcome(ev.outcome) && ctx.doc.household.riskTypes.empty())
        ctx.reason("纳入前须选择1至5项致贫/返贫风险类型");

    ev.wholeNoLabor = ev.laborHalfUnits == 0;
    const auto &monitoring = ctx.doc.household.monitoring;
    bool monitored =
        isMonitoringOutcome(ev.outcome) || (!monitoring.category.empty() && !monitoring.riskEliminated);
    if (ev.wholeNoLabor && monitored) {
        bool fullSupport = false;
        for (const auto &f : ctx.members) {
            const auto &b = f.member->benefits;
            if (f.counted && (b.tekunMode == "分散供养" || b.dibaoTier == "全额" || b.dibaoTier == "最高档"))
                fullSupport = true;
        }
        ev.safetyNetMarkingSuggested = fullSupport;
        ctx.reason(std::string("整户无劳动能力：") +
                   (fullSupport ? "享受分散供养特困或全额/最高档低保，建议标注“整户无劳动能力兜底保障户”"
                                : "如享受分散供养特困或全额/最高档低保，应标注“整户无劳动能力兜底保障户”") +
                   "；暂不标注“风险消除”");
    }
}

} // namespace ruhu::domain::detail
