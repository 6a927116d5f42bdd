#include <ruhu/json/canonical_json.h>
#include <ruhu/sync/hlc.h>
#include <ruhu/sync/protocol.h>

#include <QTest>

namespace {

boost::json::object validMutation() {
    return {{"id", "dev-1:1"},
            {"deviceId", "dev-1"},
            {"seq", 1},
            {"kind", "member"},
            {"recordId", "m-1"},
            {"householdId", "hh-1"},
            {"regionCode", "429005103201"},
            {"baseVersion", 0},
            {"hlc", ruhu::HlcStamp{1700000000000, 0, "dev-1"}.encode()},
            {"author", "cadre1"},
            {"fields", boost::json::object{{"name", "张三"}}}};
}

ruhu::Result<ruhu::protocol::PushRequest> decode(boost::json::object mutation) {
    boost::json::object body{{"deviceId", "dev-1"}, {"mutations", boost::json::array{std::move(mutation)}}};
    return ruhu::protocol::PushRequest::fromJson(body);
}

} // namespace

class TestProtocol : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pushRoundTrip() {
        auto req = decode(validMutation());
        QVERIFY(req.ok());
        auto again = ruhu::protocol::PushRequest::fromJson(req->toJson());
        QVERIFY(again.ok());
        QCOMPARE(ruhu::toCanonicalJson(again->toJson()), ruhu::toCanonicalJson(req->toJson()));
    }

    void badMutations_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown kind") << "kind"
                                      << "\"car\""
                                      << "unknown_kind"
                                      << "mutations[0].kind";
        QTest::newRow("seq as string") << "seq"
                                       << "\"1\""
                                       << "bad_request"
                                       << "mutations[0].seq";
        QTest::newRow("id mismatch") << "id"
                                     << "\"dev-1:2\""
                                     << "bad_request"
                                     << "mutations[0].id";
        QTest::newRow("region short") << "regionCode"
                                      << "\"4290\""
                                      << "bad_request"
                                      << "mutations[0].regionCode";
        QTest::newRow("bad hlc") << "hlc"
                                 << "\"yesterday\""
                                 << "bad_request"
                                 << "mutations[0].hlc";
        QTest::newRow("bad id number") << "fields"
                                       << "{\"idNo\":\"429005197503021235\"}"
                                       << "invalid_id_number"
                                       << "mutations[0].idNo";
        QTest::newRow("sql in record id") << "recordId"
                                          << "\"x'; DROP TABLE records;--\""
                                          << "bad_request"
                                          << "mutations[0].recordId";
    }
    void badMutations() {
        QFETCH(QString, key);
        QFETCH(QString, json);
        QFETCH(QString, code);
        QFETCH(QString, field);
        auto m = validMutation();
        m[key.toStdString()] = *ruhu::parseJson(json.toStdString());
        auto req = decode(m);
        QVERIFY(!req.ok());
        QCOMPARE(QString::fromStdString(req.error().code), code);
        QCOMPARE(QString::fromStdString(req.error().field), field);
    }

    void batchLimit() {
        boost::json::array list;
        for (size_t i = 0; i <= ruhu::protocol::kMaxPushMutations; ++i)
            list.push_back(validMutation());
        auto req = ruhu::protocol::PushRequest::fromJson(
            boost::json::object{{"deviceId", "dev-1"}, {"mutations", list}});
        QVERIFY(!req.ok());
        QCOMPARE(QString::fromStdString(req.error().code), QStringLiteral("batch_too_large"));
    }
};

QTEST_APPLESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
