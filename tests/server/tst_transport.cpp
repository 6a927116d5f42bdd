// The real ruhu-syncd's network layer (docs/security.md): password-guessing throttles, hashing off the I/O
// threads, the token check before large bodies, the connection cap, the per-user rate limit, TLS, and
// HTTP hygiene (Host, 414, 431, deadlines that grow with the body).
#include "serverprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

namespace {

// Each account on a device of its own: a device belongs to the first account that logs in with it.
QByteArray loginBody(const QString &user, const QString &password = QStringLiteral("ruhu2024")) {
    return QJsonDocument(QJsonObject{{"username", user}, {"password", password}, {"deviceId", "dev-" + user}})
        .toJson(QJsonDocument::Compact);
}

struct RawReply {
    int status = 0;
    QByteArray head;
    QByteArray body;
};

RawReply parseReply(const QByteArray &data) {
    RawReply reply;
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return reply;
    reply.head = data.left(end);
    reply.body = data.mid(end + 4);
    reply.status = reply.head.split(' ').value(1).toInt();
    return reply;
}

// Reads until the server closes (or timeoutMs without data).
QByteArray readAll(QTcpSocket &socket, int timeoutMs = 10000) {
    QByteArray data;
    while (socket.state() == QAbstractSocket::ConnectedState || socket.bytesAvailable() > 0) {
        if (!socket.waitForReadyRead(timeoutMs) && socket.bytesAvailable() == 0)
            break;
        data += socket.readAll();
    }
    return data;
}

// Sends bytes as they are (whatever HTTP they make) and returns the answer.
RawReply rawExchange(int port, const QByteArray &bytes) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(bytes);
    return parseReply(readAll(socket));
}

qint64 rssKiB(qint64 pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression pattern(QStringLiteral("VmRSS:\\s+(\\d+) kB"));
    return pattern.match(QString::fromLatin1(status.readAll())).captured(1).toLongLong();
}

QByteArray tokenFor(const ServerProcess &server, const QString &user) {
    auto reply = httpRequest("POST", server.url("/api/v1/login"), loginBody(user));
    return reply.status == 200 ? reply.json.value("token").toString().toLatin1() : QByteArray();
}

} // namespace

class TestTransport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void missingHostIs400();
    void longUrlIs414();
    void hugeHeaderIs431();
    void unauthenticatedLargeBodiesAreNotRead();
    void slowPushWithinScaledDeadline();
    void failedLoginIsLoggedWithoutPassword();
    void healthzStaysFastDuringLoginFlood();

    void accountLockoutWithRetryAfter();
    void userRateLimit();
    void addressThrottle();
    void connectionCap();

    void tlsHandshakeAndPlainRefused();
    void tls11Refused();

private:
    bool makeCertificate();

    ServerProcess m_server; // demo, 2 s base deadline
    QByteArray m_cadre1;
    QTemporaryDir m_certDir;
};

void TestTransport::initTestCase() {
    QVERIFY2(m_server.start(true, {"--read-timeout-seconds", "2"}), m_server.log().constData());
    m_cadre1 = tokenFor(m_server, "cadre1");
    QVERIFY(!m_cadre1.isEmpty());
}

void TestTransport::cleanupTestCase() {
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

void TestTransport::missingHostIs400() {
    auto reply = rawExchange(m_server.port(), "GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n");
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.body.contains("missing_host"));
    // HTTP/1.0 has no Host requirement.
    QCOMPARE(rawExchange(m_server.port(), "GET /healthz HTTP/1.0\r\n\r\n").status, 200);
}

