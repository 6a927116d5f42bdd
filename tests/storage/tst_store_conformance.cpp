// The central store interface (syncserver/storage/central_store.h), one suite for every backend: run
// on SQLite (ctest tst_store_conformance) and on PostgreSQL (tst_store_conformance_pg).
#include "storage/write_retry.h"
#include "store_fixture.h"

#include <QTest>

#include <boost/json/serialize.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

using namespace ruhu;
using namespace ruhu::server;

namespace {

constexpr const char *kVillage = "429005103201";
constexpr const char *kOtherVillage = "429005104202";

Record household(const std::string &id, const std::string &region, int64_t version, const std::string &name) {
    Record r;
    r.kind = "household";
    r.id = id;
    r.householdId = id;
    r.regionCode = region;
    r.version = version;
    r.fields["headName"] = name;
    r.clocks["headName"] = "0000000001000-0000-dev";
    r.versions["headName"] = version;
    return r;
}

// Writes one record in its own transaction, with a fresh version; returns the version.
int64_t writeRecord(CentralStore &store, const std::string &id, const std::string &region,
                    const std::string &name) {
    auto version = withWriteRetry([&]() -> Result<int64_t> {
        auto tx = store.beginWrite();
        if (!tx)
            return tx.error();
        if (auto found = (*tx)->findRecord("household", id); !found)
            return found.error();
        auto v = (*tx)->nextVersion();
        if (!v)
            return v.error();
        if (auto st = (*tx)->putRecord(household(id, region, *v, name)); !st)
            return st.error();
        if (auto st = (*tx)->commit(); !st)
            return st.error();
        return *v;
    });
    return version ? *version : -1;
}

// Every change in the prefixes, following the cursor page by page from `cursor`; updates cursor.
std::map<std::string, int64_t> drain(CentralStore &store, int64_t &cursor, size_t limit = 7) {
    std::map<std::string, int64_t> seen;
    for (;;) {
        auto page = store.changesSince({"429005"}, cursor, limit);
        if (!page)
            return {{"error: " + page.error().message, -1}};
        for (const auto &r : page->records)
            seen[r.id] = std::max(seen[r.id], r.version);
        if (page->cursor < cursor)
            return {{"error: cursor went back", -1}};
        cursor = page->cursor;
        if (!page->hasMore)
            return seen;
    }
}

} // namespace

class TestStoreConformance : public QObject {
    Q_OBJECT

    StoreFixture m_fixture;
    CentralStore *m_store = nullptr;

private Q_SLOTS:
    void init() {
        m_fixture = StoreFixture();
        const QString error = m_fixture.open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_store = m_fixture.store.get();
    }
    void cleanup() {
        m_store = nullptr;
        m_fixture.store.reset();
        m_fixture.database.reset();
    }

    void recordsVersionsAndCursor() {
        const int64_t v1 = writeRecord(*m_store, "h1", kVillage, "张三");
        const int64_t v2 = writeRecord(*m_store, "h2", kVillage, "李四");
        const int64_t v3 = writeRecord(*m_store, "h1", kVillage, "张三丰");
        QVERIFY(v1 > 0 && v2 > v1 && v3 > v2);
        auto found = m_store->findRecord("household", "h1");
        QVERIFY(found && *found);
        QCOMPARE((*found)->version, v3);
        QCOMPARE(std::string((*found)->fields.at("headName").as_string()), std::string("张三丰"));

        auto first = m_store->changesSince({kVillage}, 0, 1);
        QVERIFY(first);
        QCOMPARE(first->records.size(), size_t(1));
        QVERIFY(first->hasMore);
        QCOMPARE(first->records[0].id, std::string("h2"));
        QVERIFY(first->cursor > 0);
        auto second = m_store->changesSince({kVillage}, first->cursor, 10);
        QVERIFY(second);
        QCOMPARE(second->records.size(), size_t(1));
        QCOMPARE(second->records[0].id, std::string("h1"));
        QVERIFY(!second->hasMore);
        // Nothing new: an empty page, the cursor stays.
        auto empty = m_store->changesSince({kVillage}, second->cursor, 10);
        QVERIFY(empty && empty->records.empty());
        QCOMPARE(empty->cursor, second->cursor);
        // Prefixes scope the pull.
        auto other = m_store->changesSince({kOtherVillage}, 0, 10);
        QVERIFY(other && other->records.empty());
    }

