#include "villagelistmodel.h"

#include "qtjson.h"

#include <ruhu/store/device_replica.h>

VillageListModel::VillageListModel(QObject *parent)
    : CountedListModel(parent) {}

void VillageListModel::setStore(LocalStore *store) {
    if (store == m_store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &LocalStore::changed, this, &VillageListModel::reload);
    Q_EMIT storeChanged();
    reload();
}

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

int VillageListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant VillageListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &item = m_items[static_cast<size_t>(index.row())];
    switch (role) {
    case CodeRole:
        return item.code;
    case Qt::DisplayRole:
    case NameRole:
        return item.name;
    case HouseholdCountRole:
        return item.householdCount;
    default:
        return {};
    }
}

QHash<int, QByteArray> VillageListModel::roleNames() const {
    return {{CodeRole, "code"}, {NameRole, "name"}, {HouseholdCountRole, "householdCount"}};
}
