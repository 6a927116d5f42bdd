#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

namespace ruhu {
class DeviceReplica;
}

// Moves sync protocol v1 messages between a DeviceReplica and the sync server over HTTP(S) with
// QNetworkAccessManager. No UI: the app and the headless device simulator use the same class.
// Errors are reported as plain Chinese sentences fit for a cadre.
class SyncClient : public QObject {
    Q_OBJECT
public:
    explicit SyncClient(ruhu::DeviceReplica &replica, QObject *parent = nullptr);

    void setServerUrl(const QUrl &url);
    QUrl serverUrl() const { return m_serverUrl; }
    bool isBusy() const { return m_busy; }
    // The transport, shared with the media uploader (one connection pool, one proxy setting).
    QNetworkAccessManager &network() { return m_network; }
    ruhu::DeviceReplica &replica() { return m_replica; }

    // POST /api/v1/login; on success the session is saved in the replica.
    void login(const QString &username, const QString &password);
    // POST /api/v1/logout with the saved token, best effort (offline, the token simply stays until it
    // expires); the caller clears the local session right after.
    void logout();
    // Pushes every pending mutation in batches, then pulls until the server has no more.
    void sync();
    // A step run at the start of every sync, before the first push (device key registration); it must
    // call its argument exactly once to let the sync go on.
    using BeforePushStep = std::function<void(const std::function<void()> &next)>;
    void setBeforePushStep(BeforePushStep step) { m_beforePush = std::move(step); }

Q_SIGNALS:
    void loggedIn();
    void loginFailed(const QString &message);
    void syncStarted();
    void syncProgress(const QString &message);
    void syncFinished();
    void syncFailed(const QString &message);
    void busyChanged();

private:
    using JsonHandler = std::function<void(int status, const QByteArray &body)>;
    void post(const QString &path, const QByteArray &body, bool authorized, JsonHandler handler);
    void get(const QString &path, JsonHandler handler);
    void finishRequest(QNetworkReply *reply, const JsonHandler &handler);
    void pushNext();
    void pullNext();
    void fail(const QString &message);
    void setBusy(bool busy);
    QString describeHttpError(int status, const QByteArray &body) const;

    ruhu::DeviceReplica &m_replica;
    QNetworkAccessManager m_network;
    QUrl m_serverUrl;
    bool m_busy = false;
    BeforePushStep m_beforePush;
};
