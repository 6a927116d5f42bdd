// The read audit and per-role masking against the real ruhu-syncd (issue 11 "Privacy", docs/privacy.md):
// a pull page, a photo download write one audit row each with user, role, device and client address;
// county reads them through GET /api/v1/audit, a village or township account may not; the table refuses
// UPDATE and DELETE; sensitive fields are masked per role in pulls and the review list, and a role that
// sees a field masked (or anyone sending a masked-looking value) cannot write it back.
#include "serverprocess.h"
#include "storesql.h"

#include <ruhu/sync/hlc.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

namespace {

const QString kVillage1 = QStringLiteral("429005103201");

struct Raw {
    int status = 0;
    QJsonObject json;
    QByteArray body;
};

// A GET with extra headers on a fresh connection (the test client sets only Authorization).
Raw rawGet(int port, const QString &path, const QByteArray &token, const QByteArray &extraHeaders) {
    Raw raw;
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    if (!socket.waitForConnected(5000))
        return raw;
    socket.write("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                 "Authorization: Bearer " + token + "\r\n" + extraHeaders + "\r\n");
    QByteArray data;
    while (socket.state() == QAbstractSocket::ConnectedState || socket.bytesAvailable() > 0) {
        if (!socket.waitForReadyRead(10000) && socket.bytesAvailable() == 0)
            break;
        data += socket.readAll();
    }
    const qsizetype end = data.indexOf("\r\n\r\n");
    raw.status = data.left(end).split(' ').value(1).toInt();
    raw.body = data.mid(end + 4);
    raw.json = QJsonDocument::fromJson(raw.body).object();
    return raw;
}

bool isFullIdNumber(const QString &value) {
    static const QRegularExpression full(QStringLiteral("^[0-9]{17}[0-9X]$"));
    return full.match(value).hasMatch();
}

bool isMaskedIdNumber(const QString &value) {
    static const QRegularExpression masked(QStringLiteral("^[0-9]{4}\\*{10}[0-9]{3}[0-9X]$"));
    return masked.match(value).hasMatch();
}

} // namespace

class TestAudit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void pullPageIsAuditedAndCountyReadsIt();
    void photoDownloadIsAudited();
    void auditTableRefusesUpdateAndDelete();
    void idNumberMaskedForTownshipInPullClearInReviewList();
    void maskedValuesCannotBeWrittenBack();

private:
    // Tokens are bound to a device (docs/accounts.md): a push names the device its token was issued to.
    QByteArray token(const QString &user, const QString &device = {});
    QJsonArray audit(const QString &query, const QByteArray &token = {});
    QJsonArray pullAll(const QByteArray &token);
    QJsonArray push(const QByteArray &token, const QString &device, const QJsonArray &mutations,
                    int *status = nullptr, QJsonObject *reply = nullptr);
    QJsonObject mutation(const QString &device, const QString &kind, const QString &recordId,
                         const QString &household, const QJsonObject &fields, qint64 baseVersion = 0);

    ServerProcess m_server;
    QByteArray m_cadre1;
    QByteArray m_county;
    QMap<QString, int> m_seq;
};

void TestAudit::initTestCase() {
    QVERIFY2(m_server.start(true), m_server.log().constData());
    m_cadre1 = token("cadre1");
    m_county = token("county");
    QVERIFY(!m_cadre1.isEmpty() && !m_county.isEmpty());
}

void TestAudit::cleanupTestCase() {
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
    // The audit is in the database, never in the log: no 身份证号 reaches the log either.
    static const QRegularExpression idNumber(QStringLiteral("429005[0-9]{11}[0-9X]"));
    QVERIFY(!idNumber.match(QString::fromUtf8(m_server.log())).hasMatch());
}

QByteArray TestAudit::token(const QString &user, const QString &device) {
    const QByteArray body =
        QJsonDocument(QJsonObject{{"username", user},
                                  {"password", "ruhu2024"},
                                  {"deviceId", device.isEmpty() ? "dev-" + user : device}})
            .toJson(QJsonDocument::Compact);
    auto reply = httpRequest("POST", m_server.url("/api/v1/login"), body);
    return reply.status == 200 ? reply.json.value("token").toString().toLatin1() : QByteArray();
}

