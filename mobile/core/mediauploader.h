#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <string>
#include <vector>

namespace ruhu {
class MediaStore;
struct MediaUpload;
} // namespace ruhu

class QNetworkReply;
class SyncClient;

// Uploads the media store's queued blobs with media protocol v1 (docs/media-sync.md) over the sync
// client's transport, after the records have synced: per blob GET the upload status, then PUT chunks from
// the byte the server holds, until it answers complete. 409 resumes from the server's byte, 422 restarts
// from 0, 413 marks the blob failed with a Chinese reason, a network error keeps the state for the next
// sync. Progress per file and in total is exposed for the sync page.
class MediaUploader : public QObject {
    Q_OBJECT
public:
    MediaUploader(ruhu::MediaStore &media, SyncClient &client, QObject *parent = nullptr);

    // Bytes per PUT (the server's limit is 1 MiB by default).
    void setChunkSize(qint64 bytes) { m_chunkSize = bytes; }
    qint64 chunkSize() const { return m_chunkSize; }

    bool isBusy() const { return m_busy; }
    // One pass over the queue; does nothing while a pass runs.
    void uploadAll();

    // Progress of the running (or last) pass.
    QString currentSha256() const {
        return m_current < m_queue.size() ? m_queue[m_current].sha256 : QString();
    }
    qint64 currentSent() const { return m_current < m_queue.size() ? m_queue[m_current].sent : 0; }
    qint64 currentSize() const { return m_current < m_queue.size() ? m_queue[m_current].size : 0; }
    qint64 totalSent() const;
    qint64 totalBytes() const;
    int filesDone() const { return m_filesDone; }
    int filesTotal() const { return int(m_queue.size()); }
    QString lastError() const { return m_lastError; }
    // Every byte sent in a PUT since construction (resends included): resuming keeps this near the size.
    qint64 bytesPut() const { return m_bytesPut; }

Q_SIGNALS:
    void busyChanged();
    void progressChanged();
    void fileUploaded(const QString &sha256);
    void finished(bool ok, const QString &message);

private:
    struct Item {
        QString sha256;
        qint64 size = 0;
        qint64 sent = 0;
    };
    using Handler = std::function<void(int status, const QByteArray &body)>;

    void startFile();
    void onStatus(int status, const QByteArray &body);
    void putChunk();
    void onPut(int status, const QByteArray &body);
    void fileDone();
    void nextFile();
    void stopPass(const QString &message);
    void send(const QByteArray &verb, const QString &path, const QString &query, const QByteArray &body,
              Handler handler);
    bool handleCommonError(int status, const QByteArray &body);
    void setBusy(bool busy);
    void setSent(qint64 received);

    ruhu::MediaStore &m_media;
    SyncClient &m_client;
    qint64 m_chunkSize = 1024 * 1024;
    bool m_busy = false;
    std::vector<Item> m_queue;
    size_t m_current = 0;
    int m_filesDone = 0;
    int m_restarts = 0;  // 422s for the current blob
    int m_conflicts = 0; // consecutive 409s for the current blob
    qint64 m_lastChunkLength = 0;
    qint64 m_bytesPut = 0;
    QByteArray m_bytes; // plaintext of the current blob, decrypted only for its upload
    QString m_lastError;
};
