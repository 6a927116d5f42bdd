// The composition root of the tablet app: parse arguments, open the replica, build the services,
// hand them to QML as singletons and load Main.qml.
#include "commandline.h"
#include "demoseed.h"
#include "localstore.h"
#include "screenshotter.h"
#include "session.h"
#include "syncclient.h"
#include "syncstatus.h"

#include <ruhu/store/device_replica.h>

#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
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
    if (screenshots || cl.selfTest) { // the self-test then loads the main pages, not only the login
        if (auto status = seedDemoReplica(replica); !status) {
            fail(QString::fromStdString(status.error().message));
            return 1;
        }
    }

    QSettings settings(dir.filePath(QStringLiteral("ruhu.ini")), QSettings::IniFormat);
    LocalStore store(&replica);
    SyncClient client(replica);
    Session session(store, client);
    session.setSettings(&settings);
    if (!cl.serverUrl.isEmpty())
        session.setServerUrl(cl.serverUrl);
    else if (screenshots)
        session.setServerUrl(QString::fromLatin1(kUnreachableServer));
    SyncStatus syncStatus(store, client);
    syncStatus.setAutoSyncEnabled(!screenshots && !cl.selfTest);
    Screenshotter screenshotter(cl.screenshotDir);

    // After a login the first sync fetches the villages' households.
    QObject::connect(&client, &SyncClient::loggedIn, &syncStatus,
                     [&syncStatus] { QTimer::singleShot(0, &syncStatus, &SyncStatus::sync); });

    LocalStore::setInstance(&store);
    Session::setInstance(&session);
    SyncStatus::setInstance(&syncStatus);
    Screenshotter::setInstance(&screenshotter);

    QQmlApplicationEngine engine;
    int qmlWarnings = 0;
    QObject::connect(&engine, &QQmlApplicationEngine::warnings, &app,
                     [&qmlWarnings](const QList<QQmlError> &warnings) { qmlWarnings += warnings.size(); });
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Ruhu/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;

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
        QTimer::singleShot(120'000, &app, [] {
            fail(QStringLiteral("screenshot tour timed out"));
            QCoreApplication::exit(2);
        });
    }
    return QGuiApplication::exec();
}
