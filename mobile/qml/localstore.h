#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace ruhu {
class DeviceReplica;
}

// The device replica as QML sees it: a handle that list models and editors take as their `store`, and
// one `changed()` signal after every local save or applied pull so that views refresh.
// The composition root owns the instance and installs it with setInstance().
class LocalStore : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    // Not default-constructible on purpose: Qt 6.4 would then build its own singleton instead of calling
    // create().
    explicit LocalStore(ruhu::DeviceReplica *replica, QObject *parent = nullptr);

    ruhu::DeviceReplica *replica() const { return m_replica; }

    static void setInstance(LocalStore *instance);
    static LocalStore *create(QQmlEngine *, QJSEngine *);

public Q_SLOTS:
    void notifyChanged();

Q_SIGNALS:
    void changed();

private:
    ruhu::DeviceReplica *m_replica;
    static inline LocalStore *s_instance = nullptr;
};
