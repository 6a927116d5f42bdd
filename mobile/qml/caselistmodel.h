#pragma once

#include "storelistmodel.h"

#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

struct CaseRow {
    QString caseId;
    QString householdId;
    QString regionCode;
    QString villageName;
    QString headName;
    QString state;
    QString stateLabel;
    QString what; // what is due: the case's attention (shared caseAttention) or its next village step
    QString dueText; // by when, relative: "还剩2个工作日（12月9日）"; empty when the case has no deadline
    QString dueDate; // YYYY-MM-DD, empty when none
    int overdue = 0;
};

// The Today list "待村里办理的监测案件": open cases (workflowCase records in every village on the tablet)
// whose next step is the village's (workflow::nextTier), overdue first, then by deadline, then by head.
// What is due and by when come from cases::caseAttention on the working-day calendar.
class CaseListModel : public StoreListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString today READ today WRITE setToday NOTIFY todayChanged)
public:
    enum Roles {
        CaseIdRole = Qt::UserRole + 1,
        HouseholdIdRole,
        RegionCodeRole,
        VillageNameRole,
        HeadNameRole,
        StateRole,
        StateLabelRole,
        WhatRole,
        DueTextRole,
        DueDateRole,
        OverdueRole
    };
    Q_ENUM(Roles)

    explicit CaseListModel(QObject *parent = nullptr);

    QString today() const { return m_today; }
    void setToday(const QString &date);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reload() override;

Q_SIGNALS:
    void todayChanged();

private:
    QString m_today;
    std::vector<CaseRow> m_items;
};
