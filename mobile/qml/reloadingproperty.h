#pragma once

#include "localstore.h"

#include <QObject>
#include <QPointer>

#include <utility>

// Setters of the QML-facing models and editors whose every input property change re-reads the store:
// assign, say so, reload. Both do nothing when the value is unchanged.

// Assigns `value` to `member`, then emits `changed` and calls `reload` on `owner`.
template <class Owner, class T, class U>
void setAndReload(Owner *owner, T &member, U &&value, void (Owner::*changed)(), void (Owner::*reload)()) {
    if (member == value)
        return;
    member = std::forward<U>(value);
    Q_EMIT(owner->*changed)();
    (owner->*reload)();
}

// Points `member` at `store` and reloads `owner` whenever that store changes (instead of the previous
// store), then emits `changed` and reloads once.
template <class Owner>
void setStoreAndReload(Owner *owner, QPointer<LocalStore> &member, LocalStore *store,
                       void (Owner::*changed)(), void (Owner::*reload)()) {
    if (store == member)
        return;
    if (member)
        QObject::disconnect(member, nullptr, owner, nullptr);
    member = store;
    if (member)
        QObject::connect(member, &LocalStore::changed, owner, reload);
    Q_EMIT(owner->*changed)();
    (owner->*reload)();
}
