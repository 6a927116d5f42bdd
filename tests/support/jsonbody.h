#pragma once

#include <QByteArray>

#include <boost/json.hpp>

#include <string>
#include <string_view>

// Request and answer bodies as boost::json values, for the integration tests that speak JSON to ruhu-syncd.
namespace ruhu::test {

inline QByteArray bytes(const boost::json::value &v) {
    return QByteArray::fromStdString(boost::json::serialize(v));
}

// The body parsed; null when it is not JSON.
inline boost::json::value parsed(const QByteArray &body) {
    boost::system::error_code ec;
    auto v = boost::json::parse(std::string_view(body.constData(), size_t(body.size())), ec);
    return ec ? boost::json::value() : v;
}

// A string member of an object, or "" (missing, another type, not an object).
inline std::string text(const boost::json::value &v, std::string_view key) {
    const auto *o = v.if_object();
    const auto *x = o ? o->if_contains(key) : nullptr;
    return x && x->is_string() ? std::string(x->get_string()) : std::string();
}

} // namespace ruhu::test
