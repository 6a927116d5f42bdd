#pragma once

#include "householdrecordlistmodel.h"

// A household's 帮扶措施: category, item, status, dates and amount (元), newest start date first.
class MeasureListModel : public HouseholdRecordListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    enum Roles {
        MeasureIdRole = IdRole,
        CategoryRole,
        ItemRole,
        StatusRole,
        StartDateRole,
        AmountRole,
        DevelopmentalRole
    };
    Q_ENUM(Roles)
    using HouseholdRecordListModel::HouseholdRecordListModel;
    QHash<int, QByteArray> roleNames() const override;

protected:
    const char *kind() const override { return "measure"; }
    Row makeRow(const QString &id, const boost::json::object &fields) const override;
};
