#include "syncstatus.h"

#include "localstore.h"
#include "syncclient.h"

#include <ruhu/store/device_replica.h>
#include <ruhu/store/media_store.h>

#include <QDateTime>
#include <QJSEngine>

namespace {
constexpr int kAfterSaveDelayMs = 3000;
constexpr int kFirstRetryMs = 30'000;
constexpr int kMaxRetryMs = 5 * 60'000;
} // namespace

SyncStatus::SyncStatus(LocalStore &store, SyncClient &client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client) {
    m_autoTimer.setSingleShot(true);
    connect(&m_autoTimer, &QTimer::timeout, this, &SyncStatus::onAutoSyncTimeout);
    connect(&m_store, &LocalStore::changed, this, [this] {
        refresh();
        if (m_pendingCount > 0 && !m_busy)
            scheduleAutoSync(kAfterSaveDelayMs);
    });
    connect(&m_client, &SyncClient::busyChanged, this, [this] {
        m_busy = m_client.isBusy();
        Q_EMIT changed();
    });
    connect(&m_client, &SyncClient::syncStarted, this, [this] {
        m_busy = true;
        m_errorMessage.clear();
        m_progressText = tr("同步中…");
        Q_EMIT changed();
    });
    connect(&m_client, &SyncClient::syncProgress, this, [this](const QString &message) {
        m_progressText = message;
        Q_EMIT changed();
    });
    connect(&m_client, &SyncClient::syncFinished, this, [this] {
        m_busy = false;
        m_progressText.clear();
        m_errorMessage.clear();
        m_retryDelayMs = 0;
        m_store.notifyChanged(); // pulled records: every view reloads (and refresh() runs)
        Q_EMIT syncSucceeded();
    });
    connect(&m_client, &SyncClient::syncFailed, this, [this](const QString &message) {
        m_busy = false;
        m_progressText.clear();
        m_errorMessage = message;
        refresh();
        Q_EMIT syncErrored(message);
        m_retryDelayMs = m_retryDelayMs == 0 ? kFirstRetryMs : qMin(m_retryDelayMs * 2, kMaxRetryMs);
        scheduleAutoSync(m_retryDelayMs);
    });
    refresh();
}

QString SyncStatus::lastSyncText() const {
    return formatSyncTime(m_lastSyncMs, QDateTime::currentMSecsSinceEpoch());
}

QString SyncStatus::formatSyncTime(qint64 ms, qint64 nowMs) {
    if (ms <= 0)
        return tr("从未同步");
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms);
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs).date();
    const QString time = when.toString(QStringLiteral("HH:mm"));
    if (when.date() == today)
        return tr("今天 %1").arg(time);
    if (when.date() == today.addDays(-1))
        return tr("昨天 %1").arg(time);
    if (when.date().year() == today.year())
        return tr("%1月%2日 %3").arg(when.date().month()).arg(when.date().day()).arg(time);
    return tr("%1年%2月%3日 %4")
        .arg(when.date().year())
        .arg(when.date().month())
        .arg(when.date().day())
        .arg(time);
}

void SyncStatus::setAutoSyncEnabled(bool enabled) {
    m_autoSync = enabled;
    if (!enabled)
        m_autoTimer.stop();
}

void SyncStatus::sync() {
    if (m_client.isBusy())
        return;
    m_autoTimer.stop();
    m_client.sync();
}

void SyncStatus::clearError() {
    if (m_errorMessage.isEmpty())
        return;
    m_errorMessage.clear();
    Q_EMIT changed();
}

void SyncStatus::refresh() {
    const auto *replica = m_store.replica();
    m_pendingCount = replica ? static_cast<int>(replica->pendingCount()) : 0;
    m_lastSyncMs = replica ? replica->lastSyncMs() : 0;
    m_busy = m_client.isBusy();
    m_rejected.reload(replica);
    m_queued.reload(replica);
    m_mediaBacklogCount = m_media ? static_cast<int>(m_media->backlog().count) : 0;
    Q_EMIT changed();
}

void SyncStatus::scheduleAutoSync(int delayMs) {
    if (!m_autoSync)
        return;
    if (m_autoTimer.isActive() && m_autoTimer.remainingTime() <= delayMs)
        return;
    m_autoTimer.start(delayMs);
}

void SyncStatus::onAutoSyncTimeout() {
    const auto *replica = m_store.replica();
    if (!m_autoSync || !replica || !replica->session() || m_client.isBusy())
        return;
    if (m_pendingCount > 0 || !m_errorMessage.isEmpty())
        m_client.sync();
}

void SyncStatus::setInstance(SyncStatus *instance) {
    s_instance = instance;
}

SyncStatus *SyncStatus::create(QQmlEngine *, QJSEngine *) {
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}
