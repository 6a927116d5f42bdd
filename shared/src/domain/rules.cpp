#include "rule_context.h"

#include <ruhu/domain/rules.h>

namespace ruhu::domain {

const char *outcomeCode(Outcome o) {
    switch (o) {
    case Outcome::ExcludedHard:
        return "EXCLUDED_HARD";
    case Outcome::MustMonitor:
        return "MUST_MONITOR";
    case Outcome::ExcludedSoft:
        return "EXCLUDED_SOFT";
    case Outcome::UnstableFormerlyPoor:
        return "UNSTABLE_FORMERLY_POOR";
    case Outcome::Marginal:
        return "MARGINAL";
    case Outcome::SuddenHardship:
        return "SUDDEN_HARDSHIP";
    case Outcome::Attention:
        return "ATTENTION";
    case Outcome::NotIncluded:
        return "NOT_INCLUDED";
    }
    return "?";
}

const char *outcomeLabel(Outcome o) {
    switch (o) {
    case Outcome::ExcludedHard:
        return "不得纳入（硬性排除）";
    case Outcome::MustMonitor:
        return "必须纳入监测（脱贫不稳定户）";
    case Outcome::ExcludedSoft:
        return "不得纳入（第2–5类情形）";
    case Outcome::UnstableFormerlyPoor:
        return "脱贫不稳定户";
    case Outcome::Marginal:
        return "边缘易致贫户";
    case Outcome::SuddenHardship:
        return "突发严重困难户";
    case Outcome::Attention:
        return "重点关注，需研判";
    case Outcome::NotIncluded:
        return "暂不纳入";
    }
    return "?";
}

namespace {

std::vector<int> bitsToNumbers(uint32_t bits) {
    std::vector<int> out;
    for (int k = 1; k <= 10; ++k) {
        if ((bits >> k) & 1u)
            out.push_back(k);
    }
    return out;
}

std::string incomeSummary(const IncomeTotals &t) {
    return "收入核算：A=" + formatYuan(t.A) + "元（A1=" + formatYuan(t.A1) + "，A2=" + formatYuan(t.A2) +
           "，A3=" + formatYuan(t.A3) + "，A4=" + formatYuan(t.A4) + "），B=" + formatYuan(t.B) +
           "元（含折旧B4=" + formatYuan(t.B4) + "=" + formatYuan(t.fixedAssetValue) +
           "÷15），C=A−B=" + formatYuan(t.C) + "元，家庭人口数n=" + std::to_string(t.n) +
           "，D=C÷n=" + formatYuan(t.D) + "元；刚性支出F=" + formatYuan(t.F) +
           "元，理赔收入E=" + formatYuan(t.E) + "元，D1=" + formatYuan(t.D1) + "元";
}

} // namespace

std::vector<int> Evaluation::categories() const {
    return bitsToNumbers(categoryBits);
}
std::vector<int> Evaluation::exclusions() const {
    return bitsToNumbers(exclusionBits);
}

Result<Evaluation> evaluateHousehold(const HouseholdDocument &doc, const RuleConfig &config,
                                     const CivilDate &on) {
    if (!on.isValid())
        return Error{"invalid_date", "评估日期无效", "on"};
    Evaluation ev;
    ev.reasons.reserve(16);
    ev.configId = config.id;
    ev.configHash = config.hash;
    ev.assessedOn = on;
    auto threshold = config.thresholdFor(doc.household.regionCode, on.year);
    if (!threshold)
        return threshold.error();
    ev.threshold = threshold->value;
    ev.thresholdYear = threshold->year;
    ev.thresholdRegion = threshold->regionPrefix;
    ev.thresholdRegionName = threshold->regionName;

    detail::RuleContext ctx{doc, config.params, on, ev, {}, 0, false, false};
    if (auto st = detail::collectMemberFacts(ctx); !st)
        return st.error();
    IncomeRules incomeRules{config.params.fixedAssetMinValue, config.params.depreciationYears,
                            config.params.includeClaimsInD1};
    auto totals = computeIncomeTotals(doc.incomeSheet, ev.income.n, incomeRules);
    if (!totals)
        return totals.error();
    ev.income = *totals;
    ev.warnings = incomeSheetWarnings(doc.incomeSheet, ev.income);
    ev.reasons.insert(ev.reasons.begin(),
                      "监测范围：" + threshold->regionName + std::to_string(threshold->year) + "年" +
                          formatYuan(threshold->value) + "元/人·年（规则配置" + config.id + "）");
    ev.reasons.insert(ev.reasons.begin() + 1, incomeSummary(ev.income));

    detail::evaluateSangbao(ctx);
    detail::evaluateIncomeFlags(ctx);
    detail::evaluateCategories(ctx);
    detail::evaluateExclusions(ctx);
    detail::decideOutcome(ctx);

    const auto &m = doc.household.monitoring;
    if (!m.category.empty() && !m.riskEliminated) {
        ev.elimination = detail::checkRiskElimination(ctx);
        for (const auto &r : ev.elimination->reasons)
            ev.reasons.push_back(r);
    }
    return ev;
}

} // namespace ruhu::domain
