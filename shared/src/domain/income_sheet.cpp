#include <ruhu/domain/income_sheet.h>

#include <cstdlib>

namespace ruhu::domain {

std::vector<std::pair<const char *, Fen>> namedTotals(const IncomeTotals &t) {
    return {{"A1_1", t.A1_1}, {"A1_2", t.A1_2},
            {"A1_3", t.A1_3}, {"A1", t.A1},
            {"A2", t.A2},     {"A3_1", t.A3_1},
            {"A3_2", t.A3_2}, {"A3", t.A3},
            {"A4_5", t.A4_5}, {"A4_6", t.A4_6},
            {"A4", t.A4},     {"A", t.A},
            {"B1", t.B1},     {"B2", t.B2},
            {"B3", t.B3},     {"B4", t.B4},
            {"B", t.B},       {"C", t.C},
            {"D", t.D},       {"E", t.E},
            {"F1", t.F1},     {"F2", t.F2},
            {"F3", t.F3},     {"F", t.F},
            {"D1", t.D1},     {"fixedAssetValue", t.fixedAssetValue}};
}

const std::array<TransferItemInfo, transferItemCount> &transferItems() {
    using I = TransferItem;
    static const std::array<TransferItemInfo, transferItemCount> items{{
        {I::FamilyPlanning, "1", "计划生育专项补助"},
        {I::Dibao, "2", "低保金"},
        {I::Tekun, "3", "特困供养金"},
        {I::Pension, "4", "养老保险金/离退休金"},
        {I::ForestEco, "5.1", "森林生态效益补偿"},
        {I::GrainForGreen, "5.2", "退耕还林还草补助"},
        {I::GrasslandEco, "5.3", "草原生态奖励补贴"},
        {I::OtherEco, "5.4", "其他生态补偿金"},
        {I::FarmlandSubsidy, "6.1", "耕地地力保护补贴"},
        {I::MachinerySubsidy, "6.2", "农机具补贴"},
        {I::FallowSubsidy, "6.3", "休耕轮作试点补贴"},
        {I::LivestockSubsidy, "6.4", "畜牧业补贴"},
        {I::InputsSubsidy, "6.5", "购买生产资料综合补贴"},
        {I::AgriInsuranceClaim, "6.6", "农业生产保险理赔金"},
        {I::OtherProduction, "6.7", "其他生产补贴"},
        {I::SurvivorPension, "6.8", "定期发放的抚恤金"},
        {I::Relief, "6.9", "救济金"},
        {I::VeteranSubsidy, "6.10", "退役军人补贴"},
        {I::BorderSubsidy, "6.11", "边民补贴"},
        {I::SupportFromKin, "6.12", "赡养收入"},
        {I::DisabilityLiving, "6.13", "残疾人生活补助"},
        {I::DisabilityCare, "6.14", "残疾人护理补助"},
        {I::OtherSubsidy, "6.15", "其他补贴"},
    }};
    return items;
}

std::optional<TransferItem> transferItemFromCode(std::string_view code) {
    for (const auto &info : transferItems()) {
        if (code == info.code)
            return info.item;
    }
    return std::nullopt;
}

Result<IncomeTotals> computeIncomeTotals(const IncomeSheet &s, int n, const IncomeRules &rules) {
    if (n < 1)
        return Error{"no_counted_member", "家庭人口数为0：至少要有一名正常且共享收支的家庭成员", "members"};
    if (rules.depreciationYears < 1)
        return Error{"bad_config", "折旧年限必须大于0", "depreciationYears"};
    IncomeTotals t;
    for (const auto &l : s.crops) {
        t.A1_1 += l.soldAmount + l.selfValue;
        t.B1 += l.cost;
    }
    for (const auto &l : s.livestock) {
        t.A1_2 += l.soldAmount + l.selfValue;
        t.B2 += l.cost;
    }
    for (const auto &l : s.business) {
        t.A1_3 += l.productSales + l.serviceIncome;
        t.B3 += l.cost;
    }
    t.A1 = t.A1_1 + t.A1_2 + t.A1_3;
    for (const auto &w : s.wages)
        t.A2 += w.localCash + w.awayCash + w.inKind;
    t.A3_1 = s.property.povertyAssetDividend;
    t.A3_2 = s.property.landTransferNetRent + s.property.houseRentNet + s.property.other;
    t.A3 = t.A3_1 + t.A3_2;
    for (size_t i = 0; i < transferItemCount; ++i) {
        const char *code = transferItems()[i].code;
        if (code[0] == '5')
            t.A4_5 += s.transfers[i];
        else if (code[0] == '6')
            t.A4_6 += s.transfers[i];
        t.A4 += s.transfers[i];
    }
    t.A = t.A1 + t.A2 + t.A3 + t.A4;
    for (const auto &a : s.fixedAssets) {
        if (a.usable && a.originalValue > rules.fixedAssetMinValue)
            t.fixedAssetValue += a.originalValue;
    }
    t.B4 = divideRounded(t.fixedAssetValue, rules.depreciationYears);
    t.B = t.B1 + t.B2 + t.B3 + t.B4;
    t.C = t.A - t.B;
    t.n = n;
    t.D = divideRounded(t.C, n);
    t.E = s.claimsE;
    t.F1 = s.rigid.f1Education;
    t.F2 = s.rigid.f2Medical;
    t.F3 = s.rigid.f3Other;
    t.F = t.F1 + t.F2 + t.F3;
    t.D1 = divideRounded(t.C + (rules.includeClaimsInD1 ? t.E : 0) - t.F, n);
    return t;
}

namespace {

// |actual − expected| > 10% of expected.
bool offByMoreThanTenPercent(Fen actual, Fen expected) {
    Fen diff = actual > expected ? actual - expected : expected - actual;
    return diff * 10 > (expected < 0 ? -expected : expected);
}

std::string lineName(const std::string &item, size_t index) {
    return item.empty() ? "第" + std::to_string(index + 1) + "行" : "“" + item + "”";
}

} // namespace

std::vector<std::string> incomeSheetWarnings(const IncomeSheet &s, const IncomeTotals &t) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.wages.size(); ++i) {
        const auto &w = s.wages[i];
        std::string who = lineName(w.name, i);
        if (w.localDays > 365)
            out.push_back("务工" + who + "：本地务工天数" + std::to_string(w.localDays) + "超过365天");
        if (w.awayMonths > 12)
            out.push_back("务工" + who + "：外出务工月数" + std::to_string(w.awayMonths) + "超过12个月");
        Fen localExpected = static_cast<Fen>(w.localDays) * w.localDailyWage;
        if (w.localDays > 0 && w.localDailyWage > 0 && offByMoreThanTenPercent(w.localCash, localExpected))
            out.push_back("务工" + who + "：本地现金工资" + formatYuan(w.localCash) + "元与天数×日工资" +
                          formatYuan(localExpected) + "元相差超过10%");
        Fen awayExpected = static_cast<Fen>(w.awayMonths) * w.awayMonthlyWage;
        if (w.awayMonths > 0 && w.awayMonthlyWage > 0 && offByMoreThanTenPercent(w.awayCash, awayExpected))
            out.push_back("务工" + who + "：外出现金工资" + formatYuan(w.awayCash) + "元与月数×月工资" +
                          formatYuan(awayExpected) + "元相差超过10%");
    }
    if (t.C < 0)
        out.push_back("家庭年纯收入C=" + formatYuan(t.C) + "元为负数（生产经营亏损），请核实");
    if (s.claimsE > 0 && s.transfer(TransferItem::AgriInsuranceClaim) > 0)
        out.push_back("理赔收入E不得包含已计入转移性收入6.6的农业生产保险理赔金，请核实是否重复计算");
    return out;
}

} // namespace ruhu::domain
