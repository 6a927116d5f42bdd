#pragma once

#include <ruhu/domain/civil_date.h>
#include <ruhu/sync/record.h>

#include <cstdint>
#include <string>
#include <vector>

// A household surveyed completely enough to carry a monitoring case (docs/case-flow.md): the household
// with housing, water and risk types, its members, an income sheet for the 12 months before the survey
// and one planned 帮扶 measure. For tests and the simulator (ruhu-sim --cases), never real data.
namespace ruhu::demo {

struct CaseHouseholdSpec {
    std::string householdId;
    std::string regionCode = "429005103201";
    domain::CivilDate surveyDate{2024, 9, 20};
    int members = 3;               // adults, 1 to 6
    int64_t perCapitaFen = 600000; // D: wages of the head (or, without labour, a pension) divided by n
    bool noLabour = false;         // every member 无劳动力 (整户无劳动能力)
    bool suddenEvent = false;      // a flood this year: with D above the line, 突发严重困难户
    int idSequence = 100;          // 身份证号 sequence of the first member (odd/even sets the sex)
};

// household, members ("<householdId>-m1" …), income sheet ("is-<householdId>"), a measure
// ("<householdId>-ms1", status 计划). Record versions are 0; fields only.
std::vector<Record> makeCaseHousehold(const CaseHouseholdSpec &spec);

// The income sheet's fields for the 12 months ending the month before `surveyDate`, D = perCapitaFen.
boost::json::object caseIncomeSheetFields(const CaseHouseholdSpec &spec);

// An implemented measure (已落实, 主责部门, start date) for the same household.
Record makeImplementedMeasure(const CaseHouseholdSpec &spec, const std::string &id,
                              const domain::CivilDate &start);

} // namespace ruhu::demo
