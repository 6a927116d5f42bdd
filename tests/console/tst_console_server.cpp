// The console against the real ruhu-syncd (docs/console.md): session cookie flags, CSRF on every state
// change, login CSRF, the security headers, escaping of stored text, Secure cookies under TLS.
#include "serverprocess.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QByteArray cookieFrom(const HttpResult &result, const QByteArray &name) {
    for (const auto &[key, value] : result.headers) {
        if (key.compare("Set-Cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &line : value.split('\n')) {
            if (line.startsWith(name + "="))
                return line;
        }
    }
    return {};
}

QByteArray cookieValue(const QByteArray &setCookie) {
    const QByteArray pair = setCookie.split(';').first();
    return pair.mid(pair.indexOf('=') + 1);
}

QByteArray formToken(const QByteArray &page) {
    static const QRegularExpression re(QStringLiteral("name=\"_csrf\" value=\"([0-9a-f]+)\""));
    return re.match(QString::fromUtf8(page)).captured(1).toLatin1();
}

struct Signed {
    QByteArray cookie; // "ruhu_session=…"
    QByteArray csrf;
    HttpResult login;
};

Signed signIn(const ServerProcess &server, const QByteArray &user, const QByteArray &password = "ruhu2024") {
    Signed out;
    HttpResult page = httpRequestWithHeaders("GET", server.url("/console/login"), {}, {});
    const QByteArray loginCookie = cookieFrom(page, "ruhu_login").split(';').first();
    const QByteArray body = "_csrf=" + formToken(page.body) + "&username=" + user + "&password=" + password;
    out.login = httpRequestWithHeaders(
        "POST", server.url("/console/login"), body,
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", loginCookie}});
    out.cookie = cookieFrom(out.login, "ruhu_session").split(';').first();
    if (!out.cookie.isEmpty()) {
        HttpResult todo =
            httpRequestWithHeaders("GET", server.url("/console/"), {}, {{"Cookie", out.cookie}});
        out.csrf = formToken(todo.body);
    }
    return out;
}

HttpResult post(const ServerProcess &server, const QString &path, const QByteArray &cookie,
                const QByteArray &body, const Headers &extra = {}) {
    Headers headers{{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie}};
    headers += extra;
    return httpRequestWithHeaders("POST", server.url(path), body, headers);
}

} // namespace

