// The tablet's 授权承诺书 signing (AuthorizationSession) over a real replica with the demo village: a
// signature becomes one "authorization" record that verifies; editing a covered member makes it stale;
// tampering with strokes breaks verification; a minor needs a 监护人; 代填 needs a 手印 photo.
#include "authorizationrecords.h"
#include "authorizationsession.h"
#include "authorizationstatus.h"
#include "demoreplicafixture.h"
#include "devicesigningidentity.h"
#include "localstore.h"
#include "photolibrary.h"
#include "signaturepad.h"

#include <ruhu/evidence/authorization.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/store/device_replica.h>
#include <ruhu/store/media_store.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const std::string kVillage = "429005103201";
const QString kHousehold = QStringLiteral("hh-0002");
const QString kFingerprintSha =
    QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

// 18-digit 身份证号 with its ISO 7064 MOD 11-2 check digit.
std::string idNumber(const std::string &first17) {
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (first17[size_t(i)] - '0') * weights[i];
    return first17 + "10X98765432"[sum % 11];
}

} // namespace

class TestAuthorizationSession : public QObject, protected DemoReplicaFixture {
    Q_OBJECT

private:
    std::unique_ptr<ruhu::MediaStore> m_media;
    std::unique_ptr<PhotoLibrary> m_photos;
    std::unique_ptr<DeviceSigningIdentity> m_identity;

    // A pad with a two-stroke signature drawn through addStroke (the QML test drives real mouse events).
    static std::unique_ptr<SignaturePad> signedPad() {
        auto pad = std::make_unique<SignaturePad>();
        pad->setSize(QSizeF(900, 300));
        pad->addStroke({QVariantMap{{"x", 40}, {"y", 200}, {"t", 0}},
                        QVariantMap{{"x", 120}, {"y", 80}, {"t", 40}},
                        QVariantMap{{"x", 200}, {"y", 210}, {"t", 90}}});
        pad->addStroke(
            {QVariantMap{{"x", 260}, {"y", 120}, {"t", 0}}, QVariantMap{{"x", 400}, {"y", 140}, {"t", 60}}});
        return pad;
    }

    std::unique_ptr<AuthorizationSession> openSession() {
        auto session = std::make_unique<AuthorizationSession>();
        session->setStore(m_store.get());
        session->setHouseholdId(kHousehold);
        return session;
    }

    // Ticks the two required consents and signs every required line by hand.
    void signAll(AuthorizationSession &session) {
        session.setConsentQueryAssets(true);
        session.setConsentSensitivePI(true);
        const auto signers = session.signers();
        for (int i = 0; i < signers.size(); ++i) {
            const auto signer = signers[i].toMap();
            if (!signer["required"].toBool())
                continue;
            auto pad = signedPad();
            QVERIFY2(session.acceptSignature(
                         i, pad.get(),
                         {{"name", signer["memberName"]}, {"role", signer["role"]}, {"method", "手写签名"}}),
                     qPrintable(session.errorMessage()));
        }
    }

    std::vector<ruhu::Record> authorizations() const {
        return m_replica->householdRecords("authorization", kHousehold.toStdString());
    }

    ruhu::evidence::Authorization parsed(const ruhu::Record &record) {
        auto a = ruhu::evidence::authorizationFromJson(record.fields.at("document"));
        if (!a)
            qFatal("authorizationFromJson: %s", a.error().message.c_str());
        return *a;
    }

    ruhu::domain::HouseholdDocument household() {
        return *authorization::coveredHousehold(*m_replica, kHousehold.toStdString());
    }

private Q_SLOTS:
    void init() {
        openDemoReplica();
        if (QTest::currentTestFailed())
            return;
        auto media = ruhu::MediaStore::open(m_dir->filePath("media").toStdString(),
                                            m_dir->filePath("replica.db").toStdString(), m_key);
        QVERIFY2(media.ok(), media.ok() ? "" : media.error().message.c_str());
        m_media = std::move(*media);
        m_photos = std::make_unique<PhotoLibrary>(*m_replica, *m_media);
        m_identity = std::make_unique<DeviceSigningIdentity>(m_dir->filePath("device-signing.pem"));
        AuthorizationSession::setServices(m_identity.get(), m_photos.get());
    }

    void cleanup() { AuthorizationSession::setServices(nullptr, nullptr); }

    void letterRenderedForHousehold() {
        auto session = openSession();
        QVERIFY2(session->isReady(), qPrintable(session->errorMessage()));
        const auto members = m_replica->members(kHousehold.toStdString());
        QCOMPARE(session->members().size(), qsizetype(members.size()));
        const QString letter = session->letterText();
        for (const auto &member : members) {
            QVERIFY(
                letter.contains(QString::fromStdString(std::string(member.fields.at("name").as_string()))));
            // only the masked number is ever shown
            QVERIFY(
                !letter.contains(QString::fromStdString(std::string(member.fields.at("idNo").as_string()))));
        }
        QCOMPARE(session->consentItems().size(), 3);
        QVERIFY(session->requiredCount() >= 1);
        QCOMPARE(session->signers().first().toMap()["role"].toString(), QStringLiteral("户主"));
    }

