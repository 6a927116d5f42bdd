#include "localstore.h"

#include <QJSEngine>

LocalStore::LocalStore(ruhu::DeviceReplica *replica, QObject *parent)
    : QObject(parent)
    , m_replica(replica) {}

void LocalStore::setInstance(LocalStore *instance) {
    s_instance = instance;
}

LocalStore *LocalStore::create(QQmlEngine *, QJSEngine *) {
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void LocalStore::notifyChanged() {
    Q_EMIT changed();
}
