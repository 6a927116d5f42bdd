#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

// What a blocking test request returned. status is 0 when no HTTP answer arrived (connection refused,
// reset, timeout); error then says why.
struct HttpResult {
    int status = 0;
    QByteArray body;
    QJsonObject json; // body parsed as a JSON object (empty if it is not one)
    QString error;
    QList<QPair<QByteArray, QByteArray>> headers; // as received

    QByteArray header(const QByteArray &name) const {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

// https:// requests trust these certificates (a test's self-signed server certificate) from now on.
void setHttpsTrustedCertificates(const QList<QSslCertificate> &certificates);

// A blocking HTTP request for tests (QNetworkAccessManager + QEventLoop, no proxy, HTTP/1.1). A non-empty
// body is sent as application/json; a non-empty token as "Authorization: Bearer <token>".
HttpResult httpRequest(const QString &method, const QUrl &url, const QByteArray &body = {},
                       const QByteArray &token = {}, int timeoutMs = 30000);

// The same with the given raw headers (a console form: Cookie, Content-Type…) and the body as is.
HttpResult httpRequestWithHeaders(const QString &method, const QUrl &url, const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs = 30000);
