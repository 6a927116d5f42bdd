// Step 5 of §13: the ten 重点关注 categories K1–K10 (monitoring-domain.md §4).
#include "rule_context.h"

#include <array>

namespace ruhu::domain::detail {
namespace {

void flag(RuleContext &ctx, int k, std::string why) {
    ctx.ev.categoryBits |= 1u << k;
    ctx.reason("K" + std::to_string(k) + " " + why);
}

bool isNonCompulsorySchooling(const std::string &schooling, bool preschoolCounts) {
    static constexpr std::array<std::string_view, 9> prefixes{"普通高中", "高中", "中职", "技工", "高职",
                                                              "高专",     "本科", "硕士", "博士"};
    for (auto p : prefixes) {
        if (schooling.starts_with(p))
            return true;
    }
    return preschoolCounts && schooling.starts_with("学前教育");
}

std::string halfUnitsText(int halfUnits) {
    return std::to_string(halfUnits / 2) + (halfUnits % 2 ? ".5" : "");
}

void k1TransferShare(RuleContext &ctx) {
    const auto &t = ctx.ev.income;
    bool overC = ctx.params.transferShareDenominator == TransferShareDenominator::C;
    Fen denominator = overC ? t.C : t.A;
    const char *name = overC ? "C" : "A";
    int64_t limit = ctx.params.transferShareLimitBp;
    if (t.A4 <= 0)
        return;
    if (denominator <= 0) {
        flag(ctx, 1,
             std::string("转移性收入占比超过") + formatPercent(limit, 10000) + "：A4=" + formatYuan(t.A4) +
                 "元，而" + name + "=" + formatYuan(denominator) + "元不为正");
        return;
    }
    if (t.A4 * 10000 > limit * denominator)
        flag(ctx, 1,
             std::string("转移性收入占比超过") + formatPercent(limit, 10000) + "：A4/" + name + "=" +
                 formatYuan(t.A4) + "/" + formatYuan(denominator) + "=" + formatPercent(t.A4, denominator));
}

void k2LaborCoefficient(RuleContext &ctx) {
    int u2 = ctx.ev.laborHalfUnits;
    int n = ctx.ev.income.n;
    int64_t limit = ctx.params.laborCoefficientLimitBp;
    bool ratio = ctx.params.laborMode == LaborMode::Ratio;
    bool low = ratio ? int64_t{u2} * 10000 <= 2 * n * limit : int64_t{u2} * 10000 <= 2 * limit;
    std::string coefficient = ratio ? "劳动力系数U/n=" + halfUnitsText(u2) + "/" + std::to_string(n)
                                    : "劳动力系数U=" + halfUnitsText(u2);
    if (ctx.anySevereDisability)
        flag(ctx, 2, "家中有重度残疾人（" + coefficient + "）");
    else if (low)
        flag(ctx, 2, coefficient + " ≤ " + formatBasisPoints(limit));
}

void k3NoIndustryNoJob(RuleContext &ctx) {
    const auto &t = ctx.ev.income;
    const auto &h = ctx.doc.household;
    if (ctx.laborers < 1 || h.industryCovered == true || t.A1 != 0 || t.A2 != 0)
        return;
    for (const auto &f : ctx.members) {
        if (f.counted && f.member->work.employed)
            return;
    }
    flag(ctx, 3,
         "家中有" + std::to_string(ctx.laborers) +
             "个劳动力，但无产业覆盖、零就业（A1=0，A2=0）；客观原因：" +
             (h.noIndustryEmploymentReason.empty() ? std::string("未填写，须补充说明")
                                                   : h.noIndustryEmploymentReason));
}

void k4Illness(RuleContext &ctx) {
    const auto &t = ctx.ev.income;
    int64_t r = ctx.params.medicalBurdenRatioBp;
    bool heavyBurden = t.F2 > 0 && (t.C <= 0 || t.F2 * 10000 >= r * t.C);
    for (const auto &f : ctx.members) {
        if (!f.counted)
            continue;
        const Member &m = *f.member;
        if (m.health.status == HealthStatus::SeriousIllness) {
            flag(ctx, 4, "家中有大病重病病人：" + describe(m));
            return;
        }
        if (m.health.status == HealthStatus::Chronic && m.labor == LaborCapacity::Lost) {
            flag(ctx, 4, describe(m) + "患慢性病并丧失劳动力");
            return;
        }
        if (m.health.status == HealthStatus::Chronic && heavyBurden) {
            flag(ctx, 4,
                 describe(m) + "患慢性病，医疗刚性支出F2=" + formatYuan(t.F2) + "元 ≥ " +
                     formatBasisPoints(r) + "×C（C=" + formatYuan(t.C) + "元），负担过重（须人工确认）");
            return;
        }
    }
}

void k5NonCompulsoryStudents(RuleContext &ctx) {
    int count = 0;
    std::string who;
    for (const auto &f : ctx.members) {
        if (f.counted &&
            isNonCompulsorySchooling(f.member->schooling, ctx.params.preschoolCountsAsNonCompulsory)) {
            ++count;
            who += (who.empty() ? "" : "、") + describe(*f.member) + "（" + f.member->schooling + "）";
        }
    }
    if (count >= 2)
        flag(ctx, 5, "家中有" + std::to_string(count) + "个孩子在非义务教育学段就学：" + who);
}

void k6MudHouse(RuleContext &ctx) {
    const auto &housing = ctx.doc.household.housing;
    const auto &priorD = ctx.doc.incomeSheet.priorD;
    const auto &t = ctx.ev.income;
    if (housing.onlyHouse == true && housing.structure.find("土坯") != std::string::npos && priorD &&
        t.D < *priorD)
        flag(ctx, 6,
             "唯一住房为土坯房，人均纯收入下降（D=" + formatYuan(t.D) + "元 < 上期" + formatYuan(*priorD) +
                 "元）；基础薄弱、发展能力不足须人工确认");
}

void k7IndustryFailure(RuleContext &ctx) {
    const auto &t = ctx.ev.income;
    Fen operatingNet = t.A1 - t.B;
    if (operatingNet < 0 && ctx.ev.drop)
        flag(ctx, 7,
             "生产经营亏损（A1−B=" + formatYuan(operatingNet) + "元）且收入大幅减少；不可抗因素：" +
                 (ctx.doc.household.industryFailureReason.empty() ? std::string("未填写，须补充说明")
                                                                  : ctx.doc.household.industryFailureReason));
}

void k8SuddenEvent(RuleContext &ctx) {
    if (!ctx.ev.suddenEvent)
        return;
    if (ctx.ev.drop)
        flag(ctx, 8, "突发事件导致收入大幅缩减");
    else if (ctx.ev.sangbao.any())
        flag(ctx, 8, "突发事件导致“三保障”或饮水安全无保障");
}

void k9NoGuardian(RuleContext &ctx) {
    const auto &p = ctx.params;
    for (const auto &f : ctx.members) {
        if (!f.counted || f.age < 0)
            continue;
        const auto &g = f.member->guardianship;
        if (f.age <= p.minorMaxAge && g.hasLegalGuardian == false) {
            flag(ctx, 9,
                 describe(*f.member) + std::to_string(f.age) + "周岁（" + std::to_string(p.minorMaxAge) +
                     "周岁以下）且无法定监护人");
            return;
        }
        if (f.age >= p.elderlyMinAge && g.hasLegalSupporter == false) {
            flag(ctx, 9,
                 describe(*f.member) + std::to_string(f.age) + "周岁（" + std::to_string(p.elderlyMinAge) +
                     "周岁以上）且无法定赡养人");
            return;
        }
    }
}

void k10SpecialHardship(RuleContext &ctx) {
    if (ctx.anySevereDisability)
        flag(ctx, 10, "家中有重度残疾人");
    else if (ctx.anyDisabledElderly)
        flag(ctx, 10, "家中有失能老年人");
    else if (ctx.ev.laborHalfUnits == 0)
        flag(ctx, 10, "整户无劳动能力");
}

} // namespace

void evaluateCategories(RuleContext &ctx) {
    k1TransferShare(ctx);
    k2LaborCoefficient(ctx);
    k3NoIndustryNoJob(ctx);
    k4Illness(ctx);
    k5NonCompulsoryStudents(ctx);
    k6MudHouse(ctx);
    k7IndustryFailure(ctx);
    k8SuddenEvent(ctx);
    k9NoGuardian(ctx);
    k10SpecialHardship(ctx);
}

} // namespace ruhu::domain::detail
