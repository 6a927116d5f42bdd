// Accounts, sessions and device binding (docs/accounts.md, issue 11) against the real ruhu-syncd: every
// finding of the security review about accounts has its regression test here.
#include "serverprocess.h"
#include "storesql.h"

#include <ruhu/evidence/device_signing_key.h>
#include <ruhu/sync/hlc.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kVillage1 = QStringLiteral("429005103201");
const QString kVillage2 = QStringLiteral("429005103202");
const QString kDemoPassword = QStringLiteral("ruhu2024");

QByteArray compact(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject household(const QString &device, int seq, const QString &id, const QString &region,
                      const QString &head) {
    const auto hlc = ruhu::HlcStamp{1800000000000 + seq, 0, device.toStdString()}.encode();
    return QJsonObject{
        {"id", QStringLiteral("%1:%2").arg(device).arg(seq)},
        {"deviceId", device},
        {"seq", seq},
        {"kind", "household"},
        {"recordId", id},
        {"householdId", id},
        {"regionCode", region},
        {"baseVersion", 0},
        {"hlc", QString::fromStdString(hlc)},
        {"author", "test"},
        {"fields", QJsonObject{{"regionCode", region}, {"householdType", "一般农户"}, {"headName", head}}}};
}

QByteArray pushBody(const QString &device, const QJsonArray &mutations, const QJsonArray &skipped = {}) {
    QJsonObject o{{"protocol", 1}, {"deviceId", device}, {"mutations", mutations}};
    if (!skipped.isEmpty())
        o["skippedSeqs"] = skipped;
    return compact(o);
}

bool isChinese(const QString &text) {
    for (QChar c : text) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

// Runs `ruhu-syncd args…` with stdin; exit code, stdout+stderr in output.
int runSyncd(const QStringList &args, const QByteArray &stdinText = {}, QByteArray *output = nullptr) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(ServerProcess::executablePath(), args);
    if (!process.waitForStarted(10000))
        return -1;
    process.write(stdinText);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (output)
        *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

class TestAccounts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void stolenDeviceIdRefusedAtLogin();
    void pushForAnotherDeviceRefused();
    void editNeverDuplicateOfAnotherDevice();
    void forgedSkippedSeqsForAnotherDeviceRefused();
    void deviceKeyOnlyForOwnDevice();
    void logoutEndsToken();
    void revokedDeviceTokenRefusedAndKeyRetired();
    void retireKeyOnlyInOwnCounty();
    void passwordRules();
    void changePassword();
    void forcedChangeAfterAdminReset();
    void adminApiScopedToCounty();
    void unknownAreaRefused();
    void tokenCapDropsOldest();
    void tokenLifetimeConfigurable();
    void cliUserAddListDisable();
    void demoRefusesNonLoopbackListen();
    void deviceActivityListed();

private:
    HttpResult login(const QString &user, const QString &device, const QString &password = kDemoPassword);
    QByteArray token(const QString &user, const QString &device, const QString &password = kDemoPassword);
    HttpResult post(const QString &path, const QJsonObject &body, const QByteArray &token);
    HttpResult get(const QString &path, const QByteArray &token);

    ServerProcess m_server;
    QByteArray m_county;
};

void TestAccounts::initTestCase() {
    QVERIFY2(m_server.start(), m_server.log().constData());
    m_county = token("county", "dev-county");
    QVERIFY(!m_county.isEmpty());
}

void TestAccounts::cleanupTestCase() {
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

HttpResult TestAccounts::login(const QString &user, const QString &device, const QString &password) {
    QJsonObject body{{"username", user}, {"password", password}};
    if (!device.isEmpty())
        body["deviceId"] = device;
    return httpRequest("POST", m_server.url("/api/v1/login"), compact(body));
}

QByteArray TestAccounts::token(const QString &user, const QString &device, const QString &password) {
    auto reply = login(user, device, password);
    return reply.status == 200 ? reply.json.value("token").toString().toLatin1() : QByteArray();
}

HttpResult TestAccounts::post(const QString &path, const QJsonObject &body, const QByteArray &token) {
    return httpRequest("POST", m_server.url(path), compact(body), token);
}

HttpResult TestAccounts::get(const QString &path, const QByteArray &token) {
    return httpRequest("GET", m_server.url(path), {}, token);
}

// Finding: device ids were not bound to a user; another cadre could log in as any device.
void TestAccounts::stolenDeviceIdRefusedAtLogin() {
    QVERIFY(!token("cadre1", "dev-bind-1").isEmpty());
    auto stolen = login("cadre2", "dev-bind-1");
    QCOMPARE(stolen.status, 409);
    QCOMPARE(stolen.json.value("code").toString(), QStringLiteral("device_owned"));
    QVERIFY(isChinese(stolen.json.value("message").toString()));
    // The owner keeps logging in with it; a county admin can release it for someone else.
    QVERIFY(!token("cadre1", "dev-bind-1").isEmpty());
    auto release = post("/api/v1/admin/devices/dev-bind-1/release", {}, m_county);
    QCOMPARE(release.status, 200);
    QVERIFY(!token("cadre2", "dev-bind-1").isEmpty());
    QCOMPARE(login("cadre1", "dev-bind-1").status, 409);
}

// Finding: a push for a device the token does not own was accepted.
void TestAccounts::pushForAnotherDeviceRefused() {
    const QByteArray cadre1 = token("cadre1", "dev-own-1");
    const QByteArray cadre2 = token("cadre2", "dev-own-2");
    QVERIFY(!cadre1.isEmpty() && !cadre2.isEmpty());
    auto forged = httpRequest(
        "POST", m_server.url("/api/v1/push"),
        pushBody("dev-own-1", {household("dev-own-1", 1, "hh-own-x", kVillage2, "冒名")}), cadre2);
    QCOMPARE(forged.status, 403);
    QCOMPARE(forged.json.value("code").toString(), QStringLiteral("device_mismatch"));
    QVERIFY(isChinese(forged.json.value("message").toString()));
    // A session without a device reads but does not push.
    const QByteArray noDevice = token("cadre2", {});
    QVERIFY(!noDevice.isEmpty());
    QCOMPARE(get("/api/v1/pull?cursor=0&limit=1", noDevice).status, 200);
    auto unbound = httpRequest(
        "POST", m_server.url("/api/v1/push"),
        pushBody("dev-own-2", {household("dev-own-2", 1, "hh-own-y", kVillage2, "无设备")}), noDevice);
    QCOMPARE(unbound.status, 403);
    QCOMPARE(unbound.json.value("code").toString(), QStringLiteral("device_required"));
    // Its own device still pushes.
    auto own = httpRequest("POST", m_server.url("/api/v1/push"),
                           pushBody("dev-own-2", {household("dev-own-2", 1, "hh-own-z", kVillage2, "本人")}),
                           cadre2);
    QCOMPARE(own.status, 200);
}

// Finding: cadre2 pre-claimed cadre1's mutation ids, so cadre1's real edits came back "duplicate" and were
// lost.
void TestAccounts::editNeverDuplicateOfAnotherDevice() {
    const QByteArray cadre1 = token("cadre1", "dev-dup-1");
    const QByteArray cadre2 = token("cadre2", "dev-dup-2");
    QVERIFY(!cadre1.isEmpty() && !cadre2.isEmpty());
    // cadre2 sends "dev-dup-1:1" and "dev-dup-1:2" first (in its own village, where its scope allows).
    QJsonArray claim{household("dev-dup-1", 1, "hh-claim-a", kVillage2, "抢占"),
                     household("dev-dup-1", 2, "hh-claim-b", kVillage2, "抢占")};
    auto preclaim = httpRequest("POST", m_server.url("/api/v1/push"), pushBody("dev-dup-1", claim), cadre2);
    QCOMPARE(preclaim.status, 403);
    // cadre1's real edits with those ids are applied, not acknowledged as duplicates.
    QJsonArray real{household("dev-dup-1", 1, "hh-real-a", kVillage1, "真实户主"),
                    household("dev-dup-1", 2, "hh-real-b", kVillage1, "真实户主")};
    auto pushed = httpRequest("POST", m_server.url("/api/v1/push"), pushBody("dev-dup-1", real), cadre1);
    QCOMPARE(pushed.status, 200);
    const QJsonArray results = pushed.json.value("results").toArray();
    QCOMPARE(results.size(), 2);
    for (const auto &r : results)
        QCOMPARE(r.toObject().value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(results[0]
                 .toObject()
                 .value("record")
                 .toObject()
                 .value("fields")
                 .toObject()
                 .value("headName")
                 .toString(),
             QStringLiteral("真实户主"));
}

// Finding: forged skippedSeqs for another device hid its real gaps.
void TestAccounts::forgedSkippedSeqsForAnotherDeviceRefused() {
    const QByteArray cadre1 = token("cadre1", "dev-gap-1");
    const QByteArray cadre2 = token("cadre2", "dev-gap-2");
    QVERIFY(!cadre1.isEmpty() && !cadre2.isEmpty());
    auto first = httpRequest("POST", m_server.url("/api/v1/push"),
                             pushBody("dev-gap-1", {household("dev-gap-1", 1, "hh-gap-1", kVillage1, "一"),
                                                    household("dev-gap-1", 3, "hh-gap-3", kVillage1, "三")}),
                             cadre1);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json.value("missingSeqs").toArray(), QJsonArray{2});
    auto forged =
        httpRequest("POST", m_server.url("/api/v1/push"), pushBody("dev-gap-1", {}, QJsonArray{2}), cadre2);
    QCOMPARE(forged.status, 403);
    auto again = httpRequest("POST", m_server.url("/api/v1/push"), pushBody("dev-gap-1", {}), cadre1);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json.value("missingSeqs").toArray(), QJsonArray{2});
}

// A signing key registered for someone else's device id would let its owner sign as that tablet.
void TestAccounts::deviceKeyOnlyForOwnDevice() {
    const QByteArray cadre1 = token("cadre1", "dev-key-1");
    const QByteArray cadre2 = token("cadre2", "dev-key-2");
    auto key = ruhu::evidence::DeviceSigningKey::generate();
    QVERIFY(key.ok());
    const QString publicKey = QString::fromStdString(key->publicKeyBase64());
    auto foreign = post("/api/v1/devices/key", {{"deviceId", "dev-key-1"}, {"publicKey", publicKey}}, cadre2);
    QCOMPARE(foreign.status, 403);
    auto own = post("/api/v1/devices/key", {{"deviceId", "dev-key-1"}, {"publicKey", publicKey}}, cadre1);
    QCOMPARE(own.status, 201);
}

void TestAccounts::logoutEndsToken() {
    const QByteArray t = token("cadre3", "dev-logout");
    const QByteArray other = token("cadre3", "dev-logout");
    QCOMPARE(get("/api/v1/pull?cursor=0&limit=1", t).status, 200);
    QCOMPARE(post("/api/v1/logout", {}, t).status, 200);
    auto after = get("/api/v1/pull?cursor=0&limit=1", t);
    QCOMPARE(after.status, 401);
    QCOMPARE(after.json.value("code").toString(), QStringLiteral("unauthorized"));
    // Only that session ended.
    QCOMPARE(get("/api/v1/pull?cursor=0&limit=1", other).status, 200);
}

// A county admin revokes a lost tablet: its tokens stop working, its signing key is retired and it cannot
// log in again until released.
void TestAccounts::revokedDeviceTokenRefusedAndKeyRetired() {
    const QByteArray lost = token("cadre1", "dev-lost");
    QVERIFY(!lost.isEmpty());
    auto key = ruhu::evidence::DeviceSigningKey::generate();
    QVERIFY(key.ok());
    QCOMPARE(post("/api/v1/devices/key",
                  {{"deviceId", "dev-lost"}, {"publicKey", QString::fromStdString(key->publicKeyBase64())}},
                  lost)
                 .status,
             201);
    // A village cadre may not revoke.
    const QByteArray cadre2 = token("cadre2", "dev-revoker");
    QCOMPARE(post("/api/v1/devices/dev-lost/revoke", {}, cadre2).status, 403);
    auto revoked = post("/api/v1/devices/dev-lost/revoke", {}, m_county);
    QCOMPARE(revoked.status, 200);
    QCOMPARE(revoked.json.value("status").toString(), QStringLiteral("revoked"));

    auto refused = get("/api/v1/pull?cursor=0&limit=1", lost);
    QCOMPARE(refused.status, 401);
    auto relogin = login("cadre1", "dev-lost");
    QCOMPARE(relogin.status, 403);
    QCOMPARE(relogin.json.value("code").toString(), QStringLiteral("device_revoked"));
    QCOMPARE(StoreSql::queryInt(
                 m_server.databaseUrl(),
                 "SELECT count(*) FROM device_keys WHERE device_id = 'dev-lost' AND retired_at = 0"),
             std::optional<int64_t>(0));
}

// Finding: DELETE /api/v1/devices/{id}/key checked the role but not the area, so a county admin could
// retire the signing key of a tablet anywhere. The device's account must be in the admin's county.
void TestAccounts::retireKeyOnlyInOwnCounty() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile csv(dir.filePath("areas.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("429004,仙桃市,\n");
    csv.close();
    const QString store = QString::fromStdString(m_server.databaseUrl());
    QCOMPARE(runSyncd({"areas", "import", csv.fileName(), "--database", store}), 0);
    QCOMPARE(runSyncd({"user", "add", "xiantao", "--role", "county", "--area", "429004", "--database", store,
                       "--password-stdin"},
                      "Xiantao-county-2026\n"),
             0);
    const QByteArray other = token("xiantao", "dev-xiantao", "Xiantao-county-2026");
    QVERIFY(!other.isEmpty());

    const QByteArray cadre = token("cadre2", "dev-keyed");
    auto key = ruhu::evidence::DeviceSigningKey::generate();
    QVERIFY(key.ok());
    QCOMPARE(post("/api/v1/devices/key",
                  {{"deviceId", "dev-keyed"}, {"publicKey", QString::fromStdString(key->publicKeyBase64())}},
                  cadre)
                 .status,
             201);
    auto refused = httpRequest("DELETE", m_server.url("/api/v1/devices/dev-keyed/key"), {}, other);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.json.value("code").toString(), QStringLiteral("forbidden_area"));
    QVERIFY(isChinese(refused.json.value("message").toString()));
    QCOMPARE(StoreSql::queryInt(
                 m_server.databaseUrl(),
                 "SELECT count(*) FROM device_keys WHERE device_id = 'dev-keyed' AND retired_at = 0"),
             std::optional<int64_t>(1));
    // A device nobody logged in with is not found, for any county; the tablet's own county retires the key.
    QCOMPARE(httpRequest("DELETE", m_server.url("/api/v1/devices/dev-nobody/key"), {}, other).status, 404);
    auto retired = httpRequest("DELETE", m_server.url("/api/v1/devices/dev-keyed/key"), {}, m_county);
    QCOMPARE(retired.status, 200);
    QCOMPARE(retired.json.value("status").toString(), QStringLiteral("retired"));
}

void TestAccounts::passwordRules() {
    const QByteArray t = token("township", "dev-rules");
    QVERIFY(!t.isEmpty());
    struct Case {
        QString password;
        const char *why;
    };
    for (const auto &c : {Case{"short1!", "too short"}, Case{"township", "username"},
                          Case{"TownShip", "username, other case"}, Case{QString(300, 'x'), "too long"}}) {
        auto reply =
            post("/api/v1/password", {{"oldPassword", kDemoPassword}, {"newPassword", c.password}}, t);
        QVERIFY2(reply.status == 400, c.why);
        QCOMPARE(reply.json.value("code").toString(), QStringLiteral("weak_password"));
        QVERIFY(isChinese(reply.json.value("message").toString()));
    }
    // The demo password outside --demo: a non-demo server refuses it for a new account.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile csv(dir.filePath("areas.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("429005,潜江市,\n");
    csv.close();
    QCOMPARE(runSyncd({"areas", "import", csv.fileName(), "--data-dir", dir.filePath("data")}), 0);
    QByteArray output;
    QCOMPARE(runSyncd({"user", "add", "boss", "--role", "admin", "--area", "429005", "--data-dir",
                       dir.filePath("data"), "--password-stdin"},
                      "ruhu2024ruhu2024\n", &output),
             1);
    QVERIFY2(output.contains("演示密码"), output.constData());
}

void TestAccounts::changePassword() {
    const QByteArray t = token("cadre3", "dev-change");
    const QByteArray elsewhere = token("cadre3", "dev-change");
    const QString newPassword = QStringLiteral("Hongguang-2026-cun");
    auto wrongOld =
        post("/api/v1/password", {{"oldPassword", "not-it-at-all"}, {"newPassword", newPassword}}, t);
    QCOMPARE(wrongOld.status, 403);
    auto changed =
        post("/api/v1/password", {{"oldPassword", kDemoPassword}, {"newPassword", newPassword}}, t);
    QCOMPARE(changed.status, 200);
    QCOMPARE(get("/api/v1/pull?cursor=0&limit=1", t).status, 200);         // this session stays
    QCOMPARE(get("/api/v1/pull?cursor=0&limit=1", elsewhere).status, 401); // the others end
    QCOMPARE(login("cadre3", "dev-change").status, 401);
    QCOMPARE(login("cadre3", "dev-change", newPassword).status, 200);
}

// After an admin reset the user must change the password: login says so and everything else answers 403
// password_change_required until it is changed.
void TestAccounts::forcedChangeAfterAdminReset() {
    const QByteArray before = token("cadre2", "dev-reset");
    QVERIFY(!before.isEmpty());
    const QString temporary = QStringLiteral("Temp-Zhaonao-0001");
    auto reset = post("/api/v1/admin/users/cadre2/password", {{"password", temporary}}, m_county);
    QCOMPARE(reset.status, 200);
    QCOMPARE(get("/api/v1/pull?cursor=0&limit=1", before).status, 401);

    auto relogin = login("cadre2", "dev-reset", temporary);
    QCOMPARE(relogin.status, 200);
    QCOMPARE(relogin.json.value("mustChangePassword").toBool(), true);
    const QByteArray t = relogin.json.value("token").toString().toLatin1();
    for (const auto &reply :
         {get("/api/v1/pull?cursor=0&limit=1", t), get("/api/v1/reviews", t),
          httpRequest("POST", m_server.url("/api/v1/push"), pushBody("dev-reset", {}), t)}) {
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.json.value("code").toString(), QStringLiteral("password_change_required"));
        QVERIFY(isChinese(reply.json.value("message").toString()));
    }
    const QString chosen = QStringLiteral("Zhaonao-cun-2026");
    QCOMPARE(post("/api/v1/password", {{"oldPassword", temporary}, {"newPassword", chosen}}, t).status, 200);
    QCOMPARE(get("/api/v1/pull?cursor=0&limit=1", t).status, 200);
    auto fresh = login("cadre2", "dev-reset", chosen);
    QCOMPARE(fresh.status, 200);
    QVERIFY(!fresh.json.value("mustChangePassword").toBool());
}

