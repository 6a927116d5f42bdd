#pragma once

#include <ruhu/domain/civil_date.h>
#include <ruhu/domain/money.h>
#include <ruhu/result.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ruhu::domain {

// 农民家庭年人均纯收入核算 (seed 004 附件2, monitoring-domain.md §6). Only leaf items are stored; every
// subtotal is computed, so nothing can be counted twice. All money in 分.

// 一、种植、林业、渔业: 分品种收入 = soldAmount + selfValue.
struct CropLine {
    std::string id;
    std::string item;
    double areaMu = 0;
    double yieldKg = 0;
    double soldKg = 0;
    Fen soldAmount = 0;
    double selfKg = 0;
    Fen selfValue = 0;
    Fen cost = 0;
};

// 二、养殖业: 分品种收入 = soldAmount + selfValue.
struct LivestockLine {
    std::string id;
    std::string item;
    int64_t stock = 0;
    int64_t soldHead = 0;
    double soldKg = 0;
    Fen soldAmount = 0;
    int64_t selfHead = 0;
    double selfKg = 0;
    Fen selfValue = 0;
    Fen cost = 0;
};

// 三、二、三产业: 分品种收入 = productSales + serviceIncome.
struct BusinessLine {
    std::string id;
    std::string item;
    Fen productSales = 0;
    Fen serviceIncome = 0;
    Fen cost = 0;
};

// 四、务工: 家庭成员务工收入 = localCash + awayCash + inKind.
struct WageLine {
    std::string id;
    std::string memberId;
    std::string name;
    int localDays = 0;
    Fen localDailyWage = 0;
    Fen localCash = 0;
    int awayMonths = 0;
    Fen awayMonthlyWage = 0;
    Fen awayCash = 0;
    Fen inKind = 0;
};

// 五、财产净收入.
struct PropertyIncome {
    Fen povertyAssetDividend = 0; // A3-1
    Fen landTransferNetRent = 0;  // A3-2 …
    Fen houseRentNet = 0;
    Fen other = 0;
};

// 六、转移净收入: the 23 leaf items. 5 (生态补偿金) and 6 (其他转移性收入) are computed sums.
enum class TransferItem {
    FamilyPlanning,     // 1
    Dibao,              // 2
    Tekun,              // 3
    Pension,            // 4
    ForestEco,          // 5.1
    GrainForGreen,      // 5.2
    GrasslandEco,       // 5.3
    OtherEco,           // 5.4
    FarmlandSubsidy,    // 6.1
    MachinerySubsidy,   // 6.2
    FallowSubsidy,      // 6.3
    LivestockSubsidy,   // 6.4
    InputsSubsidy,      // 6.5
    AgriInsuranceClaim, // 6.6
    OtherProduction,    // 6.7
    SurvivorPension,    // 6.8 定期发放的抚恤金
    Relief,             // 6.9
    VeteranSubsidy,     // 6.10
    BorderSubsidy,      // 6.11
    SupportFromKin,     // 6.12 赡养收入
    DisabilityLiving,   // 6.13
    DisabilityCare,     // 6.14
    OtherSubsidy,       // 6.15
};
constexpr size_t transferItemCount = 23;

struct TransferItemInfo {
    TransferItem item;
    const char *code;  // "1", "5.1", "6.15"
    const char *label; // "计划生育专项补助"
};
const std::array<TransferItemInfo, transferItemCount> &transferItems();
std::optional<TransferItem> transferItemFromCode(std::string_view code);

// 七、生产性固定资产. Counted only when originalValue > 1000 元 (超过, exclusive) and usable.
struct FixedAsset {
    std::string id;
    std::string name;
    int purchaseYear = 0;
    Fen originalValue = 0;
    bool usable = true;
};

struct RigidExpenses {
    Fen f1Education = 0;
    Fen f2Medical = 0;
    Fen f3Other = 0;
    // F2 detail (自付费、陪护费、药品费、交通费); informative, F2 is the entered total.
    Fen f2SelfPay = 0;
    Fen f2Escort = 0;
    Fen f2Drugs = 0;
    Fen f2Transport = 0;
};

struct IncomeSheet {
    std::string id;
    std::string householdId;
    std::optional<CivilDate> periodStart;
    std::optional<CivilDate> periodEnd;
    std::vector<CropLine> crops;
    std::vector<LivestockLine> livestock;
    std::vector<BusinessLine> business;
    std::vector<WageLine> wages;
    PropertyIncome property;
    std::array<Fen, transferItemCount> transfers{};
    std::vector<FixedAsset> fixedAssets;
    Fen claimsE = 0; // E 理赔收入 (not part of A; must exclude 6.6)
    RigidExpenses rigid;
    std::optional<Fen> priorD; // previous D, for the income-drop tests (K6, K7, K8)

    Fen transfer(TransferItem item) const { return transfers[static_cast<size_t>(item)]; }
    Fen &transfer(TransferItem item) { return transfers[static_cast<size_t>(item)]; }
};

// 八、the summary, every symbol of the sheet.
struct IncomeTotals {
    Fen A1_1 = 0, A1_2 = 0, A1_3 = 0, A1 = 0;
    Fen A2 = 0;
    Fen A3_1 = 0, A3_2 = 0, A3 = 0;
    Fen A4_5 = 0, A4_6 = 0, A4 = 0; // A4_5 = item 5 生态补偿金, A4_6 = item 6 其他转移性收入
    Fen A = 0;
    Fen B1 = 0, B2 = 0, B3 = 0;
    Fen fixedAssetValue = 0; // eligible original value (七)
    Fen B4 = 0, B = 0;
    Fen C = 0;
    int n = 0;
    Fen D = 0;
    Fen E = 0;
    Fen F1 = 0, F2 = 0, F3 = 0, F = 0;
    Fen D1 = 0;
};

// Every money total by its symbol on the sheet ("A1_1" … "F", "D1", "fixedAssetValue"), in sheet order: the
// one list the server's stored result and the tablet's summary both read.
std::vector<std::pair<const char *, Fen>> namedTotals(const IncomeTotals &totals);

struct IncomeRules {
    Fen fixedAssetMinValue = yuan(1000); // exclusive: only assets worth 超过 this count
    int depreciationYears = 15;          // B4 = eligible original value / 15
    bool includeClaimsInD1 = true;       // D1 = (C + E − F) / n, else (C − F) / n
};

// Computes the sheet for `n` counted members (n ≥ 1). Divisions use divideRounded (half away from zero).
Result<IncomeTotals> computeIncomeTotals(const IncomeSheet &sheet, int n, const IncomeRules &rules);

// Plausibility warnings (wage arithmetic off by more than 10%, days > 365, months > 12, negative amounts,
// C < 0), in Chinese. They never block a computation.
std::vector<std::string> incomeSheetWarnings(const IncomeSheet &sheet, const IncomeTotals &totals);

} // namespace ruhu::domain
