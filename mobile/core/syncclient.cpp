#include "syncclient.h"

#include <ruhu/domain/rule_config.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/store/device_replica.h>
#include <ruhu/sync/protocol.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QHostAddress>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QUrlQuery>

namespace {

constexpr int kTransferTimeoutMs = 30000;
constexpr size_t kPushBatch = 200;
constexpr int kPullLimit = 500;

QByteArray toBody(const boost::json::value &json) {
    return QByteArray::fromStdString(ruhu::toCanonicalJson(json));
}

std::string toStd(const QString &s) {
    return s.toStdString();
}

bool isLoopback(const QUrl &url) {
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString certificateDigest(const QSslCertificate &certificate) {
    return QString::fromLatin1(
        QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256).toHex());
}

} // namespace

SyncClient::SyncClient(ruhu::DeviceReplica &replica, QObject *parent)
    : QObject(parent)
    , m_replica(replica) {
    // For every request on this manager, the media uploader's and key registrar's too.
    connect(&m_network, &QNetworkAccessManager::sslErrors, this,
            [this](QNetworkReply *reply, const QList<QSslError> &errors) {
                const QString digest = certificateDigest(reply->sslConfiguration().peerCertificate());
                if (!m_pin.isEmpty() && digest == m_pin) {
                    reply->ignoreSslErrors(errors); // the pinned certificate itself, self-signed or not
                    return;
                }
                m_lastTransportError =
                    m_pin.isEmpty()
                        ? tr("无法验证服务器证书（%1）。如服务器使用自签名证书，请在设置中填写证书指纹。")
                              .arg(errors.value(0).errorString())
                        : tr("服务器证书与设置中的指纹不符，可能有人冒充服务器，已停止连接。请联系管理员核对"
                             "证书指纹。");
            });
    connect(&m_network, &QNetworkAccessManager::encrypted, this,
            [this](QNetworkReply *reply) { checkCertificate(reply); });
}

void SyncClient::checkCertificate(QNetworkReply *reply) {
    if (m_pin.isEmpty() || certificateDigest(reply->sslConfiguration().peerCertificate()) == m_pin)
        return;
    m_lastTransportError =
        tr("服务器证书与设置中的指纹不符，可能有人冒充服务器，已停止连接。请联系管理员核对证书指纹。");
    reply->abort();
}

void SyncClient::setServerUrl(const QUrl &url) {
    m_serverUrl = url;
}

void SyncClient::setPinnedCertificate(const QString &sha256) {
    m_pin = sha256.trimmed().toLower().remove(QLatin1Char(':')).remove(QLatin1Char(' '));
}

QString SyncClient::transportError(const QUrl &url) const {
    if (url.scheme() == QLatin1String("http") && !m_allowInsecure && !isLoopback(url))
        return tr("服务器地址必须以 https:// 开头（加密连接）。如确需使用 "
                  "http://，请在设置中打开“允许不加密连接（不安全）”。");
    if (url.scheme() == QLatin1String("http") && !m_pin.isEmpty() && !isLoopback(url))
        return tr("已设置证书指纹，服务器地址必须以 https:// 开头");
    return {};
}

bool SyncClient::permits(const QUrl &url) {
    m_lastTransportError = transportError(url);
    return m_lastTransportError.isEmpty();
}

QString SyncClient::connectionError() const {
    return m_lastTransportError.isEmpty() ? tr("无法连接服务器，请检查网络。数据已保存在本机，联网后再同步。")
                                          : m_lastTransportError;
}

void SyncClient::setBusy(bool busy) {
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

QString SyncClient::describeHttpError(int status, const QByteArray &body) const {
    if (status == 0)
        return connectionError();
    auto json = ruhu::parseJson(body.toStdString());
    QString serverMessage;
    if (json && json->is_object()) {
        const auto &o = json->get_object();
        if (auto it = o.find("message"); it != o.end() && it->value().is_string())
            serverMessage = QString::fromStdString(std::string(it->value().get_string()));
    }
    switch (status) {
    case 401:
        return serverMessage.isEmpty() ? QStringLiteral("登录已失效，请重新登录") : serverMessage;
    case 403:
        return serverMessage.isEmpty() ? QStringLiteral("没有该区域的权限") : serverMessage;
    case 413:
        return QStringLiteral("数据过大，服务器拒绝接收");
    case 429:
        return serverMessage.isEmpty() ? QStringLiteral("请求过于频繁，请稍后再试") : serverMessage;
    case 507:
        return QStringLiteral("服务器存储空间已满，请联系管理员。数据仍保存在本机。");
    default:
        if (status >= 500)
            return QStringLiteral("服务器出错（%1），请稍后再试。数据仍保存在本机。").arg(status);
        return serverMessage.isEmpty() ? QStringLiteral("请求被拒绝（%1）").arg(status) : serverMessage;
    }
}

void SyncClient::finishRequest(QNetworkReply *reply, const JsonHandler &handler) {
    reply->deleteLater();
    int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QByteArray body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        handler(0, {});
        return;
    }
    handler(status, body);
}

