// The push/pull/review path against the real ruhu-syncd on loopback (issue 11, "Scope and roles"): every
// write inside the user's area and by the right role, nothing the server cannot verify taken from the
// device (author, events, a base it never gave out, a stamp from the future), sizes bounded, and what
// the store leaves on disk readable only by the server.
#include "serverprocess.h"

#include <ruhu/sync/hlc.h>

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

const QString kVillage1 = QStringLiteral("429005103201");
const QString kVillage2 = QStringLiteral("429005103202");
constexpr qint64 kMinute = 60 * 1000;

QString stampAt(qint64 wallMs, const QString &device) {
    return QString::fromStdString(ruhu::HlcStamp{wallMs, 0, device.toStdString()}.encode());
}

// A stamp of "now" on the test's clock (the server's clock on the same machine), distinct per seq.
QString nowStamp(const QString &device, int seq) {
    return stampAt(QDateTime::currentMSecsSinceEpoch() + seq, device);
}

QJsonObject mutation(const QString &device, int seq, const QString &kind, const QString &recordId,
                     const QString &householdId, const QString &region, const QJsonObject &fields,
                     qint64 baseVersion = 0) {
    return QJsonObject{{"id", QStringLiteral("%1:%2").arg(device).arg(seq)},
                       {"deviceId", device},
                       {"seq", seq},
                       {"kind", kind},
                       {"recordId", recordId},
                       {"householdId", householdId},
                       {"regionCode", region},
                       {"baseVersion", baseVersion},
                       {"hlc", nowStamp(device, seq)},
                       {"author", device},
                       {"fields", fields}};
}

QJsonObject household(const QString &device, int seq, const QString &id, const QString &region) {
    return mutation(device, seq, "household", id, id, region,
                    {{"regionCode", region}, {"householdType", "一般农户"}, {"headName", "测试户主"}});
}

QJsonObject member(const QString &device, int seq, const QString &id, const QString &householdId,
                   const QString &region, qint64 baseVersion = 0) {
    return mutation(device, seq, "member", id, householdId, region, {{"name", "新成员"}}, baseVersion);
}

QJsonObject workflowCase(const QString &device, int seq, const QString &id, const QString &householdId,
                         const QString &region, const QJsonObject &fields, qint64 baseVersion = 0) {
    return mutation(device, seq, "workflowCase", id, householdId, region, fields, baseVersion);
}

QJsonObject deletion(QJsonObject m) {
    m["delete"] = true;
    m["fields"] = QJsonObject{};
    return m;
}

QJsonObject firstResult(const HttpResult &reply) {
    return reply.json.value("results").toArray().at(0).toObject();
}

} // namespace

class TestPushScope : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void deviceIdAndSkippedSeqsBounded();
    void departedHouseholdOnlyTakesEarlierEdits();
    void reviewResolutionWritesOnlyTheReviewedField();
    void newRecordsReferenceAnOwnHousehold();
    void workflowDeleteNeedsTheRole();
    void authorAndEventsAreTheServers();
    void baseAheadOfServerIsConcurrent();
    void futureStampIsNotStored();
    void recordsAreBounded();
    void resolvedReviewsFollowTheHousehold();
    void forbiddenMessageNamesNoOtherVillage();
    void storeFilesAreOwnerOnly();
    void textAndRequiredFieldsAndAreas();

private:
    QByteArray token(const QString &user, const QString &device);
    HttpResult push(const QByteArray &token, const QString &device, const QJsonArray &mutations,
                    const QJsonArray &skippedSeqs = {});
    QJsonObject pushOne(const QByteArray &token, const QString &device, const QJsonObject &m);
    QJsonObject findRecord(const QByteArray &token, const QString &kind, const QString &id);
    QList<QJsonObject> reviews(const QByteArray &token, const QString &status);
    // A review-required clash on a household of village 1: returns the review's id.
    qint64 makeConflict(const QString &householdId);
    qint64 moveHousehold(const QString &householdId, const QString &to);

    ServerProcess m_server;
    QByteArray m_cadre1;  // device dev-ps1
    QByteArray m_cadre1b; // device dev-ps1b (the same cadre's second tablet)
    QByteArray m_cadre2;  // device dev-ps2
    QByteArray m_township;
    QByteArray m_county;
    int m_seq1 = 0;
    int m_seq1b = 0;
    int m_seq2 = 0;
    int m_seqT = 0;
    int m_seqC = 0;
};

