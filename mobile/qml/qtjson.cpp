#include "qtjson.h"

#include <QRegularExpression>

namespace qtjson {

QString text(const boost::json::object &fields, const char *name) {
    const auto *value = fields.if_contains(name);
    if (!value)
        return {};
    if (value->is_string())
        return str(std::string(value->get_string()));
    if (value->is_int64())
        return QString::number(value->get_int64());
    if (value->is_uint64())
        return QString::number(value->get_uint64());
    return {};
}

QVariantMap toVariantMap(const boost::json::object &fields) {
    QVariantMap map;
    for (const auto &kv : fields) {
        const QString key = str(std::string(kv.key()));
        if (kv.value().is_string())
            map.insert(key, str(std::string(kv.value().get_string())));
        else if (kv.value().is_int64())
            map.insert(key, qint64(kv.value().get_int64()));
        else if (kv.value().is_bool())
            map.insert(key, kv.value().get_bool());
    }
    return map;
}

boost::json::object toJsonObject(const QVariantMap &map) {
    boost::json::object object;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const std::string key = toStd(it.key());
        switch (it.value().typeId()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            object[key] = it.value().toLongLong();
            break;
        case QMetaType::Double: { // numbers that went through JavaScript
            const double d = it.value().toDouble();
            if (d == static_cast<double>(static_cast<int64_t>(d)))
                object[key] = static_cast<int64_t>(d);
            else
                object[key] = d;
            break;
        }
        case QMetaType::Bool:
            object[key] = it.value().toBool();
            break;
        default:
            object[key] = toStd(it.value().toString());
        }
    }
    return object;
}

QString plainMessage(const std::string &message) {
    static const QRegularExpression key(QStringLiteral("（[A-Za-z0-9_.]+）"));
    return str(message).remove(key);
}

} // namespace qtjson
