#pragma once

#include "locationsource.h"
#include "photoprocessor.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class LocalStore;
class PhotoLibrary;
class QJSEngine;
class QQmlEngine;

// Photos as QML sees them: take or import a photo for a household (processed, encrypted, recorded and
// queued for upload), whether a camera exists, and the image:// sources of thumbnails and full views.
// The composition root owns the instance and installs it with setInstance().
class PhotoStore : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool cameraAvailable READ cameraAvailable CONSTANT)
    Q_PROPERTY(QStringList photoKinds READ photoKinds CONSTANT)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(bool locationAvailable READ locationAvailable NOTIFY locationChanged)
    Q_PROPERTY(int longEdge READ longEdge WRITE setLongEdge NOTIFY optionsChanged)
    Q_PROPERTY(int jpegQuality READ jpegQuality WRITE setJpegQuality NOTIFY optionsChanged)
public:
    // Not default-constructible on purpose: Qt 6.4 would then build its own singleton instead of calling
    // create().
    PhotoStore(PhotoLibrary &library, LocalStore &store, QObject *parent = nullptr);

    bool cameraAvailable() const;
    static QStringList photoKinds();
    QString errorMessage() const { return m_errorMessage; }
    bool locationAvailable() const { return m_location.hasFix(); }
    int longEdge() const { return m_options.longEdge; }
    void setLongEdge(int pixels);
    int jpegQuality() const { return m_options.jpegQuality; }
    void setJpegQuality(int quality);
    PhotoLibrary &library() { return m_library; }
    LocalStore &localStore() { return m_store; }

    // Processes the file (a path or a file:// URL) and saves it for the household. Returns
    // {photoId, sha256} or an empty map with errorMessage set.
    Q_INVOKABLE QVariantMap importPhoto(const QString &pathOrUrl, const QString &householdId,
                                        const QString &memberId, const QString &photoKind);
    // Where the camera should write its capture before importPhoto (a private temporary file).
    Q_INVOKABLE QString captureFilePath() const;
    Q_INVOKABLE void discardCaptureFile(const QString &path) const;
    Q_INVOKABLE QUrl thumbnailSource(const QString &sha256) const;
    Q_INVOKABLE QUrl imageSource(const QString &sha256) const;
    Q_INVOKABLE void startLocating();
    Q_INVOKABLE void stopLocating();
    Q_INVOKABLE void clearError();

    static void setInstance(PhotoStore *instance);
    static PhotoStore *create(QQmlEngine *, QJSEngine *);

Q_SIGNALS:
    void photoAdded(const QString &householdId, const QString &photoId, const QString &sha256);
    void errorMessageChanged();
    void locationChanged();
    void optionsChanged();

private:
    void setError(const QString &message);

    PhotoLibrary &m_library;
    LocalStore &m_store;
    LocationSource m_location;
    PhotoOptions m_options;
    QString m_errorMessage;
    static inline PhotoStore *s_instance = nullptr;
};
