#include "photostore.h"

#include "localstore.h"
#include "photolibrary.h"
#include "qtjson.h"

#include <ruhu/store/device_replica.h>

#include <QCameraDevice>
#include <QDir>
#include <QFile>
#include <QMediaDevices>
#include <QQmlEngine>
#include <QStandardPaths>
#include <QUuid>

PhotoStore::PhotoStore(PhotoLibrary &library, LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_library(library)
    , m_store(store) {
    connect(&m_location, &LocationSource::changed, this, &PhotoStore::locationChanged);
}

bool PhotoStore::cameraAvailable() const {
    return !QMediaDevices::videoInputs().isEmpty();
}

QStringList PhotoStore::photoKinds() {
    return {QStringLiteral("住房"), QStringLiteral("证件"), QStringLiteral("签字"), QStringLiteral("手印"),
            QStringLiteral("其他")};
}

void PhotoStore::setLongEdge(int pixels) {
    pixels = std::clamp(pixels, 320, 8000);
    if (pixels == m_options.longEdge)
        return;
    m_options.longEdge = pixels;
    Q_EMIT optionsChanged();
}

void PhotoStore::setJpegQuality(int quality) {
    quality = std::clamp(quality, 30, 100);
    if (quality == m_options.jpegQuality)
        return;
    m_options.jpegQuality = quality;
    Q_EMIT optionsChanged();
}

void PhotoStore::setError(const QString &message) {
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

void PhotoStore::clearError() {
    setError({});
}

QVariantMap PhotoStore::importPhoto(const QString &pathOrUrl, const QString &householdId,
                                    const QString &memberId, const QString &photoKind) {
    const QString trimmed = pathOrUrl.trimmed();
    if (trimmed.isEmpty()) {
        setError(tr("请先选择照片文件"));
        return {};
    }
    const QUrl url(trimmed);
    const QString path = url.isLocalFile() ? url.toLocalFile() : trimmed;
    auto processed = processPhotoFile(path, m_options);
    if (!processed) {
        setError(QString::fromStdString(processed.error().message));
        return {};
    }
    PhotoContext context;
    context.householdId = householdId;
    context.memberId = memberId;
    context.photoKind = photoKind.isEmpty() ? QStringLiteral("其他") : photoKind;
    if (auto session = m_library.replica().session())
        context.author = QString::fromStdString(session->username);
    context.takenAt = QDateTime::currentDateTime();
    context.gps = m_location.currentGps();
    auto saved = m_library.save(*processed, context);
    if (!saved) {
        setError(qtjson::plainMessage(saved.error().message));
        return {};
    }
    clearError();
    m_store.notifyChanged();
    Q_EMIT photoAdded(householdId, saved->photoId, saved->sha256);
    return {{QStringLiteral("photoId"), saved->photoId}, {QStringLiteral("sha256"), saved->sha256}};
}

QString PhotoStore::captureFilePath() const {
    // The camera writes here; importPhoto then seals a processed copy and the raw file is removed.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(
        QStringLiteral("capture-%1.jpg").arg(QUuid::createUuid().toString(QUuid::Id128)));
}

void PhotoStore::discardCaptureFile(const QString &path) const {
    const QUrl url(path);
    QFile::remove(url.isLocalFile() ? url.toLocalFile() : path);
}

QUrl PhotoStore::thumbnailSource(const QString &sha256) const {
    return QUrl(QStringLiteral("image://photos/thumb/") + sha256);
}

QUrl PhotoStore::imageSource(const QString &sha256) const {
    return QUrl(QStringLiteral("image://photos/full/") + sha256);
}

void PhotoStore::startLocating() {
    m_location.start();
}

void PhotoStore::stopLocating() {
    m_location.stop();
}

void PhotoStore::setInstance(PhotoStore *instance) {
    s_instance = instance;
}

PhotoStore *PhotoStore::create(QQmlEngine *, QJSEngine *) {
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}
