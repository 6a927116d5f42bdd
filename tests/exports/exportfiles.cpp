#include "exportfiles.h"

#include "httpclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QtDebug>

namespace exporttest {

Table readXlsx(const QByteArray &bytes, const QString &path, QString *title) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    file.close();
    QProcess reader;
    reader.start(RUHU_PYTHON3, {RUHU_READ_XLSX, path});
    if (!reader.waitForFinished(120000) || reader.exitCode() != 0) {
        qWarning() << "openpyxl:" << reader.readAllStandardError();
        return {};
    }
    const QJsonObject sheets = QJsonDocument::fromJson(reader.readAllStandardOutput()).object();
    if (sheets.size() != 1)
        return {};
    if (title)
        *title = sheets.keys().front();
    Table table;
    for (const auto &row : sheets.begin()->toArray()) {
        QStringList cells;
        for (const auto &cell : row.toArray())
            cells << cell.toString();
        table << cells;
    }
    return table;
}

QList<QJsonObject> pullEverything(const ServerProcess &server, const QByteArray &token) {
    QList<QJsonObject> pulled;
    qint64 cursor = 0;
    for (int page = 0; page < 200; ++page) {
        auto reply = httpRequest(
            "GET", server.url(QStringLiteral("/api/v1/pull?cursor=%1&limit=500").arg(cursor)), {}, token);
        if (reply.status != 200)
            return {};
        for (const auto &change : reply.json.value("changes").toArray())
            pulled << change.toObject();
        cursor = reply.json.value("cursor").toInteger();
        if (!reply.json.value("hasMore").toBool())
            break;
    }
    return pulled;
}

} // namespace exporttest
