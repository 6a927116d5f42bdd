#include "schemainfo.h"

#include "qtjson.h"

#include <ruhu/model/schema.h>

namespace {
const ruhu::FieldSpec *findField(const QString &kind, const QString &field) {
    const auto *recordKind = ruhu::findRecordKind(qtjson::toStd(kind));
    return recordKind ? recordKind->field(qtjson::toStd(field)) : nullptr;
}
} // namespace

SchemaInfo::SchemaInfo(QObject *parent)
    : QObject(parent) {}

QStringList SchemaInfo::enumValues(const QString &kind, const QString &field) const {
    QStringList values;
    if (const auto *spec = findField(kind, field)) {
        for (const auto &value : spec->enumValues)
            values << qtjson::str(value);
    }
    return values;
}

QString SchemaInfo::label(const QString &kind, const QString &field) const {
    const auto *spec = findField(kind, field);
    return spec ? qtjson::str(spec->label) : field;
}
