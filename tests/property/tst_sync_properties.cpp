// Property tests (RapidCheck) for sync: random histories of 2–6 devices editing the same households
// offline, syncing in random order, re-sending batches, with skewed and jumping clocks.
#include "sync_harness.h"

#include <ruhu/model/schema.h>
#include <ruhu/sync/hlc.h>
#include <ruhu/sync/merge_engine.h>

#include <QTest>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <random>
#include <rapidcheck.h>
#include <set>

namespace {

const char *const kFields[] = {"address", "group", "phone", "householdType"};
const char *const kAddresses[] = {"一号", "二号", "三号"};
const char *const kGroups[] = {"一组", "二组"};
const char *const kPhones[] = {"13900000001", "13900000002", "13900000003"};
const char *const kTypes[] = {"一般农户", "脱贫户"};

boost::json::value valueFor(int field, int choice) {
    switch (field) {
    case 0:
        return kAddresses[choice % 3];
    case 1:
        return kGroups[choice % 2];
    case 2:
        return kPhones[choice % 3];
    default:
        return kTypes[choice % 2];
    }
}

bool isReviewRequired(const std::string &field) {
    const auto *spec = ruhu::findRecordKind("household")->field(field);
    return spec && spec->policy == ruhu::MergePolicy::ReviewRequired;
}

// op: kind (0–5 edit, 6–7 sync, 8 duplicate push, 9 clock jump), device, household, field, value
using Op = std::tuple<int, int, int, int, int>;

void runHistory() {
    const int devices = *rc::gen::inRange(2, 7);
    std::vector<int64_t> offsets;
    for (int i = 0; i < devices; ++i)
        offsets.push_back(*rc::gen::inRange<int64_t>(-60000, 60001));
    SyncHarness h;
    RC_ASSERT(h.init(devices, offsets));

    for (int k = 0; k < 3; ++k)
        RC_ASSERT(h.edit(
            0, "hh-" + std::to_string(k),
            {{"regionCode", SyncHarness::kVillage}, {"householdType", "一般农户"}, {"address", "初始"}}));
    for (int i = 0; i < devices; ++i)
        RC_ASSERT(h.sync(i));

    const auto ops = *rc::gen::container<std::vector<Op>>(
        rc::gen::tuple(rc::gen::inRange(0, 10), rc::gen::inRange(0, devices), rc::gen::inRange(0, 3),
                       rc::gen::inRange(0, 4), rc::gen::inRange(0, 6)));
    for (const auto &[kind, device, household, field, value] : ops) {
        if (kind <= 5) {
            RC_ASSERT(h.edit(device, "hh-" + std::to_string(household),
                             {{kFields[field], valueFor(field, value)}}));
        } else if (kind <= 7) {
            RC_ASSERT(h.sync(device));
        } else if (kind == 8) {
            RC_ASSERT(h.duplicatePushIsHarmless(device));
        } else {
            h.clock(device).set(h.serverClock().nowMs() + (value - 3) * 40000); // up to ±2 minutes off
        }
    }

    // Quiet: everyone syncs until nothing is pending, then once more to pull the last pushes.
    for (int pass = 0; pass < 2; ++pass) {
        for (int i = 0; i < devices; ++i)
            RC_ASSERT(h.sync(i));
    }

    // Convergence: every replica equals the server, field for field.
    auto server = h.serverRecords();
    for (int i = 0; i < devices; ++i) {
        RC_ASSERT(h.replica(i).pendingCount() == 0);
        auto local = h.replica(i).allRecords();
        RC_ASSERT(local.size() == server.size());
        for (const auto &r : local)
            RC_ASSERT(r.fields == server[r.id].fields);
    }

    // No lost write: per field, the newest write stands, unless a reviewer holds the clash.
    bool reviewsAvailable = false;
    auto reviewed = h.reviewedValues(&reviewsAvailable);
    std::map<std::pair<std::string, std::string>, std::vector<const TrackedWrite *>> byField;
    for (const auto &w : h.writes())
        byField[{w.recordId, w.field}].push_back(&w);
    for (const auto &[key, writes] : byField) {
        const TrackedWrite *newest = *std::max_element(
            writes.begin(), writes.end(), [](const auto *a, const auto *b) { return a->hlc < b->hlc; });
        const auto &current = server[key.first].fields.at(key.second);
        bool anyQueued = false;
        for (const auto *w : writes) {
            auto status = h.statuses().find(w->mutationId);
            RC_ASSERT(status != h.statuses().end());
            RC_ASSERT(status->second != "rejected");
            if (status->second == "queued" && isReviewRequired(key.second)) {
                anyQueued = true;
                // A queued write is kept by the review queue with its value.
                RC_ASSERT(reviewsAvailable);
                RC_ASSERT(reviewed.count(w->mutationId) == 1);
            }
        }
        if (anyQueued) {
            bool isSomeWrite =
                std::any_of(writes.begin(), writes.end(), [&](const auto *w) { return w->value == current; });
            RC_ASSERT(isSomeWrite);
        } else if (current != newest->value) {
            std::string story =
                key.first + "." + key.second + " on the server: " + boost::json::serialize(current) +
                " (stamp " + std::string(server[key.first].clocks.at(key.second).as_string()) + "); writes:";
            for (const auto *w : writes)
                story += " " + w->mutationId + "=" + boost::json::serialize(w->value) + "@" + w->hlc + "[" +
                         h.statuses().at(w->mutationId) + "]";
            story += " | server history:" + h.historyOf(server[key.first].kind, key.first);
            RC_FAIL(story);
        }
    }
}

ruhu::Mutation randomMutation(int index, const std::string &record, const std::string &field,
                              int64_t wallMs) {
    ruhu::Mutation m;
    m.deviceId = "dev-" + std::to_string(index % 5);
    m.seq = index + 1;
    m.id = ruhu::Mutation::makeId(m.deviceId, m.seq);
    m.kind = "household";
    m.recordId = record;
    m.householdId = record;
    m.regionCode = SyncHarness::kVillage;
    m.hlc = ruhu::HlcStamp{wallMs, 0, m.deviceId}.encode();
    m.fields = {{field, "v" + std::to_string(index)}};
    return m;
}

boost::json::value randomValue() {
    switch (*rc::gen::inRange(0, 7)) {
    case 0:
        return nullptr;
    case 1:
        return "一号";
    case 2:
        return "二号";
    case 3:
        return *rc::gen::inRange(0, 3);
    case 4:
        return boost::json::array{boost::json::object{{"id", "a"}, {"v", *rc::gen::inRange(0, 2)}}};
    case 5:
        return boost::json::array{boost::json::object{{"id", "a"}, {"deleted", true}},
                                  boost::json::object{{"id", "b"}, {"v", 1}}};
    default:
        return boost::json::array{boost::json::object{{"id", "b"}, {"deleted", false}}};
    }
}

// Any mutation a device could send for one record: an edit or a delete of any declared fields (every
// merge policy), with a base anywhere from 0 to beyond what the server holds, and a stamp that may run
// ahead of the server's clock.
ruhu::Mutation arbitraryMutation(const ruhu::RecordKind &kind, int index, int64_t serverVersion,
                                 int64_t nowMs) {
    ruhu::Mutation m;
    m.deviceId = "dev-" + std::to_string(*rc::gen::inRange(0, 3));
    m.seq = index + 1;
    m.id = ruhu::Mutation::makeId(m.deviceId, m.seq);
    m.kind = kind.name;
    m.recordId = "r-1";
    m.householdId = "hh-1";
    m.regionCode = SyncHarness::kVillage;
    m.baseVersion = *rc::gen::inRange<int64_t>(0, serverVersion + 3);
    m.deleteRecord = *rc::gen::inRange(0, 4) == 0;
    const int64_t wall = nowMs + *rc::gen::inRange<int64_t>(-120000, 1200000);
    m.hlc = ruhu::HlcStamp{wall, index, m.deviceId}.encode();
    const int fieldCount = *rc::gen::inRange(0, 4);
    for (int i = 0; i < fieldCount; ++i) {
        const auto &spec = kind.fields[*rc::gen::inRange<size_t>(0, kind.fields.size())];
        m.fields[spec.name] = randomValue();
    }
    return m;
}

void mergingAgainChangesNothing() {
    constexpr int64_t kNowMs = 1800000000000;
    const auto &kinds = ruhu::recordKinds();
    const auto &kind = kinds[*rc::gen::inRange<size_t>(0, kinds.size())];
    // The server's record, built the way the push path builds it (possibly not there at all).
    std::optional<ruhu::Record> server;
    int64_t version = 0;
    const int history = *rc::gen::inRange(0, 6);
    for (int i = 0; i < history; ++i) {
        auto d = ruhu::mergeMutation(server, arbitraryMutation(kind, i, version, kNowMs),
                                     {kNowMs, 10 * 60 * 1000, version + 1});
        if (d.changed) {
            d.record.version = ++version;
            server = d.record;
        }
    }
    const auto m = arbitraryMutation(kind, history, version, kNowMs);
    auto once = ruhu::mergeMutation(server, m, {kNowMs, 10 * 60 * 1000, version + 1});
    if (once.changed)
        once.record.version = ++version;
    auto twice = ruhu::mergeMutation(once.record, m, {kNowMs, 10 * 60 * 1000, version + 1});
    RC_ASSERT(!twice.changed);
    RC_ASSERT(!twice.deleteConflict || once.deleteConflict);
    RC_ASSERT(twice.conflicts.size() <= once.conflicts.size());
}

} // namespace

