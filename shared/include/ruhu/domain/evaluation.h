#pragma once

#include <ruhu/domain/civil_date.h>
#include <ruhu/domain/income_sheet.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ruhu::domain {

// The suggested outcome of §13 step 8 (a suggestion only: the decision is human and follows the procedure).
enum class Outcome {
    ExcludedHard,         // 不得纳入（硬性排除）
    MustMonitor,          // 必须纳入监测 → 脱贫不稳定户
    ExcludedSoft,         // 不得纳入（2–5类情形，无家庭重大变故）
    UnstableFormerlyPoor, // 脱贫不稳定户
    Marginal,             // 边缘易致贫户
    SuddenHardship,       // 突发严重困难户
    Attention,            // 重点关注，需研判
    NotIncluded,          // 暂不纳入
};
const char *outcomeCode(Outcome outcome);  // "EXCLUDED_HARD", …
const char *outcomeLabel(Outcome outcome); // "不得纳入（硬性排除）", …

// 三保障和饮水 status of the counted members and the house.
struct SangbaoStatus {
    bool educationUnmet = false; // 义务教育适龄 失学辍学
    bool medicalUnmet = false;   // a member in neither basic medical insurance
    bool housingUnmet = false;   // C/D 级危房 or unsafe
    bool waterUnmet = false;     // 饮水未保障
    bool any() const { return educationUnmet || medicalUnmet || housingUnmet || waterUnmet; }
};

// §7.3 risk-elimination preconditions.
struct EliminationCheck {
    struct Unmet {
        std::string code;    // stable: elimination_too_early, no_measure_implemented, income_below_line …
        std::string message; // Chinese, without the "不能标注风险消除：" prefix
    };
    bool allowed = false;
    int monthsSinceIdentified = 0;
    int implementedMeasures = 0;
    std::vector<std::string> reasons; // every unmet precondition, or why it is allowed
    std::vector<Unmet> unmet;         // the unmet preconditions with their codes
};

struct Evaluation {
    std::string configId;
    std::string configHash;
    CivilDate assessedOn;
    Fen threshold = 0;
    int thresholdYear = 0;
    std::string thresholdRegion; // the matching prefix ("" = national)
    std::string thresholdRegionName;

    IncomeTotals income;
    int laborHalfUnits = 0; // 2U

    uint32_t categoryBits = 0;                  // bit k set = Kk
    uint32_t exclusionBits = 0;                 // bit k set = Xk (X9 set when a member is left out of n)
    std::vector<std::string> excludedMemberIds; // X9

    bool below = false; // D < T
    bool rigid = false; // D ≥ T ∧ D1 < T
    bool drop = false;  // priorD > 0 ∧ D ≤ (1 − p)·priorD
    bool suddenEvent = false;
    SangbaoStatus sangbao;
    bool hardExclusion = false;
    bool softExclusion = false;
    bool softException = false; // X2–X5 with 家庭重大变故 and a written explanation
    bool mandatory = false;
    bool needsReview = false;
    bool wholeNoLabor = false;              // U = 0
    bool safetyNetMarkingSuggested = false; // 整户无劳动能力兜底保障户
    Outcome outcome = Outcome::NotIncluded;
    std::optional<EliminationCheck> elimination; // when the household is a monitoring object

    std::vector<std::string> reasons;  // for the cadre, in Chinese
    std::vector<std::string> warnings; // plausibility warnings

    bool hasCategory(int k) const { return (categoryBits >> k) & 1u; }
    bool hasExclusion(int x) const { return (exclusionBits >> x) & 1u; }
    std::vector<int> categories() const; // sorted K numbers
    std::vector<int> exclusions() const; // sorted X numbers
};

} // namespace ruhu::domain
