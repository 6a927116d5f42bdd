// The signed 授权承诺书 on the real ruhu-syncd (issue 7): device key registry, verification on push with a
// receipt that flows back on pull, tamper rejection, stale after a covered edit, supersession, the
// printable PDF (read back with pdftotext) and area scoping.
#include "serverprocess.h"

#include <ruhu/evidence/authorization.h>
#include <ruhu/evidence/authorization_records.h>
#include <ruhu/evidence/consent_template.h>
#include <ruhu/evidence/device_signing_key.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/sync/hlc.h>
#include <ruhu/sync/mutation.h>
#include <ruhu/sync/protocol.h>

#include <QBuffer>
#include <QColor>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <boost/json/serialize.hpp>

using namespace ruhu;
using namespace ruhu::evidence;

namespace {

const std::string kVillage1 = "429005103201"; // cadre1's village; hh-0001 … hh-0020 live here

QString qs(const std::string &s) {
    return QString::fromStdString(s);
}

QByteArray bytes(const boost::json::value &json) {
    return QByteArray::fromStdString(boost::json::serialize(json));
}

// cadre1's tablet is "dev-a"; a device id belongs to the first account that logs in with it, so every
// other account logs in with its own.
QByteArray loginBody(const QString &user, const QString &device = {}) {
    const QString deviceId = !device.isEmpty()                  ? device
                             : user == QStringLiteral("cadre1") ? QStringLiteral("dev-a")
                                                                : "dev-test-" + user;
    return QJsonDocument(QJsonObject{{"username", user}, {"password", "ruhu2024"}, {"deviceId", deviceId}})
        .toJson(QJsonDocument::Compact);
}

SignatureStrokes strokes() {
    SignatureStrokes s;
    s.canvasWidth = 1200;
    s.canvasHeight = 400;
    s.dpi = 264;
    // Pen positions as a touch screen reports them: doubles with 17 significant digits.
    s.strokes = {{{100.12345678901234, 300.98765432109876, 0, 0.41234567890123},
                  {250.33333333333331, 120.66666666666667, 40, 0.6},
                  {400, 320, 90, 0.5},
                  {600.70710678118655, 150.14142135623731, 140, std::nullopt}},
                 {{700, 200, 400, 0.3}, {900, 210, 430, 0.45}, {1100, 190, 470, 0.5}}};
    return s;
}

} // namespace

class TestAuthorizationServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void registerDeviceKey();
    void validAuthorizationGetsReceipt();
    void tamperedAuthorizationsAreRejected();
    void signedAuthorizationIsImmutable();
    void staleAfterCoveredEdit();
    void staleAtPush();
    void supersedingAuthorization();
    void printablePdfHasChineseText();
    void printablePdfShowsFingerprintPhoto();
    void forgedLetterDoesNotEmbedAnotherVillagesPhoto();
    void pdfAndVerifyAreAudited();
    void areaScoping();
    void retireKeyNeedsCounty();

private:
    QByteArray token(const QString &user);
    HttpResult registerKey(const QByteArray &token, const std::string &deviceId, const DeviceSigningKey &key);
    std::vector<Record> pullAll(const QByteArray &token);
    std::optional<Record> pulled(const QByteArray &token, const std::string &kind, const std::string &id);
    domain::HouseholdDocument serverHousehold(const std::string &householdId);
    Authorization sign(const std::string &id, const std::string &householdId, const DeviceSigningKey &key);
    Mutation authorizationMutation(const std::string &deviceId, const boost::json::value &document,
                                   const std::string &householdId, const std::string &supersedes = {});
    Mutation memberEdit(const std::string &deviceId, const std::string &memberId,
                        const std::string &householdId, boost::json::object fields);
    HttpResult push(const std::string &deviceId, const std::vector<Mutation> &mutations,
                    const QByteArray &token = {});
    QJsonObject pushOne(const std::string &deviceId, const Mutation &m);
    HttpResult verify(const std::string &id, const QByteArray &token = {});

    ServerProcess m_server;
    QByteArray m_cadre1;
    ConsentTemplate m_template;
    std::optional<DeviceSigningKey> m_key;   // dev-a's registered key
    std::optional<DeviceSigningKey> m_other; // never registered for dev-a
    std::map<std::string, int64_t> m_seq;
    std::string m_firstId; // the authorization validAuthorizationGetsReceipt stored (hh-0001)
};