class TestSyncProperties : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void randomHistoriesConvergeWithoutLostWrites() {
        QVERIFY(rc::check("devices converge, duplicates are harmless, no write is lost", runHistory));
    }

    void mergingAMutationAgainChangesNothing() {
        // Issue 19: a resent push, and the tablet's rebase, merge a mutation onto its own result.
        QVERIFY(rc::check("merge(merge(r, m), m) == merge(r, m)", mergingAgainChangesNothing));
    }

    void commutingMutationsAreOrderIndependent() {
        // Mutations touching different (record, field) pairs commute under the merge engine.
        QVERIFY(rc::check("order independence", [] {
            const int count = *rc::gen::inRange(1, 12);
            std::vector<ruhu::Mutation> mutations;
            std::set<std::pair<int, int>> used;
            for (int i = 0; i < count; ++i) {
                int record = *rc::gen::inRange(0, 3);
                int field = *rc::gen::inRange(0, 3);
                if (!used.insert({record, field}).second)
                    continue;
                mutations.push_back(randomMutation(i, "hh-" + std::to_string(record), kFields[field],
                                                   *rc::gen::inRange<int64_t>(1000, 2000)));
            }
            auto applyAll = [](const std::vector<ruhu::Mutation> &ms) {
                std::map<std::string, ruhu::Record> records;
                int64_t version = 0;
                for (const auto &m : ms) {
                    auto it = records.find(m.recordId);
                    auto d =
                        ruhu::mergeMutation(it == records.end() ? std::nullopt : std::optional(it->second), m,
                                            {5000, 600000, ++version});
                    records[m.recordId] = d.record;
                }
                std::map<std::string, boost::json::object> fields;
                for (const auto &[id, r] : records)
                    fields[id] = r.fields;
                return fields;
            };
            auto shuffled = *rc::gen::suchThat(rc::gen::just(mutations), [](const auto &) { return true; });
            std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(*rc::gen::arbitrary<uint32_t>()));
            RC_ASSERT(applyAll(mutations) == applyAll(shuffled));
        }));
    }
};

QTEST_APPLESS_MAIN(TestSyncProperties)
#include "tst_sync_properties.moc"