QNetworkRequest SyncClient::makeRequest(const QUrl &url, bool authorized) const {
    QNetworkRequest request(url);
    request.setTransferTimeout(kTransferTimeoutMs);
    if (auto session = m_replica.session(); authorized && session)
        request.setRawHeader("Authorization",
                             QByteArray("Bearer ") + QByteArray::fromStdString(session->token));
    // The server's read audit records which tablet read what (docs/privacy.md); the console's 设备 page
    // shows each tablet's app version and how far its clock is off (docs/accounts.md "Device activity").
    request.setRawHeader("X-Ruhu-Device", QByteArray::fromStdString(m_replica.deviceId()));
    request.setRawHeader("X-Ruhu-App-Version", QByteArrayLiteral(RUHU_APP_VERSION));
    request.setRawHeader("X-Ruhu-Client-Time", QByteArray::number(qint64(m_replica.clock().nowMs())));
    return request;
}

void SyncClient::post(const QString &path, const QByteArray &body, bool authorized, JsonHandler handler) {
    QUrl url = m_serverUrl.resolved(QUrl(path));
    if (!permits(url))
        return QTimer::singleShot(0, this, [handler] { handler(0, {}); });
    QNetworkRequest request = makeRequest(url, authorized);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_network.post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, handler] { finishRequest(reply, handler); });
}

void SyncClient::get(const QString &path, JsonHandler handler) {
    QUrl url = m_serverUrl.resolved(QUrl(path));
    if (!permits(url))
        return QTimer::singleShot(0, this, [handler] { handler(0, {}); });
    QNetworkReply *reply = m_network.get(makeRequest(url, true));
    connect(reply, &QNetworkReply::finished, this, [this, reply, handler] { finishRequest(reply, handler); });
}

void SyncClient::login(const QString &username, const QString &password) {
    if (m_busy)
        return;
    setBusy(true);
    ruhu::protocol::LoginRequest request{toStd(username), toStd(password), m_replica.deviceId()};
    post(QStringLiteral("/api/v1/login"), toBody(request.toJson()), false,
         [this](int status, const QByteArray &body) {
             setBusy(false);
             if (status != 200) {
                 Q_EMIT loginFailed(status == 401 ? QStringLiteral("用户名或密码错误")
                                                  : describeHttpError(status, body));
                 return;
             }
             auto json = ruhu::parseJson(body.toStdString());
             auto response = json ? ruhu::protocol::LoginResponse::fromJson(*json)
                                  : ruhu::Result<ruhu::protocol::LoginResponse>(json.error());
             if (!response) {
                 Q_EMIT loginFailed(QStringLiteral("服务器响应格式不正确"));
                 return;
             }
             if (auto st = m_replica.saveSession(*response); !st) {
                 Q_EMIT loginFailed(QString::fromStdString(st.error().message));
                 return;
             }
             Q_EMIT loggedIn();
         });
}

void SyncClient::logout() {
    if (!m_replica.session() || m_serverUrl.isEmpty())
        return;
    post(QStringLiteral("/api/v1/logout"), QByteArrayLiteral("{}"), true, [](int, const QByteArray &) {});
}

void SyncClient::sync() {
    if (m_busy)
        return;
    if (!m_replica.session()) {
        Q_EMIT syncFailed(QStringLiteral("尚未登录，请先登录"));
        return;
    }
    setBusy(true);
    Q_EMIT syncStarted();
    if (m_beforePush)
        m_beforePush([this] { pushNext(); });
    else
        pushNext();
}

void SyncClient::fail(const QString &message) {
    setBusy(false);
    Q_EMIT syncFailed(message);
}

