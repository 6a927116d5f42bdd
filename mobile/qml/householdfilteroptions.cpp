#include "householdfilteroptions.h"

#include "surveychoices.h"

#include <ruhu/domain/workflow.h>
#include <ruhu/model/schema.h>
#include <ruhu/store/household_index.h>

#include <QVariantMap>

namespace {

QVariantMap option(const QString &value, const QString &label) {
    return {{QStringLiteral("value"), value}, {QStringLiteral("label"), label}};
}

QString fromView(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

HouseholdFilterOptions::HouseholdFilterOptions(QObject *parent)
    : QObject(parent) {}

QVariantList HouseholdFilterOptions::householdTypes() const {
    QVariantList out;
    if (const auto *kind = ruhu::findRecordKind("household")) {
        if (const auto *field = kind->field("householdType")) {
            for (const auto &value : field->enumValues)
                out << option(QString::fromStdString(value), QString::fromStdString(value));
        }
    }
    return out;
}

QVariantList HouseholdFilterOptions::monitoringCategories() const {
    QVariantList out;
    for (const char *category : {"脱贫不稳定户", "边缘易致贫户", "突发严重困难户"})
        out << option(QString::fromUtf8(category), QString::fromUtf8(category));
    out << option(fromView(ruhu::kNotMonitored), tr("非监测对象"));
    return out;
}

QVariantList HouseholdFilterOptions::workflowStages() const {
    QVariantList out;
    for (const auto &state : ruhu::workflow::states())
        out << option(fromView(state.name), fromView(state.label));
    return out;
}

QVariantList HouseholdFilterOptions::riskTypes() const {
    QVariantList out;
    for (const auto &label : riskTypeLabels())
        out << option(label, label);
    return out;
}