    // The export's and reviewer lists' walk: live records of one kind in the prefixes, by id, paged.
    void recordsOfKindPagesLiveRecordsById() {
        for (const char *id : {"k3", "k1", "k5", "k2", "k4"})
            QVERIFY(writeRecord(*m_store, id, kVillage, id) > 0);
        QVERIFY(writeRecord(*m_store, "k0", kOtherVillage, "other") > 0);
        QVERIFY(writeRecord(*m_store, "k1", kVillage, "again") > 0); // a second version, listed once
        {
            auto tx = m_store->beginWrite();
            QVERIFY(tx);
            QVERIFY((*tx)->findRecord("household", "k4"));
            auto v = (*tx)->nextVersion();
            QVERIFY(v);
            Record gone = household("k4", kVillage, *v, "k4");
            gone.deleted = true;
            auto put = (*tx)->putRecord(gone);
            QVERIFY2(put, put ? "" : put.error().message.c_str());
            QVERIFY((*tx)->commit());
        }
        std::vector<std::string> ids;
        std::string after;
        for (int page = 0; page < 10; ++page) {
            auto records = m_store->recordsOfKind("household", {kVillage}, after, 2);
            QVERIFY(records);
            for (const auto &r : *records)
                ids.push_back(r.id);
            if (records->size() < 2)
                break;
            after = records->back().id;
        }
        QCOMPARE(ids, (std::vector<std::string>{"k1", "k2", "k3", "k5"}));
        auto k1 = m_store->recordsOfKind("household", {kVillage}, "", 1);
        QVERIFY(k1 && k1->size() == 1);
        QCOMPARE(std::string(k1->front().fields.at("headName").as_string()), std::string("again"));
        auto other = m_store->recordsOfKind("household", {"429005104"}, "", 10);
        QVERIFY(other && other->size() == 1 && other->front().id == "k0");
        auto members = m_store->recordsOfKind("member", {"429005"}, "", 10);
        QVERIFY(members && members->empty());
    }

    void droppedTransactionLeavesNothing() {
        {
            auto tx = m_store->beginWrite();
            QVERIFY(tx);
            auto v = (*tx)->nextVersion();
            QVERIFY(v);
            QVERIFY((*tx)->putRecord(household("gone", kVillage, *v, "王五")));
            QVERIFY((*tx)->putArea({kVillage, "马家村", "village", "429005103"}));
        }
        auto found = m_store->findRecord("household", "gone");
        QVERIFY(found && !*found);
        auto areas = m_store->areas();
        QVERIFY(areas && areas->empty());
    }

    void appliedMutationIsUniqueAndHistoryOrdered() {
        auto put = [&](const std::string &id, int64_t seq) {
            auto tx = m_store->beginWrite();
            if (!tx)
                return false;
            if (!(*tx)->putApplied({id, "dev-1", seq, 1000 + seq, "{}",
                                    "{\"version\":" + std::to_string(seq) + "}", "household", "h1"}))
                return false;
            return (*tx)->commit().ok();
        };
        QVERIFY(put("m1", 1));
        QVERIFY(put("m2", 2));
        QVERIFY(!put("m1", 3)); // the idempotence key
        auto tx = m_store->beginWrite();
        QVERIFY(tx);
        auto again = (*tx)->findApplied("m1");
        QVERIFY(again && *again);
        QCOMPARE((*again)->seq, int64_t(1));
        auto created = (*tx)->createdVersion("household", "h1");
        QVERIFY(created);
        QCOMPARE(*created, int64_t(1));
        QVERIFY((*tx)->commit());
        auto history = m_store->history("household", "h1");
        QVERIFY(history);
        QCOMPARE(history->size(), size_t(2));
        QCOMPARE((*history)[0].id, std::string("m1"));
        QCOMPARE((*history)[1].id, std::string("m2"));
    }

