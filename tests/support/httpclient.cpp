#include "httpclient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

namespace {

QList<QSslCertificate> &trustedCertificates() {
    static QList<QSslCertificate> certificates;
    return certificates;
}

} // namespace

void setHttpsTrustedCertificates(const QList<QSslCertificate> &certificates) {
    trustedCertificates() = certificates;
}

HttpResult httpRequest(const QString &method, const QUrl &url, const QByteArray &body,
                       const QByteArray &token, int timeoutMs) {
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!body.isEmpty())
        headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    if (!token.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), "Bearer " + token});
    return httpRequestWithHeaders(method, url, body, headers, timeoutMs);
}

HttpResult httpRequestWithHeaders(const QString &method, const QUrl &url, const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs) {
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (url.scheme() == QLatin1String("https") && !trustedCertificates().isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(trustedCertificates());
        request.setSslConfiguration(tls);
    }
    // A redirect is an answer the tests look at, not one to follow.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);

    QNetworkReply *reply = manager.sendCustomRequest(request, method.toLatin1(), body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, reply, &QNetworkReply::abort);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.error = reply->errorString();
    const QJsonDocument doc = QJsonDocument::fromJson(result.body);
    if (doc.isObject())
        result.json = doc.object();
    delete reply;
    return result;
}
