#pragma once

#include <ruhu/domain/money.h>
#include <ruhu/result.h>

#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace ruhu::domain {

// One 监测范围 (monitoring income line) entry: a region prefix of the 行政区划代码 ("" = national, "42" =
// 湖北) and a year.
struct ThresholdEntry {
    std::string regionPrefix;
    std::string regionName;
    int year = 0;
    Fen value = 0;
    std::string source;
};

enum class TransferShareDenominator { A, C };
enum class LaborMode { Units, Ratio };

// Every switch of §13. Ratios are in basis points (1/10000). No defaults are taken from code: a config file
// must state every parameter.
struct RuleParameters {
    Fen nationalPovertyLine = 0;
    TransferShareDenominator transferShareDenominator = TransferShareDenominator::A;
    int64_t transferShareLimitBp = 0; // K1: share 超过 this
    LaborMode laborMode = LaborMode::Units;
    int64_t laborCoefficientLimitBp = 0; // K2: coefficient ≤ this
    int64_t incomeDropRatioBp = 0;       // p
    int64_t medicalBurdenRatioBp = 0;    // r
    bool includeClaimsInD1 = true;
    bool preschoolCountsAsNonCompulsory = false;
    int compulsoryAgeMin = 0;
    int compulsoryAgeMax = 0;
    int publicityWorkingDays = 0;
    int minorMaxAge = 0;   // K9: 16周岁以下 (inclusive)
    int elderlyMinAge = 0; // K9: 60周岁以上 (inclusive)
    std::vector<int> severeDisabilityGrades;
    Fen vehiclePriceLimit = 0; // X3: 3万元以上 (inclusive)
    int vehicleLookbackDays = 0;
    Fen fixedAssetMinValue = 0; // 七: 超过 (exclusive)
    int depreciationYears = 0;
    int eliminationMinMonths = 0;
    int stableIncomeMinMonths = 0;
};

struct ThresholdChoice {
    Fen value = 0;
    int year = 0;
    std::string regionPrefix;
    std::string regionName;
    std::string source;
};

// A versioned rule configuration as the server delivers it to tablets (format "ruhu-rules/1").
struct RuleConfig {
    std::string id;
    int version = 0;
    std::string hash; // lowercase hex SHA-256 of the canonical JSON of the document without "hash"
    std::string description;
    std::vector<ThresholdEntry> thresholds;
    RuleParameters params;

    // Longest regionPrefix matching regionCode among the entries of exactly `year`. No entry → an error that
    // names the region and the year; there is never a fallback to another year.
    Result<ThresholdChoice> thresholdFor(std::string_view regionCode, int year) const;
};

// Parses and validates a config document; if it carries "hash", it must match.
Result<RuleConfig> parseRuleConfig(const boost::json::value &document);
Result<RuleConfig> loadRuleConfigFile(const std::string &path);

// The shipped configuration (assets/rules/ruhu-rules-default.json, compiled in): what the server is in
// force with until a county loads one, and what a tablet uses until it has pulled one.
std::string_view builtinRuleConfigJson();
Result<RuleConfig> builtinRuleConfig();

// The hash a document has (or should have): SHA-256 over toCanonicalJson(document without "hash").
std::string ruleConfigHash(const boost::json::value &document);

// SHA-256 of bytes as lowercase hex (libsodium).
std::string sha256Hex(std::string_view bytes);

} // namespace ruhu::domain