    void reviewQueue() {
        auto tx = m_store->beginWrite();
        QVERIFY(tx);
        ReviewEntry review;
        review.kind = "household";
        review.recordId = "h1";
        review.householdId = "h1";
        review.regionCode = kVillage;
        review.field = "householdType";
        review.baseValue = "a";
        review.serverValue = "b";
        review.incomingValue = "c";
        review.mutationId = "m1";
        review.deviceId = "dev-1";
        review.author = "cadre1";
        auto id1 = (*tx)->putReview(review);
        auto id2 = (*tx)->putReview(review);
        QVERIFY(id1 && id2 && *id2 > *id1);
        auto found = (*tx)->findReview(*id1);
        QVERIFY(found && *found);
        (*found)->status = "resolved";
        (*found)->resolution = boost::json::object{{"value", "b"}};
        QVERIFY((*tx)->putReview(**found));
        QVERIFY((*tx)->commit());

        auto open = m_store->reviews({"429005103"}, "open", 0, 10);
        QVERIFY(open);
        QCOMPARE(open->reviews.size(), size_t(1));
        QCOMPARE(open->reviews[0].id, *id2);
        auto all = m_store->reviews({"429005103"}, "all", 0, 1);
        QVERIFY(all && all->hasMore);
        QCOMPARE(all->reviews[0].status, std::string("resolved"));
        QCOMPARE(boost::json::serialize(all->reviews[0].resolution), std::string(R"({"value":"b"})"));

        auto move = m_store->beginWrite();
        QVERIFY(move);
        QVERIFY((*move)->moveReviews("h1", kOtherVillage));
        QVERIFY((*move)->commit());
        auto moved = m_store->reviews({kOtherVillage}, "all", 0, 10);
        QVERIFY(moved);
        QCOMPARE(moved->reviews.size(), size_t(2));
        auto left = m_store->reviews({kVillage}, "all", 0, 10);
        QVERIFY(left && left->reviews.empty());
    }

    void departuresReachTheOldScope() {
        writeRecord(*m_store, "h1", kVillage, "张三");
        int64_t cursor = 0;
        QCOMPARE(drain(*m_store, cursor).size(), size_t(1));
        auto tx = m_store->beginWrite();
        QVERIFY(tx);
        auto found = (*tx)->findRecord("household", "h1");
        QVERIFY(found && *found);
        auto v = (*tx)->nextVersion();
        QVERIFY(v);
        Record moved = **found;
        moved.regionCode = kOtherVillage;
        moved.version = *v;
        QVERIFY((*tx)->putRecord(moved));
        QVERIFY((*tx)->putDeparture({"household", "h1", kVillage, *v}));
        auto departures = (*tx)->departuresOf("household", "h1");
        QVERIFY(departures && departures->size() == 1);
        QVERIFY((*tx)->commit());

        auto page = m_store->changesSince({kVillage}, cursor, 10);
        QVERIFY(page);
        QVERIFY(page->records.empty());
        QCOMPARE(page->departed.size(), size_t(1));
        QCOMPARE(page->departed[0].id, std::string("h1"));
        QVERIFY(page->cursor > cursor);
        auto after = m_store->changesSince({kVillage}, page->cursor, 10);
        QVERIFY(after && after->departed.empty());
        // Inside a scope that holds both villages it is a change, not a departure.
        auto wide = m_store->changesSince({"429005"}, cursor, 10);
        QVERIFY(wide && wide->departed.empty() && wide->records.size() == 1);
    }

    void deviceSequences() {
        auto tx = m_store->beginWrite();
        QVERIFY(tx);
        QCOMPARE(*(*tx)->contiguousSeq("dev-1"), int64_t(0));
        QVERIFY((*tx)->putApplied({"m5", "dev-1", 5, 1, "{}", "{}", "household", "h1"}));
        QVERIFY((*tx)->putSkippedSeqs("dev-1", {2, 3, 7}));
        QCOMPARE(*(*tx)->maxSeq("dev-1"), int64_t(5));
        QCOMPARE(*(*tx)->seenSeqsAbove("dev-1", 2), (std::vector<int64_t>{3, 5, 7}));
        QVERIFY((*tx)->putContiguousSeq("dev-1", 3));
        QCOMPARE(*(*tx)->contiguousSeq("dev-1"), int64_t(3));
        QCOMPARE(*(*tx)->seenSeqsAbove("dev-1", 0), (std::vector<int64_t>{5, 7}));
        QVERIFY((*tx)->commit());
    }

