// The real ruhu-syncd on loopback, started by ServerProcess: bad input, limits, scope, idempotence,
// shutdown and crash recovery, and what the log may not contain.
#include "serverprocess.h"

#include <ruhu/demo/demo_county.h>
#include <ruhu/sync/hlc.h>
#include <ruhu/sync/mutation.h>

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <csignal>

namespace {

const QString kVillage1 = QStringLiteral("429005103201");
const QString kVillage2 = QStringLiteral("429005103202");

QJsonObject mutation(const QString &device, int seq, const QString &kind, const QString &recordId,
                     const QString &householdId, const QString &region, const QJsonObject &fields) {
    const auto hlc = ruhu::HlcStamp{1800000000000 + seq, 0, device.toStdString()}.encode();
    return QJsonObject{{"id", QStringLiteral("%1:%2").arg(device).arg(seq)},
                       {"deviceId", device},
                       {"seq", seq},
                       {"kind", kind},
                       {"recordId", recordId},
                       {"householdId", householdId},
                       {"regionCode", region},
                       {"baseVersion", 0},
                       {"hlc", QString::fromStdString(hlc)},
                       {"author", "test"},
                       {"fields", fields}};
}

QJsonObject household(const QString &device, int seq, const QString &id, const QString &region,
                      const QString &head = QStringLiteral("测试户主")) {
    return mutation(device, seq, "household", id, id, region,
                    {{"regionCode", region}, {"householdType", "一般农户"}, {"headName", head}});
}

QByteArray pushBody(const QString &device, const QJsonArray &mutations) {
    return QJsonDocument(QJsonObject{{"protocol", 1}, {"deviceId", device}, {"mutations", mutations}})
        .toJson(QJsonDocument::Compact);
}

// Each account logs in with its own device id: a device id belongs to the first account that used it.
QByteArray loginBody(const QString &user, const QString &password = QStringLiteral("ruhu2024"),
                     const QString &device = {}) {
    return QJsonDocument(QJsonObject{{"username", user},
                                     {"password", password},
                                     {"deviceId", device.isEmpty() ? "dev-test-" + user : device}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestSyncd : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void healthz();
    void login();
    void malformedJson();
    void wrongTypes();
    void unknownKind();
    void invalidIdNumber();
    void bodyOverLimit();
    void badToken();
    void pushOutsideArea();
    void samePushTwice();
    void pullPagination();
    void keepAliveConnection();
    void sigtermFinishesRequestInFlight();
    void sigtermKeepsData();
    void sigkillKeepsAcknowledgedMutations();
    void logIsJsonLinesWithoutSecrets();
    void push500Mutations();

private:
    QByteArray token(const QString &user, const QString &device = {});
    // Pushes as the user of `token` from `device`: a token is bound to one device, so this logs that user
    // in on `device` once (docs/accounts.md). An unknown token is sent as it is.
    HttpResult push(const QByteArray &token, const QString &device, const QJsonArray &mutations);
    QList<QJsonObject> pullAll(const QByteArray &token, int limit, int *pages = nullptr);
    QJsonObject findRecord(const QByteArray &token, const QString &id);

    ServerProcess m_server;
    QByteArray m_cadre1;
    QStringList m_tokensSeen;
    QHash<QByteArray, QString> m_tokenUsers;
    QHash<QString, QByteArray> m_deviceTokens; // "user/device" → token
    QStringList m_idNumbersSent;
};

void TestSyncd::initTestCase() {
    QVERIFY2(m_server.start(), m_server.log().constData());
    m_cadre1 = token(QStringLiteral("cadre1"));
    QVERIFY(!m_cadre1.isEmpty());
}

void TestSyncd::cleanupTestCase() {
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

QByteArray TestSyncd::token(const QString &user, const QString &device) {
    auto reply = httpRequest("POST", m_server.url("/api/v1/login"), loginBody(user, "ruhu2024", device));
    if (reply.status != 200)
        return {};
    const QString t = reply.json.value("token").toString();
    m_tokensSeen << t;
    m_tokenUsers.insert(t.toLatin1(), user);
    return t.toLatin1();
}

HttpResult TestSyncd::push(const QByteArray &token, const QString &device, const QJsonArray &mutations) {
    QByteArray deviceToken = token;
    if (m_tokenUsers.contains(token)) {
        const QString user = m_tokenUsers.value(token);
        const QString key = user + '/' + device;
        if (!m_deviceTokens.contains(key))
            m_deviceTokens.insert(key, this->token(user, device));
        deviceToken = m_deviceTokens.value(key);
    }
    return httpRequest("POST", m_server.url("/api/v1/push"), pushBody(device, mutations), deviceToken);
}

QList<QJsonObject> TestSyncd::pullAll(const QByteArray &token, int limit, int *pages) {
    QList<QJsonObject> all;
    qint64 cursor = 0;
    int count = 0;
    while (count < 10000) {
        auto reply = httpRequest(
            "GET", m_server.url(QStringLiteral("/api/v1/pull?cursor=%1&limit=%2").arg(cursor).arg(limit)), {},
            token);
        if (reply.status != 200)
            return {};
        ++count;
        const QJsonArray changes = reply.json.value("changes").toArray();
        if (changes.size() > limit)
            return {};
        for (const auto &c : changes)
            all << c.toObject();
        cursor = reply.json.value("cursor").toInteger();
        if (!reply.json.value("hasMore").toBool())
            break;
    }
    if (pages)
        *pages = count;
    return all;
}

QJsonObject TestSyncd::findRecord(const QByteArray &token, const QString &id) {
    for (const auto &r : pullAll(token, 1000)) {
        if (r.value("id").toString() == id)
            return r;
    }
    return {};
}

void TestSyncd::healthz() {
    auto reply = httpRequest("GET", m_server.url("/healthz"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value("status").toString(), "ok");
    QCOMPARE(reply.json.value("protocol").toInt(), 1);
    auto missing = httpRequest("GET", m_server.url("/nothing-here"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json.value("code").toString(), "not_found");
    auto wrongMethod = httpRequest("DELETE", m_server.url("/healthz"));
    QCOMPARE(wrongMethod.status, 405);
}

void TestSyncd::login() {
    auto reply = httpRequest("POST", m_server.url("/api/v1/login"), loginBody("cadre2"));
    QCOMPARE(reply.status, 200);
    m_tokensSeen << reply.json.value("token").toString();
    QCOMPARE(reply.json.value("token").toString().size(), 64);
    QCOMPARE(reply.json.value("role").toString(), "village");
    QCOMPARE(reply.json.value("scope").toArray(), QJsonArray{kVillage2});
    QCOMPARE(reply.json.value("areas").toArray().size(), 1);
    QCOMPARE(reply.json.value("areas").toArray()[0].toObject().value("name").toString(), "赵脑村");
    QVERIFY(reply.json.value("serverTimeMs").toInteger() > 0);

    auto bad = httpRequest("POST", m_server.url("/api/v1/login"), loginBody("cadre2", "wrong-password"));
    QCOMPARE(bad.status, 401);
    QCOMPARE(bad.json.value("code").toString(), "bad_credentials");
    QVERIFY(!bad.json.value("message").toString().isEmpty());
}

void TestSyncd::malformedJson() {
    for (const auto &path : {"/api/v1/login", "/api/v1/push"}) {
        auto reply = httpRequest("POST", m_server.url(path), "{\"deviceId\": \"dev-a\", ", m_cadre1);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json.value("code").toString(), "malformed_json");
        QVERIFY(!reply.json.value("message").toString().isEmpty());
    }
    // The last duplicate would win on the server; another parser may take the first (issue 19).
    const QByteArray duplicate = R"({"protocol":1,"deviceId":"dev-a","deviceId":"dev-b","mutations":[]})";
    for (const auto &path : {"/api/v1/login", "/api/v1/push"}) {
        auto reply = httpRequest("POST", m_server.url(path), duplicate, m_cadre1);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json.value("code").toString(), "malformed_json");
    }
}

void TestSyncd::wrongTypes() {
    auto login = httpRequest("POST", m_server.url("/api/v1/login"), R"({"username":42,"password":true})");
    QCOMPARE(login.status, 400);
    QCOMPARE(login.json.value("code").toString(), "bad_request");
    QCOMPARE(login.json.value("field").toString(), "username");

    auto m = household("dev-t", 1, "hh-types", kVillage1);
    m["seq"] = "first";
    auto pushed = push(m_cadre1, "dev-t", {m});
    QCOMPARE(pushed.status, 400);
    QCOMPARE(pushed.json.value("code").toString(), "bad_request");
    QCOMPARE(pushed.json.value("field").toString(), "mutations[0].seq");

    auto notArray =
        httpRequest("POST", m_server.url("/api/v1/push"), R"({"deviceId":"dev-t","mutations":{}})", m_cadre1);
    QCOMPARE(notArray.status, 400);
    QCOMPARE(notArray.json.value("field").toString(), "mutations");
}

void TestSyncd::unknownKind() {
    auto m = mutation("dev-k", 1, "spaceship", "ship-1", "ship-1", kVillage1, {});
    auto reply = push(m_cadre1, "dev-k", {m});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json.value("code").toString(), "unknown_kind");
    QCOMPARE(reply.json.value("field").toString(), "mutations[0].kind");
}

void TestSyncd::invalidIdNumber() {
    // A valid number with its check digit changed.
    std::string valid = ruhu::makeIdNumber("429005", "19800101", 11);
    std::string invalid = valid;
    invalid.back() = invalid.back() == '0' ? '1' : '0';
    m_idNumbersSent << QString::fromStdString(invalid);
    auto m = mutation("dev-i", 1, "member", "hh-0001-m9", "hh-0001", kVillage1,
                      {{"name", "身份证错误"}, {"idNo", QString::fromStdString(invalid)}});
    auto reply = push(m_cadre1, "dev-i", {m});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json.value("code").toString(), "invalid_id_number");
    QVERIFY(reply.json.value("field").toString().endsWith("idNo"));
    QVERIFY(!reply.json.value("message").toString().isEmpty());
}

void TestSyncd::bodyOverLimit() {
    QByteArray big = "{\"deviceId\":\"dev-big\",\"mutations\":[],\"padding\":\"";
    big += QByteArray(9 * 1024 * 1024, 'x');
    big += "\"}";
    auto reply = httpRequest("POST", m_server.url("/api/v1/push"), big, m_cadre1);
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.json.value("code").toString(), "payload_too_large");
    QVERIFY(!reply.json.value("message").toString().isEmpty());
    // The server is fine afterwards.
    QCOMPARE(httpRequest("GET", m_server.url("/healthz")).status, 200);
}

void TestSyncd::badToken() {
    auto none = httpRequest("GET", m_server.url("/api/v1/pull"));
    QCOMPARE(none.status, 401);
    QCOMPARE(none.json.value("code").toString(), "unauthorized");
    auto wrong = httpRequest("GET", m_server.url("/api/v1/pull"), {}, QByteArray(64, 'f'));
    QCOMPARE(wrong.status, 401);
    auto pushWrong = push("not-a-token", "dev-a", {});
    QCOMPARE(pushWrong.status, 401);
    QCOMPARE(pushWrong.json.value("code").toString(), "unauthorized");
}

void TestSyncd::pushOutsideArea() {
    auto reply =
        push(m_cadre1, "dev-o",
             {household("dev-o", 1, "hh-o-in", kVillage1), household("dev-o", 2, "hh-o-out", kVillage2)});
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.json.value("code").toString(), "forbidden_area");
    QVERIFY(!reply.json.value("message").toString().isEmpty());
    const QByteArray county = token("county");
    QVERIFY(findRecord(county, "hh-o-in").isEmpty());
    QVERIFY(findRecord(county, "hh-o-out").isEmpty());
}

