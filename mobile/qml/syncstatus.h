#pragma once

#include "rejectedlistmodel.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class LocalStore;
class QJSEngine;
class QQmlEngine;
class SyncClient;

namespace ruhu {
class MediaStore;
}

// What the sync bar shows: 待同步 N 条, 上次同步 time, 同步中…, the last error in plain Chinese and the
// edits the server rejected. It also retries by itself: shortly after a local save and then with a
// growing pause while the server cannot be reached, so edits flow as soon as the network is back.
class SyncStatus : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY changed)
    Q_PROPERTY(QString lastSyncText READ lastSyncText NOTIFY changed)
    Q_PROPERTY(bool busy READ isBusy NOTIFY changed)
    Q_PROPERTY(QString progressText READ progressText NOTIFY changed)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)
    Q_PROPERTY(int rejectedCount READ rejectedCount NOTIFY changed)
    Q_PROPERTY(RejectedListModel *rejected READ rejected CONSTANT)
    Q_PROPERTY(int queuedCount READ queuedCount NOTIFY changed)
    Q_PROPERTY(int mediaBacklogCount READ mediaBacklogCount NOTIFY changed)
    Q_PROPERTY(RejectedListModel *queued READ queued CONSTANT)
public:
    SyncStatus(LocalStore &store, SyncClient &client, QObject *parent = nullptr);

    int pendingCount() const { return m_pendingCount; }
    QString lastSyncText() const;
    bool isBusy() const { return m_busy; }
    QString progressText() const { return m_progressText; }
    QString errorMessage() const { return m_errorMessage; }
    int rejectedCount() const { return m_rejected.rowCount(); }
    RejectedListModel *rejected() { return &m_rejected; }
    int queuedCount() const { return m_queued.rowCount(); }
    RejectedListModel *queued() { return &m_queued; }
    // Photos and signature images still to upload (they follow the records).
    int mediaBacklogCount() const { return m_mediaBacklogCount; }
    void setMediaStore(const ruhu::MediaStore *media) { m_media = media; }

    // Automatic retries (off in screenshot mode and in tests that drive sync by hand).
    void setAutoSyncEnabled(bool enabled);
    bool autoSyncEnabled() const { return m_autoSync; }

    Q_INVOKABLE void sync();
    Q_INVOKABLE void clearError();
    Q_INVOKABLE void refresh();

    // "今天 14:05", "昨天 09:12", "3月5日 14:05", "2023年12月1日 14:05"; empty input means never.
    static QString formatSyncTime(qint64 ms, qint64 nowMs);

    static void setInstance(SyncStatus *instance);
    static SyncStatus *create(QQmlEngine *, QJSEngine *);

Q_SIGNALS:
    void changed();
    void syncSucceeded();
    void syncErrored(const QString &message);

private:
    void scheduleAutoSync(int delayMs);
    void onAutoSyncTimeout();

    LocalStore &m_store;
    SyncClient &m_client;
    RejectedListModel m_rejected{RejectedListModel::Source::Rejected};
    RejectedListModel m_queued{RejectedListModel::Source::QueuedForReview};
    QTimer m_autoTimer;
    bool m_autoSync = true;
    int m_retryDelayMs = 0;
    int m_pendingCount = 0;
    const ruhu::MediaStore *m_media = nullptr;
    int m_mediaBacklogCount = 0;
    qint64 m_lastSyncMs = 0;
    bool m_busy = false;
    QString m_progressText;
    QString m_errorMessage;
    static inline SyncStatus *s_instance = nullptr;
};