void TestTransport::longUrlIs414() {
    for (int size : {10 * 1024, 100 * 1024}) {
        auto reply = rawExchange(m_server.port(), "GET /healthz?x=" + QByteArray(size, 'a') +
                                                      " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QCOMPARE(reply.status, 414);
        QVERIFY(reply.body.contains("uri_too_long"));
    }
}

void TestTransport::hugeHeaderIs431() {
    auto reply = rawExchange(m_server.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " +
                                                  QByteArray(100 * 1024, 'a') + "\r\n\r\n");
    QCOMPARE(reply.status, 431);
    QVERIFY(reply.body.contains("headers_too_large"));
    QCOMPARE(httpRequest("GET", m_server.url("/healthz")).status, 200);
}

// 50 connections each announce and send an 8 MB push without a token: each is refused 401 from its header
// and the server's memory stays flat (it used to buffer every body before looking at the token).
void TestTransport::unauthenticatedLargeBodiesAreNotRead() {
    const qint64 before = rssKiB(m_server.pid());
    QVERIFY(before > 0);
    constexpr int kConnections = 50;
    constexpr qint64 kBody = 8 * 1000 * 1000;
    const QByteArray chunk(512 * 1024, ' ');
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < kConnections; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QStringLiteral("127.0.0.1"), quint16(m_server.port()));
        QVERIFY(socket->waitForConnected(5000));
        socket->write("POST /api/v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      "Content-Length: " +
                      QByteArray::number(kBody) +
                      "\r\n\r\n{\"protocol\":1,\"deviceId\":\"x\",\"mutations\":[]}");
        sockets.push_back(std::move(socket));
    }
    // Push the bodies in rounds; a server that reads them keeps them, one that refused drains them.
    for (qint64 sent = 0; sent < kBody; sent += chunk.size()) {
        for (auto &socket : sockets) {
            if (socket->state() == QAbstractSocket::ConnectedState)
                socket->write(chunk.left(int(std::min<qint64>(chunk.size(), kBody - sent))));
        }
        for (auto &socket : sockets) {
            while (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() > 0 &&
                   socket->waitForBytesWritten(2000)) {
            }
        }
    }
    const qint64 after = rssKiB(m_server.pid());
    qInfo() << "server RSS before" << before << "KiB, after 50 unauthenticated 8 MB bodies" << after << "KiB";
    int refused = 0;
    for (auto &socket : sockets) {
        if (parseReply(readAll(*socket, 5000)).status == 401)
            ++refused;
    }
    QCOMPARE(refused, kConnections);
    QVERIFY2(after - before < 64 * 1024,
             qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(after - before)));
    QCOMPARE(httpRequest("GET", m_server.url("/healthz")).status, 200);
}

// A push body sent at about 16 KiB/s takes about 6 s: far over the 2 s base deadline this server runs with,
// within the deadline scaled by its size (2 s + 96 KiB at 8 KiB/s).
void TestTransport::slowPushWithinScaledDeadline() {
    QByteArray body =
        QJsonDocument(QJsonObject{{"protocol", 1}, {"deviceId", "dev-cadre1"}, {"mutations", QJsonArray()}})
            .toJson(QJsonDocument::Compact);
    body += QByteArray(96 * 1024 - body.size(), ' ');
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_server.port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /api/v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: "
                 "application/json\r\nAuthorization: Bearer " +
                 m_cadre1 + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
    QElapsedTimer timer;
    timer.start();
    constexpr int kPiece = 4 * 1024;
    for (qsizetype offset = 0; offset < body.size(); offset += kPiece) {
        socket.write(body.mid(offset, kPiece));
        socket.waitForBytesWritten(2000);
        QThread::msleep(250);
        QVERIFY2(socket.state() == QAbstractSocket::ConnectedState,
                 qPrintable(QStringLiteral("cut after %1 ms").arg(timer.elapsed())));
    }
    const RawReply reply = parseReply(readAll(socket));
    qInfo() << "slow push took" << timer.elapsed() << "ms";
    QVERIFY(timer.elapsed() > 4000);
    QCOMPARE(reply.status, 200);
}

void TestTransport::failedLoginIsLoggedWithoutPassword() {
    const QString password = QStringLiteral("Guess-Nr-7-QkZx");
    auto reply = httpRequest("POST", m_server.url("/api/v1/login"), loginBody("cadre2", password));
    QCOMPARE(reply.status, 401);
    QByteArray line;
    for (const QByteArray &l : m_server.log().split('\n')) {
        if (l.contains("\"login_failed\""))
            line = l;
    }
    QVERIFY2(!line.isEmpty(), m_server.log().right(2000).constData());
    const QJsonObject entry = QJsonDocument::fromJson(line).object();
    QCOMPARE(entry.value("user").toString(), "cadre2");
    QCOMPARE(entry.value("address").toString(), "127.0.0.1");
    QVERIFY(!m_server.log().contains(password.toUtf8()));
}

