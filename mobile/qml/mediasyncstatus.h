#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class MediaUploader;
class QJSEngine;
class QQmlEngine;

namespace ruhu {
class MediaStore;
}

// The 照片上传 section of the sync page: how many photos wait and how many bytes, the running upload's
// per-file and total progress and each waiting photo with its state and last error.
class MediaSyncStatus : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(int backlogCount READ backlogCount NOTIFY changed)
    Q_PROPERTY(qint64 backlogBytes READ backlogBytes NOTIFY changed)
    Q_PROPERTY(int failedCount READ failedCount NOTIFY changed)
    Q_PROPERTY(bool busy READ isBusy NOTIFY changed)
    Q_PROPERTY(QString currentSha256 READ currentSha256 NOTIFY changed)
    Q_PROPERTY(double currentProgress READ currentProgress NOTIFY changed)
    Q_PROPERTY(double totalProgress READ totalProgress NOTIFY changed)
    Q_PROPERTY(QString progressText READ progressText NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    Q_PROPERTY(QVariantList uploads READ uploads NOTIFY changed)
public:
    MediaSyncStatus(ruhu::MediaStore &media, MediaUploader &uploader, QObject *parent = nullptr);

    int backlogCount() const { return m_backlogCount; }
    qint64 backlogBytes() const { return m_backlogBytes; }
    int failedCount() const { return m_failedCount; }
    bool isBusy() const;
    QString currentSha256() const;
    double currentProgress() const;
    double totalProgress() const;
    QString progressText() const;
    QString lastError() const;
    // One map per photo not yet uploaded: sha256, shortName, size, received, progress, state, lastError.
    QVariantList uploads() const { return m_uploads; }

    // "1.4 MB", "820 KB", "312 B".
    Q_INVOKABLE static QString formatBytes(qint64 bytes);
    Q_INVOKABLE void refresh();
    // Puts photos the server refused back into the queue (e.g. after the limit was raised).
    Q_INVOKABLE void retryFailed();

    static void setInstance(MediaSyncStatus *instance);
    static MediaSyncStatus *create(QQmlEngine *, QJSEngine *);

Q_SIGNALS:
    void changed();

private:
    ruhu::MediaStore &m_media;
    MediaUploader &m_uploader;
    int m_backlogCount = 0;
    qint64 m_backlogBytes = 0;
    int m_failedCount = 0;
    QVariantList m_uploads;
    static inline MediaSyncStatus *s_instance = nullptr;
};
