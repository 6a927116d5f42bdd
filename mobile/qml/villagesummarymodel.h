#pragma once

#include "storelistmodel.h"

#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

struct VillageSummary {
    QString code;
    QString name;
    int households = 0;
    int monitored = 0;
    int monthlyVisitDue = 0;
    int lookBackDue = 0;
};

// The Today page's village cards: per village in scope, households, 监测对象, due for the monthly visit
// and on the 回头看 list, counted in SQL on the household index. Totals for the page's headline.
class VillageSummaryModel : public StoreListModel {
    Q_OBJECT
    QML_ELEMENT
    // YYYY-MM-DD the due counts are for; empty: today.
    Q_PROPERTY(QString today READ today WRITE setToday NOTIFY todayChanged)
    Q_PROPERTY(int totalHouseholds READ totalHouseholds NOTIFY totalsChanged)
    Q_PROPERTY(int totalMonthlyVisitDue READ totalMonthlyVisitDue NOTIFY totalsChanged)
    Q_PROPERTY(int totalLookBackDue READ totalLookBackDue NOTIFY totalsChanged)
public:
    enum Roles {
        CodeRole = Qt::UserRole + 1,
        NameRole,
        HouseholdsRole,
        MonitoredRole,
        MonthlyVisitDueRole,
        LookBackDueRole
    };
    Q_ENUM(Roles)

    explicit VillageSummaryModel(QObject *parent = nullptr);

    QString today() const { return m_today; }
    void setToday(const QString &date);
    int totalHouseholds() const { return total(&VillageSummary::households); }
    int totalMonthlyVisitDue() const { return total(&VillageSummary::monthlyVisitDue); }
    int totalLookBackDue() const { return total(&VillageSummary::lookBackDue); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reload() override;

Q_SIGNALS:
    void todayChanged();
    void totalsChanged();

private:
    int total(int VillageSummary::*field) const;

    QString m_today;
    std::vector<VillageSummary> m_items;
};