class TestConsoleServer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(true), m_server.log().constData()); }

    void sessionCookieFlagsAndHeaders() {
        Signed s = signIn(m_server, "township");
        QCOMPARE(s.login.status, 303);
        QCOMPARE(s.login.header("Location"), QByteArray("/console/"));
        const QByteArray cookie = cookieFrom(s.login, "ruhu_session");
        QVERIFY2(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict") &&
                     cookie.contains("; Path=/console"),
                 cookie.constData());
        QVERIFY(!cookie.contains("Secure")); // plain HTTP on loopback
        QCOMPARE(cookieValue(cookie).size(), 64);

        HttpResult todo =
            httpRequestWithHeaders("GET", m_server.url("/console/"), {}, {{"Cookie", s.cookie}});
        QCOMPARE(todo.status, 200);
        const QByteArray csp = todo.header("Content-Security-Policy");
        QVERIFY2(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") &&
                     !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
                 csp.constData());
        QCOMPARE(todo.header("X-Content-Type-Options"), QByteArray("nosniff"));
        // The session token is never in a page (only its derived CSRF token is), nor in a URL.
        QVERIFY(!todo.body.contains(cookieValue(cookie)));
        QVERIFY(!todo.body.contains("<script>"));
        QVERIFY(!s.csrf.isEmpty());
    }

    void everyStateChangeNeedsTheCsrfToken() {
        Signed s = signIn(m_server, "township");
        auto stillSignedIn = [&] {
            return httpRequestWithHeaders("GET", m_server.url("/console/"), {}, {{"Cookie", s.cookie}})
                       .status == 200;
        };
        QCOMPARE(post(m_server, "/console/logout", s.cookie, {}).status, 403);
        QVERIFY(stillSignedIn());
        QCOMPARE(post(m_server, "/console/logout", s.cookie, "_csrf=" + QByteArray(64, '0')).status, 403);
        QVERIFY(stillSignedIn());
        // The right token from another site (a browser says so in Sec-Fetch-Site) is still refused.
        QCOMPARE(
            post(m_server, "/console/logout", s.cookie, "_csrf=" + s.csrf, {{"Sec-Fetch-Site", "cross-site"}})
                .status,
            403);
        QVERIFY(stillSignedIn());
        // Another session's token does not fit this one.
        Signed other = signIn(m_server, "county");
        QCOMPARE(post(m_server, "/console/logout", s.cookie, "_csrf=" + other.csrf).status, 403);
        QVERIFY(stillSignedIn());
        // A review decision without the token changes nothing either.
        QCOMPARE(post(m_server, "/console/reviews/1/resolve", s.cookie, "choice=server").status, 403);

        HttpResult out = post(m_server, "/console/logout", s.cookie, "_csrf=" + s.csrf);
        QCOMPARE(out.status, 303);
        QVERIFY(cookieFrom(out, "ruhu_session").contains("Max-Age=0"));
        // The token is gone server-side, not just in the browser.
        HttpResult after =
            httpRequestWithHeaders("GET", m_server.url("/console/"), {}, {{"Cookie", s.cookie}});
        QCOMPARE(after.status, 303);
        QCOMPARE(after.header("Location"), QByteArray("/console/login"));
    }

    void loginNeedsItsFormToken() {
        HttpResult forged = httpRequestWithHeaders("POST", m_server.url("/console/login"),
                                                   "username=township&password=ruhu2024",
                                                   {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(forged.status, 403);
        QVERIFY(cookieFrom(forged, "ruhu_session").isEmpty());
        Signed wrong = signIn(m_server, "township", "wrong-password");
        QCOMPARE(wrong.login.status, 401);
        QVERIFY(wrong.cookie.isEmpty());
        QVERIFY(wrong.login.body.contains("用户名或密码错误"));
    }

    void aForgedOrMissingCookieGetsTheLoginPage() {
        for (const QByteArray &cookie : {QByteArray(), QByteArray("ruhu_session=") + QByteArray(64, 'a'),
                                         QByteArray("ruhu_session=../../etc")}) {
            HttpResult r =
                httpRequestWithHeaders("GET", m_server.url("/console/reviews"), {}, {{"Cookie", cookie}});
            QCOMPARE(r.status, 303);
            QCOMPARE(r.header("Location"), QByteArray("/console/login"));
        }
        // The API does not take the cookie: only the console, which checks CSRF, turns it into a bearer.
        Signed s = signIn(m_server, "county");
        QCOMPARE(
            httpRequestWithHeaders("GET", m_server.url("/api/v1/reviews"), {}, {{"Cookie", s.cookie}}).status,
            401);
    }

    void storedTextIsEscapedInPages() {
        // A display name is text an admin typed: it reaches every page's header.
        QCOMPARE(m_server.stop(), 0);
        QProcess add;
        add.start(ServerProcess::executablePath(),
                  {"user", "add", "xss", "--role", "township", "--area", "429005103", "--display-name",
                   "<img src=x onerror=alert(1)>\"'", "--password-stdin", "--no-must-change", "--data-dir",
                   m_server.dataDir()});
        add.write("Escaping-Check-2026\n");
        add.closeWriteChannel();
        QVERIFY(add.waitForFinished(30000));
        QVERIFY2(add.exitCode() == 0, add.readAllStandardError().constData());
        QVERIFY2(m_server.restart(), m_server.log().constData());
        Signed s = signIn(m_server, "xss", "Escaping-Check-2026");
        HttpResult todo =
            httpRequestWithHeaders("GET", m_server.url("/console/"), {}, {{"Cookie", s.cookie}});
        QCOMPARE(todo.status, 200);
        QVERIFY(todo.body.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;"));
        QVERIFY(!todo.body.contains("<img src=x"));
    }

    void underTlsTheCookiesAreSecure() {
        QTemporaryDir certs;
        QProcess openssl;
        openssl.start("openssl",
                      {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                       "-keyout", certs.filePath("key.pem"), "-out", certs.filePath("cert.pem"), "-days", "2",
                       "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
        QVERIFY(openssl.waitForFinished(30000) && openssl.exitCode() == 0);
        setHttpsTrustedCertificates(QSslCertificate::fromPath(certs.filePath("cert.pem")));
        ServerProcess tls;
        QVERIFY2(tls.start(true, {"--tls-cert", certs.filePath("cert.pem"), "--tls-key",
                                  certs.filePath("key.pem")}),
                 tls.log().constData());
        HttpResult page = httpRequestWithHeaders("GET", tls.url("/console/login"), {}, {});
        QVERIFY(cookieFrom(page, "ruhu_login").contains("; Secure"));
        Signed s = signIn(tls, "county");
        QCOMPARE(s.login.status, 303);
        QVERIFY2(cookieFrom(s.login, "ruhu_session").contains("; Secure"), s.login.body.constData());
    }

private:
    ServerProcess m_server;
};

QTEST_GUILESS_MAIN(TestConsoleServer)
#include "tst_console_server.moc"