void TestAuthorizationServer::initTestCase() {
    QVERIFY2(m_server.start(), m_server.log().constData());
    m_cadre1 = token("cadre1");
    QVERIFY(!m_cadre1.isEmpty());
    auto t = loadConsentTemplateFile(RUHU_CONSENT_DIR "/auth-v1.json");
    QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
    m_template = *t;
    auto key = DeviceSigningKey::generate();
    auto other = DeviceSigningKey::generate();
    QVERIFY(key.ok() && other.ok());
    m_key = *key;
    m_other = *other;
}

void TestAuthorizationServer::cleanupTestCase() {
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
    // Neither signature strokes nor the document may show up in the server log.
    QVERIFY(!m_server.log().contains("strokes"));
    QVERIFY(!m_server.log().contains("renderedText"));
}

QByteArray TestAuthorizationServer::token(const QString &user) {
    auto reply = httpRequest("POST", m_server.url("/api/v1/login"), loginBody(user));
    return reply.status == 200 ? reply.json.value("token").toString().toLatin1() : QByteArray();
}

HttpResult TestAuthorizationServer::registerKey(const QByteArray &token, const std::string &deviceId,
                                                const DeviceSigningKey &key) {
    boost::json::object body{{"deviceId", deviceId}, {"publicKey", key.publicKeyBase64()}};
    return httpRequest("POST", m_server.url("/api/v1/devices/key"), bytes(body), token);
}

std::vector<Record> TestAuthorizationServer::pullAll(const QByteArray &token) {
    std::vector<Record> all;
    int64_t cursor = 0;
    for (int page = 0; page < 100; ++page) {
        auto reply = httpRequest(
            "GET", m_server.url(QStringLiteral("/api/v1/pull?cursor=%1&limit=500").arg(cursor)), {}, token);
        if (reply.status != 200)
            return {};
        auto json = parseJson(reply.body.toStdString());
        auto response = protocol::PullResponse::fromJson(*json);
        if (!response)
            return {};
        for (auto &r : response->changes)
            all.push_back(std::move(r));
        cursor = response->cursor;
        if (!response->hasMore)
            break;
    }
    return all;
}

std::optional<Record> TestAuthorizationServer::pulled(const QByteArray &token, const std::string &kind,
                                                      const std::string &id) {
    std::optional<Record> found;
    for (auto &r : pullAll(token))
        if (r.kind == kind && r.id == id)
            found = std::move(r); // the last change wins
    return found;
}

domain::HouseholdDocument TestAuthorizationServer::serverHousehold(const std::string &householdId) {
    auto doc = householdFromRecords(householdId, pullAll(m_cadre1));
    if (!doc)
        qFatal("household %s not pulled", householdId.c_str());
    return *doc;
}

Authorization TestAuthorizationServer::sign(const std::string &id, const std::string &householdId,
                                            const DeviceSigningKey &key) {
    const auto doc = serverHousehold(householdId);
    AuthorizationInput in;
    in.id = id;
    in.consentTemplate = &m_template;
    in.consents = {true, true, false};
    Signer head;
    head.memberId = doc.household.headMemberId;
    head.role = "户主";
    for (const auto &m : doc.members)
        if (m.id == head.memberId)
            head.name = m.name;
    head.method = "手写签名";
    head.strokes = strokes();
    head.signedAt = "2024-09-05T10:20:31+08:00";
    in.signers = {head};
    in.gps = {30.412345678912345, 112.89876543210987, 8.123456789, "2024-09-05T10:20:25+08:00", "gps", false};
    in.signedAt = "2024-09-05T10:21:00+08:00";
    auto a = createAuthorization(in, doc, key);
    if (!a)
        qFatal("createAuthorization: %s", a.error().message.c_str());
    return *a;
}