    void signSavesVerifiableRecord() {
        auto session = openSession();
        const qint64 pendingBefore = m_replica->pendingCount();
        signAll(*session);
        QVERIFY2(session->submit(), qPrintable(session->errorMessage()));
        const auto records = authorizations();
        QCOMPARE(records.size(), size_t(1));
        QCOMPARE(QString::fromStdString(records[0].id), session->savedAuthorizationId());
        QVERIFY(m_replica->pendingCount() > pendingBefore); // queued for sync like any record
        const auto a = parsed(records[0]);
        QCOMPARE(int(a.signers.size()), session->requiredCount());
        QCOMPARE(a.signers[0].strokes->strokes.size(), size_t(2));
        QCOMPARE(a.gps.provider, std::string("unavailable")); // no positioning on the test machine
        auto verified =
            ruhu::evidence::verifyAuthorization(a, household(), m_identity->publicKeyBase64().toStdString());
        QVERIFY2(verified.ok(), verified.ok() ? "" : verified.error().message.c_str());
        // the key file is private to the app
        QCOMPARE(QFile::permissions(m_dir->filePath("device-signing.pem")) & 0x0077,
                 QFileDevice::Permissions());
        // one rendered PNG per handwritten signature, as a 签字 photo record
        int signaturePhotos = 0;
        for (const auto &photo : m_photos->photosOf(kHousehold))
            if (photo.fields.at("photoKind").as_string() == "签字" &&
                photo.fields.at("mime").as_string() == "image/png")
                ++signaturePhotos;
        QCOMPARE(signaturePhotos, session->requiredCount());

        AuthorizationStatus status;
        status.setStore(m_store.get());
        status.setHouseholdId(kHousehold);
        QCOMPARE(status.state(), QStringLiteral("signed"));
    }

    void consentsAreRequired() {
        auto session = openSession();
        signAll(*session);
        session->setConsentSensitivePI(false);
        QVERIFY(!session->submit());
        QVERIFY(session->fieldErrors().contains("consents.sensitivePI"));
        QVERIFY(authorizations().empty());
    }

    void editingCoveredMemberMakesStale() {
        auto session = openSession();
        signAll(*session);
        QVERIFY(session->submit());
        AuthorizationStatus status;
        status.setStore(m_store.get());
        status.setHouseholdId(kHousehold);
        QCOMPARE(status.state(), QStringLiteral("signed"));

        // a field the letter does not cover leaves it in force
        auto phone = m_replica->edit("household", kHousehold.toStdString(), kHousehold.toStdString(),
                                     kVillage, boost::json::object{{"phone", "13900000000"}});
        QVERIFY(phone.ok());
        m_store->notifyChanged();
        QCOMPARE(status.state(), QStringLiteral("signed"));

        const auto member = m_replica->members(kHousehold.toStdString()).front();
        auto renamed = m_replica->edit("member", member.id, kHousehold.toStdString(), kVillage,
                                       boost::json::object{{"name", "改名后"}});
        QVERIFY(renamed.ok());
        m_store->notifyChanged(); // what every local save does
        QCOMPARE(status.state(), QStringLiteral("stale"));
        QVERIFY(status.stateText().contains(QStringLiteral("请重新签字")));
        const auto a = parsed(authorizations().front());
        auto verified =
            ruhu::evidence::verifyAuthorization(a, household(), m_identity->publicKeyBase64().toStdString());
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code, std::string("stale"));

