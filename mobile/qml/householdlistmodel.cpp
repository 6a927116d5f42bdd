#include "householdlistmodel.h"

#include "qtjson.h"
#include "reloadingproperty.h"

#include <ruhu/domain/workflow.h>
#include <ruhu/store/device_replica.h>

#include <algorithm>

namespace {

ruhu::HouseholdSort sortFrom(const QString &name) {
    if (name == QLatin1String("name"))
        return ruhu::HouseholdSort::Name;
    if (name == QLatin1String("risk"))
        return ruhu::HouseholdSort::Risk;
    if (name == QLatin1String("lastVisit"))
        return ruhu::HouseholdSort::LastVisit;
    return ruhu::HouseholdSort::Group;
}

QString stageLabel(const std::string &state) {
    if (state.empty())
        return {};
    const std::string_view label = ruhu::workflow::stateLabel(state);
    return QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()));
}

} // namespace

HouseholdListModel::HouseholdListModel(QObject *parent)
    : StoreListModel(parent) {}

void HouseholdListModel::setRegionCode(const QString &code) {
    setAndReload(this, m_regionCode, code, &HouseholdListModel::regionCodeChanged,
                 &HouseholdListModel::reload);
}

void HouseholdListModel::setNameFilter(const QString &filter) {
    setAndReload(this, m_nameFilter, filter.trimmed(), &HouseholdListModel::nameFilterChanged,
                 &HouseholdListModel::reload);
}

void HouseholdListModel::setFilter(QString &member, const QString &value) {
    setAndReload(this, member, value, &HouseholdListModel::filtersChanged, &HouseholdListModel::reload);
}

void HouseholdListModel::setHouseholdType(const QString &value) {
    setFilter(m_householdType, value);
}

void HouseholdListModel::setMonitoringCategory(const QString &value) {
    setFilter(m_monitoringCategory, value);
}

void HouseholdListModel::setWorkflowStage(const QString &value) {
    setFilter(m_workflowStage, value);
}

void HouseholdListModel::setRiskType(const QString &value) {
    setFilter(m_riskType, value);
}

void HouseholdListModel::setSortOrder(const QString &value) {
    setFilter(m_sortOrder, value.isEmpty() ? QStringLiteral("group") : value);
}

bool HouseholdListModel::isFiltered() const {
    return !m_householdType.isEmpty() || !m_monitoringCategory.isEmpty() || !m_workflowStage.isEmpty() ||
           !m_riskType.isEmpty();
}

void HouseholdListModel::clearFilters() {
    if (!isFiltered())
        return;
    m_householdType.clear();
    m_monitoringCategory.clear();
    m_workflowStage.clear();
    m_riskType.clear();
    Q_EMIT filtersChanged();
    reload();
}

void HouseholdListModel::reload() {
    std::vector<int64_t> keys;
    const auto *replica = m_store ? m_store->replica() : nullptr;
    if (replica && !m_regionCode.isEmpty()) {
        ruhu::HouseholdQuery query;
        query.regionCode = qtjson::toStd(m_regionCode);
        query.search = qtjson::toStd(m_nameFilter);
        query.householdType = qtjson::toStd(m_householdType);
        query.monitoringCategory = qtjson::toStd(m_monitoringCategory);
        query.workflowStage = qtjson::toStd(m_workflowStage);
        query.riskType = qtjson::toStd(m_riskType);
        query.sort = sortFrom(m_sortOrder);
        keys = replica->findHouseholdKeys(query);
    }
    m_rows.clear();
    if (keys == m_keys && !m_keys.empty()) {
        // The same households in the same order (typing on within the same hits, or a write elsewhere):
        // refresh the rows in place instead of resetting the view.
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0));
        return;
    }
    replaceItems(m_keys, std::move(keys));
}

const ruhu::HouseholdIndexRow &HouseholdListModel::rowAt(int row) const {
    static const ruhu::HouseholdIndexRow kEmpty;
    if (auto it = m_rows.find(row); it != m_rows.end())
        return it->second;
    const auto *replica = m_store ? m_store->replica() : nullptr;
    if (!replica || row < 0 || row >= rowCount())
        return kEmpty;
    constexpr int kBlock = 64;
    if (m_rows.size() > 32 * kBlock) // scrolled far: keep memory flat
        m_rows.clear();
    const int first = row / kBlock * kBlock;
    const int last = std::min(first + kBlock, rowCount());
    const std::vector<int64_t> keys(m_keys.begin() + first, m_keys.begin() + last);
    auto rows = replica->householdRows(keys);
    for (int i = first; i < last; ++i)
        m_rows.emplace(i, std::move(rows[static_cast<size_t>(i - first)]));
    return m_rows.at(row);
}

QString HouseholdListModel::householdIdAt(int row) const {
    return row >= 0 && row < rowCount() ? qtjson::str(rowAt(row).householdId) : QString();
}

int HouseholdListModel::rowCount(const QModelIndex &parent) const {
    return rowsOf(m_keys, parent);
}

QVariant HouseholdListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &item = rowAt(index.row());
    switch (role) {
    case HouseholdIdRole:
        return qtjson::str(item.householdId);
    case Qt::DisplayRole:
    case HeadNameRole:
        return qtjson::str(item.headName);
    case GroupRole:
        return qtjson::str(item.group);
    case HouseholdTypeRole:
        return qtjson::str(item.householdType);
    case MemberCountRole:
        return static_cast<int>(item.memberCount);
    case OnServerRole:
        return item.onServer;
    case MonitoringCategoryRole:
        return qtjson::str(item.monitoringCategory);
    case WorkflowStageRole:
        return stageLabel(item.workflowStage);
    case RiskTypesRole: {
        QStringList types;
        for (const auto &t : item.riskTypes)
            types << qtjson::str(t);
        return types.join(QStringLiteral("、"));
    }
    case MaskedIdNumberRole:
        return qtjson::str(ruhu::maskedIdNumber(item.idLast4));
    case LastVisitRole:
        return qtjson::str(item.lastVisit);
    default:
        return {};
    }
}

QHash<int, QByteArray> HouseholdListModel::roleNames() const {
    return {{HouseholdIdRole, "householdId"},
            {HeadNameRole, "headName"},
            {GroupRole, "group"},
            {HouseholdTypeRole, "householdType"},
            {MemberCountRole, "memberCount"},
            {OnServerRole, "onServer"},
            {MonitoringCategoryRole, "monitoringCategory"},
            {WorkflowStageRole, "workflowStage"},
            {RiskTypesRole, "riskTypes"},
            {MaskedIdNumberRole, "maskedIdNumber"},
            {LastVisitRole, "lastVisit"}};
}
