#pragma once

#include <ruhu/domain/household_document.h>

#include <cstdint>
#include <random>
#include <string>

namespace ruhu::domain {

// Seeded synthetic households for benchmarks and property tests (never for real data): 1–8 members with
// valid 身份证号, 5–60 income lines, occasional vehicles, relatives, flags and sudden events. The same seed
// always gives the same county.
struct SyntheticOptions {
    std::string regionCode = "429005101001"; // 潜江市 (湖北)
    int assessmentYear = 2024;
    int minMembers = 1;
    int maxMembers = 8;
    int minIncomeLines = 5;
    int maxIncomeLines = 60;
};

HouseholdDocument makeSyntheticHousehold(std::mt19937_64 &random, uint64_t index,
                                         const SyntheticOptions &options = {});

// An 18-digit 身份证号 with a correct GB 11643 check digit. birthDate is YYYY-MM-DD; sequence 0..999.
std::string makeIdNumber(const std::string &areaCode6, const CivilDate &birthDate, int sequence);

} // namespace ruhu::domain
