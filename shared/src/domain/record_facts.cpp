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

boost::json::object withExceptionExplanation(boost::json::object flags, std::string_view explanation) {
    const auto first = explanation.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        flags.erase("majorFamilyChangeNote");
        flags["majorFamilyChange"] = false;
        return flags;
    }
    const auto last = explanation.find_last_not_of(" \t\r\n");
    flags["majorFamilyChange"] = true;
    flags["majorFamilyChangeNote"] = explanation.substr(first, last - first + 1);
    return flags;
}

std::string exceptionExplanation(const boost::json::object &householdFields) {
    const auto *flags = householdFields.if_contains("flags");
    if (!flags || !flags->is_object())
        return {};
    const auto *note = flags->get_object().if_contains("majorFamilyChangeNote");
    return note && note->is_string() ? std::string(note->get_string()) : std::string();
}

} // namespace ruhu::domain
