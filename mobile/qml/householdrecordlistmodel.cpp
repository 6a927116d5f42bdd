#include "householdrecordlistmodel.h"

#include "qtjson.h"
#include "reloadingproperty.h"

#include <ruhu/store/device_replica.h>

#include <algorithm>

void HouseholdRecordListModel::setHouseholdId(const QString &id) {
    setAndReload(this, m_householdId, id, &HouseholdRecordListModel::householdIdChanged,
                 &HouseholdRecordListModel::reload);
}

void HouseholdRecordListModel::reload() {
    std::vector<Row> rows;
    if (const auto *replica = m_store ? m_store->replica() : nullptr; replica && !m_householdId.isEmpty()) {
        for (const auto &record : replica->householdRecords(kind(), qtjson::toStd(m_householdId)))
            rows.push_back(makeRow(qtjson::str(record.id), record.fields));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return a.sortKey != b.sortKey ? a.sortKey > b.sortKey : a.id > b.id;
    });
    replaceItems(m_rows, std::move(rows));
}

int HouseholdRecordListModel::indexOf(const QString &recordId) const {
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == recordId)
            return int(i);
    return -1;
}

QString HouseholdRecordListModel::recordIdAt(int row) const {
    return row >= 0 && row < rowCount() ? m_rows[size_t(row)].id : QString();
}

int HouseholdRecordListModel::rowCount(const QModelIndex &parent) const {
    return rowsOf(m_rows, parent);
}

QVariant HouseholdRecordListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &row = m_rows[size_t(index.row())];
    if (role == IdRole)
        return row.id;
    const QByteArray name = roleNames().value(role == Qt::DisplayRole ? IdRole + 1 : role);
    return row.values.value(QString::fromLatin1(name));
}
