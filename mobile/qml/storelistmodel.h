#pragma once

#include "countedlistmodel.h"
#include "localstore.h"
#include "reloadingproperty.h"

#include <QPointer>
#include <QtQml/qqmlregistration.h>

// A list model read from the LocalStore: reloaded when `store` is set and whenever the store changes.
class StoreListModel : public CountedListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(LocalStore *store READ store WRITE setStore NOTIFY storeChanged)
public:
    using CountedListModel::CountedListModel;

    LocalStore *store() const { return m_store; }
    void setStore(LocalStore *store) {
        setStoreAndReload(this, m_store, store, &StoreListModel::storeChanged, &StoreListModel::reload);
    }

public Q_SLOTS:
    virtual void reload() = 0;

Q_SIGNALS:
    void storeChanged();

protected:
    QPointer<LocalStore> m_store;
};