void TestAccounts::adminApiScopedToCounty() {
    const QByteArray township = token("township", "dev-township");
    QCOMPARE(get("/api/v1/admin/users", township).status, 403);
    auto list = get("/api/v1/admin/users", m_county);
    QCOMPARE(list.status, 200);
    QStringList names;
    for (const auto &u : list.json.value("users").toArray())
        names << u.toObject().value("username").toString();
    QVERIFY(names.contains("cadre1") && names.contains("township"));
    QVERIFY(!list.body.contains("password"));
    // A county admin creates accounts in its county, never an admin.
    auto asAdmin = post("/api/v1/admin/users",
                        {{"username", "boss"},
                         {"role", "admin"},
                         {"areas", QJsonArray{"429005"}},
                         {"password", "Boss-password-1"}},
                        m_county);
    QCOMPARE(asAdmin.status, 403);
    auto created = post("/api/v1/admin/users",
                        {{"username", "cadre4"},
                         {"displayName", "马家村 新干部"},
                         {"role", "village"},
                         {"areas", QJsonArray{kVillage1}},
                         {"password", "Majia-new-cadre-1"}},
                        m_county);
    QCOMPARE(created.status, 201);
    QCOMPARE(post("/api/v1/admin/users",
                  {{"username", "cadre4"},
                   {"role", "village"},
                   {"areas", QJsonArray{kVillage1}},
                   {"password", "Majia-new-cadre-1"}},
                  m_county)
                 .status,
             409);
    auto first = login("cadre4", "dev-cadre4", "Majia-new-cadre-1");
    QCOMPARE(first.status, 200);
    QVERIFY(first.json.value("mustChangePassword").toBool());
    // Disabled: no login, no token.
    QCOMPARE(post("/api/v1/admin/users/cadre4/disable", {}, m_county).status, 200);
    auto disabled = login("cadre4", "dev-cadre4", "Majia-new-cadre-1");
    QCOMPARE(disabled.status, 403);
    QCOMPARE(disabled.json.value("code").toString(), QStringLiteral("account_disabled"));
}

