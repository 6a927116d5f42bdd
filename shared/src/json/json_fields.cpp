#include <ruhu/json/json_fields.h>

namespace ruhu {
namespace {

Error typeError(std::string_view key, const char *expected) {
    return Error{"bad_request", "字段“" + std::string(key) + "”应为" + expected, std::string(key)};
}

const boost::json::value *member(const boost::json::object &obj, std::string_view key) {
    auto it = obj.find(boost::json::string_view(key.data(), key.size()));
    return it == obj.end() ? nullptr : &it->value();
}

} // namespace

Result<std::string> requireString(const boost::json::object &obj, std::string_view key) {
    const auto *v = member(obj, key);
    if (!v || !v->is_string())
        return typeError(key, "字符串");
    return std::string(v->get_string());
}

Result<int64_t> requireInt(const boost::json::object &obj, std::string_view key) {
    const auto *v = member(obj, key);
    if (v && v->is_int64())
        return v->get_int64();
    if (v && v->is_uint64() && v->get_uint64() <= static_cast<uint64_t>(INT64_MAX))
        return static_cast<int64_t>(v->get_uint64());
    return typeError(key, "整数");
}

Result<const boost::json::object *> requireObject(const boost::json::object &obj, std::string_view key) {
    const auto *v = member(obj, key);
    if (!v || !v->is_object())
        return typeError(key, "对象");
    return &v->get_object();
}

Result<const boost::json::array *> requireArray(const boost::json::object &obj, std::string_view key) {
    const auto *v = member(obj, key);
    if (!v || !v->is_array())
        return typeError(key, "数组");
    return &v->get_array();
}

std::string optionalString(const boost::json::object &obj, std::string_view key, std::string fallback) {
    const auto *v = member(obj, key);
    return v && v->is_string() ? std::string(v->get_string()) : fallback;
}

int64_t optionalInt(const boost::json::object &obj, std::string_view key, int64_t fallback) {
    const auto *v = member(obj, key);
    return v && v->is_int64() ? v->get_int64() : fallback;
}

bool optionalBool(const boost::json::object &obj, std::string_view key, bool fallback) {
    const auto *v = member(obj, key);
    return v && v->is_bool() ? v->get_bool() : fallback;
}

} // namespace ruhu