QJsonArray TestAudit::audit(const QString &query, const QByteArray &token) {
    auto reply =
        httpRequest("GET", m_server.url("/api/v1/audit" + query), {}, token.isEmpty() ? m_county : token);
    if (reply.status != 200)
        qWarning() << "audit" << reply.status << reply.body;
    return reply.json.value("entries").toArray();
}

QJsonArray TestAudit::pullAll(const QByteArray &token) {
    QJsonArray all;
    qint64 cursor = 0;
    for (int page = 0; page < 50; ++page) {
        auto reply = httpRequest(
            "GET", m_server.url(QStringLiteral("/api/v1/pull?cursor=%1&limit=500").arg(cursor)), {}, token);
        if (reply.status != 200)
            return {};
        for (const auto &change : reply.json.value("changes").toArray())
            all.push_back(change);
        cursor = reply.json.value("cursor").toInteger();
        if (!reply.json.value("hasMore").toBool())
            break;
    }
    return all;
}

QJsonArray TestAudit::push(const QByteArray &token, const QString &device, const QJsonArray &mutations,
                           int *status, QJsonObject *replyJson) {
    const QByteArray body =
        QJsonDocument(QJsonObject{{"protocol", 1}, {"deviceId", device}, {"mutations", mutations}})
            .toJson(QJsonDocument::Compact);
    auto reply = httpRequest("POST", m_server.url("/api/v1/push"), body, token);
    if (status)
        *status = reply.status;
    if (replyJson)
        *replyJson = reply.json;
    return reply.json.value("results").toArray();
}

QJsonObject TestAudit::mutation(const QString &device, const QString &kind, const QString &recordId,
                                const QString &household, const QJsonObject &fields, qint64 baseVersion) {
    const int seq = ++m_seq[device];
    const auto hlc = ruhu::HlcStamp{1800000000000 + seq, 0, device.toStdString()}.encode();
    return QJsonObject{{"id", QStringLiteral("%1:%2").arg(device).arg(seq)},
                       {"deviceId", device},
                       {"seq", seq},
                       {"kind", kind},
                       {"recordId", recordId},
                       {"householdId", household},
                       {"regionCode", kVillage1},
                       {"baseVersion", baseVersion},
                       {"hlc", QString::fromStdString(hlc)},
                       {"author", "test"},
                       {"fields", fields}};
}

