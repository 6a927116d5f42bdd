#pragma once

#include "storelistmodel.h"

#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

struct DueHousehold {
    QString householdId;
    QString regionCode;
    QString villageName;
    QString headName;
    QString group;
    QString monitoringCategory;
    QString riskTypes;
    QString detail; // why it is due and since when, one sentence
};

// A Today list over the household index, in every village on the tablet:
//  - "monthlyVisit": 监测对象 (monitored, risk not eliminated) with no 每月走访 visit this month;
//  - "lookBack": households whose risk was eliminated within the 回头看 window (the last twelve months)
//    and that have no 回头看 visit since (docs/tablet-ui.md).
class DueHouseholdListModel : public StoreListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString list READ list WRITE setList NOTIFY listChanged)
    Q_PROPERTY(QString today READ today WRITE setToday NOTIFY todayChanged)
public:
    enum Roles {
        HouseholdIdRole = Qt::UserRole + 1,
        RegionCodeRole,
        VillageNameRole,
        HeadNameRole,
        GroupRole,
        MonitoringCategoryRole,
        RiskTypesRole,
        DetailRole
    };
    Q_ENUM(Roles)

    explicit DueHouseholdListModel(QObject *parent = nullptr);

    QString list() const { return m_list; }
    void setList(const QString &list);
    QString today() const { return m_today; }
    void setToday(const QString &date);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reload() override;

Q_SIGNALS:
    void listChanged();
    void todayChanged();

private:
    QString m_list = QStringLiteral("monthlyVisit");
    QString m_today;
    std::vector<DueHousehold> m_items;
};
