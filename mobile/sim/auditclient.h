#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

// Blocking JSON requests to the server for the verification phase (reviews, history), made directly to
// the server, never through the fault proxy. status is 0 when no HTTP answer arrived.
class AuditClient {
public:
    struct Reply {
        int status = 0;
        QJsonObject json;
    };

    AuditClient(QUrl server, QByteArray token);
    Reply get(const QString &pathAndQuery);
    Reply post(const QString &path, const QJsonObject &body);

private:
    Reply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body);

    QUrl m_server;
    QByteArray m_token;
    QNetworkAccessManager m_network;
};
