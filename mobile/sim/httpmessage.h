#pragma once

#include <QByteArray>

#include <optional>

// One HTTP/1.1 message (request or response) cut out of a byte stream: the start line, the header block
// and a Content-Length body. Enough for the fault proxy, which only has to know where a message ends and
// to rewrite its Connection header; no chunked encoding (neither the server nor QNetworkAccessManager
// uses it for these small JSON exchanges).
struct HttpMessage {
    QByteArray startLine; // "POST /api/v1/push HTTP/1.1" or "HTTP/1.1 200 OK"
    QByteArray headers;   // the header lines, each ending in CRLF, without the blank line
    QByteArray body;

    // Takes one complete message off the front of buffer; nullopt (buffer untouched) if it is not all
    // there yet. A malformed header block sets *malformed.
    static std::optional<HttpMessage> take(QByteArray &buffer, bool *malformed = nullptr);

    // The message as bytes, with the Connection header replaced by "Connection: close".
    QByteArray withConnectionClose() const;
    QByteArray toBytes() const;

    QByteArray method() const; // request: "POST"
    QByteArray path() const;   // request: "/api/v1/push"
    int status() const;        // response: 200
};