void TestAccounts::unknownAreaRefused() {
    auto reply = post("/api/v1/admin/users",
                      {{"username", "ghost"},
                       {"role", "village"},
                       {"areas", QJsonArray{"429005103299"}},
                       {"password", "Ghost-village-1"}},
                      m_county);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json.value("code").toString(), QStringLiteral("unknown_area"));
    QVERIFY(isChinese(reply.json.value("message").toString()));
    QCOMPARE(login("ghost", "dev-ghost", "Ghost-village-1").status, 401);
}

void TestAccounts::tokenCapDropsOldest() {
    ServerProcess server;
    QVERIFY2(server.start(true, {"--max-tokens-per-user", "3"}), server.log().constData());
    auto loginOnce = [&] {
        auto reply = httpRequest(
            "POST", server.url("/api/v1/login"),
            compact({{"username", "cadre1"}, {"password", kDemoPassword}, {"deviceId", "dev-cap"}}));
        return reply.json.value("token").toString().toLatin1();
    };
    QList<QByteArray> tokens;
    for (int i = 0; i < 4; ++i)
        tokens << loginOnce();
    auto pull = [&](const QByteArray &t) {
        return httpRequest("GET", server.url("/api/v1/pull?cursor=0&limit=1"), {}, t).status;
    };
    QCOMPARE(pull(tokens[0]), 401);
    for (int i = 1; i < 4; ++i)
        QCOMPARE(pull(tokens[i]), 200);
    QCOMPARE(server.stop(), 0);
}

