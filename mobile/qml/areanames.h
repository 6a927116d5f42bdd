#pragma once

#include <QHash>
#include <QString>

namespace ruhu {
class DeviceReplica;
}

// 行政区划代码 → name for the areas of the signed-in user's scope (from the last login).
QHash<QString, QString> areaNames(const ruhu::DeviceReplica &replica);

// Today's date as the index's due dates expect it (YYYY-MM-DD), or the override when one is set.
QString isoDateOr(const QString &overrideDate);
