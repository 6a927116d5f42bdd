#pragma once

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What stored values (the survey's Chinese labels, docs/data-model.md) mean, for code that holds a record's
// raw fields instead of a parsed Member: the tablet's editors decide with these, never by comparing labels
// of their own. The labels themselves are declared once, in shared/src/model/record_kinds.cpp and the
// domain readers.
namespace ruhu::domain {

// X9: a member counts in the household (n) when 成员状态 is 正常 (or not entered) and the member shares
// income and expenses (or that is not entered).
bool isCountedMember(std::string_view status, std::optional<bool> sharesIncomeExpense);

// 与户主关系 = 户主.
bool isHeadRelation(std::string_view relationToHead);

// A member who can earn 务工收入: 成员状态 正常 (or not entered) and 劳动技能 neither 丧失劳动力 nor
// 无劳动力 (not entered counts as able: the sheet warns only on an explicit answer).
bool canEarnWages(std::string_view status, std::string_view labor);

// X2–X5, the exclusions a 家庭重大变故 with a written explanation can lift (§13).
bool isSoftExclusion(int x);

// riskAssessment.decision.result values.
inline constexpr std::string_view kDecisionNotIncluded = "不纳入";
std::vector<std::string_view> decisionResults(); // 纳入监测, 列为重点核查对象, 需综合研判, 不纳入

// A decision other than 不纳入 over a household with a soft exclusion needs the written explanation the
// engine reads (household.flags.majorFamilyChangeNote).
bool decisionNeedsJustification(std::string_view result, const std::vector<int> &exclusions);

// The 2–5类 exception as the engine reads it, in household.flags: a written explanation (the risk decision
// page's 专门说明) claims the 家庭重大变故 (majorFamilyChange) and is its majorFamilyChangeNote; an empty one
// withdraws the claim. Returns the household's new flags object.
boost::json::object withExceptionExplanation(boost::json::object flags, std::string_view explanation);
// The explanation stored in a household record's fields (empty when none).
std::string exceptionExplanation(const boost::json::object &householdFields);

} // namespace ruhu::domain
