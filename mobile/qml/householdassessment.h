#pragma once

#include <ruhu/domain/civil_date.h>
#include <ruhu/domain/evaluation.h>
#include <ruhu/domain/income_sheet.h>
#include <ruhu/domain/rule_config.h>

#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace ruhu {
class DeviceReplica;
}

// The bridge from the replica's records to the domain's rule engine: builds the household document
// (docs/data-model.md §3) from the household, its live members and its income sheet, and runs
// computeIncomeTotals / evaluateHousehold on it. Nothing of the computation lives in the UI.
namespace assessment {

// The one income sheet of a household is stored as record "is-<householdId>".
std::string sheetId(const std::string &householdId);

// The income sheet's stored fields, or an empty object when the household has none yet.
boost::json::object storedSheet(const ruhu::DeviceReplica &replica, const std::string &householdId);

// The shipped rule configuration (assets/rules/ruhu-rules-default.json, a Qt resource); nullptr if it is
// missing or invalid (configError() says why).
const ruhu::domain::RuleConfig *ruleConfig();
std::string configError();

struct Result {
    std::optional<ruhu::domain::IncomeTotals> totals; // also when the full evaluation fails
    std::optional<ruhu::domain::Evaluation> evaluation;
    std::optional<ruhu::domain::ThresholdChoice> threshold;
    std::string error; // why there is no evaluation, in Chinese
};

// Evaluates the household with `sheet` as its income sheet (normally storedSheet()) on date `on`.
Result evaluate(const ruhu::DeviceReplica &replica, const std::string &householdId,
                const boost::json::object &sheet, const ruhu::domain::CivilDate &on);

} // namespace assessment
