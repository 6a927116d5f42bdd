// The composition root of the tablet app: parse arguments, open the replica, build the services,
// hand them to QML as singletons and load Main.qml.
#include "appsettings.h"
#include "authorizationsession.h"
#include "commandline.h"
#include "demophotos.h"
#include "demoseed.h"
#include "devicekeyregistrar.h"
#include "devicesigningidentity.h"
#include "localstore.h"
#include "mediasyncstatus.h"
#include "mediauploader.h"
#include "photoimageprovider.h"
#include "photolibrary.h"
#include "photostore.h"
#include "screenshotter.h"
#include "scriptedentry.h"
#include "session.h"
#include "syncclient.h"
#include "syncstatus.h"

#include <ruhu/store/device_replica.h>
#include <ruhu/store/media_store.h>

#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(RuhuPlugin)

namespace {

// In screenshot mode nothing is listening here, so the sync attempt fails fast with a real error.
constexpr auto kUnreachableServer = "http://127.0.0.1:9";

void fail(const QString &message) {
    std::fprintf(stderr, "ruhu: %s\n", qPrintable(message));
}

} // namespace

int main(int argc, char *argv[]) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("ruhu"));
    QGuiApplication::setOrganizationName(QStringLiteral("Ruhu"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("入户"));
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPixelSize(20);
    QGuiApplication::setFont(font);
    QQuickStyle::setStyle(QStringLiteral("Material"));

    const CommandLine cl = CommandLine::parse(app);
    const bool screenshots = !cl.screenshotDir.isEmpty();

    QTemporaryDir tempDir; // screenshot mode and self-test: a fresh replica, removed on exit
    QString dataDir = cl.dataDir;
    if (screenshots || cl.selfTest)
        dataDir = tempDir.path();
    else if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dataDir)) {
        fail(QStringLiteral("无法创建数据目录 %1").arg(dataDir));
        return 1;
    }

    const QDir dir(dataDir);
    auto key = ruhu::loadOrCreateDeviceKey(dir.filePath(QStringLiteral("device.key")).toStdString());
    if (!key) {
        fail(QString::fromStdString(key.error().message));
        return 1;
    }
    auto opened = ruhu::DeviceReplica::open(dir.filePath(QStringLiteral("replica.db")).toStdString(), *key);
    if (!opened) {
        fail(QString::fromStdString(opened.error().message));
        return 1;
    }
    ruhu::DeviceReplica &replica = **opened;
    const bool scripted = cl.scriptedEntry > 0 || cl.reportEntry;
    // the self-test then loads the main pages, not only the login; the kill test seeds its data dir once
    if (screenshots || cl.selfTest || (scripted && !replica.record("household", ScriptedEntry::kHousehold))) {
        if (auto status = seedDemoReplica(replica); !status) {
            fail(QString::fromStdString(status.error().message));
            return 1;
        }
    }

    auto media = ruhu::MediaStore::open(dir.filePath(QStringLiteral("media")).toStdString(),
                                        dir.filePath(QStringLiteral("replica.db")).toStdString(), *key);
    if (!media) {
        fail(QString::fromStdString(media.error().message));
        return 1;
    }

    QSettings settings(dir.filePath(QStringLiteral("ruhu.ini")), QSettings::IniFormat);
    LocalStore store(&replica);
    AppSettings appSettings(&settings);
    appSettings.applyLanguage(); // 简体中文 unless the cadre chose English
    // Texts the C++ models compose (Today's advice, due reasons) are rebuilt in the new language.
    QObject::connect(&appSettings, &AppSettings::languageChanged, &store, &LocalStore::notifyChanged);
    SyncClient client(replica);
    if (!cl.pinnedCertificate.isEmpty())
        appSettings.setPinnedCertificate(cl.pinnedCertificate);
    auto applyTransport = [&] {
        client.setAllowInsecure(appSettings.allowInsecureHttp());
        client.setPinnedCertificate(appSettings.pinnedCertificate());
    };
    applyTransport();
    QObject::connect(&appSettings, &AppSettings::transportChanged, &client, applyTransport);
    Session session(store, client);
    session.setSettings(&settings);
    if (!cl.serverUrl.isEmpty())
        session.setServerUrl(cl.serverUrl);
    else if (screenshots)
        session.setServerUrl(QString::fromLatin1(kUnreachableServer));
    SyncStatus syncStatus(store, client);
    syncStatus.setAutoSyncEnabled(!screenshots && !cl.selfTest);
    Screenshotter screenshotter(cl.screenshotDir);
    PhotoLibrary photoLibrary(replica, **media);
    PhotoStore photoStore(photoLibrary, store);
    if (screenshots || cl.selfTest) { // the gallery, the viewer and the upload backlog have photos to show
        if (auto status = seedDemoPhotos(photoLibrary); !status) {
            fail(QString::fromStdString(status.error().message));
            return 1;
        }
    }
    // The authorization signing key sits next to the storage key; the server learns its public half on the
    // first sync after login (before any signed record is pushed).
    DeviceSigningIdentity signingIdentity(dir.filePath(QStringLiteral("device-signing.pem")));
    DeviceKeyRegistrar keyRegistrar(client, signingIdentity);
    client.setBeforePushStep(
        [&keyRegistrar](const std::function<void()> &next) { keyRegistrar.registerIfNeeded(next); });
    AuthorizationSession::setServices(&signingIdentity, &photoLibrary);
    MediaUploader mediaUploader(**media, client);
    MediaSyncStatus mediaSyncStatus(**media, mediaUploader);
    syncStatus.setMediaStore(media->get());

    // After a login the first sync fetches the villages' households.
    QObject::connect(&client, &SyncClient::loggedIn, &syncStatus,
                     [&syncStatus] { QTimer::singleShot(0, &syncStatus, &SyncStatus::sync); });
    // Records sync first; the photos they name follow.
    QObject::connect(&client, &SyncClient::syncFinished, &mediaUploader, &MediaUploader::uploadAll);
    QObject::connect(&photoStore, &PhotoStore::photoAdded, &mediaSyncStatus, &MediaSyncStatus::refresh);
    QObject::connect(&mediaUploader, &MediaUploader::finished, &syncStatus, &SyncStatus::refresh);

    LocalStore::setInstance(&store);
    AppSettings::setInstance(&appSettings);
    Session::setInstance(&session);
    SyncStatus::setInstance(&syncStatus);
    Screenshotter::setInstance(&screenshotter);
    PhotoStore::setInstance(&photoStore);
    MediaSyncStatus::setInstance(&mediaSyncStatus);

    QQmlApplicationEngine engine;
    int qmlWarnings = 0;
    QObject::connect(&engine, &QQmlApplicationEngine::warnings, &app,
                     [&qmlWarnings](const QList<QQmlError> &warnings) { qmlWarnings += warnings.size(); });
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.addImageProvider(QStringLiteral("photos"), new PhotoImageProvider(**media)); // the engine owns it
    appSettings.setEngine(&engine);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Ruhu/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    if (cl.windowSize.isValid()) {
        if (auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst()))
            window->resize(cl.windowSize);
    }

    ScriptedEntry scriptedEntry(store, cl.scriptedEntry);
    if (cl.reportEntry) {
        ScriptedEntry::report(store);
        return 0;
    }
    if (cl.scriptedEntry > 0)
        scriptedEntry.start();
    if (cl.selfTest) {
        QTimer::singleShot(500, &app, [&] {
            if (qmlWarnings > 0)
                fail(QStringLiteral("self-test: %1 QML warning(s)").arg(qmlWarnings));
            QCoreApplication::exit(qmlWarnings == 0 ? 0 : 1);
        });
    }
    if (screenshots) {
        QObject::connect(&screenshotter, &Screenshotter::finished, &app,
                         [&](bool ok) { QCoreApplication::exit(ok && qmlWarnings == 0 ? 0 : 1); });
        QTimer::singleShot(300'000, &app, [] { // two passes: landscape and portrait
            fail(QStringLiteral("screenshot tour timed out"));
            QCoreApplication::exit(2);
        });
    }
    return QGuiApplication::exec();
}
