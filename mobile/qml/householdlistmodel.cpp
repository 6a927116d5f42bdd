#include "householdlistmodel.h"

#include "qtjson.h"

#include <ruhu/store/device_replica.h>

HouseholdListModel::HouseholdListModel(QObject *parent)
    : CountedListModel(parent) {}

void HouseholdListModel::setStore(LocalStore *store) {
    if (store == m_store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &LocalStore::changed, this, &HouseholdListModel::reload);
    Q_EMIT storeChanged();
    reload();
}

void HouseholdListModel::setRegionCode(const QString &code) {
    if (code == m_regionCode)
        return;
    m_regionCode = code;
    Q_EMIT regionCodeChanged();
    reload();
}

void HouseholdListModel::setNameFilter(const QString &filter) {
    const QString trimmed = filter.trimmed();
    if (trimmed == m_nameFilter)
        return;
    m_nameFilter = trimmed;
    Q_EMIT nameFilterChanged();
    reload();
}

void HouseholdListModel::reload() {
    std::vector<HouseholdItem> items;
    const auto *replica = m_store ? m_store->replica() : nullptr;
    if (replica && !m_regionCode.isEmpty()) {
        for (const auto &record :
             replica->households(qtjson::toStd(m_regionCode), qtjson::toStd(m_nameFilter))) {
            HouseholdItem item;
            item.id = qtjson::str(record.id);
            item.headName = qtjson::text(record.fields, "headName");
            item.group = qtjson::text(record.fields, "group");
            item.householdType = qtjson::text(record.fields, "householdType");
            item.memberCount = static_cast<int>(replica->members(record.id).size());
            item.onServer = record.version > 0;
            items.push_back(std::move(item));
        }
    }
    replaceItems(m_items, std::move(items));
}

int HouseholdListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant HouseholdListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &item = m_items[static_cast<size_t>(index.row())];
    switch (role) {
    case HouseholdIdRole:
        return item.id;
    case Qt::DisplayRole:
    case HeadNameRole:
        return item.headName;
    case GroupRole:
        return item.group;
    case HouseholdTypeRole:
        return item.householdType;
    case MemberCountRole:
        return item.memberCount;
    case OnServerRole:
        return item.onServer;
    default:
        return {};
    }
}

QHash<int, QByteArray> HouseholdListModel::roleNames() const {
    return {
        {HouseholdIdRole, "householdId"},     {HeadNameRole, "headName"},       {GroupRole, "group"},
        {HouseholdTypeRole, "householdType"}, {MemberCountRole, "memberCount"}, {OnServerRole, "onServer"}};
}
