// The Qt Quick Test runner for the tablet UI. One real ruhu-syncd (demo county) and one set of app
// services (replica in a temporary directory, SyncClient, Session, SyncStatus) serve every tst_*.qml.
#include "appsettings.h"
#include "localstore.h"
#include "mediasyncstatus.h"
#include "mediauploader.h"
#include "photolibrary.h"
#include "photostore.h"
#include "screenshotter.h"
#include "serverprocess.h"
#include "session.h"
#include "syncclient.h"
#include "syncstatus.h"

#include <ruhu/store/device_replica.h>
#include <ruhu/store/media_store.h>

#include <QFont>
#include <QGuiApplication>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(RuhuPlugin)

// Lets a QML test take the server away and bring it back (same data directory and port).
class TestServer : public QObject {
    Q_OBJECT
public:
    explicit TestServer(ServerProcess &server)
        : m_server(server) {}
    Q_INVOKABLE bool stop() { return m_server.stop() == 0; }
    // The server comes back on a new ephemeral port: returns its address, or empty on failure.
    Q_INVOKABLE QString restart() { return m_server.restart() ? m_server.url().toString() : QString(); }

private:
    ServerProcess &m_server;
};

class Setup : public QObject {
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable() {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC")));
    }

    void qmlEngineAvailable(QQmlEngine *engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        if (m_store)
            return; // services are shared by all test files (the test-only singleton is registered once)
        if (!m_server.start(true))
            qFatal("ruhu-syncd did not start: %s", m_server.log().constData());

        auto key = ruhu::loadOrCreateDeviceKey(m_dir.filePath(QStringLiteral("device.key")).toStdString());
        if (!key)
            qFatal("device key: %s", key.error().message.c_str());
        auto replica =
            ruhu::DeviceReplica::open(m_dir.filePath(QStringLiteral("replica.db")).toStdString(), *key);
        if (!replica)
            qFatal("replica: %s", replica.error().message.c_str());
        m_replica = std::move(*replica);

        m_store = std::make_unique<LocalStore>(m_replica.get());
        auto media = ruhu::MediaStore::open(m_dir.filePath(QStringLiteral("media")).toStdString(),
                                            m_dir.filePath(QStringLiteral("replica.db")).toStdString(), *key);
        if (!media)
            qFatal("media store: %s", media.error().message.c_str());
        m_media = std::move(*media);
        m_appSettings = std::make_unique<AppSettings>(nullptr);
        m_client = std::make_unique<SyncClient>(*m_replica);
        m_session = std::make_unique<Session>(*m_store, *m_client);
        m_session->setServerUrl(m_server.url().toString());
        m_syncStatus = std::make_unique<SyncStatus>(*m_store, *m_client);
        m_syncStatus->setAutoSyncEnabled(false); // the tests sync explicitly
        m_screenshotter = std::make_unique<Screenshotter>(QString());
        m_photoLibrary = std::make_unique<PhotoLibrary>(*m_replica, *m_media);
        m_photoStore = std::make_unique<PhotoStore>(*m_photoLibrary, *m_store);
        m_mediaUploader = std::make_unique<MediaUploader>(*m_media, *m_client);
        m_mediaSyncStatus = std::make_unique<MediaSyncStatus>(*m_media, *m_mediaUploader);
        connect(m_client.get(), &SyncClient::loggedIn, m_syncStatus.get(), &SyncStatus::sync,
                Qt::QueuedConnection);

        LocalStore::setInstance(m_store.get());
        Session::setInstance(m_session.get());
        SyncStatus::setInstance(m_syncStatus.get());
        Screenshotter::setInstance(m_screenshotter.get());
        AppSettings::setInstance(m_appSettings.get());
        PhotoStore::setInstance(m_photoStore.get());
        MediaSyncStatus::setInstance(m_mediaSyncStatus.get());
        m_testServer = std::make_unique<TestServer>(m_server);
        qmlRegisterSingletonInstance("RuhuTest", 1, 0, "TestServer", m_testServer.get()); // test-only helper
    }

    void cleanupTestCase() { m_server.stop(); }

private:
    ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<ruhu::DeviceReplica> m_replica;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<SyncClient> m_client;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<SyncStatus> m_syncStatus;
    std::unique_ptr<Screenshotter> m_screenshotter;
    std::unique_ptr<ruhu::MediaStore> m_media;
    std::unique_ptr<AppSettings> m_appSettings;
    std::unique_ptr<PhotoLibrary> m_photoLibrary;
    std::unique_ptr<PhotoStore> m_photoStore;
    std::unique_ptr<MediaUploader> m_mediaUploader;
    std::unique_ptr<MediaSyncStatus> m_mediaSyncStatus;
    std::unique_ptr<TestServer> m_testServer;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)
#include "tst_qml.moc"
