#pragma once

#include <QNetworkAccessManager>
#include <QNetworkRequest>
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
    // Plain http:// is refused except to this device itself (loopback) unless this is on: a setting the
    // cadre turns on knowingly ("允许不加密连接（不安全）").
    void setAllowInsecure(bool allow) { m_allowInsecure = allow; }
    bool allowsInsecure() const { return m_allowInsecure; }
    // SHA-256 of the server certificate (DER), hex, colons allowed; empty: the system's CAs decide. A
    // pinned certificate is trusted even when self-signed; any other certificate is refused.
    void setPinnedCertificate(const QString &sha256);
    QString pinnedCertificate() const { return m_pin; }
    // Why a request to url would be refused before it is sent; empty if it may go.
    QString transportError(const QUrl &url) const;
    // Whether a request to url may go; if not, the refusal is reported to handler as no connection.
    bool permits(const QUrl &url);
    // The message for a request that got no HTTP answer (transport refusal, certificate, network).
    QString connectionError() const;
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
    QNetworkRequest makeRequest(const QUrl &url, bool authorized) const;
    void post(const QString &path, const QByteArray &body, bool authorized, JsonHandler handler);
    void get(const QString &path, JsonHandler handler);
    void finishRequest(QNetworkReply *reply, const JsonHandler &handler);
    void pushNext();
    void pullNext();
    void fetchRuleConfig();
    void fail(const QString &message);
    void setBusy(bool busy);
    QString describeHttpError(int status, const QByteArray &body) const;

    void checkCertificate(QNetworkReply *reply);

    ruhu::DeviceReplica &m_replica;
    QNetworkAccessManager m_network;
    QUrl m_serverUrl;
    bool m_allowInsecure = false;
    QString m_pin;                // lower-case hex, no colons
    QString m_lastTransportError; // the last refusal or certificate failure, for connectionError()
    bool m_busy = false;
    BeforePushStep m_beforePush;
};
