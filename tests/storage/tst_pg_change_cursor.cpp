// The PostgreSQL pull cursor (docs/storage.md "The pull cursor"): a change that commits after a later
// change has been pulled must still reach the puller. Runs only on PostgreSQL (label pg): with SQLite's
// single writer the interleaving cannot happen.
#include "storage/pg_central_store.h"
#include "testdatabase.h"

#include <QTest>

#include <set>

using namespace ruhu;
using namespace ruhu::server;

namespace {

constexpr const char *kVillage = "429005103201";

Record household(const std::string &id, int64_t version) {
    Record r;
    r.kind = "household";
    r.id = id;
    r.householdId = id;
    r.regionCode = kVillage;
    r.version = version;
    r.fields["headName"] = id;
    return r;
}

// A takes the lower version and commits last; B commits in between; the puller pulls once while A is
// still open and once after. Returns the ids the two pulls delivered together.
Result<std::set<std::string>> lateCommitScenario(CentralStore &store) {
    auto a = store.beginWrite();
    if (!a)
        return a.error();
    auto va = (*a)->nextVersion();
    if (!va)
        return va.error();
    if (auto st = (*a)->putRecord(household("a", *va)); !st)
        return st.error();
    {
        auto b = store.beginWrite();
        if (!b)
            return b.error();
        auto vb = (*b)->nextVersion();
        if (!vb)
            return vb.error();
        if (*vb <= *va)
            return Error{"test", "versions out of order", ""};
        if (auto st = (*b)->putRecord(household("b", *vb)); !st)
            return st.error();
        if (auto st = (*b)->commit(); !st)
            return st.error();
    }
    std::set<std::string> pulled;
    auto first = store.changesSince({kVillage}, 0, 100);
    if (!first)
        return first.error();
    for (const auto &r : first->records)
        pulled.insert(r.id);
    if (auto st = (*a)->commit(); !st)
        return st.error();
    auto second = store.changesSince({kVillage}, first->cursor, 100);
    if (!second)
        return second.error();
    for (const auto &r : second->records)
        pulled.insert(r.id);
    return pulled;
}

} // namespace

class TestPgChangeCursor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(TestDatabase::postgresRequested(),
                 "RUHU_TEST_POSTGRES is not set: this test runs on PostgreSQL only (ctest -L pg)");
    }

    void lateCommitIsNotSkipped() {
        TestDatabase database;
        QVERIFY2(database.ok(), qPrintable(database.error()));
        auto store = PgCentralStore::open(database.url());
        QVERIFY2(store, store ? "" : store.error().message.c_str());
        auto pulled = lateCommitScenario(**store);
        QVERIFY2(pulled, pulled ? "" : pulled.error().message.c_str());
        QCOMPARE(*pulled, (std::set<std::string>{"a", "b"}));
    }

    // The canary: the same scenario with a cursor over the version sequence loses A, so the scenario
    // above can tell a skipping cursor from a safe one.
    void naiveSequenceCursorLosesTheLateCommit() {
        TestDatabase database;
        QVERIFY2(database.ok(), qPrintable(database.error()));
        PgCentralStore::Options naive;
        naive.naiveSequenceCursor = true;
        auto store = PgCentralStore::open(database.url(), naive);
        QVERIFY2(store, store ? "" : store.error().message.c_str());
        auto pulled = lateCommitScenario(**store);
        QVERIFY2(pulled, pulled ? "" : pulled.error().message.c_str());
        QCOMPARE(*pulled, (std::set<std::string>{"b"}));
    }

    // While a writer is open, changes committed after it started wait behind the fence; once it
    // ends (here: rolled back) they come.
    void openWriterHoldsTheFenceUntilItEnds() {
        TestDatabase database;
        QVERIFY2(database.ok(), qPrintable(database.error()));
        auto store = PgCentralStore::open(database.url());
        QVERIFY(store);
        auto open = (*store)->beginWrite();
        QVERIFY(open);
        QVERIFY((*open)->putRecord(household("never", *(*open)->nextVersion())));
        {
            auto b = (*store)->beginWrite();
            QVERIFY(b);
            QVERIFY((*b)->putRecord(household("b", *(*b)->nextVersion())));
            QVERIFY((*b)->commit());
        }
        auto held = (*store)->changesSince({kVillage}, 0, 100);
        QVERIFY(held && held->records.empty());
        QCOMPARE(held->cursor, int64_t(0));
        open->reset(); // rolled back
        auto after = (*store)->changesSince({kVillage}, held->cursor, 100);
        QVERIFY(after);
        QCOMPARE(after->records.size(), size_t(1));
        QCOMPARE(after->records[0].id, std::string("b"));
    }
};

QTEST_GUILESS_MAIN(TestPgChangeCursor)
#include "tst_pg_change_cursor.moc"
