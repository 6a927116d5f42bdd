#pragma once
// Internal to the rule engine: the facts one evaluation works on, shared by its steps.

#include <ruhu/domain/evaluation.h>
#include <ruhu/domain/household_document.h>
#include <ruhu/domain/rule_config.h>
#include <ruhu/result.h>

#include <string>
#include <vector>

namespace ruhu::domain::detail {

struct MemberFact {
    const Member *member = nullptr;
    size_t index = 0;
    int age = -1; // completed years on the assessment date, -1 when neither 身份证号 nor birth date is known
    bool counted = false;
};

struct RuleContext {
    const HouseholdDocument &doc;
    const RuleParameters &params;
    CivilDate on;
    Evaluation &ev;

    std::vector<MemberFact> members; // every member, counted or not
    int laborers = 0;                // counted members with w > 0
    bool anySevereDisability = false;
    bool anyDisabledElderly = false;

    Fen threshold() const { return ev.threshold; }
    void reason(std::string text) { ev.reasons.push_back(std::move(text)); }
};

// "户主张三", "之子张四": how a member is named in reasons.
std::string describe(const Member &member);

Status collectMemberFacts(RuleContext &ctx);                   // step 1 (X9, ages, labour units)
void evaluateSangbao(RuleContext &ctx);                        // step 3
void evaluateIncomeFlags(RuleContext &ctx);                    // step 4
void evaluateCategories(RuleContext &ctx);                     // step 5, K1–K10
void evaluateExclusions(RuleContext &ctx);                     // step 6, X1–X8, X10 (X9 is done in step 1)
void decideOutcome(RuleContext &ctx);                          // steps 7–9
EliminationCheck checkRiskElimination(const RuleContext &ctx); // step 10 (§7.3)

} // namespace ruhu::domain::detail
