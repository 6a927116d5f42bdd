#pragma once

#include <ruhu/result.h>

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace ruhu {

// Canonical JSON: object keys sorted by their UTF-8 bytes, no insignificant whitespace, strings escaped
// as Boost.JSON does, numbers as Boost.JSON prints them. Parsing canonical text and writing it again gives
// the same bytes, so hashes and signatures over records are stable on every device and on the server.
std::string toCanonicalJson(const boost::json::value &value);

// Parses JSON text; malformed input, a non-finite number or an object naming a key twice becomes an Error
// with code "malformed_json".
Result<boost::json::value> parseJson(std::string_view text);

// True when the text is valid JSON already in canonical form.
bool isCanonicalJson(std::string_view text);

} // namespace ruhu
