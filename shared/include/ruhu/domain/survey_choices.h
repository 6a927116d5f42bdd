#pragma once

#include <string>
#include <string_view>
#include <vector>

// The survey's value lists for fields inside a record's Json groups and collections ("benefits.dibao",
// "health.status", "housing.structure", "vehicles.use") and for free-text fields the survey answers from a
// list ("schooling"). The strict readers (shared/src/domain/*_json.cpp) accept exactly the closed lists;
// the tablet offers them. Top-level enums are declared with the record kinds (record_kinds.cpp).
namespace ruhu::domain {

// Empty when the path has no list.
const std::vector<std::string> &surveyChoices(std::string_view kind, std::string_view path);

// The same list as string_views, for ObjectReader::choice.
std::vector<std::string_view> surveyChoiceViews(std::string_view kind, std::string_view path);

} // namespace ruhu::domain
