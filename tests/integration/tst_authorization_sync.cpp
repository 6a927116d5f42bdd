// A tablet's 授权承诺书 end to end against the real ruhu-syncd on loopback: the signing key is registered
// on the first sync after login (before anything signed is pushed), a signed authorization is pushed and
// comes back with the server's receipt (verified), a later edit of a covered member makes it stale on the
// tablet, and a second key for the same device is refused with key_conflict.
#include "authorizationsession.h"
#include "authorizationstatus.h"
#include "devicekeyregistrar.h"
#include "devicesigningidentity.h"
#include "localstore.h"
#include "serverprocess.h"
#include "signaturepad.h"
#include "syncclient.h"

#include <ruhu/json/canonical_json.h>
#include <ruhu/store/device_replica.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const std::string kVillage = "429005103201";
const QString kHousehold = QStringLiteral("hh-0003");

} // namespace

class TestAuthorizationSync : public QObject {
    Q_OBJECT

    ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<ruhu::DeviceReplica> m_replica;
    std::unique_ptr<SyncClient> m_client;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<DeviceSigningIdentity> m_identity;
    std::unique_ptr<DeviceKeyRegistrar> m_registrar;

    QString sync() {
        QSignalSpy done(m_client.get(), &SyncClient::syncFinished);
        QSignalSpy failed(m_client.get(), &SyncClient::syncFailed);
        m_client->sync();
        if (!QTest::qWaitFor([&] { return done.count() + failed.count() > 0; }, 30000))
            return QStringLiteral("timeout");
        return failed.isEmpty() ? QString() : failed.first().first().toString();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(m_server.start(true), m_server.log().constData());
        auto key = ruhu::loadOrCreateDeviceKey(m_dir.filePath("device.key").toStdString());
        QVERIFY(key.ok());
        auto replica = ruhu::DeviceReplica::open(m_dir.filePath("replica.db").toStdString(), *key);
        QVERIFY(replica.ok());
        m_replica = std::move(*replica);
        m_client = std::make_unique<SyncClient>(*m_replica);
        m_client->setServerUrl(m_server.url());
        m_store = std::make_unique<LocalStore>(m_replica.get());
        // wired as in mobile/main.cpp
        m_identity = std::make_unique<DeviceSigningIdentity>(m_dir.filePath("device-signing.pem"));
        m_registrar = std::make_unique<DeviceKeyRegistrar>(*m_client, *m_identity);
        m_client->setBeforePushStep(
            [this](const std::function<void()> &next) { m_registrar->registerIfNeeded(next); });
        AuthorizationSession::setServices(m_identity.get(), nullptr);
    }

    void cleanupTestCase() {
        AuthorizationSession::setServices(nullptr, nullptr);
        m_server.stop();
    }

    void keyRegisteredOnFirstSyncAfterLogin() {
        QSignalSpy loggedIn(m_client.get(), &SyncClient::loggedIn);
        m_client->login(QStringLiteral("cadre1"), QStringLiteral("ruhu2024"));
        QVERIFY(loggedIn.wait(20000));
        QVERIFY(QFile::exists(m_dir.filePath("device-signing.pem"))); // created at login
        QVERIFY(!m_identity->isRegistered());
        QSignalSpy registered(m_registrar.get(), &DeviceKeyRegistrar::registered);
        QCOMPARE(sync(), QString());
        QCOMPARE(registered.count(), 1);
        QVERIFY(m_identity->isRegistered());
        QCOMPARE(sync(), QString()); // registered once: no second request
        QCOMPARE(registered.count(), 1);
    }

    void signedAuthorizationComesBackVerified() {
        QVERIFY(m_replica->record("household", kHousehold.toStdString()).has_value());
        AuthorizationSession session;
        session.setStore(m_store.get());
        session.setHouseholdId(kHousehold);
        QVERIFY2(session.isReady(), qPrintable(session.errorMessage()));
        session.setConsentQueryAssets(true);
        session.setConsentSensitivePI(true);
        const auto signers = session.signers();
        for (int i = 0; i < signers.size(); ++i) {
            SignaturePad pad;
            pad.setSize(QSizeF(800, 300));
            pad.addStroke({QVariantMap{{"x", 30.25}, {"y", 150}, {"t", 0}},
                           QVariantMap{{"x", 300.5}, {"y", 90}, {"t", 70}},
                           QVariantMap{{"x", 520}, {"y", 200.75}, {"t", 150}}});
            const auto signer = signers[i].toMap();
            QVERIFY2(session.acceptSignature(
                         i, &pad,
                         {{"name", signer["memberName"]}, {"role", signer["role"]}, {"method", "手写签名"}}),
                     qPrintable(session.errorMessage()));
        }
        QVERIFY2(session.submit(), qPrintable(session.errorMessage()));
        const std::string id = session.savedAuthorizationId().toStdString();

        QCOMPARE(sync(), QString());
        auto record = m_replica->record("authorization", id);
        QVERIFY(record.has_value());
        QVERIFY(record->version > 0);
        const auto *receipt = record->fields.if_contains("receipt");
        QVERIFY2(receipt && receipt->is_object(), "the receipt flows back on pull");
        QVERIFY2(receipt->as_object().at("verified").as_bool(), ruhu::toCanonicalJson(*receipt).c_str());

        AuthorizationStatus status;
        status.setStore(m_store.get());
        status.setHouseholdId(kHousehold);
        QCOMPARE(status.state(), QStringLiteral("signed"));
        QCOMPARE(status.receiptState(), QStringLiteral("verified"));

        // a covered member renamed afterwards (on this tablet, synced): stale
        const auto member = m_replica->members(kHousehold.toStdString()).front();
        QVERIFY(m_replica
                    ->edit("member", member.id, kHousehold.toStdString(), kVillage,
                           boost::json::object{{"name", "换了名"}})
                    .ok());
        QCOMPARE(sync(), QString());
        m_store->notifyChanged();
        QCOMPARE(status.state(), QStringLiteral("stale"));
    }

    void anotherKeyForThisDeviceIsAConflict() {
        DeviceSigningIdentity other(m_dir.filePath("other-signing.pem"));
        DeviceKeyRegistrar registrar(*m_client, other);
        QSignalSpy conflict(&registrar, &DeviceKeyRegistrar::conflict);
        bool done = false;
        registrar.registerIfNeeded([&] { done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        QCOMPARE(conflict.count(), 1);
        QVERIFY(!other.isRegistered());
        QVERIFY(other.registrationError().contains(QStringLiteral("管理员")));
        QVERIFY(m_identity->isRegistered()); // the registered key is unaffected
    }
};

QTEST_MAIN(TestAuthorizationSync)
#include "tst_authorization_sync.moc"