        // signing again writes a new record that supersedes the old one; the old one is left as it was
        const std::string firstDocument =
            ruhu::toCanonicalJson(authorizations().front().fields.at("document"));
        const std::string firstId = authorizations().front().id;
        auto again = openSession();
        signAll(*again);
        QVERIFY2(again->submit(), qPrintable(again->errorMessage()));
        QCOMPARE(authorizations().size(), size_t(2));
        auto first = m_replica->record("authorization", firstId);
        QCOMPARE(ruhu::toCanonicalJson(first->fields.at("document")), firstDocument);
        auto second = m_replica->record("authorization", again->savedAuthorizationId().toStdString());
        QCOMPARE(std::string(second->fields.at("supersedes").as_string()), firstId);
        QCOMPARE(status.state(), QStringLiteral("signed"));
    }

    void alteredStrokeFailsVerification() {
        auto session = openSession();
        signAll(*session);
        QVERIFY(session->submit());
        const auto record = authorizations().front();
        const std::string key = m_identity->publicKeyBase64().toStdString();

        auto a = parsed(record);
        a.signers[0].strokes->strokes[0][0].x += 1.0;
        auto moved = ruhu::evidence::verifyAuthorization(a, household(), key);
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().code, std::string("strokes_tampered"));

        // recomputing the stroke hash does not help: the device signature covers it
        a.signers[0].strokesSha256 = ruhu::evidence::strokesSha256(*a.signers[0].strokes);
        auto rehashed = ruhu::evidence::verifyAuthorization(a, household(), key);
        QVERIFY(!rehashed.ok());
        QCOMPARE(rehashed.error().code, std::string("signature_invalid"));

        // and a record tampered with in the replica shows as failed, not as signed
        boost::json::object document = record.fields.at("document").as_object();
        document["signers"]
            .as_array()[0]
            .as_object()["strokes"]
            .as_object()["data"]
            .as_array()[0]
            .as_array()[0]
            .as_object()["x"] = 11.5;
        auto edited = m_replica->edit("authorization", record.id, kHousehold.toStdString(), kVillage,
                                      boost::json::object{{"document", document}});
        QVERIFY(edited.ok());
        AuthorizationStatus status;
        status.setStore(m_store.get());
        status.setHouseholdId(kHousehold);
        QCOMPARE(status.state(), QStringLiteral("invalid"));
    }

    void minorNeedsGuardian() {
        const std::string minorId = "hh-0002-m9";
        auto added = m_replica->edit("member", minorId, kHousehold.toStdString(), kVillage,
                                     boost::json::object{{"name", "小明"},
                                                         {"relationToHead", "之孙子"},
                                                         {"idType", "居民身份证"},
                                                         {"idNo", idNumber("42900520180305013")},
                                                         {"seq", 9},
                                                         {"status", "正常"}});
        QVERIFY2(added.ok(), added.ok() ? "" : added.error().message.c_str());
        auto session = openSession();
        const int index = session->addSigner(QString::fromStdString(minorId));
        QVERIFY(index >= 0);
        QVERIFY(session->signerAt(index)["minor"].toBool());
        QCOMPARE(session->signerAt(index)["required"].toBool(), false);
        auto pad = signedPad();
        QVERIFY(!session->acceptSignature(index, pad.get(),
                                          {{"name", "小明"}, {"role", "家庭成员"}, {"method", "手写签名"}}));
        QVERIFY(session->fieldErrors().contains("role"));
        QVERIFY(session->errorMessage().contains(QStringLiteral("监护人")));
        QVERIFY(session->acceptSignature(index, pad.get(),
                                         {{"name", "张监护"}, {"role", "监护人"}, {"method", "手写签名"}}));
        signAll(*session);
        QVERIFY2(session->submit(), qPrintable(session->errorMessage()));
        const auto a = parsed(authorizations().front());
        auto guardian =
            std::find_if(a.signers.begin(), a.signers.end(), [&](auto &s) { return s.memberId == minorId; });
        QVERIFY(guardian != a.signers.end());
        QCOMPARE(guardian->role, std::string("监护人"));
    }

    void proxyNeedsFingerprintPhoto() {
        auto session = openSession();
        const QVariantMap proxy{{"name", session->signerAt(0)["memberName"]},
                                {"role", "户主"},
                                {"method", "代填+手印"},
                                {"proxyName", "李村干"},
                                {"proxyRole", "村干部"},
                                {"proxyReason", "申请人不识字"},
                                {"readAloudConfirmed", true}};
        QVERIFY(!session->acceptSignature(0, nullptr, proxy));
        QVERIFY(session->fieldErrors().contains("fingerprintPhoto"));
        QVariantMap notRead = proxy;
        notRead["readAloudConfirmed"] = false;
        QVERIFY(!session->acceptSignature(0, nullptr, notRead));
        QVERIFY(session->fieldErrors().contains("proxy.readAloudConfirmed"));

        session->setFingerprintPhoto(0, QStringLiteral("ph-fingerprint"), kFingerprintSha);
        QVERIFY2(session->acceptSignature(0, nullptr, proxy), qPrintable(session->errorMessage()));
        signAll(*session); // the other adults sign by hand (the head's line is replaced by this again)
        QVERIFY(session->acceptSignature(0, nullptr, proxy));
        QVERIFY2(session->submit(), qPrintable(session->errorMessage()));
        const auto a = parsed(authorizations().front());
        QCOMPARE(a.signers[0].method, std::string("代填+手印"));
        QCOMPARE(a.signers[0].proxy->name, std::string("李村干"));
        QCOMPARE(a.signers[0].fingerprintPhoto->sha256, kFingerprintSha.toStdString());
        QVERIFY(!a.signers[0].strokes);
        QVERIFY(
            ruhu::evidence::verifyAuthorization(a, household(), m_identity->publicKeyBase64().toStdString())
                .ok());
    }

    void emptyPadRefused() {
        auto session = openSession();
        SignaturePad pad;
        pad.setSize(QSizeF(600, 200));
        QVERIFY(
            !session->acceptSignature(0, &pad, {{"name", "张三"}, {"role", "户主"}, {"method", "手写签名"}}));
        QVERIFY(session->fieldErrors().contains("strokes"));
    }
};

QTEST_MAIN(TestAuthorizationSession)
#include "tst_authorization_session.moc"