// 50 failed logins at once: their argon2 runs on the hash pool, /healthz is still answered at once.
void TestTransport::healthzStaysFastDuringLoginFlood() {
    constexpr int kLogins = 50;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < kLogins; ++i) {
        const QByteArray body = loginBody(QStringLiteral("nobody%1").arg(i), "wrong");
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QStringLiteral("127.0.0.1"), quint16(m_server.port()));
        QVERIFY(socket->waitForConnected(5000));
        socket->write("POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: "
                      "application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->waitForBytesWritten(2000);
        sockets.push_back(std::move(socket));
    }
    QThread::msleep(300); // the server has read them and is hashing
    QElapsedTimer timer;
    timer.start();
    auto health = httpRequest("GET", m_server.url("/healthz"), {}, {}, 10000);
    const qint64 healthMs = timer.elapsed();
    // Meaningful only while most logins are still being checked.
    int answered = 0;
    for (auto &socket : sockets) {
        if (socket->bytesAvailable() > 0 || socket->state() != QAbstractSocket::ConnectedState)
            ++answered;
    }
    qInfo() << "/healthz took" << healthMs << "ms with" << (kLogins - answered) << "of" << kLogins
            << "failed logins still in flight";
    QCOMPARE(health.status, 200);
    QVERIFY(answered < kLogins / 2);
    QVERIFY2(healthMs < 2000, qPrintable(QStringLiteral("/healthz took %1 ms").arg(healthMs)));
    for (auto &socket : sockets) {
        const int status = parseReply(readAll(*socket, 60000)).status;
        QVERIFY(status == 401 || status == 429);
    }
}

// Five wrong passwords lock the account: even the right password then gets 429 with Retry-After.
void TestTransport::accountLockoutWithRetryAfter() {
    ServerProcess server;
    QVERIFY2(server.start(true, {"--rate-limit", "1", "--rate-burst", "3"}), server.log().constData());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(httpRequest("POST", server.url("/api/v1/login"), loginBody("cadre1", "wrong")).status, 401);
    auto locked = httpRequest("POST", server.url("/api/v1/login"), loginBody("cadre1"));
    QCOMPARE(locked.status, 429);
    QCOMPARE(locked.json.value("code").toString(), "too_many_attempts");
    QVERIFY(locked.json.value("message").toString().contains(QStringLiteral("登录失败次数过多")));
    const int retryAfter = locked.header("Retry-After").toInt();
    QVERIFY2(retryAfter > 0 && retryAfter <= 60, locked.header("Retry-After").constData());
    // Another account from the same address is not locked.
    QCOMPARE(httpRequest("POST", server.url("/api/v1/login"), loginBody("cadre2")).status, 200);
    QVERIFY(server.log().contains("\"login_throttled\""));
}

void TestTransport::userRateLimit() {
    ServerProcess server;
    QVERIFY2(server.start(true, {"--rate-limit", "1", "--rate-burst", "3"}), server.log().constData());
    const QByteArray token = tokenFor(server, "cadre2");
    QVERIFY(!token.isEmpty());
    int ok = 0;
    HttpResult limited;
    for (int i = 0; i < 8; ++i) {
        auto reply = httpRequest("GET", server.url("/api/v1/pull?cursor=0&limit=1"), {}, token);
        if (reply.status == 200)
            ++ok;
        else if (reply.status == 429)
            limited = reply;
    }
    QVERIFY2(ok >= 3 && ok < 8, qPrintable(QString::number(ok)));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.json.value("code").toString(), "rate_limited");
    QVERIFY(limited.header("Retry-After").toInt() >= 1);
    // Another user has a bucket of its own.
    const QByteArray other = tokenFor(server, "cadre1");
    QCOMPARE(httpRequest("GET", server.url("/api/v1/pull?cursor=0&limit=1"), {}, other).status, 200);
}

// Twenty failures from one address under twenty different names lock the address for every name.
void TestTransport::addressThrottle() {
    ServerProcess server;
    QVERIFY2(server.start(false), server.log().constData());
    for (int i = 0; i < 20; ++i) {
        auto reply = httpRequest("POST", server.url("/api/v1/login"),
                                 loginBody(QStringLiteral("guess%1").arg(i), "x"));
        QCOMPARE(reply.status, 401);
    }
    auto locked = httpRequest("POST", server.url("/api/v1/login"), loginBody("someone-new", "x"));
    QCOMPARE(locked.status, 429);
    QCOMPARE(locked.json.value("code").toString(), "too_many_attempts");
    QVERIFY(locked.header("Retry-After").toInt() > 0);
    QVERIFY(server.log().contains("\"lockedBy\":\"address\""));
}

