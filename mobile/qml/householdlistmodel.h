#pragma once

#include "countedlistmodel.h"
#include "localstore.h"

#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

// One row of the household list. No 身份证号 and no phone: lists show nothing sensitive.
struct HouseholdItem {
    QString id;
    QString headName;
    QString group;
    QString householdType;
    int memberCount = 0;
    bool onServer = false; // false: created on this tablet and not yet synced
};

// The households of one village, filtered by 户主姓名, ordered by 村民小组 (the replica's order).
class HouseholdListModel : public CountedListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(LocalStore *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString regionCode READ regionCode WRITE setRegionCode NOTIFY regionCodeChanged)
    Q_PROPERTY(QString nameFilter READ nameFilter WRITE setNameFilter NOTIFY nameFilterChanged)
public:
    enum Roles {
        HouseholdIdRole = Qt::UserRole + 1,
        HeadNameRole,
        GroupRole,
        HouseholdTypeRole,
        MemberCountRole,
        OnServerRole,
    };
    Q_ENUM(Roles)

    explicit HouseholdListModel(QObject *parent = nullptr);

    LocalStore *store() const { return m_store; }
    void setStore(LocalStore *store);
    QString regionCode() const { return m_regionCode; }
    void setRegionCode(const QString &code);
    QString nameFilter() const { return m_nameFilter; }
    void setNameFilter(const QString &filter);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void storeChanged();
    void regionCodeChanged();
    void nameFilterChanged();

private:
    QPointer<LocalStore> m_store;
    QString m_regionCode;
    QString m_nameFilter;
    std::vector<HouseholdItem> m_items;
};
