#include "mediauploader.h"

#include "syncclient.h"

#include <ruhu/json/canonical_json.h>
#include <ruhu/store/device_replica.h>
#include <ruhu/store/media_store.h>

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

namespace {

constexpr int kTransferTimeoutMs = 60000;
constexpr int kMaxRestarts = 2;  // a blob whose hash keeps failing is left for the next sync
constexpr int kMaxConflicts = 5; // 409s in a row without progress: something else uploads it

// The integer field of a JSON object body, or fallback.
qint64 jsonInt(const QByteArray &body, const char *name, qint64 fallback) {
    auto json = ruhu::parseJson(body.toStdString());
    if (!json || !json->is_object())
        return fallback;
    const auto &o = json->get_object();
    auto it = o.find(name);
    if (it == o.end() || !it->value().is_number())
        return fallback;
    return it->value().is_int64() ? it->value().get_int64() : qint64(it->value().to_number<double>());
}

bool jsonBool(const QByteArray &body, const char *name) {
    auto json = ruhu::parseJson(body.toStdString());
    if (!json || !json->is_object())
        return false;
    auto it = json->get_object().find(name);
    return it != json->get_object().end() && it->value().is_bool() && it->value().get_bool();
}

} // namespace

MediaUploader::MediaUploader(ruhu::MediaStore &media, SyncClient &client, QObject *parent)
    : QObject(parent)
    , m_media(media)
    , m_client(client) {}

qint64 MediaUploader::totalSent() const {
    qint64 sum = 0;
    for (const auto &item : m_queue)
        sum += item.sent;
    return sum;
}

qint64 MediaUploader::totalBytes() const {
    qint64 sum = 0;
    for (const auto &item : m_queue)
        sum += item.size;
    return sum;
}

