#pragma once

#include <ruhu/model/field_spec.h>

#include <boost/json/value.hpp>

namespace ruhu {

// The one masking function for sensitive field values (PIPL art. 28; docs/privacy.md decides who gets
// what): a 身份证号 keeps its first four and last four characters (maskIdNumber); other text keeps its last
// four characters behind "****" when it has at least eight, else becomes "****"; any other value (numbers,
// dates, nested objects) becomes the string "****". Null stays null.
boost::json::value maskFieldValue(const FieldSpec &spec, const boost::json::value &value);

// Whether a value looks like maskFieldValue's output ("****" in it, or any '*' in a 身份证号): such a value
// must never be stored as if it were the real one.
bool looksMasked(const FieldSpec &spec, const boost::json::value &value);

} // namespace ruhu
