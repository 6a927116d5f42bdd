#include "duplicate_keys.h"

#include <ruhu/json/canonical_json.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ruhu {
namespace {

void writeCanonical(const boost::json::value &v, std::string &out) {
    switch (v.kind()) {
    case boost::json::kind::object: {
        const auto &obj = v.get_object();
        std::vector<const boost::json::key_value_pair *> entries;
        entries.reserve(obj.size());
        for (const auto &kv : obj)
            entries.push_back(&kv);
        std::sort(entries.begin(), entries.end(),
                  [](const auto *a, const auto *b) { return a->key() < b->key(); });
        out.push_back('{');
        bool first = true;
        for (const auto *kv : entries) {
            if (!first)
                out.push_back(',');
            first = false;
            out += boost::json::serialize(boost::json::string_view(kv->key()));
            out.push_back(':');
            writeCanonical(kv->value(), out);
        }
        out.push_back('}');
        break;
    }
    case boost::json::kind::array: {
        out.push_back('[');
        bool first = true;
        for (const auto &item : v.get_array()) {
            if (!first)
                out.push_back(',');
            first = false;
            writeCanonical(item, out);
        }
        out.push_back(']');
        break;
    }
    default:
        out += boost::json::serialize(v);
        break;
    }
}

// Boost.JSON reads 1e400 as infinity and would print it back as "Infinity", which is not JSON: a record
// holding one could never be read again.
bool allNumbersFinite(const boost::json::value &v) {
    switch (v.kind()) {
    case boost::json::kind::double_:
        return std::isfinite(v.get_double());
    case boost::json::kind::array:
        return std::all_of(v.get_array().begin(), v.get_array().end(), allNumbersFinite);
    case boost::json::kind::object:
        return std::all_of(v.get_object().begin(), v.get_object().end(),
                           [](const auto &kv) { return allNumbersFinite(kv.value()); });
    default:
        return true;
    }
}

} // namespace

std::string toCanonicalJson(const boost::json::value &value) {
    std::string out;
    writeCanonical(value, out);
    return out;
}

Result<boost::json::value> parseJson(std::string_view text) {
    boost::system::error_code ec;
    boost::json::parse_options options;
    options.max_depth = 64;
    auto value = boost::json::parse(boost::json::string_view(text.data(), text.size()), ec, {}, options);
    if (ec)
        return Error{"malformed_json", "JSON 格式错误: " + ec.message(), ""};
    if (!allNumbersFinite(value))
        return Error{"malformed_json", "JSON 中的数字超出范围", ""};
    if (hasDuplicateKeys(text))
        return Error{"malformed_json", "JSON 对象中有重复的键", ""};
    return value;
}

bool isCanonicalJson(std::string_view text) {
    auto parsed = parseJson(text);
    return parsed.ok() && toCanonicalJson(*parsed) == text;
}

} // namespace ruhu