Mutation TestAuthorizationServer::authorizationMutation(const std::string &deviceId,
                                                        const boost::json::value &document,
                                                        const std::string &householdId,
                                                        const std::string &supersedes) {
    Mutation m;
    m.deviceId = deviceId;
    m.seq = ++m_seq[deviceId];
    m.id = Mutation::makeId(deviceId, m.seq);
    m.kind = "authorization";
    m.recordId = std::string(document.at("id").as_string());
    m.householdId = householdId;
    m.regionCode = kVillage1;
    m.hlc = HlcStamp{1800000000000 + m.seq, 0, deviceId}.encode();
    m.author = "cadre1";
    m.fields = {{"householdId", householdId}, {"document", document}};
    if (!supersedes.empty())
        m.fields["supersedes"] = supersedes;
    return m;
}

Mutation TestAuthorizationServer::memberEdit(const std::string &deviceId, const std::string &memberId,
                                             const std::string &householdId, boost::json::object fields) {
    Mutation m;
    m.deviceId = deviceId;
    m.seq = ++m_seq[deviceId];
    m.id = Mutation::makeId(deviceId, m.seq);
    m.kind = "member";
    m.recordId = memberId;
    m.householdId = householdId;
    m.regionCode = kVillage1;
    // Edited on top of the version the server has (a base above it would count as unknown: concurrent).
    auto current = pulled(m_cadre1, "member", memberId);
    m.baseVersion = current ? current->version : 0;
    m.hlc = HlcStamp{1800000000000 + m.seq, 0, deviceId}.encode();
    m.author = "cadre1";
    m.fields = std::move(fields);
    return m;
}

HttpResult TestAuthorizationServer::push(const std::string &deviceId, const std::vector<Mutation> &mutations,
                                         const QByteArray &token) {
    boost::json::array list;
    for (const auto &m : mutations)
        list.push_back(m.toJson());
    boost::json::object body{{"protocol", 1}, {"deviceId", deviceId}, {"mutations", std::move(list)}};
    QByteArray sender = token;
    if (sender.isEmpty()) {
        // cadre1's token is bound to "dev-a"; a push from another device id goes with cadre1 logged in there.
        sender = m_cadre1;
        if (deviceId != "dev-a") {
            auto reply =
                httpRequest("POST", m_server.url("/api/v1/login"), loginBody("cadre1", qs(deviceId)));
            sender = reply.json.value("token").toString().toLatin1();
        }
    }
    return httpRequest("POST", m_server.url("/api/v1/push"), bytes(body), sender);
}

QJsonObject TestAuthorizationServer::pushOne(const std::string &deviceId, const Mutation &m) {
    auto reply = push(deviceId, {m});
    if (reply.status != 200)
        qWarning("push answered %d: %s", reply.status, reply.body.constData());
    return reply.json.value("results").toArray().at(0).toObject();
}

HttpResult TestAuthorizationServer::verify(const std::string &id, const QByteArray &token) {
    return httpRequest("GET", m_server.url(qs("/api/v1/authorizations/" + id + "/verify")), {},
                       token.isEmpty() ? m_cadre1 : token);
}

void TestAuthorizationServer::registerDeviceKey() {
    auto first = registerKey(m_cadre1, "dev-a", *m_key);
    QCOMPARE(first.status, 201);
    QCOMPARE(first.json.value("status").toString(), QStringLiteral("registered"));
    QCOMPARE(first.json.value("registeredBy").toString(), QStringLiteral("cadre1"));
    QCOMPARE(first.json.value("fingerprint").toString(), qs(*publicKeyFingerprint(m_key->publicKeyBase64())));
    // The same key again: nothing changes.
    auto again = registerKey(m_cadre1, "dev-a", *m_key);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json.value("status").toString(), QStringLiteral("already_registered"));
    // Another key for the registered device: refused until an admin retires the old one.
    auto conflict = registerKey(m_cadre1, "dev-a", *m_other);
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.json.value("code").toString(), QStringLiteral("key_conflict"));
    QVERIFY(conflict.json.value("message").toString().contains(QStringLiteral("管理员")));
    // Not logged in; not a key.
    QCOMPARE(registerKey({}, "dev-x", *m_key).status, 401);
    auto bad = httpRequest("POST", m_server.url("/api/v1/devices/key"),
                           R"({"deviceId":"dev-x","publicKey":"bm90IGEga2V5"})", m_cadre1);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json.value("field").toString(), QStringLiteral("publicKey"));
}

