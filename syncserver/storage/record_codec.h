#pragma once

#include <ruhu/result.h>
#include <ruhu/sync/record.h>

#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace ruhu::server {

// How every backend stores what is not a column of its own: a record's body (fields, clocks,
// versions) and an account's scope as canonical JSON text.

// The stored body: toCanonicalJson({"fields", "clocks"[, "versions"]}) byte for byte, written straight
// from the record instead of from a deep copy.
std::string recordBody(const Record &record);
// Fills fields, clocks and versions from a stored body; an error names the record as corrupt.
Status readRecordBody(std::string_view body, Record &record);

std::string scopeToJson(const std::vector<std::string> &scope);
std::vector<std::string> scopeFromJson(const std::string &text);

// Stored JSON text as a value; empty or unparsable text is null.
boost::json::value jsonOrNull(const std::string &text);

} // namespace ruhu::server