void TestAccounts::tokenLifetimeConfigurable() {
    ServerProcess server;
    QVERIFY2(server.start(true, {"--token-lifetime-hours", "2"}), server.log().constData());
    auto reply =
        httpRequest("POST", server.url("/api/v1/login"),
                    compact({{"username", "cadre1"}, {"password", kDemoPassword}, {"deviceId", "dev-life"}}));
    QCOMPARE(reply.status, 200);
    const QByteArray t = reply.json.value("token").toString().toLatin1();
    const std::string store = server.databaseUrl();
    QCOMPARE(
        StoreSql::queryInt(store, "SELECT expires - created_at FROM tokens WHERE device_id = 'dev-life'"),
        std::optional<int64_t>(int64_t(2) * 60 * 60 * 1000));
    // Once past its lifetime the token is refused.
    QVERIFY(StoreSql::exec(store, "UPDATE tokens SET expires = 1 WHERE device_id = 'dev-life'"));
    QCOMPARE(httpRequest("GET", server.url("/api/v1/pull?cursor=0&limit=1"), {}, t).status, 401);
    QCOMPARE(server.stop(), 0);
}

void TestAccounts::cliUserAddListDisable() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString data = dir.filePath("data");
    // The commands and the server share one store: SQLite, or in the pg run a PostgreSQL database.
    TestDatabase database;
    QVERIFY2(database.ok(), qPrintable(database.error()));
    const QString store = QString::fromStdString(database.url());
    // A first-start server with no users says how to create one.
    {
        ServerProcess empty;
        QVERIFY2(empty.start(false, {"--data-dir", data}), empty.log().constData());
        QCOMPARE(empty.stop(), 0);
        QVERIFY2(empty.log().contains("no_users") && empty.log().contains("user add"),
                 empty.log().constData());
    }
    QFile csv(dir.filePath("areas.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("\xEF\xBB\xBF行政区划代码,名称,上级\r\n429005,潜江市,\r\n429005103,熊口镇,429005\r\n"
              "429005103201,马家村,429005103\r\n");
    csv.close();
    QByteArray output;
    QCOMPARE(runSyncd({"areas", "import", csv.fileName(), "--database", store}, {}, &output), 0);
    // Unknown area, weak password: refused.
    QCOMPARE(runSyncd({"user", "add", "nobody", "--role", "village", "--area", "429005103299", "--database",
                       store, "--password-stdin"},
                      "Long-enough-password\n", &output),
             1);
    QVERIFY2(output.contains("429005103299"), output.constData());
    QCOMPARE(runSyncd({"user", "add", "admin1", "--role", "admin", "--area", "429005", "--database", store,
                       "--password-stdin"},
                      "short\n"),
             1);
    QCOMPARE(runSyncd({"user", "add", "admin1", "--role", "admin", "--area", "429005", "--database", store,
                       "--password-stdin"},
                      "Qianjiang-admin-2026\n", &output),
             0);
    QCOMPARE(runSyncd({"user", "add", "majia", "--role", "village", "--area", "429005103201", "--database",
                       store, "--password-stdin"},
                      "Majia-village-2026\n"),
             0);
    QCOMPARE(runSyncd({"user", "list", "--database", store}, {}, &output), 0);
    QVERIFY2(output.contains("admin1") && output.contains("majia") && output.contains("429005103201"),
             output.constData());
    QVERIFY(!output.contains("argon2"));

    ServerProcess server;
    QVERIFY2(server.start(false, {"--database", store, "--database", store}), server.log().constData());
    auto loginMajia = [&] {
        return httpRequest(
            "POST", server.url("/api/v1/login"),
            compact({{"username", "majia"}, {"password", "Majia-village-2026"}, {"deviceId", "dev-majia"}}));
    };
    auto ok = loginMajia();
    QCOMPARE(ok.status, 200);
    QVERIFY(!ok.json.value("mustChangePassword").toBool());
    QCOMPARE(ok.json.value("scope").toArray(), QJsonArray{"429005103201"});
    const QByteArray t = ok.json.value("token").toString().toLatin1();
    QCOMPARE(runSyncd({"user", "disable", "majia", "--database", store}), 0);
    QCOMPARE(httpRequest("GET", server.url("/api/v1/pull?cursor=0&limit=1"), {}, t).status, 401);
    QCOMPARE(loginMajia().status, 403);
    QCOMPARE(runSyncd({"user", "list", "--database", store}, {}, &output), 0);
    QVERIFY2(output.contains("disabled"), output.constData());
    // user passwd is an admin reset: the next login must change it.
    QCOMPARE(runSyncd({"user", "enable", "majia", "--database", store}), 0);
    QCOMPARE(
        runSyncd({"user", "passwd", "majia", "--database", store, "--password-stdin"}, "Majia-reset-2026\n"),
        0);
    auto afterReset = httpRequest(
        "POST", server.url("/api/v1/login"),
        compact({{"username", "majia"}, {"password", "Majia-reset-2026"}, {"deviceId", "dev-majia"}}));
    QCOMPARE(afterReset.status, 200);
    QVERIFY(afterReset.json.value("mustChangePassword").toBool());
    QCOMPARE(server.stop(), 0);
}

