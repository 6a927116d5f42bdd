#include "devicekeyregistrar.h"

#include "devicesigningidentity.h"
#include "syncclient.h"

#include <ruhu/json/canonical_json.h>
#include <ruhu/store/device_replica.h>

#include <QNetworkReply>
#include <QNetworkRequest>

#include <boost/json/object.hpp>

namespace {
constexpr int kTimeoutMs = 15000;
}

DeviceKeyRegistrar::DeviceKeyRegistrar(SyncClient &client, DeviceSigningIdentity &identity, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_identity(identity) {
    connect(&client, &SyncClient::loggedIn, this, [this] { m_identity.ensureKey(); });
}

void DeviceKeyRegistrar::registerIfNeeded(const std::function<void()> &then) {
    auto session = m_client.replica().session();
    if (!session || !m_identity.ensureKey() || m_identity.isRegistered()) {
        then();
        return;
    }
    boost::json::object body{{"deviceId", m_client.replica().deviceId()},
                             {"publicKey", m_identity.publicKeyBase64().toStdString()}};
    const QUrl url = m_client.serverUrl().resolved(QUrl(QStringLiteral("/api/v1/devices/key")));
    if (!m_client.permits(url)) {
        then(); // the sync that follows reports the refusal
        return;
    }
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(kTimeoutMs);
    request.setRawHeader("Authorization", QByteArray("Bearer ") + QByteArray::fromStdString(session->token));
    QNetworkReply *reply =
        m_client.network().post(request, QByteArray::fromStdString(ruhu::toCanonicalJson(body)));
    connect(reply, &QNetworkReply::finished, this, [this, reply, then] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status < 300) {
            if (m_identity.markRegistered())
                Q_EMIT registered();
        } else if (status == 409) {
            const QString message =
                QStringLiteral("本机签名密钥与服务器登记的不一致，本机签署的授权书无法通过验证。"
                               "请联系县级管理员重置本设备的签名密钥。");
            m_identity.setRegistrationError(message);
            Q_EMIT conflict(message);
        }
        // Offline, 5xx or an older server without the endpoint: the next sync tries again.
        then();
    });
}
