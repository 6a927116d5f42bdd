#include <ruhu/sync/hlc.h>
#include <ruhu/sync/merge.h>

#include <QTest>

#include <algorithm>
#include <random>

namespace {

ruhu::Mutation mutation(const std::string &device, int64_t seq, const ruhu::HlcStamp &stamp,
                        boost::json::object fields) {
    ruhu::Mutation m;
    m.deviceId = device;
    m.seq = seq;
    m.id = ruhu::Mutation::makeId(device, seq);
    m.kind = "household";
    m.recordId = "hh-1";
    m.householdId = "hh-1";
    m.regionCode = "429005103201";
    m.hlc = stamp.encode();
    m.fields = std::move(fields);
    return m;
}

} // namespace

class TestHlcMerge : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void encodeDecodeAndOrder() {
        ruhu::HlcStamp a{1700000000000, 3, "dev-a"};
        auto decoded = ruhu::HlcStamp::decode(a.encode());
        QVERIFY(decoded);
        QVERIFY(*decoded == a);
        ruhu::HlcStamp b{1700000000000, 12, "dev-a"};
        ruhu::HlcStamp c{1700000000001, 0, "dev-0"};
        QVERIFY(a < b && b < c);
        QVERIFY(a.encode() < b.encode() && b.encode() < c.encode()); // string order = stamp order
        QVERIFY(!ruhu::HlcStamp::decode("garbage"));
    }

    void tickIsMonotonicEvenWhenTheClockGoesBack() {
        ruhu::ManualClock clock(1000);
        ruhu::HybridLogicalClock hlc(clock, "dev");
        auto t1 = hlc.tick();
        clock.set(500); // the tablet's clock was set back
        auto t2 = hlc.tick();
        QVERIFY(t1 < t2);
        hlc.observe({5000, 7, "server"});
        auto t3 = hlc.tick();
        QVERIFY(t3.wallMs == 5000 && t3.counter > 7);
    }

    void newerStampWinsPerField() {
        auto m1 = mutation("a", 1, {100, 0, "a"}, {{"address", "一号"}, {"group", "一组"}});
        auto m2 = mutation("b", 1, {200, 0, "b"}, {{"address", "二号"}});
        auto r1 = ruhu::applyMutation(std::nullopt, m1);
        auto r2 = ruhu::applyMutation(r1.record, m2);
        QCOMPARE(std::string(r2.record.fields["address"].as_string()), std::string("二号"));
        QCOMPARE(std::string(r2.record.fields["group"].as_string()), std::string("一组"));
        // Applying the older one after the newer keeps the newer value and says so.
        auto r3 = ruhu::applyMutation(ruhu::applyMutation(std::nullopt, m2).record, m1);
        QCOMPARE(std::string(r3.record.fields["address"].as_string()), std::string("二号"));
        QCOMPARE(r3.supersededFields, std::vector<std::string>{"address"});
    }

    void orderIndependentAndIdempotent() {
        // Property: any order of the same mutations, each possibly applied twice, gives the same record.
        std::mt19937 rng(42);
        std::vector<ruhu::Mutation> all;
        const char *fields[] = {"address", "group", "phone", "headName"};
        for (int i = 0; i < 40; ++i) {
            std::string device = "dev-" + std::to_string(i % 4);
            ruhu::HlcStamp stamp{static_cast<int64_t>(1000 + rng() % 50), static_cast<uint32_t>(rng() % 3),
                                 device};
            boost::json::object f;
            f[fields[rng() % 4]] = "v" + std::to_string(i);
            all.push_back(mutation(device, i + 1, stamp, f));
        }
        auto applyAll = [](const std::vector<ruhu::Mutation> &ms) {
            std::optional<ruhu::Record> r;
            for (const auto &m : ms)
                r = ruhu::applyMutation(r, m).record;
            return *r;
        };
        ruhu::Record reference = applyAll(all);
        for (int trial = 0; trial < 30; ++trial) {
            auto shuffled = all;
            std::shuffle(shuffled.begin(), shuffled.end(), rng);
            shuffled.insert(shuffled.end(), all.begin(), all.begin() + static_cast<long>(rng() % all.size()));
            ruhu::Record r = applyAll(shuffled);
            QCOMPARE(r.fields, reference.fields);
            QCOMPARE(r.clocks, reference.clocks);
        }
    }

    void tombstone() {
        auto create = mutation("a", 1, {100, 0, "a"}, {{"address", "一号"}});
        auto del = mutation("a", 2, {200, 0, "a"}, {});
        del.deleteRecord = true;
        auto r = ruhu::applyMutation(ruhu::applyMutation(std::nullopt, create).record, del);
        QVERIFY(r.record.deleted);
        QVERIFY(r.changed);
    }
};

QTEST_APPLESS_MAIN(TestHlcMerge)
#include "tst_hlc_merge.moc"
