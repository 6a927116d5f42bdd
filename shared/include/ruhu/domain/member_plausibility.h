#pragma once

#include <ruhu/domain/civil_date.h>
#include <ruhu/domain/rule_config.h>

#include <boost/json/object.hpp>

#include <string>
#include <vector>

// Plausibility of one member's survey answers (monitoring-domain.md §3 consistency rules, §9.3): age
// against 劳动技能 and 在校生状况, schooling against 义务教育阶段未上学原因, disability against labour. These
// are warnings for the cadre to check, not errors: the member is saved and assessed as entered.
namespace ruhu::domain {

// `member` holds a member record's stored fields; the age is taken from the 身份证号, else 出生日期, on `on`.
std::vector<std::string> memberPlausibilityWarnings(const boost::json::object &member, const CivilDate &on,
                                                    const RuleParameters &params);

} // namespace ruhu::domain
