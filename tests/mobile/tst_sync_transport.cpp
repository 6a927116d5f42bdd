// The tablet's transport rules against the real ruhu-syncd serving TLS with a self-signed certificate made
// at run time: plain http:// only to loopback unless the insecure setting is on, and certificate pinning
// (the pinned certificate is trusted, any other refused with a clear Chinese message).
#include "serverprocess.h"
#include "syncclient.h"

#include <ruhu/store/device_replica.h>

#include <QCryptographicHash>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Tablet {
    QTemporaryDir dir;
    std::unique_ptr<ruhu::DeviceReplica> replica;
    std::unique_ptr<SyncClient> client;

    bool open(const QUrl &server) {
        auto key = ruhu::loadOrCreateDeviceKey(dir.filePath("device.key").toStdString());
        if (!key)
            return false;
        auto r = ruhu::DeviceReplica::open(dir.filePath("replica.sqlite3").toStdString(), *key);
        if (!r)
            return false;
        replica = std::move(*r);
        client = std::make_unique<SyncClient>(*replica);
        client->setServerUrl(server);
        return true;
    }

    // Empty on success, else the message the cadre would see.
    QString login() {
        QSignalSpy ok(client.get(), &SyncClient::loggedIn);
        QSignalSpy failed(client.get(), &SyncClient::loginFailed);
        client->login(QStringLiteral("cadre1"), QStringLiteral("ruhu2024"));
        if (!QTest::qWaitFor([&] { return ok.count() + failed.count() > 0; }, 20000))
            return QStringLiteral("timeout");
        return ok.count() == 1 ? QString() : failed.first().first().toString();
    }
};

QString sha256Of(const QString &pemPath) {
    const auto certificates = QSslCertificate::fromPath(pemPath);
    if (certificates.isEmpty())
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(certificates.first().toDer(), QCryptographicHash::Sha256).toHex(':'));
}

} // namespace

class TestSyncTransport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void plainHttpRefusedExceptLoopback();
    void unpinnedSelfSignedIsRefused();
    void pinnedCertificateIsTrusted();
    void wrongPinIsRefused();

private:
    QTemporaryDir m_certDir;
    ServerProcess m_server;
    QUrl m_url;
};

void TestSyncTransport::initTestCase() {
    QProcess openssl;
    openssl.start("openssl",
                  {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                   "-keyout", m_certDir.filePath("key.pem"), "-out", m_certDir.filePath("cert.pem"), "-days",
                   "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
    QVERIFY(openssl.waitForFinished(30000) && openssl.exitCode() == 0);
    // ServerProcess checks /healthz over https and must trust the certificate for that.
    setHttpsTrustedCertificates(QSslCertificate::fromPath(m_certDir.filePath("cert.pem")));
    QVERIFY2(m_server.start(true, {"--tls-cert", m_certDir.filePath("cert.pem"), "--tls-key",
                                   m_certDir.filePath("key.pem")}),
             m_server.log().constData());
    m_url = m_server.url();
    QCOMPARE(m_url.scheme(), "https");
}

void TestSyncTransport::plainHttpRefusedExceptLoopback() {
    Tablet tablet;
    QVERIFY(tablet.open(QUrl("http://ruhu.example.invalid:8080")));
    const QString refused = tablet.login();
    QVERIFY2(refused.contains("https://") && refused.contains(QStringLiteral("允许不加密连接（不安全）")),
             qPrintable(refused));

    // With the warned setting on, the request is attempted (and fails on the network, not on the rule).
    tablet.client->setAllowInsecure(true);
    const QString attempted = tablet.login();
    QVERIFY(!attempted.isEmpty());
    QVERIFY2(!attempted.contains("https://"), qPrintable(attempted));

    // Loopback is always allowed over http.
    QVERIFY(tablet.client->transportError(QUrl("http://127.0.0.1:8080/api/v1/login")).isEmpty());
    QVERIFY(tablet.client->transportError(QUrl("http://localhost:8080/api/v1/login")).isEmpty());
    tablet.client->setAllowInsecure(false);
    QVERIFY(!tablet.client->transportError(QUrl("http://10.0.0.5/api/v1/login")).isEmpty());
}

void TestSyncTransport::unpinnedSelfSignedIsRefused() {
    Tablet tablet;
    QVERIFY(tablet.open(m_url));
    const QString message = tablet.login();
    QVERIFY2(message.contains(QStringLiteral("证书")), qPrintable(message));
}

void TestSyncTransport::pinnedCertificateIsTrusted() {
    Tablet tablet;
    QVERIFY(tablet.open(m_url));
    const QString pin = sha256Of(m_certDir.filePath("cert.pem")).toUpper(); // as openssl prints it
    QVERIFY(!pin.isEmpty());
    tablet.client->setPinnedCertificate(pin);
    const QString message = tablet.login();
    QVERIFY2(message.isEmpty(), qPrintable(message));
}

void TestSyncTransport::wrongPinIsRefused() {
    Tablet tablet;
    QVERIFY(tablet.open(m_url));
    tablet.client->setPinnedCertificate(QString(64, QLatin1Char('a')));
    const QString message = tablet.login();
    QVERIFY2(message.contains(QStringLiteral("指纹不符")), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestSyncTransport)
#include "tst_sync_transport.moc"
