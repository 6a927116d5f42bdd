#include <ruhu/json/canonical_json.h>

#include <QTest>

#include <random>

class TestCanonicalJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sortsKeysAndDropsWhitespace() {
        auto v =
            ruhu::parseJson(" { \"b\" : 1, \"a\" : [ true, null, \"x\" ], \"c\": {\"z\": 0, \"y\": -5} } ");
        QVERIFY(v.ok());
        QCOMPARE(QString::fromStdString(ruhu::toCanonicalJson(*v)),
                 QStringLiteral("{\"a\":[true,null,\"x\"],\"b\":1,\"c\":{\"y\":-5,\"z\":0}}"));
    }

    void roundTripsByteForByte_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("chinese") << QStringLiteral("{\"name\":\"张三\",\"relationToHead\":\"户主\"}");
        QTest::newRow("escapes") << QStringLiteral("{\"s\":\"line\\nbreak \\\"quoted\\\" \\\\ tab\\t\"}");
        QTest::newRow("numbers") << QStringLiteral("{\"big\":9007199254740993,\"neg\":-42,\"zero\":0}");
        QTest::newRow("nested") << QStringLiteral("{\"a\":{\"b\":{\"c\":[1,[2,[3]]]}}}");
    }
    void roundTripsByteForByte() {
        QFETCH(QString, text);
        std::string s = text.toStdString();
        auto v = ruhu::parseJson(s);
        QVERIFY(v.ok());
        std::string once = ruhu::toCanonicalJson(*v);
        auto again = ruhu::parseJson(once);
        QVERIFY(again.ok());
        QCOMPARE(ruhu::toCanonicalJson(*again), once);
        QVERIFY(ruhu::isCanonicalJson(once));
    }

    void keyOrderIndependent() {
        // Property: any insertion order of the same members gives the same bytes.
        std::mt19937 rng(7);
        std::vector<std::string> keys{"regionCode", "group", "householdType", "headName", "address", "phone"};
        std::string expected;
        for (int i = 0; i < 50; ++i) {
            std::shuffle(keys.begin(), keys.end(), rng);
            boost::json::object o;
            for (const auto &k : keys)
                o[k] = k + "值";
            std::string text = ruhu::toCanonicalJson(o);
            if (expected.empty())
                expected = text;
            QCOMPARE(text, expected);
        }
    }

    void notCanonical() {
        QVERIFY(!ruhu::isCanonicalJson("{\"b\":1,\"a\":2}"));
        QVERIFY(!ruhu::isCanonicalJson("{\"a\": 2}"));
    }

    void nonFiniteNumbersAreRefused() {
        // Found by fuzz_push: 1e400 parses as infinity and would be stored as unparseable "Infinity".
        auto v = ruhu::parseJson("{\"x\":1e400}");
        QVERIFY(!v.ok());
        QCOMPARE(QString::fromStdString(v.error().code), QStringLiteral("malformed_json"));
        QVERIFY(ruhu::parseJson("{\"x\":1.5e3}").ok());
    }

    void duplicateKeysAreRefused_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("duplicate");
        QTest::newRow("top level") << QByteArray(R"({"a":1,"b":2,"a":3})") << true;
        QTest::newRow("nested") << QByteArray(R"({"m":[{"id":"x","fields":{"n":1,"n":1}}]})") << true;
        QTest::newRow("escaped spelling") << QByteArray(R"({"ab":1,"\u0061b":2})") << true;
        QTest::newRow("same key in sibling objects") << QByteArray(R"([{"a":1},{"a":2}])") << false;
        QTest::newRow("same key at two depths") << QByteArray(R"({"a":{"a":1}})") << false;
    }

    void duplicateKeysAreRefused() {
        // Boost.JSON keeps the last duplicate; Qt's and Python's parsers need not (issue 19).
        QFETCH(QByteArray, text);
        QFETCH(bool, duplicate);
        auto v = ruhu::parseJson(text.toStdString());
        QCOMPARE(!v.ok(), duplicate);
        if (duplicate)
            QCOMPARE(QString::fromStdString(v.error().code), QStringLiteral("malformed_json"));
    }

    void malformed() {
        auto v = ruhu::parseJson("{\"a\":");
        QVERIFY(!v.ok());
        QCOMPARE(QString::fromStdString(v.error().code), QStringLiteral("malformed_json"));
    }
};

QTEST_APPLESS_MAIN(TestCanonicalJson)
#include "tst_canonicaljson.moc"
