#include "record_codec.h"

#include <ruhu/json/canonical_json.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <charconv>

namespace ruhu::server {
namespace {

// A string as Boost.JSON serializes it (so as toCanonicalJson writes it): only '"', '\\' and control
// characters are escaped. The common case, nothing to escape, skips the serializer and its allocation.
void appendJsonString(std::string_view text, std::string &out) {
    const bool plain = std::none_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\';
    });
    if (plain) {
        out.push_back('"');
        out.append(text);
        out.push_back('"');
    } else {
        out += boost::json::serialize(boost::json::string_view(text.data(), text.size()));
    }
}

// toCanonicalJson(value) appended to out, with the scalars records are mostly made of (strings, integers,
// booleans) written directly; everything else goes through toCanonicalJson itself.
void appendCanonical(const boost::json::value &value, std::string &out) {
    char digits[24];
    switch (value.kind()) {
    case boost::json::kind::string:
        appendJsonString(value.get_string(), out);
        return;
    case boost::json::kind::int64: {
        auto end = std::to_chars(digits, digits + sizeof digits, value.get_int64()).ptr;
        out.append(digits, end);
        return;
    }
    case boost::json::kind::uint64: {
        auto end = std::to_chars(digits, digits + sizeof digits, value.get_uint64()).ptr;
        out.append(digits, end);
        return;
    }
    case boost::json::kind::bool_:
        out += value.get_bool() ? "true" : "false";
        return;
    case boost::json::kind::null:
        out += "null";
        return;
    default:
        out += toCanonicalJson(value);
        return;
    }
}

// toCanonicalJson of an object, without first copying it into a boost::json::value.
void appendCanonical(const boost::json::object &object, std::string &out) {
    std::vector<const boost::json::key_value_pair *> entries;
    entries.reserve(object.size());
    for (const auto &kv : object)
        entries.push_back(&kv);
    std::sort(entries.begin(), entries.end(),
              [](const auto *a, const auto *b) { return a->key() < b->key(); });
    out.push_back('{');
    for (size_t i = 0; i < entries.size(); ++i) {
        if (i)
            out.push_back(',');
        appendJsonString(entries[i]->key(), out);
        out.push_back(':');
        appendCanonical(entries[i]->value(), out);
    }
    out.push_back('}');
}

} // namespace

// The stored body: toCanonicalJson({"fields", "clocks"[, "versions"]}) byte for byte (keys in canonical
// order: clocks < fields < versions), written straight from the record instead of from a deep copy.
std::string recordBody(const Record &record) {
    std::string out;
    out.reserve(64 * (record.fields.size() + 1));
    out += "{\"clocks\":";
    appendCanonical(record.clocks, out);
    out += ",\"fields\":";
    appendCanonical(record.fields, out);
    if (!record.versions.empty()) {
        out += ",\"versions\":";
        appendCanonical(record.versions, out);
    }
    out.push_back('}');
    return out;
}

boost::json::value jsonOrNull(const std::string &text) {
    if (text.empty())
        return nullptr;
    auto parsed = parseJson(text);
    return parsed ? *parsed : boost::json::value();
}

std::string scopeToJson(const std::vector<std::string> &scope) {
    boost::json::array list;
    for (const auto &code : scope)
        list.emplace_back(code);
    return toCanonicalJson(list);
}

std::vector<std::string> scopeFromJson(const std::string &text) {
    std::vector<std::string> scope;
    auto parsed = parseJson(text);
    if (!parsed || !parsed->is_array())
        return scope;
    for (const auto &v : parsed->get_array()) {
        if (v.is_string())
            scope.emplace_back(v.get_string());
    }
    return scope;
}

Status readRecordBody(std::string_view text, Record &r) {
    auto body = parseJson(text);
    if (!body || !body->is_object())
        return Error{"storage", "数据库中的记录已损坏（" + r.kind + " " + r.id + "）", ""};
    // Moved, not copied, out of the parsed body (same memory resource: a move is a pointer swap).
    auto &o = body->get_object();
    if (auto it = o.find("fields"); it != o.end() && it->value().is_object())
        r.fields = std::move(it->value().get_object());
    if (auto it = o.find("clocks"); it != o.end() && it->value().is_object())
        r.clocks = std::move(it->value().get_object());
    if (auto it = o.find("versions"); it != o.end() && it->value().is_object())
        r.versions = std::move(it->value().get_object());
    return okStatus();
}

} // namespace ruhu::server
