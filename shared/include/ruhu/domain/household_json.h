#pragma once

#include <ruhu/domain/evaluation.h>
#include <ruhu/domain/household_document.h>
#include <ruhu/result.h>

#include <boost/json/value.hpp>

namespace ruhu::domain {

// Reads a household document (docs/data-model.md "Household document"): {"household": {...},
// "members": [...], "incomeSheet": {...}, "measures": [...]}. Money is integer 分. Unknown keys, wrong types,
// values outside an enumeration, invalid dates and 身份证号 are errors whose `field` is the JSON path
// (e.g. "members[2].labor") and whose message says what is wrong, in Chinese.
Result<HouseholdDocument> parseHouseholdDocument(const boost::json::value &document);

// The evaluation as the CLI prints it: income as decimal 元 strings, categories, exclusions, outcome, …
boost::json::object evaluationToJson(const Evaluation &evaluation);

} // namespace ruhu::domain