void TestSyncd::samePushTwice() {
    const QString idNo = QString::fromStdString(ruhu::makeIdNumber("429005", "19900512", 21));
    m_idNumbersSent << idNo;
    const QJsonArray batch{household("dev-d", 1, "hh-dup", kVillage1),
                           mutation("dev-d", 2, "member", "hh-dup-m1", "hh-dup", kVillage1,
                                    {{"name", "重复推送"}, {"idNo", idNo}})};
    auto first = push(m_cadre1, "dev-d", batch);
    QCOMPARE(first.status, 200);
    const QJsonArray results = first.json.value("results").toArray();
    QCOMPARE(results.size(), 2);
    QList<qint64> versions;
    for (const auto &r : results) {
        QCOMPARE(r.toObject().value("status").toString(), "applied");
        versions << r.toObject().value("record").toObject().value("version").toInteger();
    }
    auto second = push(m_cadre1, "dev-d", batch);
    QCOMPARE(second.status, 200);
    const QJsonArray again = second.json.value("results").toArray();
    QCOMPARE(again.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(again[i].toObject().value("status").toString(), "duplicate");
        QCOMPARE(again[i].toObject().value("record").toObject().value("version").toInteger(), versions[i]);
    }
    QCOMPARE(findRecord(m_cadre1, "hh-dup-m1").value("version").toInteger(), versions[1]);
}