    void accountsTokensAndDevices() {
        auto tx = m_store->beginWrite();
        QVERIFY(tx);
        QVERIFY((*tx)->putUser({"cadre1", "李村干", "village", "hash1", {kVillage}}));
        QVERIFY((*tx)->commit());
        QCOMPARE(*m_store->addUser({"cadre1", "x", "village", "h", {kVillage}}), false);
        QCOMPARE(*m_store->addUser({"cadre2", "王村干", "village", "h2", {kVillage, kOtherVillage}}), true);
        auto users = m_store->users();
        QVERIFY(users && users->size() == 2);
        QCOMPARE((*users)[1].scope, (std::vector<std::string>{kVillage, kOtherVillage}));

        QVERIFY(m_store->putToken({"t1", "cadre1", 5000, "dev-1", 100}, 1000));
        QVERIFY(m_store->putToken({"t2", "cadre1", 5000, "dev-1", 200}, 1000));
        QVERIFY(m_store->putToken({"t3", "cadre1", 5000, "dev-2", 300}, 1000));
        auto user = m_store->userForToken("t1", 2000);
        QVERIFY(user && *user);
        QCOMPARE((*user)->sessionDeviceId, std::string("dev-1"));
        QVERIFY(m_store->userForToken("t1", 6000) && !*m_store->userForToken("t1", 6000)); // expired
        QVERIFY(m_store->trimTokens("cadre1", 2));
        QVERIFY(!*m_store->userForToken("t1", 2000)); // the oldest went
        QVERIFY(m_store->setPassword("cadre1", "hash9", true, "t3"));
        QVERIFY(!*m_store->userForToken("t2", 2000));
        auto kept = m_store->userForToken("t3", 2000);
        QVERIFY(kept && *kept && (*kept)->mustChangePassword && (*kept)->passwordHash == "hash9");
        QVERIFY(m_store->setUserDisabled("cadre1", true));
        QVERIFY(!*m_store->userForToken("t3", 2000));
        QVERIFY((*m_store->findUser("cadre1"))->disabled);

        auto owner = m_store->claimDevice("dev-9", "cadre2", 10);
        QVERIFY(owner);
        QCOMPARE(owner->username, std::string("cadre2"));
        QCOMPARE(m_store->claimDevice("dev-9", "cadre1", 20)->username, std::string("cadre2"));
        auto keys = m_store->beginWrite();
        QVERIFY(keys);
        QVERIFY((*keys)->putDeviceKey({"dev-9", "key-a", "fa", "cadre2", 30, 0, ""}));
        QVERIFY((*keys)->commit());
        QVERIFY(m_store->putToken({"t9", "cadre2", 5000, "dev-9", 40}, 1000));
        QVERIFY(m_store->revokeDevice("dev-9", "county", 50));
        QCOMPARE((*m_store->findDeviceOwner("dev-9"))->revokedAtMs, int64_t(50));
        QVERIFY(!*m_store->userForToken("t9", 2000));
        auto after = m_store->beginWrite();
        QVERIFY(after && !*(*after)->findDeviceKey("dev-9"));
        after->reset();
        QVERIFY(m_store->releaseDevice("dev-9"));
        QVERIFY(!*m_store->findDeviceOwner("dev-9"));
        QVERIFY(m_store->deviceOwners() && m_store->deviceOwners()->empty());
    }

    void deviceActivityRecordedAndPullsThrottled() {
        QVERIFY(m_store->claimDevice("dev-a", "cadre1", 100));
        using Kind = DeviceActivity::Kind;
        // Nothing is noted for a device no one is bound to.
        QVERIFY(m_store->noteDeviceActivity({"dev-unbound", Kind::Pull, 1000, "1.0", int64_t(5)}));
        QVERIFY(!*m_store->findDeviceOwner("dev-unbound"));
        auto seen = [&] { return **m_store->findDeviceOwner("dev-a"); };
        QCOMPARE(seen().lastPullAtMs, int64_t(0));
        QVERIFY(!seen().clockKnown);
        QVERIFY(m_store->noteDeviceActivity({"dev-a", Kind::Pull, 100000, "0.1.0", int64_t(-7200000)}));
        QCOMPARE(seen().lastPullAtMs, int64_t(100000));
        QCOMPARE(seen().appVersion, std::string("0.1.0"));
        QVERIFY(seen().clockKnown);
        QCOMPARE(seen().clockOffsetMs, int64_t(-7200000));
        // A pull within the minute that changes nothing is not written again; a new version is.
        QVERIFY(m_store->noteDeviceActivity({"dev-a", Kind::Pull, 130000, "0.1.0", int64_t(0)}));
        QCOMPARE(seen().lastPullAtMs, int64_t(100000));
        QVERIFY(m_store->noteDeviceActivity({"dev-a", Kind::Pull, 140000, "0.2.0", std::nullopt}));
        QCOMPARE(seen().lastPullAtMs, int64_t(140000));
        QCOMPARE(seen().appVersion, std::string("0.2.0"));
        QCOMPARE(seen().clockOffsetMs, int64_t(-7200000)); // a request that did not tell keeps the last
        // A push is always noted; a missing version keeps the last one.
        QVERIFY(m_store->noteDeviceActivity({"dev-a", Kind::Push, 150000, "", int64_t(1000)}));
        QCOMPARE(seen().lastPushAtMs, int64_t(150000));
        QCOMPARE(seen().lastPullAtMs, int64_t(140000));
        QCOMPARE(seen().appVersion, std::string("0.2.0"));
        QCOMPARE(seen().clockOffsetMs, int64_t(1000));
        QVERIFY(m_store->noteDeviceActivity({"dev-a", Kind::Pull, 210001, "", std::nullopt}));
        QCOMPARE(seen().lastPullAtMs, int64_t(210001));
        auto all = m_store->deviceOwners();
        QVERIFY(all && all->size() == 1 && all->front().lastPushAtMs == 150000);
    }

