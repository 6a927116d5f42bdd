#pragma once

#include "countedlistmodel.h"
#include "localstore.h"

#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

struct VillageItem {
    QString code; // 12-digit 行政区划代码
    QString name;
    int householdCount = 0;
};

// The villages in the signed-in user's scope, with how many households the tablet holds for each.
class VillageListModel : public CountedListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(LocalStore *store READ store WRITE setStore NOTIFY storeChanged)
public:
    enum Roles { CodeRole = Qt::UserRole + 1, NameRole, HouseholdCountRole };
    Q_ENUM(Roles)

    explicit VillageListModel(QObject *parent = nullptr);

    LocalStore *store() const { return m_store; }
    void setStore(LocalStore *store);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void storeChanged();

private:
    QPointer<LocalStore> m_store;
    std::vector<VillageItem> m_items;
};