void TestSyncd::pullPagination() {
    const QByteArray county = token("county");
    int pages = 0;
    auto paged = pullAll(county, 25, &pages);
    auto whole = pullAll(county, 1000);
    QVERIFY(whole.size() >= int(ruhu::makeDemoCounty().records.size()));
    QCOMPARE(paged.size(), whole.size());
    QCOMPARE(pages, (whole.size() + 24) / 25);
    qint64 last = 0;
    for (int i = 0; i < paged.size(); ++i) {
        QCOMPARE(paged[i].value("id"), whole[i].value("id"));
        QVERIFY(paged[i].value("version").toInteger() > last);
        last = paged[i].value("version").toInteger();
    }
    // A cadre sees only their village.
    for (const auto &r : pullAll(m_cadre1, 50))
        QCOMPARE(r.value("regionCode").toString(), kVillage1);
    auto bad = httpRequest("GET", m_server.url("/api/v1/pull?limit=lots"), {}, county);
    QCOMPARE(bad.status, 400);
}

void TestSyncd::keepAliveConnection() {
    QTcpSocket socket;
    socket.connectToHost("127.0.0.1", quint16(m_server.port()));
    QVERIFY(socket.waitForConnected(5000));
    for (int i = 0; i < 3; ++i) {
        socket.write("GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n");
        QByteArray response;
        while (!response.contains("\"protocol\":1}") && socket.waitForReadyRead(5000))
            response += socket.readAll();
        QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
    }
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void TestSyncd::sigtermFinishesRequestInFlight() {
    // A request whose body is still arriving when SIGTERM comes is answered; an idle keep-alive
    // connection does not hold the shutdown up.
    QTcpSocket idle;
    idle.connectToHost("127.0.0.1", quint16(m_server.port()));
    QVERIFY(idle.waitForConnected(5000));

    const QByteArray body = loginBody("cadre3");
    QTcpSocket busy;
    busy.connectToHost("127.0.0.1", quint16(m_server.port()));
    QVERIFY(busy.waitForConnected(5000));
    busy.write(
        "POST /api/v1/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: " +
        QByteArray::number(body.size()) + "\r\n\r\n" + body.left(10));
    QVERIFY(busy.waitForBytesWritten(5000));
    QTest::qWait(200);

    QVERIFY(::kill(static_cast<pid_t>(m_server.pid()), SIGTERM) == 0);
    QTest::qWait(500);
    QVERIFY2(m_server.isRunning(), "the server must wait for the request in flight");
    QVERIFY(idle.state() == QAbstractSocket::UnconnectedState || idle.waitForDisconnected(5000));

    busy.write(body.mid(10));
    QByteArray response;
    while (busy.waitForReadyRead(10000))
        response += busy.readAll();
    response += busy.readAll();
    QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
    QVERIFY(response.contains("Connection: close"));
    const int token = response.indexOf("\"token\":\"");
    QVERIFY(token > 0);
    m_tokensSeen << QString::fromLatin1(response.mid(token + 9, 64));

    QCOMPARE(m_server.waitForExit(), 0);
    QVERIFY(m_server.log().contains("\"event\":\"shutdown_started\""));
    QVERIFY2(m_server.restart(), m_server.log().constData());
}

void TestSyncd::sigtermKeepsData() {
    auto reply = push(m_cadre1, "dev-s", {household("dev-s", 1, "hh-term", kVillage1, "终止前")});
    QCOMPARE(reply.status, 200);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(m_server.stop(), 0);
    qInfo("SIGTERM to exit: %lld ms", timer.elapsed());
    QVERIFY2(m_server.restart(), m_server.log().constData());
    // Tokens survive the restart (only their hashes are stored), and so does the data.
    auto record = findRecord(m_cadre1, "hh-term");
    QCOMPARE(record.value("fields").toObject().value("headName").toString(), "终止前");
    // The demo county was not loaded twice.
    QCOMPARE(m_server.log().count("\"event\":\"demo_loaded\""), 1);
}

void TestSyncd::sigkillKeepsAcknowledgedMutations() {
    QJsonArray batch;
    for (int i = 1; i <= 50; ++i)
        batch << household("dev-k9", i, QStringLiteral("hh-kill-%1").arg(i), kVillage1);
    auto reply = push(m_cadre1, "dev-k9", batch);
    QCOMPARE(reply.status, 200);
    m_server.kill();
    QVERIFY2(m_server.restart(), m_server.log().constData());
    QSet<QString> ids;
    for (const auto &r : pullAll(m_cadre1, 1000))
        ids << r.value("id").toString();
    for (int i = 1; i <= 50; ++i)
        QVERIFY(ids.contains(QStringLiteral("hh-kill-%1").arg(i)));
    // Re-sending after the crash is safe.
    auto again = push(m_cadre1, "dev-k9", batch);
    QCOMPARE(again.status, 200);
    for (const auto &r : again.json.value("results").toArray())
        QCOMPARE(r.toObject().value("status").toString(), "duplicate");
}

void TestSyncd::logIsJsonLinesWithoutSecrets() {
    const QByteArray log = m_server.log();
    QVERIFY(!log.isEmpty());
    int requests = 0;
    for (const QByteArray &line : log.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(doc.isObject(), line.constData());
        const QJsonObject o = doc.object();
        QVERIFY2(o.contains("ts") && o.contains("level") && o.contains("event"), line.constData());
        if (o.value("event").toString() == "request") {
            ++requests;
            QVERIFY2(o.contains("method") && o.contains("path") && o.contains("status") && o.contains("ms"),
                     line.constData());
        }
    }
    QVERIFY(requests > 10);
    QVERIFY(log.contains("\"event\":\"listening\""));
    QVERIFY(log.contains("\"user\":\"cadre1\""));
    QVERIFY(!log.contains("ruhu2024"));
    QVERIFY(!log.contains("wrong-password"));
    QVERIFY(!m_tokensSeen.isEmpty());
    for (const QString &t : m_tokensSeen)
        QVERIFY2(!log.contains(t.toLatin1()), "a token is in the log");
    for (const QString &id : m_idNumbersSent)
        QVERIFY2(!log.contains(id.toLatin1()), "an ID number is in the log");
    // No 18-digit run (an ID number) anywhere.
    QVERIFY(!QString::fromUtf8(log).contains(QRegularExpression("\\d{17}[\\dXx]")));
}

void TestSyncd::push500Mutations() {
    QJsonArray batch;
    for (int i = 1; i <= 500; ++i) {
        const QString hh = QStringLiteral("hh-bulk-%1").arg((i + 1) / 2);
        batch << (i % 2 ? household("dev-bulk", i, hh, kVillage1)
                        : mutation("dev-bulk", i, "member", hh + "-m1", hh, kVillage1, {{"name", "批量"}}));
    }
    QElapsedTimer timer;
    timer.start();
    auto reply = push(m_cadre1, "dev-bulk", batch);
    const qint64 firstMs = timer.restart();
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value("results").toArray().size(), 500);
    auto again = push(m_cadre1, "dev-bulk", batch);
    const qint64 againMs = timer.elapsed();
    QCOMPARE(again.status, 200);
    qInfo("500-mutation push: %lld ms; re-sent as duplicates: %lld ms (request %lld bytes)", firstMs, againMs,
          qint64(pushBody("dev-bulk", batch).size()));
}

QTEST_GUILESS_MAIN(TestSyncd)
#include "tst_syncd.moc"
