#pragma once

#include <ruhu/domain/household.h>
#include <ruhu/domain/income_sheet.h>
#include <ruhu/domain/member.h>
#include <ruhu/domain/records.h>

#include <vector>

namespace ruhu::domain {

// What the rule engine evaluates: one household with its members, its current income sheet and its
// assistance measures (for the risk-elimination check). See docs/data-model.md "Household document".
struct HouseholdDocument {
    Household household;
    std::vector<Member> members;
    IncomeSheet incomeSheet;
    std::vector<AssistanceMeasure> measures;
};

} // namespace ruhu::domain
