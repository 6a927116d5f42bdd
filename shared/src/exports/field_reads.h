#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

// Reads of a record's fields for the export layouts: absent or mistyped reads as empty.
namespace ruhu::exports::detail {

inline std::string stringField(const boost::json::object *object, std::string_view key) {
    const auto *value = object ? object->if_contains(key) : nullptr;
    return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

inline const boost::json::object *objectField(const boost::json::object *object, std::string_view key) {
    const auto *value = object ? object->if_contains(key) : nullptr;
    return value && value->is_object() ? &value->get_object() : nullptr;
}

} // namespace ruhu::exports::detail
