// The console's templates and request parsing without a socket (docs/console.md).
#include "console/console.h"
#include "console/html.h"

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
