#pragma once

#include "householdrecordlistmodel.h"

// A household's 走访记录 (每月走访, 回头看, 电话 …): type, date, visitors and the noted findings, newest
// first.
class VisitListModel : public HouseholdRecordListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    enum Roles { VisitIdRole = IdRole, TypeRole, DateRole, VisitorsRole, NotesRole };
    Q_ENUM(Roles)
    using HouseholdRecordListModel::HouseholdRecordListModel;
    QHash<int, QByteArray> roleNames() const override;

protected:
    const char *kind() const override { return "visit"; }
    Row makeRow(const QString &id, const boost::json::object &fields) const override;
};
