#pragma once

#include <ruhu/domain/civil_date.h>
#include <ruhu/domain/evaluation.h>
#include <ruhu/domain/household_records.h>
#include <ruhu/domain/income_sheet.h>
#include <ruhu/domain/rule_config.h>

#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace ruhu {
class DeviceReplica;
}

// The tablet's side of ruhu::domain::assessHousehold (shared with the server): reads the household's
// records from the replica and the rule configuration in force. Nothing of the computation lives here.
namespace assessment {

// The one income sheet of a household is stored as record "is-<householdId>".
std::string sheetId(const std::string &householdId);

// The income sheet's stored fields, or an empty object when the household has none yet.
boost::json::object storedSheet(const ruhu::DeviceReplica &replica, const std::string &householdId);

// The rule configuration in force on this tablet: the one last pulled from the server
// (DeviceReplica::ruleConfigDocument), else the built-in one; nullptr if invalid (configError() says why).
const ruhu::domain::RuleConfig *ruleConfig(const ruhu::DeviceReplica *replica = nullptr);
std::string configError(const ruhu::DeviceReplica *replica = nullptr);

using Result = ruhu::domain::HouseholdAssessment;

// Evaluates the household with `sheet` as its income sheet (normally storedSheet()) on date `on`.
Result evaluate(const ruhu::DeviceReplica &replica, const std::string &householdId,
                const boost::json::object &sheet, const ruhu::domain::CivilDate &on);

} // namespace assessment