void TestAudit::pullPageIsAuditedAndCountyReadsIt() {
    auto page =
        rawGet(m_server.port(), "/api/v1/pull?cursor=0&limit=50", m_cadre1, "X-Ruhu-Device: tablet-7\r\n");
    QCOMPARE(page.status, 200);
    QVERIFY(!page.json.value("changes").toArray().isEmpty());

    const QJsonArray rows = audit("?user=cadre1");
    QJsonObject row;
    for (const auto &r : rows) {
        if (r.toObject().value("action").toString() == "pull")
            row = r.toObject();
    }
    QVERIFY2(!row.isEmpty(), QJsonDocument(rows).toJson().constData());
    QCOMPARE(row.value("user").toString(), QStringLiteral("cadre1"));
    QCOMPARE(row.value("role").toString(), QStringLiteral("village"));
    // The device the token was issued to, not the one the header claims.
    QCOMPARE(row.value("deviceId").toString(), QStringLiteral("dev-cadre1"));
    QCOMPARE(row.value("clientAddress").toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(row.value("result").toString(), QStringLiteral("ok"));
    QVERIFY(row.value("atMs").toInteger() > 0);
    // One row for the page, listing the households whose sensitive fields went out.
    QStringList households;
    for (const auto &h : row.value("households").toArray())
        households << h.toObject().value("householdId").toString();
    QVERIFY2(households.contains("hh-0001"), qPrintable(households.join(',')));
    QCOMPARE(households.removeDuplicates(), 0);

    // Filters: by household, and since a time after the row.
    QVERIFY(!audit("?household=hh-0001&user=cadre1").isEmpty());
    QVERIFY(audit("?household=hh-0099").isEmpty());
    QVERIFY(audit(QStringLiteral("?since=%1").arg(row.value("atMs").toInteger() + 3600000)).isEmpty());
    QCOMPARE(audit("?limit=1").size(), 1);

    // Village and township accounts may not read the audit.
    QCOMPARE(httpRequest("GET", m_server.url("/api/v1/audit"), {}, m_cadre1).status, 403);
    QCOMPARE(httpRequest("GET", m_server.url("/api/v1/audit"), {}, token("township")).status, 403);
    QCOMPARE(httpRequest("GET", m_server.url("/api/v1/audit?limit=x"), {}, m_county).status, 400);
}

void TestAudit::photoDownloadIsAudited() {
    const QByteArray bytes(20000, 'p');
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    auto put = httpRequest(
        "PUT", m_server.url(QStringLiteral("/api/v1/media/%1?size=%2&offset=0").arg(sha).arg(20000)), bytes,
        m_cadre1);
    QCOMPARE(put.json.value("complete").toBool(), true);
    auto results = push(token("cadre1", "dev-photo"), "dev-photo",
                        {mutation("dev-photo", "photo", "photo-audit", "hh-0004",
                                  {{"householdId", "hh-0004"}, {"photoKind", "住房"}, {"sha256", sha}})});
    QCOMPARE(results.at(0).toObject().value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(httpRequest("GET", m_server.url("/api/v1/media/" + sha), {}, m_cadre1).body, bytes);

    const QJsonArray rows = audit("?household=hh-0004");
    bool found = false;
    for (const auto &r : rows) {
        const QJsonObject row = r.toObject();
        if (row.value("action").toString() == "media" && row.value("target").toString() == sha) {
            found = true;
            QCOMPARE(row.value("user").toString(), QStringLiteral("cadre1"));
            QCOMPARE(row.value("clientAddress").toString(), QStringLiteral("127.0.0.1"));
        }
    }
    QVERIFY2(found, QJsonDocument(rows).toJson().constData());
}

void TestAudit::auditTableRefusesUpdateAndDelete() {
    QVERIFY(!audit("").isEmpty());
    // The database itself refuses, whichever backend holds it (SQLite triggers, PostgreSQL triggers).
    const std::string store = m_server.databaseUrl();
    QVERIFY(!StoreSql::exec(store, "UPDATE audit_log SET username = 'nobody'"));
    QVERIFY(!StoreSql::exec(store, "DELETE FROM audit_log"));
    QVERIFY(!StoreSql::exec(store, "DELETE FROM audit_households"));
    QVERIFY(!StoreSql::exec(store, "UPDATE audit_households SET household_id = 'x'"));
    QCOMPARE(StoreSql::queryInt(store, "SELECT count(*) FROM audit_log WHERE username = 'nobody'"),
             std::optional<int64_t>(0));
    QVERIFY(StoreSql::queryInt(store, "SELECT count(*) FROM audit_log").value_or(0) > 0);
    QVERIFY(!audit("?user=cadre1").isEmpty());
}

void TestAudit::idNumberMaskedForTownshipInPullClearInReviewList() {
    auto memberOf = [](const QJsonArray &changes, const QString &id) {
        QJsonObject found;
        for (const auto &c : changes) {
            if (c.toObject().value("kind").toString() == "member" &&
                c.toObject().value("id").toString() == id)
                found = c.toObject();
        }
        return found.value("fields").toObject();
    };
    const QByteArray township = token("township");
    const QJsonObject asCadre = memberOf(pullAll(m_cadre1), "hh-0001-m1");
    const QJsonObject asTownship = memberOf(pullAll(township), "hh-0001-m1");
    const QJsonObject asCounty = memberOf(pullAll(m_county), "hh-0001-m1");
    const QString clear = asCadre.value("idNo").toString();
    QVERIFY2(isFullIdNumber(clear), qPrintable(clear));
    QCOMPARE(asCounty.value("idNo").toString(), clear);
    const QString masked = asTownship.value("idNo").toString();
    QVERIFY2(isMaskedIdNumber(masked), qPrintable(masked));
    QCOMPARE(masked.left(4), clear.left(4));
    QCOMPARE(masked.right(4), clear.right(4));
    // Other sensitive fields the township needs for its reviews stay clear (and are audited).
    QCOMPARE(asTownship.value("health"), asCadre.value("health"));
    bool townshipAudited = false;
    for (const auto &r : audit("?user=township"))
        townshipAudited |= r.toObject().value("action").toString() == "pull";
    QVERIFY(townshipAudited);

    // Two tablets of village 1 disagree on the 身份证号: the township reviewer decides, so it sees both
    // values in clear in the review list (and that read is audited).
    const QString first = QStringLiteral("429005199001011238");
    const QString second = QStringLiteral("429005199001011246");
    qint64 base = 0;
    for (const auto &c : pullAll(m_cadre1)) {
        if (c.toObject().value("id").toString() == "hh-0001-m1")
            base = std::max<qint64>(base, c.toObject().value("version").toInteger());
    }
    auto a = push(token("cadre1", "dev-ra"), "dev-ra",
                  {mutation("dev-ra", "member", "hh-0001-m1", "hh-0001", {{"idNo", first}}, base)});
    QVERIFY2(a.at(0).toObject().value("status").toString() == "applied",
             QJsonDocument(a).toJson().constData());
    auto b = push(token("cadre1", "dev-rb"), "dev-rb",
                  {mutation("dev-rb", "member", "hh-0001-m1", "hh-0001", {{"idNo", second}}, base)});
    QVERIFY2(b.at(0).toObject().value("status").toString() == "queued",
             QJsonDocument(b).toJson().constData());
    auto reviews = httpRequest("GET", m_server.url("/api/v1/reviews"), {}, township);
    QCOMPARE(reviews.status, 200);
    QJsonObject review;
    for (const auto &r : reviews.json.value("reviews").toArray()) {
        if (r.toObject().value("field").toString() == "idNo")
            review = r.toObject();
    }
    QCOMPARE(review.value("serverValue").toString(), first);
    QCOMPARE(review.value("incomingValue").toString(), second);
    bool reviewAudited = false;
    for (const auto &r : audit("?user=township&household=hh-0001"))
        reviewAudited |= r.toObject().value("action").toString() == "review_list";
    QVERIFY(reviewAudited);
}

void TestAudit::maskedValuesCannotBeWrittenBack() {
    // The township sees 身份证号 masked: it cannot write the field at all.
    int status = 0;
    QJsonObject reply;
    push(token("township", "dev-town"), "dev-town",
         {mutation("dev-town", "member", "hh-0002-m1", "hh-0002", {{"idNo", "429005199001011238"}}, 1000000)},
         &status, &reply);
    QCOMPARE(status, 403);
    QCOMPARE(reply.value("code").toString(), QStringLiteral("masked_field_readonly"));
    QVERIFY(reply.value("field").toString().endsWith("fields.idNo"));

    // Nobody stores a masked-looking value of a sensitive field as if it were real.
    push(token("cadre1", "dev-mask"), "dev-mask",
         {mutation("dev-mask", "member", "hh-0002-m1", "hh-0002", {{"phone", "****5678"}}, 1000000)}, &status,
         &reply);
    QCOMPARE(status, 400);
    QCOMPARE(reply.value("code").toString(), QStringLiteral("masked_value"));
    QVERIFY(reply.value("message").toString().contains(QStringLiteral("遮蔽")));
    // A real value goes through.
    auto ok =
        push(token("cadre1", "dev-mask"), "dev-mask",
             {mutation("dev-mask", "member", "hh-0002-m1", "hh-0002", {{"phone", "13912345678"}}, 1000000)},
             &status);
    QCOMPARE(status, 200);
    QVERIFY(ok.at(0).toObject().value("status").toString() != "rejected");
}

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
