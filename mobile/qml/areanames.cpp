#include "areanames.h"

#include "qtjson.h"

#include <ruhu/store/device_replica.h>

#include <QDate>

QHash<QString, QString> areaNames(const ruhu::DeviceReplica &replica) {
    QHash<QString, QString> names;
    for (const auto &area : replica.areas())
        names.insert(qtjson::str(area.code), qtjson::str(area.name));
    return names;
}

QString isoDateOr(const QString &overrideDate) {
    return overrideDate.isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : overrideDate;
}
