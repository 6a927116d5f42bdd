#pragma once

#include <ruhu/model/field_spec.h>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string_view>

namespace ruhu {

// The one masking function for sensitive field values (PIPL art. 28; docs/privacy.md decides who gets
// what): a 身份证号 keeps its first four and last four characters (maskIdNumber); other text keeps its last
// four characters behind "****" when it has at least eight, else becomes "****"; any other value (numbers,
// dates, nested objects) becomes the string "****". Null stays null.
boost::json::value maskFieldValue(const FieldSpec &spec, const boost::json::value &value);

// Whether a value looks like maskFieldValue's output ("****" in it, or any '*' in a 身份证号): such a value
// must never be stored as if it were the real one.
bool looksMasked(const FieldSpec &spec, const boost::json::value &value);

// Who sees which sensitive field in clear (docs/privacy.md): village and county everything; township
// everything but the 身份证号; admin (technical) and any other role nothing sensitive. The server masks
// pulls with it; a test comparing a device's replica with the server's records expects the same.
bool roleSeesInClear(std::string_view role, const FieldSpec &spec);

// Masks, in place, the fields of a record kind that the role may not see in clear. Returns whether a
// sensitive, non-null value stays in clear (for the read audit).
bool maskFieldsForRole(std::string_view kind, boost::json::object &fields, std::string_view role);

} // namespace ruhu
