#include "httpmessage.h"

#include <QList>

namespace {

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

bool isHeader(const QByteArray &line, const char *name) {
    qsizetype colon = line.indexOf(':');
    return colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0;
}

} // namespace

std::optional<HttpMessage> HttpMessage::take(QByteArray &buffer, bool *malformed) {
    if (malformed)
        *malformed = false;
    qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (malformed && buffer.size() > kMaxHeaderBytes)
            *malformed = true;
        return std::nullopt;
    }
    HttpMessage message;
    QList<QByteArray> lines = buffer.left(end).split('\n');
    message.startLine = lines.takeFirst().trimmed();
    qint64 length = 0;
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (isHeader(line, "Content-Length")) {
            bool ok = false;
            length = line.mid(line.indexOf(':') + 1).trimmed().toLongLong(&ok);
            if (!ok || length < 0) {
                if (malformed)
                    *malformed = true;
                return std::nullopt;
            }
        } else if (isHeader(line, "Transfer-Encoding")) {
            if (malformed)
                *malformed = true; // chunked bodies are not expected here
            return std::nullopt;
        }
        message.headers += line + "\r\n";
    }
    const qsizetype bodyStart = end + 4;
    if (buffer.size() - bodyStart < length)
        return std::nullopt;
    message.body = buffer.mid(bodyStart, length);
    buffer.remove(0, bodyStart + length);
    return message;
}

QByteArray HttpMessage::withConnectionClose() const {
    QByteArray out = startLine + "\r\n";
    for (const QByteArray &line : headers.split('\n')) {
        QByteArray trimmed = line.endsWith('\r') ? line.chopped(1) : line;
        if (trimmed.isEmpty() || isHeader(trimmed, "Connection") || isHeader(trimmed, "Keep-Alive"))
            continue;
        out += trimmed + "\r\n";
    }
    out += "Connection: close\r\n\r\n";
    return out + body;
}

QByteArray HttpMessage::toBytes() const {
    return startLine + "\r\n" + headers + "\r\n" + body;
}

QByteArray HttpMessage::method() const {
    return startLine.left(startLine.indexOf(' '));
}

QByteArray HttpMessage::path() const {
    QList<QByteArray> parts = startLine.split(' ');
    return parts.size() >= 2 ? parts.at(1) : QByteArray();
}

int HttpMessage::status() const {
    QList<QByteArray> parts = startLine.split(' ');
    return parts.size() >= 2 ? parts.at(1).toInt() : 0;
}
