// Media sync against the real ruhu-syncd (docs/media-sync.md): chunked uploads cut at random offsets and
// dropped mid-body, resumed to a byte-identical blob; dedupe; offset, size and hash errors; Range
// downloads visible only inside the referencing record's area; the sweep; SIGKILL mid-upload.
#include "serverprocess.h"

#include <ruhu/sync/hlc.h>

#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

#include <csignal>

namespace {

const QString kVillage1 = QStringLiteral("429005103201");
constexpr qint64 kChunk = 1024 * 1024;
constexpr qint64 kMaxBlob = 4 * 1024 * 1024;

// One HTTP/1.1 exchange on a fresh connection, written by hand so a test can send only part of a body.
struct RawReply {
    int status = 0;                       // 0: no answer (e.g. the request was cut on purpose)
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QJsonObject json;
};

RawReply rawRequest(int port, const QByteArray &method, const QString &path, const QByteArray &token,
                    const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {},
                    qint64 sendOnly = -1) {
    RawReply reply;
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    if (!socket.waitForConnected(5000))
        return reply;
    QByteArray head = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!token.isEmpty())
        head += "Authorization: Bearer " + token + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    if (method == "PUT" || !body.isEmpty())
        head +=
            "Content-Type: application/octet-stream\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n";
    head += "\r\n";
    socket.write(head);
    if (sendOnly >= 0 && sendOnly < body.size()) {
        // The tablet loses its connection in the middle of a chunk.
        socket.write(body.left(sendOnly));
        while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(5000)) {
        }
        socket.abort();
        return reply;
    }
    socket.write(body);
    QByteArray data;
    while (socket.state() == QAbstractSocket::ConnectedState || socket.bytesAvailable() > 0) {
        if (!socket.waitForReadyRead(10000) && socket.bytesAvailable() == 0)
            break;
        data += socket.readAll();
    }
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return reply;
    const QList<QByteArray> lines = data.left(end).split('\n');
    reply.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            reply.headers[lines[i].left(colon).trimmed().toLower()] = lines[i].mid(colon + 1).trimmed();
    }
    reply.body = data.mid(end + 4);
    reply.json = QJsonDocument::fromJson(reply.body).object();
    return reply;
}