// Five connections at once against a cap of four: at most four are served, the others are refused at once.
// Which one is refused is not fixed: the readiness probe's connection may still hold a slot for a moment
// after start() (its client closes it asynchronously), so the test counts over all five.
void TestTransport::connectionCap() {
    ServerProcess server;
    QVERIFY2(server.start(false, {"--max-connections", "4"}), server.log().constData());
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 4; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QStringLiteral("127.0.0.1"), quint16(server.port()));
        QVERIFY(socket->waitForConnected(5000));
        held.push_back(std::move(socket));
    }
    QThread::msleep(200);
    // A raw socket: QNetworkAccessManager would retry a closed connection by itself.
    const auto fifth =
        rawExchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    int refused = 0;
    int served = 0;
    if (fifth.status == 200)
        ++served;
    else if (fifth.status == 503 || fifth.status == 0)
        ++refused;
    for (auto &socket : held) {
        socket->waitForReadyRead(100);
        const QByteArray answer = socket->readAll();
        if (answer.isEmpty() && socket->state() == QAbstractSocket::ConnectedState) {
            ++served;
        } else {
            QVERIFY2(answer.isEmpty() || answer.contains("server_busy"), answer.constData());
            ++refused;
        }
    }
    QVERIFY2(served <= 4 && refused >= 1,
             qPrintable(QStringLiteral("%1 served, %2 refused, fifth answered %3")
                            .arg(served)
                            .arg(refused)
                            .arg(fifth.status)));
    held.clear();
    QThread::msleep(300);
    QCOMPARE(httpRequest("GET", server.url("/healthz")).status, 200);
}

bool TestTransport::makeCertificate() {
    if (QFile::exists(m_certDir.filePath("cert.pem")))
        return true;
    QProcess openssl;
    openssl.start("openssl",
                  {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                   "-keyout", m_certDir.filePath("key.pem"), "-out", m_certDir.filePath("cert.pem"), "-days",
                   "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
    return openssl.waitForFinished(30000) && openssl.exitCode() == 0;
}

void TestTransport::tlsHandshakeAndPlainRefused() {
    QVERIFY(makeCertificate());
    setHttpsTrustedCertificates(QSslCertificate::fromPath(m_certDir.filePath("cert.pem")));
    ServerProcess server;
    QVERIFY2(server.start(false, {"--tls-cert", m_certDir.filePath("cert.pem"), "--tls-key",
                                  m_certDir.filePath("key.pem")}),
             server.log().constData());
    QCOMPARE(server.url().scheme(), "https");
    auto health = httpRequest("GET", server.url("/healthz"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json.value("status").toString(), "ok");

    // Plain HTTP to the TLS port gets no HTTP answer.
    auto plain = rawExchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QCOMPARE(plain.status, 0);
    QCOMPARE(httpRequest("GET", server.url("/healthz")).status, 200);
}

// With a client that would speak TLS 1.1 (OpenSSL's s_client at security level 0), the server refuses;
// TLS 1.2 works. The server's log shows the refusal was its own.
void TestTransport::tls11Refused() {
    QVERIFY(makeCertificate());
    ServerProcess server;
    QVERIFY2(server.start(false, {"--tls-cert", m_certDir.filePath("cert.pem"), "--tls-key",
                                  m_certDir.filePath("key.pem")}),
             server.log().constData());
    auto handshake = [&](const QString &version) {
        QProcess client;
        client.start("openssl",
                     {"s_client", "-connect", QStringLiteral("127.0.0.1:%1").arg(server.port()), version,
                      "-cipher", "DEFAULT@SECLEVEL=0", "-CAfile", m_certDir.filePath("cert.pem")});
        client.closeWriteChannel();
        if (!client.waitForFinished(20000))
            client.kill();
        return client.exitCode();
    };
    QCOMPARE(handshake("-tls1_2"), 0);
    QVERIFY(handshake("-tls1_1") != 0);
    QVERIFY2(server.log().contains("tls_handshake_failed"), server.log().constData());
}

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
