#pragma once

#include <ruhu/model/field_spec.h>
#include <ruhu/result.h>

#include <boost/json/value.hpp>

#include <string_view>

namespace ruhu {

// A value typed by a person (a reviewer's custom resolution, say) as the field's JSON value: an integer
// for Integer, true/false for Boolean (also 是/否), parsed JSON for Json, the text otherwise.
// The value is still checked by the field's own validation where it is stored.
Result<boost::json::value> fieldValueFromText(const FieldSpec &spec, std::string_view text);

} // namespace ruhu
