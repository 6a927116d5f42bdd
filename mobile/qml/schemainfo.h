#pragma once

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

// The declared data model (shared/src/model/record_kinds.cpp) for QML: labels and choice lists come
// from the one schema instead of being repeated in the pages.
class SchemaInfo : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Schema)
    QML_SINGLETON
public:
    explicit SchemaInfo(QObject *parent = nullptr);

    // The allowed values of an enum field, e.g. enumValues("member", "relationToHead").
    Q_INVOKABLE QStringList enumValues(const QString &kind, const QString &field) const;
    // The Chinese label of a field, e.g. label("household", "group") gives 村民小组.
    Q_INVOKABLE QString label(const QString &kind, const QString &field) const;
};
