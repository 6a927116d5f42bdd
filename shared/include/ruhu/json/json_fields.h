#pragma once

#include <ruhu/result.h>

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace ruhu {

// Typed reads of a member of a JSON object, with errors that name the member ("bad_request").
Result<std::string> requireString(const boost::json::object &obj, std::string_view key);
Result<int64_t> requireInt(const boost::json::object &obj, std::string_view key);
Result<const boost::json::object *> requireObject(const boost::json::object &obj, std::string_view key);
Result<const boost::json::array *> requireArray(const boost::json::object &obj, std::string_view key);
std::string optionalString(const boost::json::object &obj, std::string_view key, std::string fallback = {});
int64_t optionalInt(const boost::json::object &obj, std::string_view key, int64_t fallback = 0);
bool optionalBool(const boost::json::object &obj, std::string_view key, bool fallback = false);

} // namespace ruhu