void TestAuthorizationServer::validAuthorizationGetsReceipt() {
    auto a = sign("auth-hh1-1", "hh-0001", *m_key);
    const Mutation mutation = authorizationMutation("dev-a", authorizationToJson(a), "hh-0001");
    auto result = pushOne("dev-a", mutation);
    QCOMPARE(result.value("status").toString(), QStringLiteral("applied"));
    const QJsonObject receipt =
        result.value("record").toObject().value("fields").toObject().value("receipt").toObject();
    QCOMPARE(receipt.value("result").toString(), QStringLiteral("verified"));
    QCOMPARE(receipt.value("verified").toBool(), true);
    QCOMPARE(receipt.value("bindingHash").toString(), qs(a.bindingHash));
    QCOMPARE(receipt.value("verificationCode").toString(), qs(verificationCode(a.bindingHash)));
    QCOMPARE(receipt.value("keyFingerprint").toString(), qs(*publicKeyFingerprint(m_key->publicKeyBase64())));
    QCOMPARE(receipt.value("deviceId").toString(), QStringLiteral("dev-a"));
    m_firstId = a.id;

    // The same push again (the tablet lost the answer): a duplicate, answered with the receipt.
    auto again = pushOne("dev-a", mutation);
    QCOMPARE(again.value("status").toString(), QStringLiteral("duplicate"));
    QCOMPARE(again.value("record").toObject().value("fields").toObject().value("receipt").toObject().value(
                 "verificationCode"),
             receipt.value("verificationCode"));

    // The receipt reaches the tablet on pull, as a server-stamped field.
    auto record = pulled(m_cadre1, "authorization", a.id);
    QVERIFY(record);
    QVERIFY(record->fields.contains("receipt"));
    QCOMPARE(qs(std::string(record->fields.at("receipt").at("result").as_string())),
             QStringLiteral("verified"));
    QVERIFY(std::string(record->clocks.at("receipt").as_string()).ends_with("server"));
    // And the document is what the tablet signed, byte for byte.
    QCOMPARE(qs(toCanonicalJson(record->fields.at("document"))), qs(toCanonicalJson(authorizationToJson(a))));

    auto checked = verify(a.id);
    QCOMPARE(checked.status, 200);
    QCOMPARE(checked.json.value("result").toString(), QStringLiteral("verified"));
    QCOMPARE(checked.json.value("inForce").toBool(), true);
}