    void deviceKeyAtMostOneActive() {
        {
            auto tx = m_store->beginWrite();
            QVERIFY(tx);
            QVERIFY((*tx)->putDeviceKey({"dev-1", "key-a", "fa", "cadre1", 1000, 0, ""}));
            QVERIFY((*tx)->commit());
        }
        {
            auto tx = m_store->beginWrite();
            QVERIFY(tx);
            // A second active key breaks the invariant; the transaction is then given up.
            QVERIFY(!(*tx)->putDeviceKey({"dev-1", "key-b", "fb", "cadre1", 2000, 0, ""}));
        }
        auto tx = m_store->beginWrite();
        QVERIFY(tx);
        QVERIFY((*tx)->retireDeviceKey("dev-1", "county", 3000));
        QVERIFY((*tx)->putDeviceKey({"dev-1", "key-b", "fb", "cadre1", 4000, 0, ""}));
        QCOMPARE((*(*tx)->findDeviceKey("dev-1"))->publicKey, std::string("key-b"));
        QVERIFY((*tx)->commit());
    }

    void ruleConfigsNewestInForce() {
        auto tx = m_store->beginWrite();
        QVERIFY(tx);
        QVERIFY(!*(*tx)->ruleConfigInForce());
        auto s1 = (*tx)->putRuleConfig({0, "cfg", 1, "h1", "{}", "county", 10});
        auto s2 = (*tx)->putRuleConfig({0, "cfg", 2, "h2", "{}", "county", 20});
        QVERIFY(s1 && s2 && *s2 > *s1);
        QCOMPARE((*(*tx)->ruleConfigInForce())->configVersion, int64_t(2));
        QCOMPARE((*tx)->ruleConfigHistory(10)->size(), size_t(2));
        QVERIFY((*tx)->commit());
    }

    void mediaReferencesAndUploads() {
        const std::string sha(64, 'a'), other(64, 'b');
        writeRecord(*m_store, "h1", kVillage, "张三");
        auto tx = m_store->beginWrite();
        QVERIFY(tx);
        QVERIFY((*tx)->putMediaRefs("household", "h1", {sha}, "cadre1"));
        QVERIFY((*tx)->putMediaRefs("household", "h1", {sha}, "cadre2")); // add-only: first creator stays
        QVERIFY((*tx)->commit());
        QCOMPARE(*m_store->mediaRegions(sha), std::vector<std::string>{kVillage});
        QCOMPARE(*m_store->referencedMedia({sha, other}), std::set<std::string>{sha});
        auto rows = m_store->mediaReferenceRows(sha);
        QVERIFY(rows && rows->size() == 1);
        QCOMPARE((*rows)[0].creator, std::string("cadre1"));
        QVERIFY(m_store->mediaUnderReview({sha})->empty());

        QVERIFY(m_store->putMediaUpload({sha, "cadre1", "dev-1", {kVillage}, 100, 10}));
        QVERIFY(m_store->putMediaUpload({other, "cadre1", "dev-1", {kVillage}, 50, 20}));
        QCOMPARE(*m_store->mediaUploadBytes("cadre1"), int64_t(150));
        QCOMPARE(m_store->mediaUploads(sha)->size(), size_t(1));
        QVERIFY(m_store->forgetMediaUploads({sha, other}, 15));
        QCOMPARE(*m_store->mediaUploadBytes("cadre1"), int64_t(50));
    }

