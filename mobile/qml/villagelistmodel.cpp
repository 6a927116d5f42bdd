#include "villagelistmodel.h"

#include "qtjson.h"

#include <ruhu/store/device_replica.h>

VillageListModel::VillageListModel(QObject *parent)
    : StoreListModel(parent) {}

void VillageListModel::reload() {
    std::vector<VillageItem> items;
    if (const auto *replica = m_store ? m_store->replica() : nullptr) {
        for (const auto &area : replica->areas()) {
            if (area.level != "village")
                continue;
            items.push_back({qtjson::str(area.code), qtjson::str(area.name),
                             static_cast<int>(replica->householdCount(area.code))});
        }
    }
    replaceItems(m_items, std::move(items));
}

namespace {
const ItemRole<VillageItem> kRoles[] = {
    {VillageListModel::CodeRole, "code", &VillageItem::code},
    {VillageListModel::NameRole, "name", &VillageItem::name},
    {VillageListModel::HouseholdCountRole, "householdCount", &VillageItem::householdCount},
};
} // namespace

int VillageListModel::rowCount(const QModelIndex &parent) const {
    return rowsOf(m_items, parent);
}

QVariant VillageListModel::data(const QModelIndex &index, int role) const {
    return itemData(m_items, index, role == Qt::DisplayRole ? NameRole : role, kRoles);
}

QHash<int, QByteArray> VillageListModel::roleNames() const {
    return roleNamesOf(kRoles);
}
