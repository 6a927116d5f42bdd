#pragma once

#include "storelistmodel.h"

#include <ruhu/store/household_index.h>

#include <QString>
#include <QtQml/qqmlregistration.h>

#include <unordered_map>
#include <vector>

// The households of one village from the replica's household index: search by 户主姓名, 村民小组 or the
// last digits of the head's 身份证号; filters by 户类型, 监测对象类别, 流程环节 and 风险类型; four sort
// orders. Nothing sensitive is listed: the 身份证号 only as "**************1234".
// A reload fetches only the matching keys in order (one indexed query, ~1 ms for 10,000 households); the
// rows are read in blocks of 64 when a view asks for them.
class HouseholdListModel : public StoreListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString regionCode READ regionCode WRITE setRegionCode NOTIFY regionCodeChanged)
    Q_PROPERTY(QString nameFilter READ nameFilter WRITE setNameFilter NOTIFY nameFilterChanged)
    Q_PROPERTY(QString householdType READ householdType WRITE setHouseholdType NOTIFY filtersChanged)
    // A category, "-" for households that are not monitored, or empty for all.
    Q_PROPERTY(
        QString monitoringCategory READ monitoringCategory WRITE setMonitoringCategory NOTIFY filtersChanged)
    Q_PROPERTY(QString workflowStage READ workflowStage WRITE setWorkflowStage NOTIFY filtersChanged)
    Q_PROPERTY(QString riskType READ riskType WRITE setRiskType NOTIFY filtersChanged)
    // "group" (default), "name", "risk" or "lastVisit".
    Q_PROPERTY(QString sortOrder READ sortOrder WRITE setSortOrder NOTIFY filtersChanged)
    Q_PROPERTY(bool filtered READ isFiltered NOTIFY filtersChanged)
public:
    enum Roles {
        HouseholdIdRole = Qt::UserRole + 1,
        HeadNameRole,
        GroupRole,
        HouseholdTypeRole,
        MemberCountRole,
        OnServerRole,
        MonitoringCategoryRole,
        WorkflowStageRole, // the stage's Chinese label
        RiskTypesRole,     // "因病、缺劳动力"
        MaskedIdNumberRole,
        LastVisitRole,
    };
    Q_ENUM(Roles)

    explicit HouseholdListModel(QObject *parent = nullptr);

    QString regionCode() const { return m_regionCode; }
    void setRegionCode(const QString &code);
    QString nameFilter() const { return m_nameFilter; }
    void setNameFilter(const QString &filter);
    QString householdType() const { return m_householdType; }
    void setHouseholdType(const QString &value);
    QString monitoringCategory() const { return m_monitoringCategory; }
    void setMonitoringCategory(const QString &value);
    QString workflowStage() const { return m_workflowStage; }
    void setWorkflowStage(const QString &value);
    QString riskType() const { return m_riskType; }
    void setRiskType(const QString &value);
    QString sortOrder() const { return m_sortOrder; }
    void setSortOrder(const QString &value);
    bool isFiltered() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reload() override;
    Q_INVOKABLE void clearFilters();
    Q_INVOKABLE QString householdIdAt(int row) const;

Q_SIGNALS:
    void regionCodeChanged();
    void nameFilterChanged();
    void filtersChanged();

private:
    void setFilter(QString &member, const QString &value);
    const ruhu::HouseholdIndexRow &rowAt(int row) const;

    QString m_regionCode;
    QString m_nameFilter;
    QString m_householdType;
    QString m_monitoringCategory;
    QString m_workflowStage;
    QString m_riskType;
    QString m_sortOrder = QStringLiteral("group");
    std::vector<int64_t> m_keys;
    mutable std::unordered_map<int, ruhu::HouseholdIndexRow> m_rows; // by row, filled in blocks
};