void TestPushScope::initTestCase() {
    QVERIFY2(m_server.start(), m_server.log().constData());
    m_cadre1 = token("cadre1", "dev-ps1");
    m_cadre1b = token("cadre1", "dev-ps1b");
    m_cadre2 = token("cadre2", "dev-ps2");
    m_township = token("township", "dev-pst");
    m_county = token("county", "dev-psc");
    QVERIFY(!m_cadre1.isEmpty() && !m_cadre1b.isEmpty() && !m_cadre2.isEmpty() && !m_township.isEmpty() &&
            !m_county.isEmpty());
}

void TestPushScope::cleanupTestCase() {
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

QByteArray TestPushScope::token(const QString &user, const QString &device) {
    const QByteArray body =
        QJsonDocument(QJsonObject{{"username", user}, {"password", "ruhu2024"}, {"deviceId", device}})
            .toJson(QJsonDocument::Compact);
    auto reply = httpRequest("POST", m_server.url("/api/v1/login"), body);
    return reply.status == 200 ? reply.json.value("token").toString().toLatin1() : QByteArray();
}

HttpResult TestPushScope::push(const QByteArray &token, const QString &device, const QJsonArray &mutations,
                               const QJsonArray &skippedSeqs) {
    QJsonObject body{{"protocol", 1}, {"deviceId", device}, {"mutations", mutations}};
    if (!skippedSeqs.isEmpty())
        body["skippedSeqs"] = skippedSeqs;
    return httpRequest("POST", m_server.url("/api/v1/push"),
                       QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

QJsonObject TestPushScope::pushOne(const QByteArray &token, const QString &device, const QJsonObject &m) {
    auto reply = push(token, device, {m});
    if (reply.status != 200)
        return QJsonObject{{"httpStatus", reply.status}, {"code", reply.json.value("code")}};
    return firstResult(reply);
}

QJsonObject TestPushScope::findRecord(const QByteArray &token, const QString &kind, const QString &id) {
    qint64 cursor = 0;
    QJsonObject found;
    for (int page = 0; page < 1000; ++page) {
        auto reply = httpRequest(
            "GET", m_server.url(QStringLiteral("/api/v1/pull?cursor=%1&limit=1000").arg(cursor)), {}, token);
        if (reply.status != 200)
            return {};
        for (const auto &c : reply.json.value("changes").toArray()) {
            const QJsonObject r = c.toObject();
            if (r.value("kind").toString() == kind && r.value("id").toString() == id)
                found = r;
        }
        cursor = reply.json.value("cursor").toInteger();
        if (!reply.json.value("hasMore").toBool())
            break;
    }
    return found;
}

QList<QJsonObject> TestPushScope::reviews(const QByteArray &token, const QString &status) {
    QList<QJsonObject> list;
    auto reply = httpRequest("GET", m_server.url("/api/v1/reviews?limit=1000&status=" + status), {}, token);
    for (const auto &r : reply.json.value("reviews").toArray())
        list << r.toObject();
    return list;
}

qint64 TestPushScope::makeConflict(const QString &hh) {
    auto created = pushOne(m_cadre1, "dev-ps1", household("dev-ps1", ++m_seq1, hh, kVillage1));
    const qint64 base = created.value("record").toObject().value("version").toInteger();
    auto first = pushOne(
        m_cadre1, "dev-ps1",
        mutation("dev-ps1", ++m_seq1, "household", hh, hh, kVillage1, {{"householdType", "脱贫户"}}, base));
    if (first.value("status").toString() != "applied")
        return 0;
    auto second = pushOne(m_cadre1b, "dev-ps1b",
                          mutation("dev-ps1b", ++m_seq1b, "household", hh, hh, kVillage1,
                                   {{"householdType", "一般农户"}, {"headName", "另一台"}}, base));
    if (second.value("status").toString() != "queued")
        return 0;
    return second.value("reviewIds").toArray().at(0).toInteger();
}

qint64 TestPushScope::moveHousehold(const QString &hh, const QString &to) {
    const QJsonObject now = findRecord(m_township, "household", hh);
    auto moved =
        pushOne(m_township, "dev-pst",
                mutation("dev-pst", ++m_seqT, "household", hh, hh, now.value("regionCode").toString(),
                         {{"regionCode", to}}, now.value("version").toInteger()));
    return moved.value("status").toString() == "applied"
               ? moved.value("record").toObject().value("version").toInteger()
               : 0;
}

void TestPushScope::deviceIdAndSkippedSeqsBounded() {
    // 100 KB device id with no mutations: refused before anything is written.
    const QString longId(100 * 1024, QLatin1Char('a'));
    QJsonArray skipped;
    for (int i = 1; i <= 100; ++i)
        skipped.append(i);
    auto reply = push(m_cadre1, longId, {}, skipped);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json.value("code").toString(), QStringLiteral("bad_request"));
    QCOMPARE(reply.json.value("field").toString(), QStringLiteral("deviceId"));
    auto badChars = push(m_cadre1, QStringLiteral("dev/../x"), {});
    QCOMPARE(badChars.status, 400);
    // The same rule at login (a 100 KB login body is not even read without a token: 401, docs/security.md).
    auto loginWith = [](const QString &deviceId) {
        return QJsonDocument(
                   QJsonObject{{"username", "cadre1"}, {"password", "ruhu2024"}, {"deviceId", deviceId}})
            .toJson(QJsonDocument::Compact);
    };
    QCOMPARE(
        httpRequest("POST", m_server.url("/api/v1/login"), loginWith(QString(65, QLatin1Char('a')))).status,
        400);
    QCOMPARE(httpRequest("POST", m_server.url("/api/v1/login"), loginWith(longId)).status, 401);

    // Skipped seqs: a bounded count, and none far beyond what the device ever sent.
    QJsonArray tooMany;
    for (int i = 1; i <= 501; ++i)
        tooMany.append(i);
    QCOMPARE(push(m_cadre1, "dev-ps1", {}, tooMany).status, 400);
    auto farAhead = push(m_cadre1, "dev-ps1", {}, QJsonArray{qint64(1) << 40});
    QCOMPARE(farAhead.status, 400);
    QCOMPARE(farAhead.json.value("field").toString(), QStringLiteral("skippedSeqs"));
    auto fine = push(m_cadre1, "dev-ps1", {}, QJsonArray{m_seq1 + 1});
    QCOMPARE(fine.status, 200);
    ++m_seq1;
}

void TestPushScope::departedHouseholdOnlyTakesEarlierEdits() {
    const QString hh = QStringLiteral("hh-ps-dep");
    auto created = pushOne(m_cadre1, "dev-ps1", household("dev-ps1", ++m_seq1, hh, kVillage1));
    QCOMPARE(created.value("status").toString(), QStringLiteral("applied"));
    const qint64 createdAt = created.value("record").toObject().value("version").toInteger();
    const qint64 movedAt = moveHousehold(hh, kVillage2);
    QVERIFY(movedAt > createdAt);

    // baseVersion 0 claims "I never saw a version": not an edit made while the household was ours.
    auto blind =
        pushOne(m_cadre1, "dev-ps1",
                mutation("dev-ps1", ++m_seq1, "household", hh, hh, kVillage1, {{"headName", "盲改"}}, 0));
    QCOMPARE(blind.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(blind.value("code").toString(), QStringLiteral("record_moved"));
    QVERIFY(!blind.contains("record"));
    // A base after the move: the device already knew it was gone.
    auto after = pushOne(
        m_cadre1, "dev-ps1",
        mutation("dev-ps1", ++m_seq1, "household", hh, hh, kVillage1, {{"headName", "后改"}}, movedAt + 1));
    QCOMPARE(after.value("status").toString(), QStringLiteral("rejected"));
    // New records for the departed household: never.
    auto newMember =
        pushOne(m_cadre1, "dev-ps1", member("dev-ps1", ++m_seq1, "hh-ps-dep-m9", hh, kVillage1, createdAt));
    QCOMPARE(newMember.value("status").toString(), QStringLiteral("rejected"));
    QVERIFY(findRecord(m_county, "member", "hh-ps-dep-m9").isEmpty());
    QCOMPARE(findRecord(m_county, "household", hh).value("fields").toObject().value("headName").toString(),
             QStringLiteral("测试户主"));

    // An edit made offline before the move (base = the version the device had) is still taken, but the
    // record, now another village's, is not read back.
    auto offline = pushOne(m_cadre1, "dev-ps1",
                           mutation("dev-ps1", ++m_seq1, "household", hh, hh, kVillage1,
                                    {{"address", "离线时改的地址"}}, createdAt));
    QCOMPARE(offline.value("status").toString(), QStringLiteral("applied"));
    QVERIFY(!offline.contains("record"));
    QCOMPARE(findRecord(m_county, "household", hh).value("fields").toObject().value("address").toString(),
             QStringLiteral("离线时改的地址"));
}

void TestPushScope::reviewResolutionWritesOnlyTheReviewedField() {
    const QString hh = QStringLiteral("hh-ps-rev");
    auto created = pushOne(m_cadre1, "dev-ps1", household("dev-ps1", ++m_seq1, hh, kVillage1));
    const qint64 base = created.value("record").toObject().value("version").toInteger();
    QCOMPARE(
        pushOne(m_cadre1, "dev-ps1",
                mutation("dev-ps1", ++m_seq1, "household", hh, hh, kVillage1, {{"address", "新地址"}}, base))
            .value("status")
            .toString(),
        QStringLiteral("applied"));
    auto raced = pushOne(m_cadre1b, "dev-ps1b",
                         deletion(mutation("dev-ps1b", ++m_seq1b, "household", hh, hh, kVillage1, {}, base)));
    QCOMPARE(raced.value("status").toString(), QStringLiteral("queued"));
    const qint64 reviewId = raced.value("reviewIds").toArray().at(0).toInteger();
    const QUrl resolveUrl = m_server.url(QStringLiteral("/api/v1/reviews/%1/resolve").arg(reviewId));
    auto resolve = [&](const QJsonObject &fields) {
        const QJsonObject body{{"choice", "custom"},
                               {"value", QJsonObject{{"deleted", false}, {"fields", fields}}}};
        return httpRequest("POST", resolveUrl, QJsonDocument(body).toJson(QJsonDocument::Compact),
                           m_township);
    };
    // Moving the household to another province, or writing a field neither side sent: refused.
    auto moved = resolve({{"regionCode", "110101001001"}});
    QCOMPARE(moved.status, 400);
    QCOMPARE(moved.json.value("code").toString(), QStringLiteral("field_not_resolvable"));
    auto other = resolve({{"nationalHouseholdNo", "伪造"}});
    QCOMPARE(other.status, 400);
    const QJsonObject stored = findRecord(m_county, "household", hh);
    QCOMPARE(stored.value("regionCode").toString(), kVillage1);
    QCOMPARE(stored.value("fields").toObject().value("regionCode").toString(), kVillage1);
    // One of the two sides' own fields is a fine resolution.
    auto kept = resolve({{"address", "审核确定的地址"}});
    QCOMPARE(kept.status, 200);
}

void TestPushScope::newRecordsReferenceAnOwnHousehold() {
    const QString theirs = QStringLiteral("hh-ps-theirs");
    QCOMPARE(pushOne(m_cadre2, "dev-ps2", household("dev-ps2", ++m_seq2, theirs, kVillage2))
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    // cadre1 attaches a member to cadre2's household, naming its own village in the envelope.
    auto attached =
        push(m_cadre1, "dev-ps1", {member("dev-ps1", ++m_seq1, "hh-ps-theirs-m1", theirs, kVillage1)});
    QCOMPARE(attached.status, 403);
    QCOMPARE(attached.json.value("code").toString(), QStringLiteral("forbidden_area"));
    QVERIFY(findRecord(m_county, "member", "hh-ps-theirs-m1").isEmpty());
    // A household nobody has.
    auto orphan =
        pushOne(m_cadre1, "dev-ps1", member("dev-ps1", ++m_seq1, "hh-ps-none-m1", "hh-ps-none", kVillage1));
    QCOMPARE(orphan.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(orphan.value("code").toString(), QStringLiteral("household_unknown"));
    // A household created earlier in the same push is fine.
    auto both = push(m_cadre1, "dev-ps1",
                     {household("dev-ps1", m_seq1 + 1, "hh-ps-own", kVillage1),
                      member("dev-ps1", m_seq1 + 2, "hh-ps-own-m1", "hh-ps-own", kVillage1)});
    m_seq1 += 2;
    QCOMPARE(both.status, 200);
    QCOMPARE(both.json.value("results").toArray().at(1).toObject().value("status").toString(),
             QStringLiteral("applied"));
}

void TestPushScope::workflowDeleteNeedsTheRole() {
    const QString hh = QStringLiteral("hh-ps-wf");
    QCOMPARE(pushOne(m_cadre1, "dev-ps1", household("dev-ps1", ++m_seq1, hh, kVillage1))
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    auto lead = pushOne(
        m_cadre1, "dev-ps1",
        workflowCase("dev-ps1", ++m_seq1, "wc-ps-1", hh, kVillage1,
                     {{"householdId", hh}, {"caseType", "识别"}, {"source", "入户走访"}, {"state", "LEAD"}}));
    QCOMPARE(lead.value("status").toString(), QStringLiteral("applied"));
    auto triaged =
        pushOne(m_cadre1, "dev-ps1",
                workflowCase("dev-ps1", ++m_seq1, "wc-ps-1", hh, kVillage1,
                             {{"state", "TRIAGED"}, {"triage", QJsonObject{{"result", "重点核查"}}}},
                             lead.value("record").toObject().value("version").toInteger()));
    QCOMPARE(triaged.value("status").toString(), QStringLiteral("applied"));
    const qint64 version = triaged.value("record").toObject().value("version").toInteger();
    auto deleted =
        pushOne(m_cadre1, "dev-ps1",
                deletion(workflowCase("dev-ps1", ++m_seq1, "wc-ps-1", hh, kVillage1, {}, version)));
    QCOMPARE(deleted.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(deleted.value("code").toString(), QStringLiteral("forbidden_role"));
    QCOMPARE(findRecord(m_county, "workflowCase", "wc-ps-1").value("deleted").toBool(), false);
    // The county may.
    auto byCounty =
        pushOne(m_county, "dev-psc",
                deletion(workflowCase("dev-psc", ++m_seqC, "wc-ps-1", hh, kVillage1, {}, version)));
    QCOMPARE(byCounty.value("status").toString(), QStringLiteral("applied"));
}

void TestPushScope::authorAndEventsAreTheServers() {
    // A cadre claiming to be the county: the review queue shows who really pushed.
    const QString hh = QStringLiteral("hh-ps-author");
    auto created = pushOne(m_cadre1, "dev-ps1", household("dev-ps1", ++m_seq1, hh, kVillage1));
    const qint64 base = created.value("record").toObject().value("version").toInteger();
    QCOMPARE(pushOne(m_cadre1, "dev-ps1",
                     mutation("dev-ps1", ++m_seq1, "household", hh, hh, kVillage1,
                              {{"householdType", "脱贫户"}}, base))
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    QJsonObject forged = mutation("dev-ps1b", ++m_seq1b, "household", hh, hh, kVillage1,
                                  {{"householdType", "一般农户"}}, base);
    forged["author"] = "county";
    auto queued = pushOne(m_cadre1b, "dev-ps1b", forged);
    QCOMPARE(queued.value("status").toString(), QStringLiteral("queued"));
    const qint64 reviewId = queued.value("reviewIds").toArray().at(0).toInteger();
    bool seen = false;
    for (const auto &r : reviews(m_township, "open")) {
        if (r.value("id").toInteger() == reviewId) {
            QCOMPARE(r.value("author").toString(), QStringLiteral("cadre1"));
            seen = true;
        }
    }
    QVERIFY(seen);

    // Events are the server's: a device may not write them, the server records each transition.
    auto forgedEvents =
        push(m_cadre1, "dev-ps1",
             {workflowCase("dev-ps1", m_seq1 + 1, "wc-ps-ev", hh, kVillage1,
                           {{"householdId", hh},
                            {"state", "LEAD"},
                            {"events", QJsonArray{QJsonObject{{"id", "e1"}, {"by", "county"}}}}})});
    QCOMPARE(forgedEvents.status, 400);
    auto lead = pushOne(m_cadre1, "dev-ps1",
                        workflowCase("dev-ps1", ++m_seq1, "wc-ps-ev", hh, kVillage1,
                                     {{"householdId", hh}, {"source", "入户走访"}, {"state", "LEAD"}}));
    QCOMPARE(lead.value("status").toString(), QStringLiteral("applied"));
    const QJsonArray events =
        lead.value("record").toObject().value("fields").toObject().value("events").toArray();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).toObject().value("by").toString(), QStringLiteral("cadre1"));
    QCOMPARE(events.at(0).toObject().value("to").toString(), QStringLiteral("LEAD"));
}

void TestPushScope::baseAheadOfServerIsConcurrent() {
    const QString hh = QStringLiteral("hh-ps-base");
    auto created = pushOne(m_cadre1, "dev-ps1", household("dev-ps1", ++m_seq1, hh, kVillage1));
    const qint64 base = created.value("record").toObject().value("version").toInteger();
    QCOMPARE(pushOne(m_cadre1, "dev-ps1",
                     mutation("dev-ps1", ++m_seq1, "household", hh, hh, kVillage1,
                              {{"householdType", "脱贫户"}}, base))
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    // A base the server never gave out must not make the edit look like it saw the latest value.
    auto ahead = pushOne(m_cadre1b, "dev-ps1b",
                         mutation("dev-ps1b", ++m_seq1b, "household", hh, hh, kVillage1,
                                  {{"householdType", "一般农户"}}, 1000000000));
    QCOMPARE(ahead.value("status").toString(), QStringLiteral("queued"));
    QCOMPARE(
        findRecord(m_county, "household", hh).value("fields").toObject().value("householdType").toString(),
        QStringLiteral("脱贫户"));
}

void TestPushScope::futureStampIsNotStored() {
    const QString hh = QStringLiteral("hh-ps-clock");
    auto created = pushOne(m_cadre1, "dev-ps1", household("dev-ps1", ++m_seq1, hh, kVillage1));
    const qint64 base = created.value("record").toObject().value("version").toInteger();
    const qint64 yearAhead = QDateTime::currentMSecsSinceEpoch() + 365LL * 24 * 60 * kMinute;
    QJsonObject future =
        mutation("dev-ps1", ++m_seq1, "household", hh, hh, kVillage1, {{"headName", "未来"}}, base);
    future["hlc"] = stampAt(yearAhead, "dev-ps1");
    auto poisoned = pushOne(m_cadre1, "dev-ps1", future);
    QCOMPARE(poisoned.value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(poisoned.value("code").toString(), QStringLiteral("clock_ahead"));
    const QString stored =
        findRecord(m_county, "household", hh).value("clocks").toObject().value("headName").toString();
    auto stamp = ruhu::HlcStamp::decode(stored.toStdString());
    QVERIFY(stamp);
    QVERIFY2(stamp->wallMs <= QDateTime::currentMSecsSinceEpoch() + 10 * kMinute, qPrintable(stored));

    // A concurrent edit made after it, with an honest clock, wins the last-writer-wins field.
    QTest::qWait(5);
    auto honest = pushOne(
        m_cadre1b, "dev-ps1b",
        mutation("dev-ps1b", ++m_seq1b, "household", hh, hh, kVillage1, {{"headName", "现在"}}, base));
    QCOMPARE(honest.value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(findRecord(m_county, "household", hh).value("fields").toObject().value("headName").toString(),
             QStringLiteral("现在"));
}

void TestPushScope::recordsAreBounded() {
    const QString hh = QStringLiteral("hh-ps-big");
    auto created = pushOne(m_cadre1, "dev-ps1", household("dev-ps1", ++m_seq1, hh, kVillage1));
    QCOMPARE(created.value("status").toString(), QStringLiteral("applied"));
    qint64 version = created.value("record").toObject().value("version").toInteger();
    // Three pushes of 60 vehicles with ~1 KB notes each: the set-union field grows past the record cap.
    QString lastStatus;
    QString lastCode;
    for (int round = 0; round < 3; ++round) {
        QJsonArray vehicles;
        for (int i = 0; i < 60; ++i)
            vehicles.append(QJsonObject{{"id", QStringLiteral("v-%1-%2").arg(round).arg(i)},
                                        {"note", QString(1000, QLatin1Char('x'))}});
        auto r = pushOne(
            m_cadre1, "dev-ps1",
            mutation("dev-ps1", ++m_seq1, "household", hh, hh, kVillage1, {{"vehicles", vehicles}}, version));
        lastStatus = r.value("status").toString();
        lastCode = r.value("code").toString();
        if (r.contains("record"))
            version = r.value("record").toObject().value("version").toInteger();
    }
    QCOMPARE(lastStatus, QStringLiteral("rejected"));
    QCOMPARE(lastCode, QStringLiteral("record_too_large"));
    const QJsonObject stored = findRecord(m_county, "household", hh);
    QVERIFY(QJsonDocument(stored).toJson(QJsonDocument::Compact).size() < 300 * 1024);

    // One Json field too large on its own.
    QJsonArray huge;
    huge.append(QJsonObject{{"area", QString(200 * 1024, QLatin1Char('y'))}});
    auto single =
        pushOne(m_cadre1, "dev-ps1",
                mutation("dev-ps1", ++m_seq1, "household", hh, hh, kVillage1, {{"land", huge}}, version));
    QCOMPARE(single.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(single.value("code").toString(), QStringLiteral("record_too_large"));
    QVERIFY(!single.value("message").toString().isEmpty());
}

void TestPushScope::resolvedReviewsFollowTheHousehold() {
    const QString hh = QStringLiteral("hh-ps-gone");
    const qint64 reviewId = makeConflict(hh);
    QVERIFY(reviewId > 0);
    const QByteArray body = QJsonDocument(QJsonObject{{"choice", "server"}}).toJson(QJsonDocument::Compact);
    QCOMPARE(httpRequest("POST", m_server.url(QStringLiteral("/api/v1/reviews/%1/resolve").arg(reviewId)),
                         body, m_township)
                 .status,
             200);
    auto visibleTo = [&](const QByteArray &token) {
        for (const auto &r : reviews(token, "all")) {
            if (r.value("id").toInteger() == reviewId)
                return true;
        }
        return false;
    };
    QVERIFY(visibleTo(m_cadre1));
    QVERIFY(moveHousehold(hh, kVillage2) > 0);
    QVERIFY(!visibleTo(m_cadre1));
    QVERIFY(visibleTo(m_cadre2));
}

void TestPushScope::forbiddenMessageNamesNoOtherVillage() {
    const QString theirs = QStringLiteral("hh-ps-secret");
    QCOMPARE(pushOne(m_cadre2, "dev-ps2", household("dev-ps2", ++m_seq2, theirs, kVillage2))
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    auto reply =
        push(m_cadre1, "dev-ps1",
             {mutation("dev-ps1", m_seq1 + 1, "household", theirs, theirs, kVillage1, {{"headName", "x"}})});
    QCOMPARE(reply.status, 403);
    QVERIFY(!reply.json.value("message").toString().isEmpty());
    QVERIFY2(!reply.body.contains(kVillage2.toUtf8()), reply.body.constData());
}

void TestPushScope::storeFilesAreOwnerOnly() {
    const QFileInfo dir(m_server.dataDir());
    QCOMPARE(dir.permissions() & (QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther |
                                  QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    for (const QString &name : {QStringLiteral("central.sqlite3"), QStringLiteral("central.sqlite3-wal")}) {
        const QFileInfo file(m_server.dataDir() + "/" + name);
        if (!file.exists())
            continue;
        QCOMPARE(file.permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
    }
    // The SQLite store is a file there; a PostgreSQL store is the database server's business.
    if (m_server.databaseUrl().starts_with("sqlite:"))
        QVERIFY(QFileInfo::exists(m_server.dataDir() + "/central.sqlite3"));
}

void TestPushScope::textAndRequiredFieldsAndAreas() {
    // NUL (and other control characters) in a text field.
    QJsonObject nul = household("dev-ps1", m_seq1 + 1, "hh-ps-nul", kVillage1);
    QJsonObject fields = nul.value("fields").toObject();
    fields["headName"] = QStringLiteral("张") + QChar(0) + QStringLiteral("三");
    nul["fields"] = fields;
    auto refused = push(m_cadre1, "dev-ps1", {nul});
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json.value("code").toString(), QStringLiteral("invalid_field"));
    QVERIFY(findRecord(m_county, "household", "hh-ps-nul").isEmpty());

    // A new household without its required 户类型.
    auto bare = pushOne(m_cadre1, "dev-ps1",
                        mutation("dev-ps1", ++m_seq1, "household", "hh-ps-bare", "hh-ps-bare", kVillage1,
                                 {{"regionCode", kVillage1}, {"headName", "无户类型"}}));
    QCOMPARE(bare.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(bare.value("code").toString(), QStringLiteral("invalid_field"));
    QVERIFY(findRecord(m_county, "household", "hh-ps-bare").isEmpty());

    // A made-up village code inside the township's prefix.
    const QString unknown = QStringLiteral("429005103299");
    auto made = pushOne(m_township, "dev-pst", household("dev-pst", ++m_seqT, "hh-ps-nowhere", unknown));
    QCOMPARE(made.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(made.value("code").toString(), QStringLiteral("unknown_area"));
    QVERIFY(findRecord(m_county, "household", "hh-ps-nowhere").isEmpty());
}

QTEST_GUILESS_MAIN(TestPushScope)
#include "tst_pushscope.moc"
