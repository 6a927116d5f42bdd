#pragma once

#include "storelistmodel.h"

#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

struct VillageItem {
    QString code; // 12-digit 行政区划代码
    QString name;
    int householdCount = 0;
};

// The villages in the signed-in user's scope, with how many households the tablet holds for each.
class VillageListModel : public StoreListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    enum Roles { CodeRole = Qt::UserRole + 1, NameRole, HouseholdCountRole };
    Q_ENUM(Roles)

    explicit VillageListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reload() override;

private:
    std::vector<VillageItem> m_items;
};
