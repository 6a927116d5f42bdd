#pragma once

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

// The choices of the household list's filters, each {value, label}: household types and 风险类型 from
// the declared data model, 监测对象类别 from the domain, 流程环节 from the workflow's states.
class HouseholdFilterOptions : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QVariantList householdTypes READ householdTypes CONSTANT)
    Q_PROPERTY(QVariantList monitoringCategories READ monitoringCategories CONSTANT)
    Q_PROPERTY(QVariantList workflowStages READ workflowStages CONSTANT)
    Q_PROPERTY(QVariantList riskTypes READ riskTypes CONSTANT)
public:
    explicit HouseholdFilterOptions(QObject *parent = nullptr);

    QVariantList householdTypes() const;
    QVariantList monitoringCategories() const;
    QVariantList workflowStages() const;
    QVariantList riskTypes() const;
};