void TestAccounts::demoRefusesNonLoopbackListen() {
    QTemporaryDir dir;
    QByteArray output;
    QCOMPARE(runSyncd({"--listen", "0.0.0.0:0", "--data-dir", dir.filePath("data"), "--demo"}, {}, &output),
             2);
    QVERIFY2(output.contains("loopback"), output.constData());
    QVERIFY(!QFile::exists(dir.filePath("data/central.sqlite3")));
}

// The county sees when each tablet last pushed and pulled, its app version and how far its clock is off
// (docs/accounts.md "Device activity"): from the tablet's headers, checked and bounded by the server.
void TestAccounts::deviceActivityListed() {
    const QByteArray cadre = token("cadre1", "dev-activity");
    QVERIFY(!cadre.isEmpty());
    auto deviceEntry = [&] {
        auto list = get("/api/v1/admin/devices", m_county);
        for (const auto &d : list.json.value("devices").toArray()) {
            if (d.toObject().value("deviceId").toString() == QLatin1String("dev-activity"))
                return d.toObject();
        }
        return QJsonObject();
    };
    QCOMPARE(deviceEntry().value("lastPullAtMs").toInteger(), qint64(0));
    QVERIFY(deviceEntry().value("clockOffsetMs").isNull());

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const qint64 twoHours = 2 * 3600 * 1000;
    auto pull = httpRequestWithHeaders("GET", m_server.url("/api/v1/pull?cursor=0"), {},
                                       {{"Authorization", "Bearer " + cadre},
                                        {"X-Ruhu-App-Version", "9.8.7"},
                                        {"X-Ruhu-Client-Time", QByteArray::number(before - twoHours)}});
    QCOMPARE(pull.status, 200);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    auto seen = deviceEntry();
    QVERIFY(seen.value("lastPullAtMs").toInteger() >= before &&
            seen.value("lastPullAtMs").toInteger() <= after);
    QCOMPARE(seen.value("appVersion").toString(), QStringLiteral("9.8.7"));
    const qint64 offset = seen.value("clockOffsetMs").toInteger();
    QVERIFY2(offset <= -twoHours && offset >= -twoHours - (after - before) - 1000,
             QByteArray::number(offset));
    QCOMPARE(seen.value("lastPushAtMs").toInteger(), qint64(0));

    // Malformed headers are ignored, the request still served; a push is noted.
    auto push =
        httpRequestWithHeaders("POST", m_server.url("/api/v1/push"), pushBody("dev-activity", QJsonArray{}),
                               {{"Authorization", "Bearer " + cadre},
                                {"Content-Type", "application/json"},
                                {"X-Ruhu-App-Version", QByteArray(100, 'x')},
                                {"X-Ruhu-Client-Time", "soon"}});
    QCOMPARE(push.status, 200);
    seen = deviceEntry();
    QVERIFY(seen.value("lastPushAtMs").toInteger() >= before);
    QCOMPARE(seen.value("appVersion").toString(), QStringLiteral("9.8.7"));
    QCOMPARE(seen.value("clockOffsetMs").toInteger(), offset);

    // A village account cannot read the device list.
    QCOMPARE(get("/api/v1/admin/devices", cadre).status, 403);
}

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