void SyncClient::pushNext() {
    ruhu::protocol::PushRequest batch = m_replica.nextPushBatch(kPushBatch);
    if (batch.mutations.empty()) {
        pullNext();
        return;
    }
    Q_EMIT syncProgress(QStringLiteral("正在上传 %1 条修改…").arg(batch.mutations.size()));
    const int64_t pendingBefore = m_replica.pendingCount();
    auto ids = std::make_shared<std::vector<std::string>>();
    for (const auto &m : batch.mutations)
        ids->push_back(m.id);
    post(QStringLiteral("/api/v1/push"), toBody(batch.toJson()), true,
         [this, ids, pendingBefore](int status, const QByteArray &body) {
             auto json = ruhu::parseJson(body.toStdString());
             if (status == 400 && json && json->is_object()) {
                 // The server names the mutation that made it refuse the batch: set that one aside, go on.
                 const auto &o = json->get_object();
                 std::string field = o.contains("field") && o.at("field").is_string()
                                         ? std::string(o.at("field").as_string())
                                         : "";
                 static const QRegularExpression indexPattern(QStringLiteral("^mutations\\[(\\d+)\\]"));
                 auto match = indexPattern.match(QString::fromStdString(field));
                 if (match.hasMatch()) {
                     size_t index = match.captured(1).toULongLong();
                     if (index < ids->size()) {
                         std::string code = o.contains("code") && o.at("code").is_string()
                                                ? std::string(o.at("code").as_string())
                                                : "rejected";
                         std::string message = o.contains("message") && o.at("message").is_string()
                                                   ? std::string(o.at("message").as_string())
                                                   : "服务器拒绝了这条修改";
                         if (auto st = m_replica.markRejected((*ids)[index], code, message); !st) {
                             fail(QString::fromStdString(st.error().message));
                             return;
                         }
                         pushNext();
                         return;
                     }
                 }
             }
             if (status != 200) {
                 fail(describeHttpError(status, body));
                 return;
             }
             auto response = json ? ruhu::protocol::PushResponse::fromJson(*json)
                                  : ruhu::Result<ruhu::protocol::PushResponse>(json.error());
             if (!response || response->results.empty()) {
                 fail(QStringLiteral("服务器响应格式不正确，数据仍保存在本机"));
                 return;
             }
             // A restored server: everything it acknowledged before goes out again (and more is pending).
             auto restored = m_replica.noteServerIncarnation(response->incarnation);
             if (!restored) {
                 fail(QString::fromStdString(restored.error().message));
                 return;
             }
             if (auto st = m_replica.applyPushResponse(*response); !st) {
                 fail(QString::fromStdString(st.error().message));
                 return;
             }
             if (!*restored && m_replica.pendingCount() >= pendingBefore) {
                 // The server answered but acknowledged nothing: stop rather than resend forever.
                 fail(QStringLiteral("服务器未确认本次上传，数据仍保存在本机，请稍后再试"));
                 return;
             }
             pushNext();
         });
}

void SyncClient::pullNext() {
    Q_EMIT syncProgress(QStringLiteral("正在下载更新…"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("cursor"), QString::number(m_replica.cursor()));
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPullLimit));
    get(QStringLiteral("/api/v1/pull?") + query.toString(QUrl::FullyEncoded),
        [this](int status, const QByteArray &body) {
            if (status != 200) {
                fail(describeHttpError(status, body));
                return;
            }
            auto json = ruhu::parseJson(body.toStdString());
            auto response = json ? ruhu::protocol::PullResponse::fromJson(*json)
                                 : ruhu::Result<ruhu::protocol::PullResponse>(json.error());
            if (!response) {
                fail(QStringLiteral("服务器响应格式不正确"));
                return;
            }
            // A restored server: this page answers a cursor it never gave out. Send what it may have lost,
            // then pull from the start.
            auto restored = m_replica.noteServerIncarnation(response->incarnation);
            if (!restored) {
                fail(QString::fromStdString(restored.error().message));
                return;
            }
            if (*restored) {
                pushNext();
                return;
            }
            if (auto st = m_replica.applyPull(*response); !st) {
                fail(QString::fromStdString(st.error().message));
                return;
            }
            if (response->hasMore) {
                pullNext();
                return;
            }
            fetchRuleConfig();
        });
}

// The rule configuration in force on the server (docs/decisions.md D13). A server without the endpoint
// or a document that does not validate leaves the tablet's configuration as it was.
void SyncClient::fetchRuleConfig() {
    get(QStringLiteral("/api/v1/rules/config"), [this](int status, const QByteArray &body) {
        if (status == 200) {
            auto json = ruhu::parseJson(body.toStdString());
            const auto *document =
                json && json->is_object() ? json->get_object().if_contains("document") : nullptr;
            if (document && ruhu::domain::parseRuleConfig(*document))
                if (auto st = m_replica.setRuleConfigDocument(ruhu::toCanonicalJson(*document)); !st) {
                    fail(QString::fromStdString(st.error().message));
                    return;
                }
        }
        m_replica.setLastSync(QDateTime::currentMSecsSinceEpoch());
        setBusy(false);
        Q_EMIT syncFinished();
    });
}
