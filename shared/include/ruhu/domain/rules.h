#pragma once

#include <ruhu/domain/civil_date.h>
#include <ruhu/domain/evaluation.h>
#include <ruhu/domain/household_document.h>
#include <ruhu/domain/rule_config.h>
#include <ruhu/result.h>

namespace ruhu::domain {

// The rule engine of §13: members (X9), income sheet, 三保障, flags, K1–K10, X1–X10, the mandatory rule for
// 脱贫户, the suggested outcome, the 整户无劳动能力 marking and, for monitoring objects, the risk-elimination
// check. Works on typed structs only. Errors (no counted member, an invalid 身份证号, no threshold for the
// area/year) name the field.
//
// Boundaries follow 民法典 art. 1259: 以上/以下/以内 include the number, 超过/不满 exclude it.
Result<Evaluation> evaluateHousehold(const HouseholdDocument &document, const RuleConfig &config,
                                     const CivilDate &on);

} // namespace ruhu::domain
