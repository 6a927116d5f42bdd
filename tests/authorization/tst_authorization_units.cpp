// Server-side pieces of the 授权承诺书 without sockets: the printable PDF for a letter with a 代填 signer
// and a 手印 photo (read back with pdftotext), household documents from synced records, the printed
// codes, and the central store's device-key table and its schema migration.
#include "evidence/authorization_check.h"
#include "evidence/authorization_pdf.h"
#include "storage/sqlite_central_store.h"
#include "storage/sqlite_schema.h"

#include <ruhu/evidence/authorization.h>
#include <ruhu/evidence/authorization_records.h>
#include <ruhu/evidence/consent_template.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/model/id_number.h>
#include <ruhu/store/sqlite.h>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ruhu;
using namespace ruhu::evidence;

namespace {

QString qs(const std::string &s) {
    return QString::fromStdString(s);
}

Record record(const std::string &kind, const std::string &id, boost::json::object fields) {
    Record r;
    r.kind = kind;
    r.id = id;
    r.householdId = "h1";
    r.regionCode = "429005103201";
    r.fields = std::move(fields);
    return r;
}

std::vector<Record> householdRecords(int members) {
    std::vector<Record> records;
    records.push_back(record("household", "h1",
                             {{"headMemberId", "m1"},
                              {"headName", "王大山"},
                              {"county", "潜江市"},
                              {"township", "熊口镇"},
                              {"village", "马家村"},
                              {"group", "二组"},
                              {"address", "马家村二组 7 号"},
                              {"riskTypes", boost::json::array{"因病", "因残"}},
                              {"phone", "13800000000"}}));
    for (int i = 1; i <= members; ++i) {
        const std::string first17 = "42900519" + std::to_string(50 + i) + "0101" + std::to_string(100 + i);
        records.push_back(record("member", "m" + std::to_string(i),
                                 {{"name", i == 1 ? "王大山" : "王成员" + std::to_string(i)},
                                  {"relationToHead", i == 1 ? "户主" : "之子"},
                                  {"idNo", first17 + idNumberCheckDigit(first17)},
                                  {"birthDate", "19" + std::to_string(50 + i) + "-01-01"},
                                  {"seq", i},
                                  {"status", "正常"}}));
    }
    return records;
}

} // namespace