    void auditIsScopedByRegion() {
        AuditEntry e;
        e.atMs = 100;
        e.username = "township";
        e.role = "township";
        e.action = "pull";
        e.target = "cursor=0";
        e.result = "ok";
        e.households = {{"h1", kVillage}, {"h2", kOtherVillage}};
        auto id = m_store->appendAudit(e);
        QVERIFY(id && *id > 0);
        AuditQuery q;
        q.regionPrefixes = {kVillage};
        auto page = m_store->auditEntries(q);
        QVERIFY(page && page->entries.size() == 1);
        QCOMPARE(page->entries[0].households.size(), size_t(1)); // only the reader's area
        q.regionPrefixes = {"3301"};
        QVERIFY(m_store->auditEntries(q)->entries.empty());
    }

    void reopenKeepsEverything() {
        writeRecord(*m_store, "h1", kVillage, "张三");
        m_fixture.store.reset();
        auto reopened = openCentralStore(m_fixture.database->url());
        QVERIFY(reopened);
        m_fixture.store = std::move(*reopened);
        m_store = m_fixture.store.get();
        QVERIFY(*m_store->findRecord("household", "h1"));
        QVERIFY(writeRecord(*m_store, "h2", kVillage, "李四") > 0);
    }

    // Writers in threads update records (a shared counter record read-modify-written by all of them,
    // and records of their own) while pullers follow the change log; afterwards every puller has seen
    // the last version of every record, and no increment of the counter was lost.
    void concurrentPushesAndPulls() {
        constexpr int kWriters = 4, kRounds = 25;
        QVERIFY(writeRecord(*m_store, "counter", kVillage, "0") > 0);
        std::atomic<bool> writing{true};
        std::atomic<int> failures{0};
        std::vector<std::thread> writers;
        for (int w = 0; w < kWriters; ++w) {
            writers.emplace_back([&, w] {
                for (int round = 0; round < kRounds; ++round) {
                    auto done = withWriteRetry([&]() -> Status {
                        auto tx = m_store->beginWrite();
                        if (!tx)
                            return tx.error();
                        auto counter = (*tx)->findRecord("household", "counter");
                        if (!counter)
                            return counter.error();
                        if (!*counter)
                            return Error{"test", "counter missing", ""};
                        Record r = **counter;
                        const int n = std::stoi(std::string(r.fields["headName"].as_string())) + 1;
                        auto v = (*tx)->nextVersion();
                        if (!v)
                            return v.error();
                        if (*v <= r.version)
                            return Error{"test", "version did not grow", ""};
                        r.fields["headName"] = std::to_string(n);
                        r.version = *v;
                        if (auto st = (*tx)->putRecord(r); !st)
                            return st;
                        const std::string own = "w" + std::to_string(w) + "-" + std::to_string(round % 5);
                        if (auto found = (*tx)->findRecord("household", own); !found)
                            return found.error();
                        auto v2 = (*tx)->nextVersion();
                        if (!v2)
                            return v2.error();
                        if (auto st = (*tx)->putRecord(household(own, kVillage, *v2, std::to_string(round)));
                            !st)
                            return st;
                        return (*tx)->commit();
                    });
                    if (!done)
                        ++failures;
                }
            });
        }
        std::vector<std::map<std::string, int64_t>> views(2);
        std::vector<int64_t> cursors(2, 0);
        std::vector<std::thread> pullers;
        for (int p = 0; p < 2; ++p) {
            pullers.emplace_back([&, p] {
                while (writing) {
                    for (const auto &[id, v] : drain(*m_store, cursors[p], 3 + p))
                        views[p][id] = std::max(views[p][id], v);
                }
            });
        }
        for (auto &t : writers)
            t.join();
        writing = false;
        for (auto &t : pullers)
            t.join();
        QCOMPARE(failures.load(), 0);

        auto counter = m_store->findRecord("household", "counter");
        QVERIFY(counter && *counter);
        QCOMPARE(std::string((*counter)->fields.at("headName").as_string()),
                 std::to_string(kWriters * kRounds));
        int64_t finalCursor = 0;
        const auto truth = drain(*m_store, finalCursor, 1000);
        QCOMPARE(truth.size(), size_t(1 + kWriters * 5));
        for (int p = 0; p < 2; ++p) {
            for (const auto &[id, v] : drain(*m_store, cursors[p]))
                views[p][id] = std::max(views[p][id], v);
            QCOMPARE(views[p], truth);
        }
    }
};

QTEST_GUILESS_MAIN(TestStoreConformance)
#include "tst_store_conformance.moc"
