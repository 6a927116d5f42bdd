#include "villagesummarymodel.h"

#include "areanames.h"
#include "qtjson.h"
#include "reloadingproperty.h"

#include <ruhu/store/device_replica.h>

VillageSummaryModel::VillageSummaryModel(QObject *parent)
    : StoreListModel(parent) {}

void VillageSummaryModel::setToday(const QString &date) {
    setAndReload(this, m_today, date, &VillageSummaryModel::todayChanged, &VillageSummaryModel::reload);
}

void VillageSummaryModel::reload() {
    std::vector<VillageSummary> items;
    if (const auto *replica = m_store ? m_store->replica() : nullptr) {
        const auto counts = replica->villageCounts(qtjson::toStd(isoDateOr(m_today)));
        // Every village in scope gets a card, also one the tablet holds no household for yet.
        for (const auto &area : replica->areas()) {
            if (area.level != "village")
                continue;
            VillageSummary item{qtjson::str(area.code), qtjson::str(area.name)};
            for (const auto &c : counts) {
                if (c.regionCode == area.code) {
                    item.households = static_cast<int>(c.households);
                    item.monitored = static_cast<int>(c.monitored);
                    item.monthlyVisitDue = static_cast<int>(c.monthlyVisitDue);
                    item.lookBackDue = static_cast<int>(c.lookBackDue);
                }
            }
            items.push_back(std::move(item));
        }
    }
    replaceItems(m_items, std::move(items));
    Q_EMIT totalsChanged();
}

int VillageSummaryModel::total(int VillageSummary::*field) const {
    int sum = 0;
    for (const auto &item : m_items)
        sum += item.*field;
    return sum;
}

namespace {
const ItemRole<VillageSummary> kRoles[] = {
    {VillageSummaryModel::CodeRole, "code", &VillageSummary::code},
    {VillageSummaryModel::NameRole, "name", &VillageSummary::name},
    {VillageSummaryModel::HouseholdsRole, "households", &VillageSummary::households},
    {VillageSummaryModel::MonitoredRole, "monitored", &VillageSummary::monitored},
    {VillageSummaryModel::MonthlyVisitDueRole, "monthlyVisitDue", &VillageSummary::monthlyVisitDue},
    {VillageSummaryModel::LookBackDueRole, "lookBackDue", &VillageSummary::lookBackDue},
};
} // namespace

int VillageSummaryModel::rowCount(const QModelIndex &parent) const {
    return rowsOf(m_items, parent);
}

QVariant VillageSummaryModel::data(const QModelIndex &index, int role) const {
    return itemData(m_items, index, role == Qt::DisplayRole ? NameRole : role, kRoles);
}

QHash<int, QByteArray> VillageSummaryModel::roleNames() const {
    return roleNamesOf(kRoles);
}
