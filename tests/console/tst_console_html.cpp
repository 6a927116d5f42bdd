// The console's templates and request parsing without a socket (docs/console.md).
#include "console/console.h"
#include "console/html.h"
#include "console/multipart.h"

#include <QTest>

using namespace ruhu::server;
using namespace ruhu::server::console;

class TestConsoleHtml : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valuesAreEscapedByDefault() {
        const Markup page = html("<p title=\"{}\">{}</p>", std::string("\"><script>x</script>"),
                                 std::string_view("<img src=x onerror='alert(1)'> & more"));
        QCOMPARE(QString::fromStdString(page.str()),
                 QStringLiteral("<p title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">&lt;img src=x "
                                "onerror=&#39;alert(1)&#39;&gt; &amp; more</p>"));
    }

    void markupFromATemplateIsNotEscapedTwice() {
        const Markup inner = html("<b>{}</b>", "<i>");
        const Markup outer = html("<p>{}{}</p>", inner, 42);
        QCOMPARE(QString::fromStdString(outer.str()), QStringLiteral("<p><b>&lt;i&gt;</b>42</p>"));
        QCOMPARE(QString::fromStdString(join({inner, inner}).str()),
                 QStringLiteral("<b>&lt;i&gt;</b><b>&lt;i&gt;</b>"));
    }

    void formBodiesAreDecoded() {
        auto form = formFields("a=1+2&b=%E9%A9%AC%E5%AE%B6%E6%9D%91&a=3&_csrf=x%26y");
        QVERIFY(form.ok());
        QCOMPARE(QString::fromStdString(form->at("a")), QStringLiteral("1 2")); // the first of repeated names
        QCOMPARE(QString::fromStdString(form->at("b")), QStringLiteral("马家村"));
        QCOMPARE(QString::fromStdString(form->at("_csrf")), QStringLiteral("x&y"));
        QVERIFY(!formFields(std::string(kMaxFormBytes + 1, 'a')).ok());
    }

    void quietTabletsAreThoseNotSeenForAWeek() {
        const int64_t day = 24 * 3600 * 1000, now = 100 * day;
        auto device = [](int64_t bound, int64_t push, int64_t pull, bool revoked) {
            return boost::json::object{
                {"boundAtMs", bound}, {"lastPushAtMs", push}, {"lastPullAtMs", pull}, {"revoked", revoked}};
        };
        QVERIFY(deviceQuiet(device(now - 8 * day, 0, 0, false), now));               // bound, never synced
        QVERIFY(!deviceQuiet(device(now - 2 * day, 0, 0, false), now));              // bound this week
        QVERIFY(!deviceQuiet(device(now - 30 * day, 0, now - day, false), now));     // pulled yesterday
        QVERIFY(!deviceQuiet(device(now - 30 * day, now - 6 * day, 0, false), now)); // pushed 6 days ago
        QVERIFY(deviceQuiet(device(now - 30 * day, now - 8 * day, now - 7 * day - 1, false), now));
        QVERIFY(!deviceQuiet(device(now - 30 * day, 0, 0, true), now)); // revoked: not followed up here
    }

    void multipartUploadsAreReadAndBounded() {
        QCOMPARE(multipartBoundary("multipart/form-data; boundary=----WebKitForm7"),
                 std::string("----WebKitForm7"));
        QCOMPARE(multipartBoundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\""),
                 std::string("a b"));
        QVERIFY(multipartBoundary("application/x-www-form-urlencoded").empty());
        QVERIFY(multipartBoundary("multipart/form-data").empty());
        const std::string file = "身份证号,预警日期\r\n--X not the boundary\r\n\0bytes";
        const std::string body =
            "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok\r\n"
            "--XyZ\r\nContent-Disposition: form-data; name=\"list\"; filename=\"名单.csv\"\r\n"
            "Content-Type: text/csv\r\n\r\n" +
            file + "\r\n--XyZ--\r\n";
        auto fields = multipartFields("XyZ", body);
        QVERIFY2(fields.ok(), fields.ok() ? "" : fields.error().message.c_str());
        QCOMPARE(fields->at("_csrf"), std::string("tok"));
        QCOMPARE(fields->at("list"), file);
        QCOMPARE(QString::fromStdString(fields->at("list.filename")), QStringLiteral("名单.csv"));
        // Malformed: no closing delimiter, a part without a name, the wrong boundary, too many parts.
        QVERIFY(!multipartFields("XyZ", body.substr(0, body.size() - 12)).ok());
        QVERIFY(!multipartFields("XyZ", "--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--").ok());
        QVERIFY(!multipartFields("Other", body).ok());
        std::string many;
        for (int i = 0; i < 40; ++i)
            many += "--B\r\nContent-Disposition: form-data; name=\"f" + std::to_string(i) + "\"\r\n\r\nv\r\n";
        QVERIFY(!multipartFields("B", many + "--B--").ok());
        QCOMPARE(multipartFields("B", "--B\r\n" + std::string(kMaxUploadBytes, 'x')).error().code,
                 std::string("payload_too_large"));
    }

    void cookiesAreFoundByName() {
        Request request{http::verb::get, "/console/", 11};
        request.set(http::field::cookie, "ruhu_lang=en; ruhu_session=abc; other=1");
        QCOMPARE(QString::fromStdString(*cookieValue(request, kSessionCookie)), QStringLiteral("abc"));
        QCOMPARE(QString::fromStdString(*cookieValue(request, kLangCookie)), QStringLiteral("en"));
        QVERIFY(!cookieValue(request, "ruhu"));
    }

    void csrfNeedsTheSessionsTokenAndASameOriginRequest() {
        const std::string token = csrfTokenFor(std::string(64, 'a'));
        QVERIFY(token != csrfTokenFor(std::string(64, 'b')));
        Request request{http::verb::post, "/console/logout", 11};
        QVERIFY(csrfAccepted(request, {{"_csrf", token}}, token));
        QVERIFY(!csrfAccepted(request, {{"_csrf", token.substr(1)}}, token));
        QVERIFY(!csrfAccepted(request, {}, token));
        request.set("X-CSRF-Token", token);
        QVERIFY(csrfAccepted(request, {}, token));
        request.set("Sec-Fetch-Site", "cross-site");
        QVERIFY(!csrfAccepted(request, {{"_csrf", token}}, token));
    }

    void cookiesCarryTheirFlags() {
        const QString plain = QString::fromStdString(cookieHeader(kSessionCookie, "v", false, "/console"));
        QCOMPARE(plain, QStringLiteral("ruhu_session=v; Path=/console; HttpOnly; SameSite=Strict"));
        QVERIFY(
            QString::fromStdString(cookieHeader(kSessionCookie, "v", true, "/console")).endsWith("; Secure"));
    }
};

QTEST_APPLESS_MAIN(TestConsoleHtml)
#include "tst_console_html.moc"
