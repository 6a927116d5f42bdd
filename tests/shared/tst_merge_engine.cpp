#include <ruhu/json/canonical_json.h>
#include <ruhu/sync/hlc.h>
#include <ruhu/sync/merge_engine.h>
#include <ruhu/sync/protocol.h>

#include <QTest>

namespace {

constexpr int64_t kNow = 1730000000000;

ruhu::Mutation edit(const std::string &device, int64_t baseVersion, int64_t wallMs,
                    boost::json::object fields, const std::string &kind = "household") {
    static int64_t seq = 0;
    ruhu::Mutation m;
    m.deviceId = device;
    m.seq = ++seq;
    m.id = ruhu::Mutation::makeId(device, m.seq);
    m.kind = kind;
    m.recordId = "hh-1";
    m.householdId = "hh-1";
    m.regionCode = "429005103201";
    m.baseVersion = baseVersion;
    m.hlc = ruhu::HlcStamp{wallMs, 0, device}.encode();
    m.fields = std::move(fields);
    return m;
}

// Applies a mutation the way the server does: next version, keep the result.
ruhu::MergeDecision apply(std::optional<ruhu::Record> &server, int64_t &version, const ruhu::Mutation &m) {
    ruhu::MergeContext ctx{kNow, 10 * 60 * 1000, version + 1};
    auto d = ruhu::mergeMutation(server, m, ctx);
    if (d.changed) {
        ++version;
        d.record.version = version;
    }
    server = d.record;
    return d;
}

std::string str(const ruhu::Record &r, const char *field) {
    return std::string(r.fields.at(field).as_string());
}

} // namespace

class TestMergeEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sequentialEditsApply() {
        std::optional<ruhu::Record> server;
        int64_t version = 0;
        apply(server, version, edit("a", 0, kNow, {{"householdType", "一般农户"}, {"address", "一号"}}));
        // B saw version 1 and changes the review-required field: no clash, it applies.
        auto d = apply(server, version, edit("b", 1, kNow - 5000, {{"householdType", "脱贫户"}}));
        QCOMPARE(QString::fromStdString(d.status()), QStringLiteral("applied"));
        QCOMPARE(str(*server, "householdType"), std::string("脱贫户"));
    }

    void concurrentDescriptiveFieldGoesToTheNewerStamp() {
        std::optional<ruhu::Record> server;
        int64_t version = 0;
        apply(server, version, edit("a", 0, kNow, {{"address", "一号"}}));
        apply(server, version, edit("b", 1, kNow + 2000, {{"address", "B"}}));
        auto d = apply(server, version, edit("c", 1, kNow + 1000, {{"address", "C"}}));
        QCOMPARE(QString::fromStdString(d.status()), QStringLiteral("merged"));
        QCOMPARE(d.superseded, std::vector<std::string>{"address"});
        QCOMPARE(str(*server, "address"), std::string("B"));
    }

    void stampFromTheFutureDoesNotWin() {
        std::optional<ruhu::Record> server;
        int64_t version = 0;
        apply(server, version, edit("a", 0, kNow, {{"address", "一号"}}));
        apply(server, version, edit("b", 1, kNow + 1000, {{"address", "B"}}));
        int64_t yearAhead = kNow + 365LL * 24 * 3600 * 1000;
        auto d = apply(server, version, edit("skewed", 1, yearAhead, {{"address", "未来"}}));
        QVERIFY(d.clockAhead);
        QCOMPARE(str(*server, "address"), std::string("B"));
        // ...but without a clash it still applies: a wrong clock must not make a cadre's edit vanish.
        auto alone = apply(server, version, edit("skewed", version, yearAhead, {{"group", "三组"}}));
        QCOMPARE(alone.applied, std::vector<std::string>{"group"});
    }

    void reviewRequiredClashIsQueuedWithBothValues() {
        std::optional<ruhu::Record> server;
        int64_t version = 0;
        apply(server, version, edit("a", 0, kNow, {{"householdType", "一般农户"}}));
        apply(server, version, edit("b", 1, kNow + 10, {{"householdType", "脱贫户"}}));
        // Same value as the server: agreement, not a clash.
        auto same = apply(server, version, edit("c", 1, kNow + 20, {{"householdType", "脱贫户"}}));
        QVERIFY(same.conflicts.empty());
        auto m = edit("c", 1, kNow + 30, {{"householdType", "一般农户"}});
        m.base = {{"householdType", "一般农户"}};
        auto d = apply(server, version, m);
        QCOMPARE(std::string(d.conflicts.at(0).baseValue.as_string()), std::string("一般农户"));
        QCOMPARE(QString::fromStdString(d.status()), QStringLiteral("queued"));
        QCOMPARE(d.conflicts.size(), size_t(1));
        QCOMPARE(std::string(d.conflicts[0].serverValue.as_string()), std::string("脱贫户"));
        QCOMPARE(std::string(d.conflicts[0].incomingValue.as_string()), std::string("一般农户"));
        QCOMPARE(str(*server, "householdType"), std::string("脱贫户")); // server value stands until review
    }

    void deleteRacingAnEditIsQueued() {
        std::optional<ruhu::Record> server;
        int64_t version = 0;
        apply(server, version, edit("a", 0, kNow, {{"address", "一号"}}));
        apply(server, version, edit("b", 1, kNow + 10, {{"address", "二号"}}));
        auto del = edit("c", 1, kNow + 20, {});
        del.deleteRecord = true;
        auto d = apply(server, version, del);
        QVERIFY(d.deleteConflict);
        QVERIFY(!server->deleted);
        // Deleting what one has seen is fine; editing it afterwards from an older base is a clash.
        auto del2 = edit("c", version, kNow + 30, {});
        del2.deleteRecord = true;
        QVERIFY(!apply(server, version, del2).deleteConflict);
        QVERIFY(server->deleted);
        QVERIFY(apply(server, version, edit("d", 2, kNow + 40, {{"address", "三号"}})).deleteConflict);
    }

    void tombstoneKeepsTheFieldsSentWithTheDelete() {
        // A removed member's removalReason travels on its delete mutation and stays on the tombstone.
        std::optional<ruhu::Record> server;
        int64_t version = 0;
        apply(server, version, edit("a", 0, kNow, {{"address", "一号"}}));
        auto del = edit("a", version, kNow + 10, {{"address", "已迁出"}});
        del.deleteRecord = true;
        auto d = apply(server, version, del);
        QVERIFY(!d.deleteConflict);
        QVERIFY(server->deleted);
        QCOMPARE(str(*server, "address"), std::string("已迁出"));
    }

    // Issue 19, reduced from fuzz_push: a delete of a member the server has never seen, from a device that
    // claims to have seen version 1 (a server restored from an older backup, or a purged record).
    void deleteWithABaseTheServerNeverSawIsIdempotent() {
        auto json = ruhu::parseJson(
            R"({"id":"dev-c:1","deviceId":"dev-c","seq":1,"kind":"member","recordId":"hh-1-m1",)"
            R"("householdId":"hh-3","regionCode":"429005103201","baseVersion":1,)"
            R"("hlc":"000001800000001000-000004-dev-c","author":"cadre1","fields":{"name":"赵六六"},"delete":true})");
        QVERIFY(json.ok());
        auto m = ruhu::protocol::decodeMutation(*json);
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        const ruhu::MergeContext first{1800000000000, 10 * 60 * 1000, 1};
        auto once = ruhu::mergeMutation(std::nullopt, *m, first);
        QVERIFY(once.changed);
        QVERIFY(once.record.deleted);
        auto twice = ruhu::mergeMutation(once.record, *m, {1800000000000, 10 * 60 * 1000, 2});
        QVERIFY(!twice.changed);
        QCOMPARE(twice.record.toJson(), once.record.toJson());
    }

    void deleteMergedAgainIsNotARaceWithItself() {
        // Its own tombstone fields are not "an edit since the base": a resent delete is not for review.
        std::optional<ruhu::Record> server;
        int64_t version = 0;
        auto del = edit("c", 0, kNow, {{"address", "已迁出"}});
        del.deleteRecord = true;
        apply(server, version, del);
        auto again = apply(server, version, del);
        QVERIFY(!again.deleteConflict);
        QVERIFY(!again.changed);
        QCOMPARE(QString::fromStdString(again.status()), QStringLiteral("applied"));
    }

    void nullWrittenTwiceChangesNothing() {
        std::optional<ruhu::Record> server;
        int64_t version = 0;
        apply(server, version, edit("a", 0, kNow, {{"address", "一号"}}));
        auto clear = edit("a", 5, kNow + 10, {{"address", nullptr}}); // a base ahead of the server
        QVERIFY(apply(server, version, clear).changed);
        QVERIFY(!apply(server, version, clear).changed);
    }

    void setUnionMergesById() {
        boost::json::array a = {boost::json::object{{"id", "x"}, {"v", 1}},
                                boost::json::object{{"id", "y"}, {"v", 2}}};
        boost::json::array b = {boost::json::object{{"id", "y"}, {"v", 3}},
                                boost::json::object{{"id", "z"}, {"v", 4}}};
        auto u = ruhu::unionById(a, b);
        QCOMPARE(u.size(), size_t(3));
        QCOMPARE(u[1].as_object().at("v").as_int64(), int64_t(3));
    }
};

QTEST_APPLESS_MAIN(TestMergeEngine)
#include "tst_merge_engine.moc"
