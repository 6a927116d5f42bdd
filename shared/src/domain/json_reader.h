#pragma once
// Internal: strict, path-aware reading of JSON objects for the household document. The first problem is
// kept as an Error whose `field` is the JSON path; later reads become no-ops.

#include <ruhu/domain/civil_date.h>
#include <ruhu/domain/money.h>
#include <ruhu/result.h>

#include <boost/json/value.hpp>

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ruhu::domain::detail {

class ErrorSlot {
public:
    bool failed() const { return m_error.has_value(); }
    void fail(const std::string &path, const std::string &problem) {
        if (!m_error)
            m_error = Error{"invalid_field", path + "：" + problem, path};
    }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

class ObjectReader {
public:
    // `value` may be null (missing optional object): every read then yields its fallback.
    ObjectReader(const boost::json::value *value, std::string path, ErrorSlot &errors);

    bool present() const { return m_object != nullptr; }
    ErrorSlot &errors() { return m_errors; }
    const std::string &path() const { return m_path; }
    std::string pathOf(std::string_view key) const;
    void fail(std::string_view key, const std::string &problem) { m_errors.fail(pathOf(key), problem); }

    std::string text(std::string_view key, bool required = false);
    std::string choice(std::string_view key, std::initializer_list<std::string_view> allowed,
                       bool required = false);
    std::string choice(std::string_view key, std::span<const std::string_view> allowed,
                       bool required = false);
    template <class E>
    E enumeration(std::string_view key, std::initializer_list<std::pair<std::string_view, E>> map, E fallback,
                  bool required = false);
    Fen money(std::string_view key, bool allowNegative = false);
    std::optional<Fen> optionalMoney(std::string_view key);
    int64_t integer(std::string_view key, int64_t min, int64_t max, int64_t fallback = 0);
    double number(std::string_view key, double min, double max);
    bool boolean(std::string_view key, bool fallback);
    std::optional<bool> optionalBool(std::string_view key);
    std::optional<CivilDate> date(std::string_view key, bool required = false);
    std::vector<std::string> strings(std::string_view key);
    const boost::json::array *array(std::string_view key);  // nullptr when missing (an empty list)
    const boost::json::value *member(std::string_view key); // marks the key as read
    void ignore(std::string_view key) { member(key); }
    void finish(); // unknown keys are errors (catches misspelt field names)

private:
    const boost::json::value *take(std::string_view key);

    const boost::json::object *m_object = nullptr;
    std::string m_path;
    ErrorSlot &m_errors;
    std::vector<std::string_view> m_read;
};

template <class E>
E ObjectReader::enumeration(std::string_view key, std::initializer_list<std::pair<std::string_view, E>> map,
                            E fallback, bool required) {
    std::string label = text(key, required);
    if (label.empty())
        return fallback;
    for (const auto &[name, value] : map) {
        if (name == label)
            return value;
    }
    std::string allowed;
    for (const auto &entry : map)
        allowed += (allowed.empty() ? "" : "|") + std::string(entry.first);
    fail(key, "值“" + label + "”不在可选范围内（" + allowed + "）");
    return fallback;
}

std::string indexPath(const std::string &path, size_t index);

} // namespace ruhu::domain::detail
