#pragma once

#include "localstore.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

// The 授权承诺书 state of one household for its page: 未签署, 已签署, 已失效 (a covered field changed
// after signing: verifyAuthorization against the household as it stands in the replica says stale) or
// 校验失败; plus whether the server's receipt says it verified the record. Re-checks after every local
// save or pull.
class AuthorizationStatus : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(LocalStore *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString householdId READ householdId WRITE setHouseholdId NOTIFY householdIdChanged)
    Q_PROPERTY(QString state READ state NOTIFY changed) // none|signed|stale|invalid
    Q_PROPERTY(QString stateText READ stateText NOTIFY changed)
    Q_PROPERTY(QString detail READ detail NOTIFY changed)
    Q_PROPERTY(QString authorizationId READ authorizationId NOTIFY changed)
    Q_PROPERTY(QString signedAt READ signedAt NOTIFY changed)
    Q_PROPERTY(QString signerNames READ signerNames NOTIFY changed)
    Q_PROPERTY(QString receiptState READ receiptState NOTIFY changed) // none|verified|refused
    Q_PROPERTY(QString receiptText READ receiptText NOTIFY changed)
public:
    explicit AuthorizationStatus(QObject *parent = nullptr);

    LocalStore *store() const { return m_store; }
    void setStore(LocalStore *store);
    QString householdId() const { return m_householdId; }
    void setHouseholdId(const QString &id);
    QString state() const { return m_state; }
    QString stateText() const;
    QString detail() const { return m_detail; }
    QString authorizationId() const { return m_authorizationId; }
    QString signedAt() const { return m_signedAt; }
    QString signerNames() const { return m_signerNames; }
    QString receiptState() const { return m_receiptState; }
    QString receiptText() const { return m_receiptText; }

    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void storeChanged();
    void householdIdChanged();
    void changed();

private:
    QPointer<LocalStore> m_store;
    QMetaObject::Connection m_storeConnection;
    QString m_householdId;
    QString m_state = QStringLiteral("none");
    QString m_detail;
    QString m_authorizationId;
    QString m_signedAt;
    QString m_signerNames;
    QString m_receiptState = QStringLiteral("none");
    QString m_receiptText;
};
