#include "auditclient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {
constexpr int kTimeoutMs = 30000;
}

AuditClient::AuditClient(QUrl server, QByteArray token)
    : m_server(std::move(server))
    , m_token(std::move(token)) {}

AuditClient::Reply AuditClient::get(const QString &pathAndQuery) {
    return send("GET", pathAndQuery, {});
}

AuditClient::Reply AuditClient::post(const QString &path, const QJsonObject &body) {
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

AuditClient::Reply AuditClient::send(const QByteArray &method, const QString &pathAndQuery,
                                     const QByteArray &body) {
    QNetworkRequest request(QUrl(m_server.toString(QUrl::StripTrailingSlash) + pathAndQuery));
    request.setTransferTimeout(kTimeoutMs);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return out;
}
