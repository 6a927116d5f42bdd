#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class LocalStore;
class QJSEngine;
class QQmlEngine;
class QSettings;
class SyncClient;

// Who is signed in on this tablet. The session lives in the replica, so after one online login the app
// starts straight into the village list and works offline. Login errors are plain Chinese sentences.
class Session : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool loggedIn READ isLoggedIn NOTIFY changed)
    Q_PROPERTY(QString username READ username NOTIFY changed)
    Q_PROPERTY(QString displayName READ displayName NOTIFY changed)
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
public:
    Session(LocalStore &store, SyncClient &client, QObject *parent = nullptr);

    // Where the server address is remembered between starts (optional).
    void setSettings(QSettings *settings);

    bool isLoggedIn() const { return m_loggedIn; }
    QString username() const { return m_username; }
    QString displayName() const { return m_displayName; }
    QString serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QString &url);
    bool isBusy() const { return m_busy; }
    QString errorMessage() const { return m_errorMessage; }

    Q_INVOKABLE void login(const QString &username, const QString &password);
    Q_INVOKABLE void logout();
    Q_INVOKABLE void clearError();

    // Re-reads the session from the replica.
    void refresh();

    static void setInstance(Session *instance);
    static Session *create(QQmlEngine *, QJSEngine *);

Q_SIGNALS:
    void changed();
    void serverUrlChanged();
    void busyChanged();
    void errorMessageChanged();
    void loginSucceeded();

private:
    void setBusy(bool busy);
    void setError(const QString &message);

    LocalStore &m_store;
    SyncClient &m_client;
    QSettings *m_settings = nullptr;
    bool m_loggedIn = false;
    QString m_username;
    QString m_displayName;
    QString m_serverUrl;
    bool m_busy = false;
    QString m_errorMessage;
    static inline Session *s_instance = nullptr;
};
