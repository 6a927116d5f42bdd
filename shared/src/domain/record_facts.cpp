#include <ruhu/domain/record_facts.h>

#include <algorithm>

namespace ruhu::domain {

bool isCountedMember(std::string_view status, std::optional<bool> sharesIncomeExpense) {
    return (status.empty() || status == "正常") && sharesIncomeExpense.value_or(true);
}

bool isHeadRelation(std::string_view relationToHead) {
    return relationToHead == "户主";
}

bool canEarnWages(std::string_view status, std::string_view labor) {
    return (status.empty() || status == "正常") && labor != "丧失劳动力" && labor != "无劳动力";
}

bool isSoftExclusion(int x) {
    return x >= 2 && x <= 5;
}

std::vector<std::string_view> decisionResults() {
    return {"纳入监测", "列为重点核查对象", "需综合研判", kDecisionNotIncluded};
}

bool decisionNeedsJustification(std::string_view result, const std::vector<int> &exclusions) {
    return !result.empty() && result != kDecisionNotIncluded &&
           std::any_of(exclusions.begin(), exclusions.end(), isSoftExclusion);
}

} // namespace ruhu::domain