void MediaUploader::setBusy(bool busy) {
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void MediaUploader::uploadAll() {
    if (m_busy)
        return;
    m_queue.clear();
    for (const auto &upload : m_media.uploads()) {
        if (upload.state == "queued")
            m_queue.push_back(Item{QString::fromStdString(upload.sha256), upload.size, upload.received});
    }
    m_current = 0;
    m_filesDone = 0;
    m_lastError.clear();
    Q_EMIT progressChanged();
    if (m_queue.empty()) {
        Q_EMIT finished(true, {});
        return;
    }
    if (!m_client.replica().session()) {
        m_lastError = tr("尚未登录，照片暂不上传");
        Q_EMIT finished(false, m_lastError);
        return;
    }
    setBusy(true);
    startFile();
}

void MediaUploader::startFile() {
    m_restarts = 0;
    m_conflicts = 0;
    m_bytes.clear();
    m_lastChunkLength = 0;
    const Item &item = m_queue[m_current];
    send("GET", QStringLiteral("/api/v1/media/%1/upload").arg(item.sha256),
         QStringLiteral("size=%1").arg(item.size), {},
         [this](int status, const QByteArray &body) { onStatus(status, body); });
}

void MediaUploader::onStatus(int status, const QByteArray &body) {
    if (status != 200) {
        if (!handleCommonError(status, body))
            stopPass(tr("照片上传失败（服务器返回 %1），下次同步时重试").arg(status));
        return;
    }
    if (jsonBool(body, "complete")) {
        fileDone();
        return;
    }
    Item &item = m_queue[m_current];
    auto plain = m_media.read(item.sha256.toStdString());
    if (!plain) {
        // The sealed file is gone or damaged: nothing to send, ever. Say so instead of retrying forever.
        (void)m_media.markFailed(item.sha256.toStdString(),
                                 tr("本机照片文件已损坏或丢失，无法上传").toStdString());
        nextFile();
        return;
    }
    m_bytes = QByteArray::fromStdString(*plain);
    setSent(std::clamp<qint64>(jsonInt(body, "received", 0), 0, item.size));
    putChunk();
}

void MediaUploader::putChunk() {
    const Item &item = m_queue[m_current];
    const qint64 offset = item.sent;
    const QByteArray chunk = m_bytes.mid(offset, std::min(m_chunkSize, item.size - offset));
    m_lastChunkLength = chunk.size();
    m_bytesPut += chunk.size();
    send("PUT", QStringLiteral("/api/v1/media/%1").arg(item.sha256),
         QStringLiteral("size=%1&offset=%2").arg(item.size).arg(offset), chunk,
         [this](int status, const QByteArray &body) { onPut(status, body); });
}

void MediaUploader::onPut(int status, const QByteArray &body) {
    Item &item = m_queue[m_current];
    const std::string sha = item.sha256.toStdString();
    if (status == 200) {
        const qint64 before = item.sent;
        setSent(std::clamp<qint64>(jsonInt(body, "received", item.sent), 0, item.size));
        if (jsonBool(body, "complete")) {
            fileDone();
        } else if (item.sent <= before) {
            stopPass(tr("服务器没有接收照片数据，下次同步时重试"));
        } else {
            putChunk();
        }
        return;
    }
    if (status == 409) { // the server holds a different number of bytes: continue from its count
        if (++m_conflicts > kMaxConflicts) {
            stopPass(tr("照片上传进度与服务器不一致，下次同步时重试"));
            return;
        }
        setSent(std::clamp<qint64>(jsonInt(body, "received", 0), 0, item.size));
        putChunk();
        return;
    }
    if (status == 422) { // the assembled bytes did not hash to the name: the server discarded them
        if (++m_restarts > kMaxRestarts) {
            (void)m_media.noteError(sha, tr("照片上传校验失败，下次同步时重新上传").toStdString());
            nextFile();
            return;
        }
        setSent(0);
        putChunk();
        return;
    }
    if (!handleCommonError(status, body))
        stopPass(tr("照片上传失败（服务器返回 %1），下次同步时重试").arg(status));
}

// Errors that GET and PUT answer alike. Returns false when the caller should stop the pass generically.
bool MediaUploader::handleCommonError(int status, const QByteArray &body) {
    const std::string sha = m_queue[m_current].sha256.toStdString();
    if (status == 413) {
        const qint64 limit = jsonInt(body, "limit", 0);
        if (limit > 0 && limit < m_lastChunkLength) {
            m_chunkSize = limit; // the chunk, not the blob, was over the server's limit
            putChunk();
            return true;
        }
        const QString reason = limit > 0 ? tr("照片过大（超过服务器上限 %1 MB），无法上传，请重新拍摄")
                                               .arg(QString::number(double(limit) / (1024 * 1024), 'f', 0))
                                         : tr("照片过大，服务器拒绝接收，请重新拍摄");
        (void)m_media.markFailed(sha, reason.toStdString());
        m_lastError = reason;
        nextFile();
        return true;
    }
    if (status == 0) {
        stopPass(tr("无法连接服务器，照片将在下次同步时继续上传"));
        return true;
    }
    if (status == 401) {
        stopPass(tr("登录已失效，请重新登录后再上传照片"));
        return true;
    }
    return false;
}

void MediaUploader::setSent(qint64 received) {
    Item &item = m_queue[m_current];
    item.sent = received;
    (void)m_media.setReceived(item.sha256.toStdString(), received);
    Q_EMIT progressChanged();
}

void MediaUploader::fileDone() {
    Item &item = m_queue[m_current];
    item.sent = item.size;
    (void)m_media.markDone(item.sha256.toStdString());
    ++m_filesDone;
    Q_EMIT progressChanged();
    Q_EMIT fileUploaded(item.sha256);
    nextFile();
}

void MediaUploader::nextFile() {
    m_bytes.clear();
    if (++m_current < m_queue.size()) {
        startFile();
        return;
    }
    setBusy(false);
    Q_EMIT progressChanged();
    Q_EMIT finished(m_lastError.isEmpty(), m_lastError);
}

void MediaUploader::stopPass(const QString &message) {
    // The queue keeps each blob's state and received count: the next sync resumes where this one stopped.
    if (m_current < m_queue.size())
        (void)m_media.noteError(m_queue[m_current].sha256.toStdString(), message.toStdString());
    m_bytes.clear();
    m_lastError = message;
    setBusy(false);
    Q_EMIT progressChanged();
    Q_EMIT finished(false, message);
}

void MediaUploader::send(const QByteArray &verb, const QString &path, const QString &query,
                         const QByteArray &body, Handler handler) {
    QUrl url = m_client.serverUrl().resolved(QUrl(path));
    url.setQuery(query);
    if (!m_client.permits(url))
        return QTimer::singleShot(0, this, [handler = std::move(handler)] { handler(0, {}); });
    QNetworkRequest request(url);
    request.setTransferTimeout(kTransferTimeoutMs);
    if (auto session = m_client.replica().session())
        request.setRawHeader("Authorization",
                             QByteArray("Bearer ") + QByteArray::fromStdString(session->token));
    // Recorded as the uploading device (docs/media-sync.md) and in the read audit.
    request.setRawHeader("X-Ruhu-Device", QByteArray::fromStdString(m_client.replica().deviceId()));
    if (verb == "PUT")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    QNetworkReply *reply =
        verb == "PUT" ? m_client.network().put(request, body) : m_client.network().get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, handler = std::move(handler)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        // Codes below 100 are the connection's (refused, reset, timeout): an answer cut off after its
        // status line is no answer either.
        const bool transportError = reply->error() > QNetworkReply::NoError && reply->error() < 100;
        handler(transportError ? 0 : status, answer);
    });
}
