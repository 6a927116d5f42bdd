#include "mediasyncstatus.h"

#include "mediauploader.h"

#include <ruhu/store/media_store.h>

#include <QJSEngine>
#include <QVariantMap>

MediaSyncStatus::MediaSyncStatus(ruhu::MediaStore &media, MediaUploader &uploader, QObject *parent)
    : QObject(parent)
    , m_media(media)
    , m_uploader(uploader) {
    connect(&m_uploader, &MediaUploader::progressChanged, this, &MediaSyncStatus::refresh);
    connect(&m_uploader, &MediaUploader::busyChanged, this, &MediaSyncStatus::refresh);
    refresh();
}

bool MediaSyncStatus::isBusy() const {
    return m_uploader.isBusy();
}

QString MediaSyncStatus::currentSha256() const {
    return m_uploader.isBusy() ? m_uploader.currentSha256() : QString();
}

double MediaSyncStatus::currentProgress() const {
    const qint64 size = m_uploader.currentSize();
    return m_uploader.isBusy() && size > 0 ? double(m_uploader.currentSent()) / double(size) : 0.0;
}

double MediaSyncStatus::totalProgress() const {
    const qint64 total = m_uploader.totalBytes();
    return total > 0 ? double(m_uploader.totalSent()) / double(total) : 0.0;
}

QString MediaSyncStatus::progressText() const {
    if (!m_uploader.isBusy())
        return {};
    return tr("正在上传第 %1/%2 张照片，共 %3 / %4")
        .arg(std::min(m_uploader.filesDone() + 1, m_uploader.filesTotal()))
        .arg(m_uploader.filesTotal())
        .arg(formatBytes(m_uploader.totalSent()), formatBytes(m_uploader.totalBytes()));
}

QString MediaSyncStatus::lastError() const {
    return m_uploader.lastError();
}

QString MediaSyncStatus::formatBytes(qint64 bytes) {
    if (bytes >= 1024 * 1024)
        return QStringLiteral("%1 MB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
    if (bytes >= 1024)
        return QStringLiteral("%1 KB").arg((bytes + 512) / 1024);
    return QStringLiteral("%1 B").arg(bytes);
}

void MediaSyncStatus::refresh() {
    const ruhu::MediaBacklog backlog = m_media.backlog();
    m_backlogCount = int(backlog.count);
    m_backlogBytes = backlog.bytes;
    m_failedCount = int(backlog.failed);
    const QString current = currentSha256();
    m_uploads.clear();
    for (const auto &u : m_media.uploads()) {
        const QString sha = QString::fromStdString(u.sha256);
        // The running upload's byte count is fresher than the queue's.
        const qint64 received = sha == current ? m_uploader.currentSent() : u.received;
        m_uploads.append(QVariantMap{
            {QStringLiteral("sha256"), sha},
            {QStringLiteral("shortName"), sha.left(8)},
            {QStringLiteral("size"), qint64(u.size)},
            {QStringLiteral("received"), received},
            {QStringLiteral("progress"), u.size > 0 ? double(received) / double(u.size) : 0.0},
            {QStringLiteral("state"), QString::fromStdString(u.state)},
            {QStringLiteral("uploading"), sha == current},
            {QStringLiteral("lastError"), QString::fromStdString(u.lastError)},
        });
    }
    Q_EMIT changed();
}

void MediaSyncStatus::retryFailed() {
    for (const auto &u : m_media.uploads()) {
        if (u.state == "failed")
            (void)m_media.requeue(u.sha256);
    }
    refresh();
}

void MediaSyncStatus::setInstance(MediaSyncStatus *instance) {
    s_instance = instance;
}

MediaSyncStatus *MediaSyncStatus::create(QQmlEngine *, QJSEngine *) {
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}
