#include "duehouseholdlistmodel.h"

#include "areanames.h"
#include "qtjson.h"
#include "reloadingproperty.h"

#include <ruhu/store/device_replica.h>

DueHouseholdListModel::DueHouseholdListModel(QObject *parent)
    : StoreListModel(parent) {}

void DueHouseholdListModel::setList(const QString &list) {
    setAndReload(this, m_list, list, &DueHouseholdListModel::listChanged, &DueHouseholdListModel::reload);
}

void DueHouseholdListModel::setToday(const QString &date) {
    setAndReload(this, m_today, date, &DueHouseholdListModel::todayChanged, &DueHouseholdListModel::reload);
}

void DueHouseholdListModel::reload() {
    std::vector<DueHousehold> items;
    if (const auto *replica = m_store ? m_store->replica() : nullptr) {
        const bool lookBack = m_list == QLatin1String("lookBack");
        ruhu::HouseholdQuery query;
        query.due = lookBack ? ruhu::HouseholdQuery::Due::LookBack : ruhu::HouseholdQuery::Due::MonthlyVisit;
        query.today = qtjson::toStd(isoDateOr(m_today));
        query.sort = ruhu::HouseholdSort::LastVisit;
        const auto names = areaNames(*replica);
        for (const auto &row : replica->findHouseholds(query)) {
            DueHousehold item;
            item.householdId = qtjson::str(row.householdId);
            item.regionCode = qtjson::str(row.regionCode);
            item.villageName = names.value(item.regionCode);
            item.headName = qtjson::str(row.headName);
            item.group = qtjson::str(row.group);
            item.monitoringCategory = qtjson::str(row.monitoringCategory);
            QStringList types;
            for (const auto &t : row.riskTypes)
                types << qtjson::str(t);
            item.riskTypes = types.join(QStringLiteral("、"));
            if (lookBack) {
                item.detail = tr("%1 风险已消除，尚未回头看").arg(qtjson::str(row.eliminatedOn).left(7));
            } else if (row.lastMonthlyVisit.empty()) {
                item.detail = tr("还没有每月走访记录");
            } else {
                item.detail = tr("本月尚未走访，上次每月走访 %1").arg(qtjson::str(row.lastMonthlyVisit));
            }
            items.push_back(std::move(item));
        }
    }
    replaceItems(m_items, std::move(items));
}

namespace {
const ItemRole<DueHousehold> kRoles[] = {
    {DueHouseholdListModel::HouseholdIdRole, "householdId", &DueHousehold::householdId},
    {DueHouseholdListModel::RegionCodeRole, "regionCode", &DueHousehold::regionCode},
    {DueHouseholdListModel::VillageNameRole, "villageName", &DueHousehold::villageName},
    {DueHouseholdListModel::HeadNameRole, "headName", &DueHousehold::headName},
    {DueHouseholdListModel::GroupRole, "group", &DueHousehold::group},
    {DueHouseholdListModel::MonitoringCategoryRole, "monitoringCategory", &DueHousehold::monitoringCategory},
    {DueHouseholdListModel::RiskTypesRole, "riskTypes", &DueHousehold::riskTypes},
    {DueHouseholdListModel::DetailRole, "detail", &DueHousehold::detail},
};
} // namespace

int DueHouseholdListModel::rowCount(const QModelIndex &parent) const {
    return rowsOf(m_items, parent);
}

QVariant DueHouseholdListModel::data(const QModelIndex &index, int role) const {
    return itemData(m_items, index, role == Qt::DisplayRole ? HeadNameRole : role, kRoles);
}

QHash<int, QByteArray> DueHouseholdListModel::roleNames() const {
    return roleNamesOf(kRoles);
}