class TestAuthorizationUnits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void householdFromSyncedRecords() {
        auto records = householdRecords(3);
        records[3].deleted = true; // m3 removed
        records[2].fields["status"] = "死亡";
        auto doc = householdFromRecords("h1", records);
        QVERIFY(doc);
        QCOMPARE(qs(doc->household.address), QStringLiteral("马家村二组 7 号"));
        QCOMPARE(doc->members.size(), std::size_t(2));
        QVERIFY(doc->members[1].status == domain::MemberStatus::Dead);
        // Only the covered data counts: a phone edit leaves the hash alone, an address edit does not.
        const std::string before = coveredDataSha256(*doc);
        records[0].fields["phone"] = "13900000000";
        QCOMPARE(qs(coveredDataSha256(*householdFromRecords("h1", records))), qs(before));
        records[0].fields["address"] = "马家村二组 8 号";
        QVERIFY(coveredDataSha256(*householdFromRecords("h1", records)) != before);
        records[0].deleted = true;
        QVERIFY(!householdFromRecords("h1", records));
    }

    // Doubles as the tablet measures them must verify after the JSON round trip the server sees.
    void irregularDoublesSurviveJson() {
        auto t = loadConsentTemplateFile(RUHU_CONSENT_DIR "/auth-v1.json");
        auto key = DeviceSigningKey::generate();
        QVERIFY(t.ok() && key.ok());
        const auto doc = *householdFromRecords("h1", householdRecords(2));
        SignatureStrokes s{"v1", 1200, 400, 264, {}};
        for (int k = 0; k < 4; ++k) {
            std::vector<StrokePoint> stroke;
            for (int i = 0; i < 250; ++i)
                stroke.push_back({600 + 500 * std::sin(i * 0.37 + k), 200 + 150 * std::cos(i * 0.11 * k),
                                  k * 1000 + i * 8, 0.5 + 0.4 * std::sin(i * 0.7)});
            s.strokes.push_back(std::move(stroke));
        }
        Signer head;
        head.memberId = "m1";
        head.role = "户主";
        head.name = "王大山";
        head.method = "手写签名";
        head.strokes = s;
        head.signedAt = "2024-09-05T10:20:31+08:00";
        AuthorizationInput in;
        in.id = "auth-doubles";
        in.consentTemplate = &*t;
        in.consents = {true, true, false};
        in.signers = {head};
        in.gps = {30.1 + std::sqrt(2.0) / 1000,
                  112.7 + std::sqrt(3.0) / 1000,
                  4.0 / 3,
                  "2024-09-05T10:20:25+08:00",
                  "gps",
                  false};
        in.signedAt = "2024-09-05T10:21:00+08:00";
        auto a = createAuthorization(in, doc, *key);
        QVERIFY(a.ok());
        const std::string text = toCanonicalJson(authorizationToJson(*a));
        auto back = authorizationFromJson(*parseJson(text));
        QVERIFY(back.ok());
        auto verified = verifyAuthorization(*back, doc, key->publicKeyBase64());
        QVERIFY2(verified.ok(), verified.ok() ? "" : verified.error().code.c_str());
        // Written once more, byte for byte the same.
        QCOMPARE(qs(toCanonicalJson(authorizationToJson(*back))), qs(text));
    }

    void printedCodes() {
        const std::string code = verificationCode(std::string(64, 'a'));
        QVERIFY2(
            QRegularExpression("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$").match(qs(code)).hasMatch(),
            code.c_str());
        QCOMPARE(qs(verificationCode(std::string(64, 'a'))), qs(code));
        QVERIFY(verificationCode(std::string(64, 'b')) != code);
        auto key = DeviceSigningKey::generate();
        QVERIFY(key.ok());
        auto fingerprint = publicKeyFingerprint(key->publicKeyBase64());
        QVERIFY(fingerprint.ok());
        QCOMPARE(fingerprint->size(), std::size_t(16));
        QVERIFY(!publicKeyFingerprint("c2hvcnQ=").ok());
        QVERIFY(!publicKeyFingerprint("not base64!").ok());
        QCOMPARE(qs(server::beijingTime(0)), QStringLiteral("1970-01-01T08:00:00+08:00"));
    }

    void pdfWithProxyAndFingerprint() {
        auto t = loadConsentTemplateFile(RUHU_CONSENT_DIR "/auth-v1.json");
        QVERIFY(t.ok());
        auto doc = householdFromRecords("h1", householdRecords(12)); // a long member table: two pages
        QVERIFY(doc);
        auto key = DeviceSigningKey::generate();
        QVERIFY(key.ok());
        AuthorizationInput in;
        in.id = "auth-pdf-1";
        in.consentTemplate = &*t;
        in.consents = {true, true, true};
        Signer proxy;
        proxy.memberId = "m1";
        proxy.role = "户主";
        proxy.name = "王大山";
        proxy.method = "代填+手印";
        proxy.fingerprintPhoto = PhotoRef{"photo-1", std::string(64, 'c')};
        proxy.proxy = Proxy{"李村干", "村干部", "申请人不识字", true};
        proxy.signedAt = "2024-09-05T10:20:31+08:00";
        Signer hand;
        hand.memberId = "m2";
        hand.role = "家庭成员";
        hand.name = "王成员2";
        hand.method = "手写签名";
        hand.strokes = SignatureStrokes{
            "v1", 600, 200, 160, {{{10, 10, 0, 0.5}, {590, 190, 50, 0.5}}, {{300, 100, 80, {}}}}};
        hand.signedAt = "2024-09-05T10:21:00+08:00";
        in.signers = {proxy, hand};
        in.gps = {30.41, 112.89, 8, "2024-09-05T10:20:25+08:00", "gps", true};
        in.signedAt = "2024-09-05T10:22:00+08:00";
        auto a = createAuthorization(in, *doc, *key);
        QVERIFY2(a.ok(), a.ok() ? "" : a.error().message.c_str());

        server::LetterStatus status{verificationCode(a->bindingHash), "0123456789abcdef",
                                    "2024-09-05T10:30:00+08:00", "验证通过，现行有效",
                                    "2024-09-06T09:00:00+08:00"};
        auto pdf = server::renderAuthorizationPdf(*a, status);
        QVERIFY(pdf.ok());
        QTemporaryDir dir;
        QFile file(dir.filePath("letter.pdf"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdf->data(), qint64(pdf->size()));
        file.close();
        QProcess pdftotext;
        pdftotext.start("pdftotext", {"-enc", "UTF-8", file.fileName(), "-"});
        QVERIFY(pdftotext.waitForFinished(30000));
        const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput()).remove(' ');
        QVERIFY(text.contains(QStringLiteral("防止返贫监测对象申请及承诺授权书")));
        QVERIFY(text.contains(QStringLiteral("王成员12"))); // the last row of the member table
        QVERIFY(text.contains(QStringLiteral("手印照片cccccccc")));
        QVERIFY(text.contains(QStringLiteral("代填人：李村干（村干部）")));
        QVERIFY(text.contains(QStringLiteral("模拟定位")));
        QVERIFY(text.contains(qs(status.verificationCode)));
        QVERIFY(text.contains(QStringLiteral("第2页")));
        QVERIFY(!text.contains(qs(doc->members[0].idNo)));
    }

    void deviceKeysAndSchemaMigration() {
        QTemporaryDir dir;
        {
            auto store = server::SqliteCentralStore::open(dir.path().toStdString());
            QVERIFY(store.ok());
            auto tx = (*store)->beginWrite();
            QVERIFY(tx.ok());
            QVERIFY((*tx)->putDeviceKey({"dev-1", "key-a", "fa", "cadre1", 1000}).ok());
            // A second active key for the same device violates the store's invariant.
            QVERIFY(!(*tx)->putDeviceKey({"dev-1", "key-b", "fb", "cadre1", 2000}).ok());
            QVERIFY((*tx)->retireDeviceKey("dev-1", "county", 3000).ok());
            QVERIFY(!(*(*tx)->findDeviceKey("dev-1")).has_value());
            QVERIFY((*tx)->putDeviceKey({"dev-1", "key-b", "fb", "cadre1", 4000}).ok());
            QCOMPARE(qs((*(*tx)->findDeviceKey("dev-1"))->publicKey), QStringLiteral("key-b"));
            QVERIFY((*tx)->commit().ok());
        }
        const std::string file = dir.filePath(server::SqliteCentralStore::kFileName).toStdString();
        auto schemaVersion = [&] {
            auto db = sql::Database::open(file, true);
            auto stmt = db->prepare("SELECT value FROM meta WHERE key = 'schema_version'");
            return stmt->step() ? stmt->columnInt(0) : -1;
        };
        QCOMPARE(schemaVersion(), int64_t(server::kCentralSchemaVersion));
        // A schema-2 store (before device keys) is brought forward on open.
        {
            auto db = sql::Database::open(file, true);
            QVERIFY(db.ok());
            QVERIFY(db->exec("DROP TABLE device_keys; UPDATE meta SET value = 2 WHERE key = 'schema_version'")
                        .ok());
        }
        {
            auto store = server::SqliteCentralStore::open(dir.path().toStdString());
            QVERIFY(store.ok());
            auto tx = (*store)->beginWrite();
            QVERIFY(!(*(*tx)->findDeviceKey("dev-1")).has_value());
            QVERIFY((*tx)->putDeviceKey({"dev-1", "key-c", "fc", "cadre1", 5000}).ok());
            QVERIFY((*tx)->commit().ok());
        }
        QCOMPARE(schemaVersion(), int64_t(server::kCentralSchemaVersion));
    }
};

QTEST_GUILESS_MAIN(TestAuthorizationUnits)
#include "tst_authorization_units.moc"