void TestAuthorizationServer::tamperedAuthorizationsAreRejected() {
    auto a = sign("auth-hh2-tampered", "hh-0002", *m_key);
    const boost::json::value original = authorizationToJson(a);
    auto expectRejected = [&](const std::string &device, boost::json::value document, const QString &code) {
        auto result = pushOne(device, authorizationMutation(device, document, "hh-0002"));
        QCOMPARE(result.value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(result.value("code").toString(), code);
        QVERIFY2(result.value("message").toString().contains(QStringLiteral("请")),
                 qPrintable(result.value("message").toString()));
        // Nothing entered the store.
        QCOMPARE(verify(a.id).status, 404);
    };

    // One stroke point moved by a tenth of a pixel.
    boost::json::value stroke = original;
    auto &point =
        stroke.at("signers").as_array()[0].at("strokes").at("data").as_array()[0].as_array()[1].as_object();
    point["x"] = point["x"].to_number<double>() + 0.1;
    expectRejected("dev-a", stroke, "strokes_tampered");

    // One character of the letter changed.
    boost::json::value text = original;
    std::string rendered(text.at("renderedText").as_string());
    rendered.replace(rendered.find("自愿"), std::string("自愿").size(), "同意");
    text.as_object()["renderedText"] = rendered;
    expectRejected("dev-a", text, "text_tampered");

    // A bound field edited (GPS), hashes left alone.
    boost::json::value gps = original;
    gps.at("gps").as_object()["lat"] = 31.0;
    expectRejected("dev-a", gps, "signature_invalid");

    // Signed with a key that is not dev-a's registered one.
    expectRejected("dev-a", authorizationToJson(sign("auth-hh2-tampered", "hh-0002", *m_other)),
                   "signature_invalid");

    // A device that never registered a key.
    expectRejected("dev-unregistered", original, "device_key_unregistered");

    // The genuine one is still accepted afterwards.
    auto ok = pushOne("dev-a", authorizationMutation("dev-a", original, "hh-0002"));
    QCOMPARE(ok.value("status").toString(), QStringLiteral("applied"));
}

void TestAuthorizationServer::signedAuthorizationIsImmutable() {
    QVERIFY(!m_firstId.empty());
    auto a = sign(m_firstId, "hh-0001", *m_key);
    boost::json::value changed = authorizationToJson(a);
    changed.as_object()["status"] = "withdrawn";
    auto edit = authorizationMutation("dev-a", changed, "hh-0001");
    edit.baseVersion = 1000000;
    auto result = pushOne("dev-a", edit);
    // householdId is unchanged; the document is refused and stays as signed.
    QCOMPARE(result.value("status").toString(), QStringLiteral("merged"));
    QVERIFY(result.value("refusedFields").toArray().contains(QStringLiteral("document")));
    QCOMPARE(verify(m_firstId).json.value("status").toString(), QStringLiteral("signed"));

    auto remove = authorizationMutation("dev-a", changed, "hh-0001");
    remove.fields = {};
    remove.deleteRecord = true;
    auto removed = pushOne("dev-a", remove);
    QCOMPARE(removed.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(removed.value("code").toString(), QStringLiteral("authorization_immutable"));

    // A receipt written by a device is refused (the whole push, at decoding).
    auto forged = authorizationMutation("dev-a", changed, "hh-0001");
    forged.fields = {{"receipt", boost::json::object{{"result", "verified"}}}};
    forged.baseVersion = 1000000;
    auto forgedReply = push("dev-a", {forged});
    QCOMPARE(forgedReply.status, 400);
    QCOMPARE(forgedReply.json.value("code").toString(), QStringLiteral("server_computed_field"));
    QCOMPARE(verify(m_firstId).json.value("result").toString(), QStringLiteral("verified"));
}

void TestAuthorizationServer::staleAfterCoveredEdit() {
    auto a = sign("auth-hh3-1", "hh-0003", *m_key);
    QCOMPARE(pushOne("dev-a", authorizationMutation("dev-a", authorizationToJson(a), "hh-0003"))
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    const auto doc = serverHousehold("hh-0003");
    const std::string headId = doc.household.headMemberId;

    // A field the letter does not name: still verified.
    auto phone = pushOne("dev-a", memberEdit("dev-a", headId, "hh-0003", {{"phone", "13900000000"}}));
    QCOMPARE(phone.value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(verify(a.id).json.value("result").toString(), QStringLiteral("verified"));

    // The head's name: the letter no longer matches the household.
    auto name = pushOne("dev-a", memberEdit("dev-a", headId, "hh-0003", {{"name", "改名测试"}}));
    QCOMPARE(name.value("status").toString(), QStringLiteral("applied"));
    auto checked = verify(a.id);
    QCOMPARE(checked.status, 200);
    QCOMPARE(checked.json.value("result").toString(), QStringLiteral("stale"));
    QCOMPARE(checked.json.value("inForce").toBool(), false);
    QVERIFY(checked.json.value("message").toString().contains(QStringLiteral("重新")));
    // The stored receipt keeps what was true when it arrived.
    QCOMPARE(checked.json.value("receipt").toObject().value("result").toString(), QStringLiteral("verified"));
}

void TestAuthorizationServer::staleAtPush() {
    auto a = sign("auth-hh4-1", "hh-0004", *m_key);
    const auto doc = serverHousehold("hh-0004");
    auto name = pushOne("dev-a", memberEdit("dev-a", doc.members.back().id, "hh-0004", {{"name", "已改名"}}));
    QCOMPARE(name.value("status").toString(), QStringLiteral("applied"));
    // Genuine but already out of date: not consent to the data the server now holds, so a new letter
    // is refused (it could otherwise replace a letter in force); the cadre has the farmer sign again.
    auto result = pushOne("dev-a", authorizationMutation("dev-a", authorizationToJson(a), "hh-0004"));
    QCOMPARE(result.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(result.value("code").toString(), QStringLiteral("stale"));
    QVERIFY(result.value("message").toString().contains(QStringLiteral("重新")));
    QVERIFY(!pulled(m_cadre1, "authorization", "auth-hh4-1"));
}

void TestAuthorizationServer::supersedingAuthorization() {
    // hh-0003's letter went stale above; a new one is signed against the current data and replaces it.
    auto renewed = sign("auth-hh3-2", "hh-0003", *m_key);
    auto result = pushOne(
        "dev-a", authorizationMutation("dev-a", authorizationToJson(renewed), "hh-0003", "auth-hh3-1"));
    QCOMPARE(result.value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(result.value("record")
                 .toObject()
                 .value("fields")
                 .toObject()
                 .value("receipt")
                 .toObject()
                 .value("result")
                 .toString(),
             QStringLiteral("verified"));
    QCOMPARE(verify("auth-hh3-2").json.value("inForce").toBool(), true);
    auto old = verify("auth-hh3-1");
    QCOMPARE(old.json.value("status").toString(), QStringLiteral("superseded"));
    QCOMPARE(old.json.value("supersededBy").toString(), QStringLiteral("auth-hh3-2"));
    // The old record's receipt says so on the tablets too.
    auto pulledOld = pulled(m_cadre1, "authorization", "auth-hh3-1");
    QVERIFY(pulledOld);
    QCOMPARE(qs(std::string(pulledOld->fields.at("receipt").at("supersededBy").as_string())),
             QStringLiteral("auth-hh3-2"));
    QCOMPARE(qs(std::string(pulledOld->fields.at("receipt").at("status").as_string())),
             QStringLiteral("superseded"));

    // Withdrawing the renewed letter: a new record, signed like any letter, with status withdrawn.
    auto withdrawal = sign("auth-hh3-w", "hh-0003", *m_key);
    withdrawal.status =
        "withdrawn"; // not bound: the signature covers the letter, the record says what it does
    auto withdrawn = pushOne(
        "dev-a", authorizationMutation("dev-a", authorizationToJson(withdrawal), "hh-0003", "auth-hh3-2"));
    QCOMPARE(withdrawn.value("status").toString(), QStringLiteral("applied"));
    auto renewedNow = verify("auth-hh3-2");
    QCOMPARE(renewedNow.json.value("status").toString(), QStringLiteral("withdrawn"));
    QCOMPARE(renewedNow.json.value("inForce").toBool(), false);
    // A withdrawal must say what it withdraws.
    auto loose = sign("auth-hh3-w2", "hh-0003", *m_key);
    loose.status = "withdrawn";
    auto looseResult =
        pushOne("dev-a", authorizationMutation("dev-a", authorizationToJson(loose), "hh-0003"));
    QCOMPARE(looseResult.value("code").toString(), QStringLiteral("invalid_authorization"));

    // Superseding something that does not exist is refused.
    auto orphan = sign("auth-hh3-3", "hh-0003", *m_key);
    auto refused =
        pushOne("dev-a", authorizationMutation("dev-a", authorizationToJson(orphan), "hh-0003", "auth-nope"));
    QCOMPARE(refused.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(refused.value("code").toString(), QStringLiteral("supersedes_unknown"));
}

void TestAuthorizationServer::printablePdfHasChineseText() {
    QVERIFY(!m_firstId.empty());
    auto reply =
        httpRequest("GET", m_server.url(qs("/api/v1/authorizations/" + m_firstId + "/pdf")), {}, m_cadre1);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.body.startsWith("%PDF-"));
    QTemporaryDir dir;
    const QString path = dir.filePath("letter.pdf");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(reply.body);
    file.close();
    // A copy beside the build for a human look at the layout.
    if (const QString binary = qEnvironmentVariable("RUHU_BINARY_DIR"); !binary.isEmpty()) {
        QFile::remove(binary + "/authorization-letter.pdf");
        QFile::copy(path, binary + "/authorization-letter.pdf");
    }
    QProcess pdftotext;
    pdftotext.start("pdftotext", {"-enc", "UTF-8", path, "-"});
    QVERIFY(pdftotext.waitForFinished(30000));
    QCOMPARE(pdftotext.exitCode(), 0);
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput()).remove(' ');
    const auto doc = serverHousehold("hh-0001");
    const auto a = sign(m_firstId, "hh-0001", *m_key);
    QVERIFY2(text.contains(QStringLiteral("防止返贫监测对象申请及承诺授权书")), qPrintable(text.left(400)));
    QVERIFY2(text.contains(qs(doc.members.front().name)), qPrintable(text.left(400)));
    QVERIFY(text.contains(qs(verificationCode(a.bindingHash))));
    QVERIFY(text.contains(QStringLiteral("验证通过")));
    // The full 身份证号 is never on the letter.
    for (const auto &m : doc.members)
        QVERIFY(!text.contains(qs(m.idNo)));
}

void TestAuthorizationServer::printablePdfShowsFingerprintPhoto() {
    // A 手印 photo as the tablet uploads it (media protocol v1), then a letter signed with it.
    QImage image(320, 240, QImage::Format_RGB32);
    image.fill(QColor(200, 60, 60));
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(image.save(&buffer, "JPEG", 85));
    const std::string sha = QCryptographicHash::hash(jpeg, QCryptographicHash::Sha256).toHex().toStdString();
    auto uploaded = httpRequest(
        "PUT",
        m_server.url(qs("/api/v1/media/" + sha + "?size=" + std::to_string(jpeg.size()) + "&offset=0")), jpeg,
        m_cadre1);
    QVERIFY2(uploaded.status == 200 || uploaded.status == 201, uploaded.body.constData());

    const auto doc = serverHousehold("hh-0006");
    AuthorizationInput in;
    in.id = "auth-hh6-1";
    in.consentTemplate = &m_template;
    in.consents = {true, true, true};
    Signer head;
    head.memberId = doc.household.headMemberId;
    head.role = "户主";
    head.method = "手印照片";
    head.fingerprintPhoto = PhotoRef{"photo-hh6-fp", sha};
    head.signedAt = "2024-09-05T10:20:31+08:00";
    for (const auto &m : doc.members)
        if (m.id == head.memberId)
            head.name = m.name;
    in.signers = {head};
    in.gps = {30.41, 112.89, 8, "2024-09-05T10:20:25+08:00", "network", false};
    in.signedAt = "2024-09-05T10:21:00+08:00";
    auto a = createAuthorization(in, doc, *m_key);
    QVERIFY2(a.ok(), a.ok() ? "" : a.error().message.c_str());
    QCOMPARE(pushOne("dev-a", authorizationMutation("dev-a", authorizationToJson(*a), "hh-0006"))
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));

    auto pdf = httpRequest("GET", m_server.url("/api/v1/authorizations/auth-hh6-1/pdf"), {}, m_cadre1);
    QCOMPARE(pdf.status, 200);
    // The photo is embedded as the JPEG itself.
    QVERIFY(pdf.body.contains("/DCTDecode"));
    if (const QString binary = qEnvironmentVariable("RUHU_BINARY_DIR"); !binary.isEmpty()) {
        QFile copy(binary + "/authorization-letter-fingerprint.pdf");
        if (copy.open(QIODevice::WriteOnly))
            copy.write(pdf.body);
    }
    QVERIFY(pdf.body.contains(jpeg.mid(jpeg.size() / 2, 64)));
}

// A cadre who learns the hash of another village's 手印 photo and names it in a letter of their own gets
// a letter without it (docs/media-sync.md "Who may download"): they never uploaded those bytes.
void TestAuthorizationServer::forgedLetterDoesNotEmbedAnotherVillagesPhoto() {
    QImage image(320, 240, QImage::Format_RGB32);
    image.fill(QColor(30, 90, 200));
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(image.save(&buffer, "JPEG", 85));
    const std::string sha = QCryptographicHash::hash(jpeg, QCryptographicHash::Sha256).toHex().toStdString();
    auto uploaded = httpRequest(
        "PUT",
        m_server.url(qs("/api/v1/media/" + sha + "?size=" + std::to_string(jpeg.size()) + "&offset=0")), jpeg,
        token("cadre2"));
    QCOMPARE(uploaded.status, 200);

    const auto doc = serverHousehold("hh-0007");
    AuthorizationInput in;
    in.id = "auth-hh7-forged";
    in.consentTemplate = &m_template;
    in.consents = {true, true, true};
    Signer head;
    head.memberId = doc.household.headMemberId;
    head.role = "户主";
    head.method = "手印照片";
    head.fingerprintPhoto = PhotoRef{"photo-hh7-fp", sha};
    head.signedAt = "2024-09-05T10:20:31+08:00";
    for (const auto &m : doc.members)
        if (m.id == head.memberId)
            head.name = m.name;
    in.signers = {head};
    in.gps = {30.41, 112.89, 8, "2024-09-05T10:20:25+08:00", "network", false};
    in.signedAt = "2024-09-05T10:21:00+08:00";
    auto a = createAuthorization(in, doc, *m_key);
    QVERIFY2(a.ok(), a.ok() ? "" : a.error().message.c_str());
    QCOMPARE(pushOne("dev-a", authorizationMutation("dev-a", authorizationToJson(*a), "hh-0007"))
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));

    auto pdf = httpRequest("GET", m_server.url("/api/v1/authorizations/auth-hh7-forged/pdf"), {}, m_cadre1);
    QCOMPARE(pdf.status, 200);
    QVERIFY(!pdf.body.contains(jpeg.mid(jpeg.size() / 2, 64)));
    QVERIFY(!pdf.body.contains("/DCTDecode"));
    QCOMPARE(httpRequest("GET", m_server.url(qs("/api/v1/media/" + sha)), {}, m_cadre1).status, 404);
}

// The read audit (docs/privacy.md): every printable letter and every verification is a row the county
// reads, with the reader and the address they read from.
void TestAuthorizationServer::pdfAndVerifyAreAudited() {
    QVERIFY(!m_firstId.empty());
    QCOMPARE(verify(m_firstId).status, 200);
    auto audit =
        httpRequest("GET", m_server.url("/api/v1/audit?household=hh-0001&user=cadre1"), {}, token("county"));
    QCOMPARE(audit.status, 200);
    QSet<QString> actions;
    for (const auto &entry : audit.json.value("entries").toArray()) {
        const QJsonObject row = entry.toObject();
        if (row.value("target").toString() != qs(m_firstId))
            continue;
        actions << row.value("action").toString();
        QCOMPARE(row.value("clientAddress").toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(row.value("role").toString(), QStringLiteral("village"));
    }
    QVERIFY2(actions.contains("pdf") && actions.contains("verify"), audit.body.constData());
    QCOMPARE(httpRequest("GET", m_server.url("/api/v1/audit"), {}, m_cadre1).status, 403);
}

void TestAuthorizationServer::areaScoping() {
    QVERIFY(!m_firstId.empty());
    const QByteArray cadre2 = token("cadre2");
    QCOMPARE(verify(m_firstId, cadre2).status, 403);
    auto pdf =
        httpRequest("GET", m_server.url(qs("/api/v1/authorizations/" + m_firstId + "/pdf")), {}, cadre2);
    QCOMPARE(pdf.status, 403);
    QCOMPARE(verify(m_firstId, token("township")).status, 200);
    QCOMPARE(verify("auth-missing").status, 404);
    QCOMPARE(
        httpRequest("GET", m_server.url(qs("/api/v1/authorizations/" + m_firstId + "/other")), {}, m_cadre1)
            .status,
        404);
}

void TestAuthorizationServer::retireKeyNeedsCounty() {
    QCOMPARE(httpRequest("DELETE", m_server.url("/api/v1/devices/dev-a/key"), {}, m_cadre1).status, 403);
    const QByteArray county = token("county");
    auto retired = httpRequest("DELETE", m_server.url("/api/v1/devices/dev-a/key"), {}, county);
    QCOMPARE(retired.status, 200);
    QCOMPARE(retired.json.value("status").toString(), QStringLiteral("retired"));
    // Now the new key may be registered, and letters signed with the old one still verify from their receipt.
    QCOMPARE(registerKey(m_cadre1, "dev-a", *m_other).status, 201);
    QCOMPARE(verify(m_firstId).json.value("result").toString(), QStringLiteral("verified"));
    auto old =
        pushOne("dev-a", authorizationMutation(
                             "dev-a", authorizationToJson(sign("auth-hh5-1", "hh-0005", *m_key)), "hh-0005"));
    QCOMPARE(old.value("code").toString(), QStringLiteral("signature_invalid"));
}

QTEST_GUILESS_MAIN(TestAuthorizationServer)
#include "tst_authorization_server.moc"