QByteArray randomBytes(qint64 size, quint32 seed) {
    QRandomGenerator rng(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    rng.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    for (qint64 i = size / 4 * 4; i < size; ++i)
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

// cadre1 pushes from "dev-media"; a device id belongs to the first account that logs in with it, so the
// others log in with their own.
QByteArray loginBody(const QString &user) {
    const QString device =
        user == QStringLiteral("cadre1") ? QStringLiteral("dev-media") : "dev-media-" + user;
    return QJsonDocument(QJsonObject{{"username", user}, {"password", "ruhu2024"}, {"deviceId", device}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestMedia : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void uploadCutAtRandomOffsetsResumes();
    void reuploadIsDedupe();
    void offsetMismatchTellsWhereToResume();
    void oversizeIsRefused();
    void wrongHashDiscardsAndRestartWorks();
    void rangeDownload();
    void downloadOnlyInsideArea();
    void sweepDeletesUnreferencedAfterGrace();
    void sigkillMidUploadResumesFromDurableOffset();

private:
    QByteArray token(ServerProcess &server, const QString &user);
    // Uploads bytes in chunks of random length (at most the chunk limit) from what the server holds.
    bool uploadAll(ServerProcess &server, const QByteArray &token, const QByteArray &bytes, quint32 seed);
    // A household in village 1 and a photo record referencing sha256.
    bool pushPhoto(ServerProcess &server, const QByteArray &token, const QString &sha, qint64 size);
    QStringList blobFiles(const ServerProcess &server, bool partials = false) const;
    QByteArray storedBlob(const ServerProcess &server, const QString &sha) const;

    ServerProcess m_server;
    QByteArray m_cadre1;
    int m_seq = 0;
};

void TestMedia::initTestCase() {
    QVERIFY2(m_server.start(true, {"--media-max-bytes", QString::number(kMaxBlob), "--media-chunk-bytes",
                                   QString::number(kChunk)}),
             m_server.log().constData());
    m_cadre1 = token(m_server, QStringLiteral("cadre1"));
    QVERIFY(!m_cadre1.isEmpty());
}

void TestMedia::cleanupTestCase() {
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
    // Bodies, tokens and file contents never reach the log; hashes may.
    QVERIFY(!m_server.log().contains(m_cadre1));
}

QByteArray TestMedia::token(ServerProcess &server, const QString &user) {
    auto reply = httpRequest("POST", server.url("/api/v1/login"), loginBody(user));
    return reply.status == 200 ? reply.json.value("token").toString().toLatin1() : QByteArray();
}

bool TestMedia::uploadAll(ServerProcess &s, const QByteArray &token, const QByteArray &bytes, quint32 seed) {
    const QString sha = sha256Hex(bytes);
    QRandomGenerator rng(seed);
    auto status = rawRequest(s.port(), "GET", statusPath(sha, bytes.size()), token);
    if (status.status != 200)
        return false;
    qint64 offset = status.json.value("received").toInteger();
    bool complete = status.json.value("complete").toBool();
    while (!complete) {
        const qint64 length = std::min<qint64>(1 + rng.bounded(int(kChunk)), bytes.size() - offset);
        auto reply = rawRequest(s.port(), "PUT", uploadPath(sha, bytes.size(), offset), token,
                                bytes.mid(offset, length));
        if (reply.status != 200) {
            qWarning() << "upload failed" << reply.status << reply.body;
            return false;
        }
        if (reply.json.value("received").toInteger() != offset + length)
            return false;
        offset += length;
        complete = reply.json.value("complete").toBool();
    }
    return offset == bytes.size() || status.json.value("complete").toBool();
}

bool TestMedia::pushPhoto(ServerProcess &server, const QByteArray &token, const QString &sha, qint64 size) {
    const QString device = QStringLiteral("dev-media");
    const QString household = QStringLiteral("hh-media-%1").arg(m_seq + 1);
    auto mutation = [&](const QString &kind, const QString &id, const QJsonObject &fields) {
        ++m_seq;
        const auto hlc = ruhu::HlcStamp{1800000000000 + m_seq, 0, device.toStdString()}.encode();
        return QJsonObject{{"id", QStringLiteral("%1:%2").arg(device).arg(m_seq)},
                           {"deviceId", device},
                           {"seq", m_seq},
                           {"kind", kind},
                           {"recordId", id},
                           {"householdId", household},
                           {"regionCode", kVillage1},
                           {"baseVersion", 0},
                           {"hlc", QString::fromStdString(hlc)},
                           {"author", "test"},
                           {"fields", fields}};
    };
    QJsonArray mutations{
        mutation("household", household,
                 {{"regionCode", kVillage1}, {"householdType", "一般农户"}, {"headName", "照片户"}}),
        mutation("photo", QStringLiteral("photo-%1").arg(sha.left(12)),
                 {{"householdId", household},
                  {"photoKind", "住房"},
                  {"sha256", sha},
                  {"bytes", size},
                  {"mime", "image/jpeg"}}),
    };
    const QByteArray body =
        QJsonDocument(QJsonObject{{"protocol", 1}, {"deviceId", device}, {"mutations", mutations}})
            .toJson(QJsonDocument::Compact);
    auto reply = httpRequest("POST", server.url("/api/v1/push"), body, token);
    if (reply.status != 200) {
        qWarning() << "push failed" << reply.status << reply.body;
        return false;
    }
    for (const auto &r : reply.json.value("results").toArray()) {
        if (r.toObject().value("status").toString() != "applied") {
            qWarning() << "push result" << r;
            return false;
        }
    }
    return true;
}

QStringList TestMedia::blobFiles(const ServerProcess &server, bool partials) const {
    QStringList files;
    const QString root = server.dataDir() + "/media";
    QDirIterator it(partials ? root + "/partial" : root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (partials || !path.contains("/partial/"))
            files << path;
    }
    return files;
}

QByteArray TestMedia::storedBlob(const ServerProcess &server, const QString &sha) const {
    QFile file(server.dataDir() + "/media/" + sha.left(2) + "/" + sha.mid(2, 2) + "/" + sha);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestMedia::uploadCutAtRandomOffsetsResumes() {
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo() << "seed" << seed;
    QRandomGenerator rng(seed);
    const QByteArray bytes = randomBytes(2 * kChunk + 123457, seed);
    const QString sha = sha256Hex(bytes);
    qint64 held = 0;
    int drops = 0;
    while (held < bytes.size()) {
        const qint64 length = std::min<qint64>(1 + rng.bounded(int(kChunk / 4)), bytes.size() - held);
        const QByteArray chunk = bytes.mid(held, length);
        if (rng.bounded(2) == 0) {
            // Cut the connection at a random byte of the chunk: the server keeps nothing of it.
            rawRequest(m_server.port(), "PUT", uploadPath(sha, bytes.size(), held), m_cadre1, chunk, {},
                       rng.bounded(int(length)));
            ++drops;
            QElapsedTimer wait;
            wait.start();
            RawReply status;
            do {
                status = rawRequest(m_server.port(), "GET", statusPath(sha, bytes.size()), m_cadre1);
            } while (status.json.value("received").toInteger() != held && wait.elapsed() < 2000);
            QCOMPARE(status.status, 200);
            QCOMPARE(status.json.value("received").toInteger(), held);
            QCOMPARE(status.json.value("complete").toBool(), false);
            QCOMPARE(status.json.value("size").toInteger(), qint64(bytes.size()));
        }
        auto reply = rawRequest(m_server.port(), "PUT", uploadPath(sha, bytes.size(), held), m_cadre1, chunk);
        QCOMPARE(reply.status, 200);
        held += length;
        QCOMPARE(reply.json.value("received").toInteger(), held);
        QCOMPARE(reply.json.value("complete").toBool(), held == bytes.size());
    }
    qInfo() << "drops" << drops;
    QCOMPARE(sha256Hex(storedBlob(m_server, sha)), sha);
    QCOMPARE(blobFiles(m_server).filter(sha).size(), 1);
    QVERIFY(blobFiles(m_server, true).filter(sha).isEmpty());
    auto status = rawRequest(m_server.port(), "GET", statusPath(sha, bytes.size()), m_cadre1);
    QCOMPARE(status.json.value("complete").toBool(), true);
    QCOMPARE(status.json.value("received").toInteger(), qint64(bytes.size()));
}

void TestMedia::reuploadIsDedupe() {
    const QByteArray bytes = randomBytes(300000, 11);
    const QString sha = sha256Hex(bytes);
    QVERIFY(uploadAll(m_server, m_cadre1, bytes, 1));
    const QStringList before = blobFiles(m_server);
    const QDateTime written = QFileInfo(before.filter(sha).value(0)).lastModified();

    auto status = rawRequest(m_server.port(), "GET", statusPath(sha, bytes.size()), m_cadre1);
    QCOMPARE(status.json.value("complete").toBool(), true);
    // A second device sends the same photo from the start: nothing is stored again.
    auto again =
        rawRequest(m_server.port(), "PUT", uploadPath(sha, bytes.size(), 0), m_cadre1, bytes.left(1000));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json.value("complete").toBool(), true);
    QCOMPARE(again.json.value("received").toInteger(), qint64(bytes.size()));
    QCOMPARE(blobFiles(m_server), before);
    QVERIFY(blobFiles(m_server, true).filter(sha).isEmpty());
    QCOMPARE(QFileInfo(before.filter(sha).value(0)).lastModified(), written);
}

void TestMedia::offsetMismatchTellsWhereToResume() {
    const QByteArray bytes = randomBytes(50000, 12);
    const QString sha = sha256Hex(bytes);
    auto first =
        rawRequest(m_server.port(), "PUT", uploadPath(sha, bytes.size(), 0), m_cadre1, bytes.left(20000));
    QCOMPARE(first.status, 200);
    for (qint64 wrong : {qint64(0), qint64(10000), qint64(30000)}) {
        auto reply = rawRequest(m_server.port(), "PUT", uploadPath(sha, bytes.size(), wrong), m_cadre1,
                                bytes.mid(wrong, 1000));
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.json.value("error").toString(), "offset_mismatch");
        QCOMPARE(reply.json.value("code").toString(), "offset_mismatch");
        QCOMPARE(reply.json.value("received").toInteger(), 20000);
        QVERIFY(!reply.json.value("message").toString().isEmpty());
    }
    auto rest =
        rawRequest(m_server.port(), "PUT", uploadPath(sha, bytes.size(), 20000), m_cadre1, bytes.mid(20000));
    QCOMPARE(rest.status, 200);
    QCOMPARE(rest.json.value("complete").toBool(), true);

    auto malformed = rawRequest(m_server.port(), "PUT",
                                QStringLiteral("/api/v1/media/%1?size=10&offset=-1").arg(sha), m_cadre1, "x");
    QCOMPARE(malformed.status, 400);
    auto badSha = rawRequest(m_server.port(), "GET", statusPath(sha.toUpper(), 10), m_cadre1);
    QCOMPARE(badSha.status, 400);
    auto noToken = rawRequest(m_server.port(), "GET", statusPath(sha, 10), {});
    QCOMPARE(noToken.status, 401);
}

void TestMedia::oversizeIsRefused() {
    const QString sha = sha256Hex("too large");
    auto status = rawRequest(m_server.port(), "GET", statusPath(sha, kMaxBlob + 1), m_cadre1);
    QCOMPARE(status.status, 413);
    QCOMPARE(status.json.value("error").toString(), "media_too_large");
    QCOMPARE(status.json.value("limit").toInteger(), kMaxBlob);
    QVERIFY(status.json.value("message").toString().contains("KiB"));
    auto put = rawRequest(m_server.port(), "PUT", uploadPath(sha, kMaxBlob + 1, 0), m_cadre1, "x");
    QCOMPARE(put.status, 413);
    QCOMPARE(put.json.value("limit").toInteger(), kMaxBlob);

    // A chunk over the chunk limit is refused from its Content-Length, before its body is read.
    const QByteArray big = randomBytes(kChunk + 1, 13);
    auto chunk = rawRequest(m_server.port(), "PUT", uploadPath(sha256Hex(big), big.size(), 0), m_cadre1, big);
    QCOMPARE(chunk.status, 413);
    QCOMPARE(chunk.json.value("error").toString(), "media_too_large");
    QCOMPARE(chunk.json.value("limit").toInteger(), kChunk);
    QVERIFY(blobFiles(m_server, true).filter(sha256Hex(big)).isEmpty());
}

void TestMedia::wrongHashDiscardsAndRestartWorks() {
    const QByteArray good = randomBytes(kChunk + 5000, 14);
    QByteArray bad = good;
    bad[int(kChunk + 10)] = char(bad[int(kChunk + 10)] ^ 0x55); // one byte damaged in transit
    const QString sha = sha256Hex(good);
    auto first =
        rawRequest(m_server.port(), "PUT", uploadPath(sha, good.size(), 0), m_cadre1, bad.left(kChunk));
    QCOMPARE(first.status, 200);
    auto last =
        rawRequest(m_server.port(), "PUT", uploadPath(sha, good.size(), kChunk), m_cadre1, bad.mid(kChunk));
    QCOMPARE(last.status, 422);
    QCOMPARE(last.json.value("error").toString(), "hash_mismatch");
    QVERIFY(!last.json.value("message").toString().isEmpty());
    auto status = rawRequest(m_server.port(), "GET", statusPath(sha, good.size()), m_cadre1);
    QCOMPARE(status.json.value("received").toInteger(), 0);
    QVERIFY(blobFiles(m_server, true).filter(sha).isEmpty());
    QVERIFY(blobFiles(m_server).filter(sha).isEmpty());

    QVERIFY(uploadAll(m_server, m_cadre1, good, 2));
    QCOMPARE(storedBlob(m_server, sha), good);
}

void TestMedia::rangeDownload() {
    const QByteArray bytes = randomBytes(kChunk + 777, 15);
    const QString sha = sha256Hex(bytes);
    QVERIFY(uploadAll(m_server, m_cadre1, bytes, 3));
    QVERIFY(pushPhoto(m_server, m_cadre1, sha, bytes.size()));
    const QString path = "/api/v1/media/" + sha;

    auto whole = rawRequest(m_server.port(), "GET", path, m_cadre1);
    QCOMPARE(whole.status, 200);
    QCOMPARE(whole.body, bytes);
    QCOMPARE(whole.headers.value("accept-ranges"), QByteArray("bytes"));
    QCOMPARE(whole.headers.value("content-type"), QByteArray("application/octet-stream"));

    auto middle = rawRequest(m_server.port(), "GET", path, m_cadre1, {}, {{"Range", "bytes=1000-1999"}});
    QCOMPARE(middle.status, 206);
    QCOMPARE(middle.body, bytes.mid(1000, 1000));
    QCOMPARE(middle.headers.value("content-range"),
             QByteArray("bytes 1000-1999/") + QByteArray::number(bytes.size()));

    auto from = rawRequest(m_server.port(), "GET", path, m_cadre1, {}, {{"Range", "bytes=1048000-"}});
    QCOMPARE(from.status, 206);
    QCOMPARE(from.body, bytes.mid(1048000));

    auto suffix = rawRequest(m_server.port(), "GET", path, m_cadre1, {}, {{"Range", "bytes=-100"}});
    QCOMPARE(suffix.status, 206);
    QCOMPARE(suffix.body, bytes.right(100));

    auto beyond = rawRequest(m_server.port(), "GET", path, m_cadre1, {},
                             {{"Range", "bytes=" + QByteArray::number(bytes.size()) + "-"}});
    QCOMPARE(beyond.status, 416);
    QCOMPARE(beyond.headers.value("content-range"),
             QByteArray("bytes */") + QByteArray::number(bytes.size()));
}

void TestMedia::downloadOnlyInsideArea() {
    const QByteArray bytes = randomBytes(40000, 16);
    const QString sha = sha256Hex(bytes);
    QVERIFY(uploadAll(m_server, m_cadre1, bytes, 4));
    const QString path = "/api/v1/media/" + sha;

    // Uploaded but no record references it yet: nobody may download it.
    auto unreferenced = rawRequest(m_server.port(), "GET", path, m_cadre1);
    QCOMPARE(unreferenced.status, 404);
    QVERIFY(pushPhoto(m_server, m_cadre1, sha, bytes.size()));
    QCOMPARE(rawRequest(m_server.port(), "GET", path, m_cadre1).body, bytes);

    const QByteArray cadre2 = token(m_server, QStringLiteral("cadre2")); // another village
    auto outside = rawRequest(m_server.port(), "GET", path, cadre2);
    QCOMPARE(outside.status, 404);
    QVERIFY(outside.body != bytes);
    const QByteArray township = token(m_server, QStringLiteral("township"));
    auto reviewer = rawRequest(m_server.port(), "GET", path, township);
    QCOMPARE(reviewer.status, 200);
    QCOMPARE(reviewer.body, bytes);

    auto missing =
        rawRequest(m_server.port(), "GET", "/api/v1/media/" + sha256Hex("never uploaded"), m_cadre1);
    QCOMPARE(missing.status, 404);
}

void TestMedia::sweepDeletesUnreferencedAfterGrace() {
    ServerProcess server;
    QVERIFY2(server.start(true, {"--media-grace-seconds", "1"}), server.log().constData());
    const QByteArray cadre1 = token(server, QStringLiteral("cadre1"));
    const QByteArray kept = randomBytes(70000, 17);
    const QByteArray dropped = randomBytes(80000, 18);
    const QByteArray partial = randomBytes(90000, 19);
    const bool uploaded = uploadAll(server, cadre1, kept, 5) && uploadAll(server, cadre1, dropped, 6) &&
                          rawRequest(server.port(), "PUT", uploadPath(sha256Hex(partial), partial.size(), 0),
                                     cadre1, partial.left(1000))
                                  .status == 200;
    const bool pushed = pushPhoto(server, cadre1, sha256Hex(kept), kept.size());
    QVERIFY(uploaded);
    QVERIFY(pushed);

    QTRY_VERIFY_WITH_TIMEOUT(blobFiles(server).filter(sha256Hex(dropped)).isEmpty(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(blobFiles(server, true).isEmpty(), 15000);
    QCOMPARE(sha256Hex(storedBlob(server, sha256Hex(kept))), sha256Hex(kept));
    QVERIFY(server.log().contains("\"event\":\"media_swept\""));
    QCOMPARE(server.stop(), 0);
}

void TestMedia::sigkillMidUploadResumesFromDurableOffset() {
    const QByteArray bytes = randomBytes(3 * kChunk, 20);
    const QString sha = sha256Hex(bytes);
    for (qint64 offset : {qint64(0), kChunk}) {
        auto reply = rawRequest(m_server.port(), "PUT", uploadPath(sha, bytes.size(), offset), m_cadre1,
                                bytes.mid(offset, kChunk));
        QCOMPARE(reply.status, 200);
    }
    // The third chunk is on its way when the server dies.
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_server.port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("PUT " + uploadPath(sha, bytes.size(), 2 * kChunk).toUtf8() +
                 " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_cadre1 + "\r\nContent-Length: " +
                 QByteArray::number(kChunk) + "\r\n\r\n" + bytes.mid(2 * kChunk, 1000));
    socket.waitForBytesWritten(5000);
    QTest::qWait(100);
    m_server.kill();
    socket.abort();
    QVERIFY2(m_server.restart(), m_server.log().constData());

    auto status = rawRequest(m_server.port(), "GET", statusPath(sha, bytes.size()), m_cadre1);
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json.value("received").toInteger(), 2 * kChunk);
    QVERIFY(uploadAll(m_server, m_cadre1, bytes, 7));
    QCOMPARE(sha256Hex(storedBlob(m_server, sha)), sha);
}

QTEST_GUILESS_MAIN(TestMedia)
#include "tst_media.moc"
