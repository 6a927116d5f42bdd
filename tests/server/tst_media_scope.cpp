// Media scope, quota and evidence against the real ruhu-syncd (issue 11, docs/media-sync.md): a forged
// photo record does not open another village's blob; the upload status says nothing about other users'
// blobs and dedupe does not let anyone skip the bytes; per-account quota and the free-disk watermark
// answer 507; the sweep keeps a blob whose record a pending review can restore; an out-of-range Range
// answers 416.
#include "serverprocess.h"

#include <ruhu/sync/hlc.h>

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

namespace {

const QString kVillage1 = QStringLiteral("429005103201"); // cadre1; hh-0001 … hh-0020
const QString kVillage2 = QStringLiteral("429005103202"); // cadre2; hh-0021 … hh-0040

QByteArray randomBytes(qint64 size, quint32 seed) {
    QRandomGenerator rng(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char(rng.bounded(256));
    return bytes;
}

QString sha256Hex(const QByteArray &bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString uploadPath(const QString &sha, qint64 size, qint64 offset) {
    return QStringLiteral("/api/v1/media/%1?size=%2&offset=%3").arg(sha).arg(size).arg(offset);
}

QString statusPath(const QString &sha, qint64 size) {
    return QStringLiteral("/api/v1/media/%1/upload?size=%2").arg(sha).arg(size);
}

// A GET with a Range header (the test client sends none), on a fresh connection.
int rangeStatus(int port, const QString &path, const QByteArray &token, const QByteArray &range,
                QByteArray *contentRange = nullptr) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    if (!socket.waitForConnected(5000))
        return 0;
    socket.write("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                 "Authorization: Bearer " + token + "\r\nRange: " + range + "\r\n\r\n");
    QByteArray data;
    while (socket.state() == QAbstractSocket::ConnectedState || socket.bytesAvailable() > 0) {
        if (!socket.waitForReadyRead(10000) && socket.bytesAvailable() == 0)
            break;
        data += socket.readAll();
    }
    const QList<QByteArray> lines = data.left(data.indexOf("\r\n\r\n")).split('\n');
    for (const auto &line : lines) {
        if (contentRange && line.toLower().startsWith("content-range:"))
            *contentRange = line.mid(14).trimmed();
    }
    return lines.value(0).split(' ').value(1).toInt();
}

} // namespace

class TestMediaScope : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void forgedPhotoRecordDoesNotOpenAnotherVillagesBlob();
    void statusRevealsNothingAboutOthersBlobs();
    void outOfRangeRangeIs416();
    void quotaPerAccountIs507();
    void freeDiskWatermarkIs507();
    void sweepKeepsBlobWhileReviewCanRestoreItsRecord();

private:
    // Tokens are bound to a device (docs/accounts.md): a push names the device its token was issued to.
    QByteArray token(ServerProcess &server, const QString &user, const QString &device = {});
    bool uploadAll(ServerProcess &server, const QByteArray &token, const QByteArray &bytes);
    // A photo record of household (in region) naming sha, pushed by the token's user from device.
    QJsonObject photoMutation(const QString &device, const QString &photoId, const QString &household,
                              const QString &region, const QString &sha, qint64 size);
    QJsonArray push(ServerProcess &server, const QByteArray &token, const QString &device,
                    const QJsonArray &mutations);
    QStringList files(const ServerProcess &server, const QString &sub) const;

    ServerProcess m_server;
    QByteArray m_cadre1;
    QByteArray m_cadre2;
    QMap<QString, int> m_seq;
};

void TestMediaScope::initTestCase() {
    QVERIFY2(m_server.start(true), m_server.log().constData());
    m_cadre1 = token(m_server, "cadre1");
    m_cadre2 = token(m_server, "cadre2");
    QVERIFY(!m_cadre1.isEmpty() && !m_cadre2.isEmpty());
}

void TestMediaScope::cleanupTestCase() {
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

QByteArray TestMediaScope::token(ServerProcess &server, const QString &user, const QString &device) {
    const QByteArray body =
        QJsonDocument(QJsonObject{{"username", user},
                                  {"password", "ruhu2024"},
                                  {"deviceId", device.isEmpty() ? "dev-" + user : device}})
            .toJson(QJsonDocument::Compact);
    auto reply = httpRequest("POST", server.url("/api/v1/login"), body);
    return reply.status == 200 ? reply.json.value("token").toString().toLatin1() : QByteArray();
}

bool TestMediaScope::uploadAll(ServerProcess &server, const QByteArray &token, const QByteArray &bytes) {
    const QString sha = sha256Hex(bytes);
    auto status = httpRequest("GET", server.url(statusPath(sha, bytes.size())), {}, token);
    if (status.status != 200)
        return false;
    qint64 offset = status.json.value("received").toInteger();
    bool complete = status.json.value("complete").toBool();
    while (!complete) {
        const qint64 length = std::min<qint64>(64 * 1024, bytes.size() - offset);
        auto reply = httpRequest("PUT", server.url(uploadPath(sha, bytes.size(), offset)),
                                 bytes.mid(offset, length), token);
        if (reply.status != 200) {
            qWarning() << "upload" << reply.status << reply.body;
            return false;
        }
        offset = reply.json.value("received").toInteger();
        complete = reply.json.value("complete").toBool();
    }
    return true;
}

QJsonObject TestMediaScope::photoMutation(const QString &device, const QString &photoId,
                                          const QString &household, const QString &region, const QString &sha,
                                          qint64 size) {
    const int seq = ++m_seq[device];
    const auto hlc = ruhu::HlcStamp{1800000000000 + seq, 0, device.toStdString()}.encode();
    return QJsonObject{{"id", QStringLiteral("%1:%2").arg(device).arg(seq)},
                       {"deviceId", device},
                       {"seq", seq},
                       {"kind", "photo"},
                       {"recordId", photoId},
                       {"householdId", household},
                       {"regionCode", region},
                       {"baseVersion", 0},
                       {"hlc", QString::fromStdString(hlc)},
                       {"author", "test"},
                       {"fields", QJsonObject{{"householdId", household},
                                              {"photoKind", "住房"},
                                              {"sha256", sha},
                                              {"bytes", size},
                                              {"mime", "image/jpeg"}}}};
}

QJsonArray TestMediaScope::push(ServerProcess &server, const QByteArray &token, const QString &device,
                                const QJsonArray &mutations) {
    const QByteArray body =
        QJsonDocument(QJsonObject{{"protocol", 1}, {"deviceId", device}, {"mutations", mutations}})
            .toJson(QJsonDocument::Compact);
    auto reply = httpRequest("POST", server.url("/api/v1/push"), body, token);
    if (reply.status != 200)
        qWarning() << "push" << reply.status << reply.body;
    return reply.json.value("results").toArray();
}

QStringList TestMediaScope::files(const ServerProcess &server, const QString &sub) const {
    QStringList list;
    QDirIterator it(server.dataDir() + "/media" + sub, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        list << it.next();
    return list;
}

void TestMediaScope::forgedPhotoRecordDoesNotOpenAnotherVillagesBlob() {
    // Village 2's photo, uploaded and referenced by its own cadre.
    const QByteArray bytes = randomBytes(30000, 101);
    const QString sha = sha256Hex(bytes);
    QVERIFY(uploadAll(m_server, m_cadre2, bytes));
    auto own = push(m_server, m_cadre2, "dev-cadre2",
                    {photoMutation("dev-cadre2", "photo-v2-real", "hh-0021", kVillage2, sha, bytes.size())});
    QCOMPARE(own.at(0).toObject().value("status").toString(), QStringLiteral("applied"));
    const QUrl blob = m_server.url("/api/v1/media/" + sha);
    QCOMPARE(httpRequest("GET", blob, {}, m_cadre2).body, bytes);

    // Village 1's cadre learns the hash and names it in a photo record of their own village.
    auto forged =
        push(m_server, m_cadre1, "dev-cadre1",
             {photoMutation("dev-cadre1", "photo-v1-forged", "hh-0001", kVillage1, sha, bytes.size())});
    QCOMPARE(forged.at(0).toObject().value("status").toString(), QStringLiteral("applied"));
    auto stolen = httpRequest("GET", blob, {}, m_cadre1);
    QCOMPARE(stolen.status, 404);
    QVERIFY(stolen.body != bytes);

    // The township (both villages) still sees it through village 2's own record.
    QCOMPARE(httpRequest("GET", blob, {}, token(m_server, "township")).body, bytes);

    // Had village 1's cadre taken the same photo themselves (uploaded every byte), their record would
    // vouch for it: the bytes, not the hash, prove possession.
    QVERIFY(uploadAll(m_server, m_cadre1, bytes));
    QCOMPARE(httpRequest("GET", blob, {}, m_cadre1).body, bytes);
}

void TestMediaScope::statusRevealsNothingAboutOthersBlobs() {
    const QByteArray bytes = randomBytes(50000, 102);
    const QString sha = sha256Hex(bytes);
    QVERIFY(uploadAll(m_server, m_cadre2, bytes));
    auto mine = httpRequest("GET", m_server.url(statusPath(sha, bytes.size())), {}, m_cadre2);
    QCOMPARE(mine.json.value("complete").toBool(), true);

    // To anyone else the blob looks not started.
    auto theirs = httpRequest("GET", m_server.url(statusPath(sha, bytes.size())), {}, m_cadre1);
    QCOMPARE(theirs.status, 200);
    QCOMPARE(theirs.json.value("complete").toBool(), false);
    QCOMPARE(theirs.json.value("received").toInteger(), 0);

    // A first chunk does not "dedupe" into completion: the rest of the bytes must come too.
    auto first =
        httpRequest("PUT", m_server.url(uploadPath(sha, bytes.size(), 0)), bytes.left(1000), m_cadre1);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json.value("complete").toBool(), false);
    QCOMPARE(first.json.value("received").toInteger(), 1000);
    auto rest =
        httpRequest("PUT", m_server.url(uploadPath(sha, bytes.size(), 1000)), bytes.mid(1000), m_cadre1);
    QCOMPARE(rest.status, 200);
    QCOMPARE(rest.json.value("complete").toBool(), true);

    // One file on disk, no partial left; now it is cadre1's completed upload too.
    QCOMPARE(files(m_server, "").filter(QRegularExpression("/" + sha + "$")).size(), 1);
    QVERIFY(files(m_server, "/partial").filter(sha).isEmpty());
    auto after = httpRequest("GET", m_server.url(statusPath(sha, bytes.size())), {}, m_cadre1);
    QCOMPARE(after.json.value("complete").toBool(), true);
}

void TestMediaScope::outOfRangeRangeIs416() {
    const QByteArray bytes = randomBytes(5000, 103);
    const QString sha = sha256Hex(bytes);
    QVERIFY(uploadAll(m_server, m_cadre1, bytes));
    push(m_server, m_cadre1, "dev-cadre1",
         {photoMutation("dev-cadre1", "photo-range", "hh-0002", kVillage1, sha, bytes.size())});
    const QString path = "/api/v1/media/" + sha;
    QCOMPARE(rangeStatus(m_server.port(), path, m_cadre1, "bytes=0-99"), 206);
    for (const QByteArray &range :
         {QByteArray("bytes=5000-"), QByteArray("bytes=400-100"), QByteArray("bytes=99999999999999999999-"),
          QByteArray("bytes=6000-7000")}) {
        QByteArray contentRange;
        QCOMPARE(rangeStatus(m_server.port(), path, m_cadre1, range, &contentRange), 416);
        QCOMPARE(contentRange, QByteArray("bytes */5000"));
    }
}

void TestMediaScope::quotaPerAccountIs507() {
    ServerProcess server;
    QVERIFY2(server.start(true, {"--media-quota-bytes", "100000"}), server.log().constData());
    const QByteArray cadre1 = token(server, "cadre1");
    const QByteArray first = randomBytes(60000, 104);
    QVERIFY(uploadAll(server, cadre1, first));

    // 60000 stored + 60000 declared > 100000: refused before a byte is kept.
    const QByteArray second = randomBytes(60000, 105);
    auto refused = httpRequest("PUT", server.url(uploadPath(sha256Hex(second), second.size(), 0)),
                               second.left(1000), cadre1);
    QCOMPARE(refused.status, 507);
    QCOMPARE(refused.json.value("code").toString(), QStringLiteral("media_quota_exceeded"));
    QCOMPARE(refused.json.value("limit").toInteger(), 100000);
    QVERIFY(!refused.json.value("message").toString().isEmpty());
    QVERIFY(files(server, "/partial").filter(sha256Hex(second)).isEmpty());

    // Open uploads count with their declared size: 30000 + 60000 fit, another 20000 does not.
    const QByteArray a = randomBytes(30000, 106);
    auto other = token(server, "cadre2");
    QCOMPARE(httpRequest("PUT", server.url(uploadPath(sha256Hex(a), a.size(), 0)), a.left(100), other).status,
             200);
    const QByteArray b = randomBytes(60000, 107);
    QCOMPARE(httpRequest("PUT", server.url(uploadPath(sha256Hex(b), b.size(), 0)), b.left(100), other).status,
             200);
    const QByteArray c = randomBytes(20000, 108);
    QCOMPARE(httpRequest("PUT", server.url(uploadPath(sha256Hex(c), c.size(), 0)), c.left(100), other).status,
             507);
    // Another account has its own quota.
    QVERIFY(uploadAll(server, token(server, "cadre3"), second));
    QCOMPARE(server.stop(), 0);
}

void TestMediaScope::freeDiskWatermarkIs507() {
    ServerProcess server;
    // A watermark above any disk's free space: every upload would take the disk under it.
    QVERIFY2(server.start(true, {"--media-min-free-bytes", "1000000000000000000"}), server.log().constData());
    const QByteArray cadre1 = token(server, "cadre1");
    const QByteArray bytes = randomBytes(2000, 109);
    auto refused =
        httpRequest("PUT", server.url(uploadPath(sha256Hex(bytes), bytes.size(), 0)), bytes, cadre1);
    QCOMPARE(refused.status, 507);
    QCOMPARE(refused.json.value("code").toString(), QStringLiteral("storage_low"));
    QVERIFY(files(server, "").filter(sha256Hex(bytes)).isEmpty());
    // The database is untouched by it: pushes and pulls still work.
    QCOMPARE(httpRequest("GET", server.url("/api/v1/pull?cursor=0&limit=1"), {}, cadre1).status, 200);
    QCOMPARE(server.stop(), 0);
}

void TestMediaScope::sweepKeepsBlobWhileReviewCanRestoreItsRecord() {
    ServerProcess server;
    QVERIFY2(server.start(true, {"--media-grace-seconds", "1"}), server.log().constData());
    const QByteArray cadre1 = token(server, "cadre1");
    const QByteArray evidence = randomBytes(40000, 110);
    const QByteArray control = randomBytes(41000, 111);
    const QString sha = sha256Hex(evidence);
    QVERIFY(uploadAll(server, cadre1, evidence));
    QVERIFY(uploadAll(server, cadre1, control));
    QMap<QString, int> seq;
    auto photo = photoMutation("dev-a", "photo-evidence", "hh-0003", kVillage1, sha, evidence.size());
    const QByteArray tabletA = token(server, "cadre1", "dev-a");
    const QByteArray tabletB = token(server, "cadre1", "dev-b");
    auto created = push(server, tabletA, "dev-a", {photo});
    QCOMPARE(created.at(0).toObject().value("status").toString(), QStringLiteral("applied"));
    const qint64 base = created.at(0).toObject().value("record").toObject().value("version").toInteger();

    // Tablet A deletes the photo; tablet B, which had the same version, edits its note: the edit races
    // the delete, so a reviewer decides, and may restore the record.
    auto remove = photoMutation("dev-a", "photo-evidence", "hh-0003", kVillage1, sha, evidence.size());
    remove["fields"] = QJsonObject{};
    remove["delete"] = true;
    remove["baseVersion"] = base;
    QCOMPARE(push(server, tabletA, "dev-a", {remove}).at(0).toObject().value("status").toString(),
             QStringLiteral("applied"));
    auto edit = photoMutation("dev-b", "photo-evidence", "hh-0003", kVillage1, sha, evidence.size());
    edit["fields"] = QJsonObject{{"note", "补拍说明"}};
    edit["baseVersion"] = base;
    auto raced = push(server, tabletB, "dev-b", {edit});
    QCOMPARE(raced.at(0).toObject().value("status").toString(), QStringLiteral("queued"));

    // Several sweeps later (grace 1 s, a sweep every second) the unreferenced control blob is gone, the
    // evidence of the record under review is not.
    QTRY_VERIFY_WITH_TIMEOUT(files(server, "").filter(sha256Hex(control)).isEmpty(), 15000);
    QTest::qWait(3000);
    QCOMPARE(files(server, "").filter(sha).size(), 1);
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestMediaScope)
#include "tst_media_scope.moc"
