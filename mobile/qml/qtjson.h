#pragma once

#include <QString>
#include <QVariantMap>

#include <boost/json/object.hpp>

#include <string>

// Conversions between the core's std::string / boost::json and Qt types, in one place.
namespace qtjson {

inline QString str(const std::string &s) {
    return QString::fromStdString(s);
}
inline std::string toStd(const QString &s) {
    return s.toStdString();
}

// A field value as text: strings as they are, numbers in decimal, anything else (absent, null) empty.
QString text(const boost::json::object &fields, const char *name);

// Field values for the UI; values that are neither strings nor integers are skipped.
QVariantMap toVariantMap(const boost::json::object &fields);
boost::json::object toJsonObject(const QVariantMap &map);

// Core error messages name the JSON key in brackets, e.g. "姓名（name）不能为空"; a cadre does not
// need the key.
QString plainMessage(const std::string &message);

} // namespace qtjson
