// Push-path benchmark: batches of 500 mutations through the real push path (handleRequest with
// POST /api/v1/push: decode, scope, idempotence, merge engine, review queue, history rows, one SQLite
// transaction with synchronous=FULL) into a SqliteCentralStore in a temporary directory, on one core.
// Target: >= 50,000 field mutations per second.
//
// The workload is seeded and deterministic: new households (7 fields), new members (8 fields), edits of
// existing households with the current base (3 fields, sometimes the review-required householdType) and
// concurrent edits from another device with a stale base and sometimes an older stamp (superseded fields,
// review-queue conflicts). Devices rotate per batch.
//
// Three runs over the same batches, each into a fresh store:
//  1. the headline: handleRequest() as the server calls it;
//  2. the split: decode / merge and bookkeeping / store (every CentralStore call, commit apart) / encode,
//     measured by calling the push handler's steps one by one over a timing decorator of the store;
//  3. the physical reference: plain INSERTs of the same record bodies (and history rows) in transactions
//     of 500 into tables of the same shape, same pragmas, prepared statements reused.
//
//   bench_merge [--batches N] [--batch-size N] [--seed S] [--dir DIR] [--keep]
#include "api/push_batch.h"
#include "api/router.h"
#include "storage/credentials.h"
#include "storage/sqlite_central_store.h"

#include <ruhu/json/canonical_json.h>
#include <ruhu/model/id_number.h>
#include <ruhu/store/sqlite.h>
#include <ruhu/sync/hlc.h>
#include <ruhu/sync/protocol.h>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace ruhu;
using namespace ruhu::server;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr const char *kVillage = "429005103201";
constexpr int64_t kStartMs = 1800000000000;

double seconds(SteadyClock::duration d) {
    return std::chrono::duration<double>(d).count();
}

// CPU time (user + system) of the calling thread: unlike wall time, hardly inflated by other processes
// competing for the cores, and blind to time spent waiting for fsync.
double threadCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// ---------------------------------------------------------------------------------------------------------
// The workload.

struct HouseholdState {
    std::string id;
    int64_t version = 0;     // the latest version any device knows
    int64_t prevVersion = 0; // the version before the latest change (a stale base)
    std::vector<std::string> lastEdited;
    int members = 0;
};

struct Batch {
    std::string body;
    std::string device;
    size_t mutations = 0;
    size_t fieldMutations = 0;
};

class Workload {
public:
    explicit Workload(uint64_t seed)
        : m_random(seed) {}

    Batch next(size_t size, int64_t nowMs);
    // Learns the versions the server gave (as a device does from the push answer).
    void observe(const protocol::PushResponse &response);

private:
    std::string pick(const std::vector<std::string> &list) { return list[m_random() % list.size()]; }
    double uniform() { return std::uniform_real_distribution<double>(0, 1)(m_random); }
    std::string phone() { return "13" + std::to_string(100000000 + m_random() % 899999999); }
    boost::json::value editValue(const std::string &field);
    Mutation envelope(const std::string &device, const std::string &kind, const std::string &recordId,
                      const std::string &householdId, int64_t wallMs);
    std::string idNumber(int year, int month, int day);

    std::mt19937_64 m_random;
    std::vector<HouseholdState> m_households;
    std::map<std::string, size_t> m_index;
    std::map<std::string, int64_t> m_seqs;
    std::map<std::string, uint32_t> m_counters;
    size_t m_batch = 0;
    size_t m_nextHousehold = 1;
};

const std::vector<std::string> kSurnames{"王", "李", "张", "刘", "陈", "杨",
                                         "黄", "赵", "周", "吴", "马", "孙"};
const std::vector<std::string> kGiven{"秀英", "建国", "桂兰", "志强", "玉珍",
                                      "德明", "红梅", "国华", "春生", "淑芬"};
const std::vector<std::string> kGroups{"一组", "二组", "三组", "四组", "五组", "六组"};

boost::json::value Workload::editValue(const std::string &field) {
    if (field == "headName")
        return boost::json::value(pick(kSurnames) + pick(kGiven));
    if (field == "phone")
        return boost::json::value(phone());
    if (field == "address")
        return boost::json::value("马家村" + pick(kGroups) + std::to_string(1 + m_random() % 120) + "号");
    if (field == "group")
        return boost::json::value(pick(kGroups));
    if (field == "householdType")
        return boost::json::value(m_random() % 2 ? "脱贫户" : "一般农户");
    return boost::json::value(m_random() % 2 == 0); // the boolean fields
}

Mutation Workload::envelope(const std::string &device, const std::string &kind, const std::string &recordId,
                            const std::string &householdId, int64_t wallMs) {
    Mutation m;
    m.deviceId = device;
    m.seq = ++m_seqs[device];
    m.id = Mutation::makeId(device, m.seq);
    m.kind = kind;
    m.recordId = recordId;
    m.householdId = householdId;
    m.regionCode = kVillage;
    m.hlc = HlcStamp{wallMs, m_counters[device]++, device}.encode();
    m.author = "bench";
    return m;
}

std::string Workload::idNumber(int year, int month, int day) {
    char first17[18];
    std::snprintf(first17, sizeof first17, "429005%04d%02d%02d%03d", year, month, day,
                  static_cast<int>(m_random() % 1000));
    return std::string(first17) + idNumberCheckDigit(first17);
}

Batch Workload::next(size_t size, int64_t nowMs) {
    static const std::vector<std::string> kEditable{"headName",         "phone",        "address", "group",
                                                    "isMilitaryFamily", "inCooperative"};
    const std::string device = "bench-dev" + std::to_string(m_batch % 8);
    ++m_batch;
    protocol::PushRequest push;
    push.deviceId = device;
    Batch batch;
    batch.device = device;
    for (size_t i = 0; i < size; ++i) {
        const double r = uniform();
        if (m_households.size() < 50 || r < 0.20) {
            // A new household.
            char id[32];
            std::snprintf(id, sizeof id, "hh-%07zu", m_nextHousehold++);
            Mutation m = envelope(device, "household", id, id, nowMs);
            m.fields = {{"regionCode", kVillage},
                        {"householdType", m_random() % 4 ? "一般农户" : "脱贫户"},
                        {"headName", pick(kSurnames) + pick(kGiven)},
                        {"group", pick(kGroups)},
                        {"address", "马家村" + pick(kGroups) + std::to_string(1 + m_random() % 120) + "号"},
                        {"phone", phone()},
                        {"nationalHouseholdNo", "4290051032010" + std::string(id + 3)}};
            m_index[id] = m_households.size();
            m_households.push_back({id, 0, 0, {}, 0});
            push.mutations.push_back(std::move(m));
        } else if (r < 0.40) {
            // A new member of a known household.
            auto &h = m_households[m_random() % m_households.size()];
            const std::string id = h.id + "-m" + std::to_string(++h.members);
            Mutation m = envelope(device, "member", id, h.id, nowMs);
            const int year = 1940 + static_cast<int>(m_random() % 70);
            const int month = 1 + static_cast<int>(m_random() % 12);
            const int day = 1 + static_cast<int>(m_random() % 28);
            char birth[16];
            std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", year, month, day);
            m.fields = {{"name", pick(kSurnames) + pick(kGiven)},
                        {"relationToHead", h.members == 1 ? "户主" : "之子"},
                        {"idType", "居民身份证"},
                        {"idNo", idNumber(year, month, day)},
                        {"sex", m_random() % 2 ? "男" : "女"},
                        {"birthDate", birth},
                        {"seq", h.members},
                        {"ethnicity", "汉族"}};
            push.mutations.push_back(std::move(m));
        } else {
            // An edit of a household the server has: with the current base, or (15 %) a concurrent edit
            // made offline on the previous version, of the fields last changed by someone else, stamped
            // earlier half of the time (it loses last-writer-wins) and queued for review when it clashes
            // on householdType.
            auto &h = m_households[m_random() % m_households.size()];
            const bool concurrent = r >= 0.85 && h.version > 0 && !h.lastEdited.empty();
            std::vector<std::string> fields;
            if (concurrent) {
                fields = h.lastEdited;
            } else {
                std::vector<std::string> pool = kEditable;
                std::shuffle(pool.begin(), pool.end(), m_random);
                fields.assign(pool.begin(), pool.begin() + 3);
                if (uniform() < 0.10)
                    fields.back() = "householdType";
            }
            const int64_t wallMs = concurrent && uniform() < 0.5 ? nowMs - 5000 : nowMs;
            Mutation m = envelope(device, "household", h.id, h.id, wallMs);
            m.baseVersion = concurrent ? h.prevVersion : h.version;
            for (const auto &f : fields)
                m.fields[f] = editValue(f);
            if (!concurrent)
                h.lastEdited = fields;
            push.mutations.push_back(std::move(m));
        }
        batch.fieldMutations += push.mutations.back().fields.size();
    }
    batch.mutations = push.mutations.size();
    batch.body = boost::json::serialize(push.toJson());
    return batch;
}

void Workload::observe(const protocol::PushResponse &response) {
    for (const auto &result : response.results) {
        if (!result.hasRecord || result.record.kind != "household")
            continue;
        auto it = m_index.find(result.record.id);
        if (it == m_index.end())
            continue;
        auto &h = m_households[it->second];
        if (result.record.version > h.version) {
            h.prevVersion = h.version;
            h.version = result.record.version;
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// A CentralStore decorator that times every call the push path makes to the store.

struct StoreTimes {
    SteadyClock::duration calls{};
    SteadyClock::duration commit{};
    size_t callCount = 0;
    std::map<std::string, std::pair<SteadyClock::duration, size_t>> byCall;
};

template <class F> auto timed(StoreTimes &times, const char *name, F &&f) {
    auto t0 = SteadyClock::now();
    auto result = f();
    auto spent = SteadyClock::now() - t0;
    times.calls += spent;
    ++times.callCount;
    auto &entry = times.byCall[name];
    entry.first += spent;
    ++entry.second;
    return result;
}

class TimingStore final : public CentralStore {
public:
    TimingStore(CentralStore &inner, StoreTimes &times)
        : m_inner(inner)
        , m_times(times) {}

    class Tx final : public WriteTransaction {
    public:
        Tx(std::unique_ptr<WriteTransaction> inner, StoreTimes &times)
            : m_in(std::move(inner))
            , m_t(times) {}
        Result<std::optional<AppliedMutation>> findApplied(const std::string &id) override {
            return timed(m_t, "findApplied", [&] { return m_in->findApplied(id); });
        }
        Result<std::optional<RuleConfigRow>> ruleConfigInForce() override {
            return timed(m_t, "ruleConfigInForce", [&] { return m_in->ruleConfigInForce(); });
        }
        Result<std::vector<RuleConfigRow>> ruleConfigHistory(size_t limit) override {
            return m_in->ruleConfigHistory(limit);
        }
        Result<int64_t> putRuleConfig(const RuleConfigRow &row) override { return m_in->putRuleConfig(row); }
        Result<int64_t> createdVersion(const std::string &kind, const std::string &id) override {
            return timed(m_t, "createdVersion", [&] { return m_in->createdVersion(kind, id); });
        }
        Result<std::optional<Record>> findRecord(const std::string &kind, const std::string &id) override {
            return timed(m_t, "findRecord", [&] { return m_in->findRecord(kind, id); });
        }
        Result<int64_t> nextVersion() override {
            return timed(m_t, "nextVersion", [&] { return m_in->nextVersion(); });
        }
        Result<int64_t> peekVersion() override {
            return timed(m_t, "peekVersion", [&] { return m_in->peekVersion(); });
        }
        Status putRecord(const Record &r) override {
            return timed(m_t, "putRecord", [&] { return m_in->putRecord(r); });
        }
        Status putApplied(const AppliedMutation &a) override {
            return timed(m_t, "putApplied", [&] { return m_in->putApplied(a); });
        }
        Result<std::vector<Record>> householdRecords(const std::string &id) override {
            return timed(m_t, "householdRecords", [&] { return m_in->householdRecords(id); });
        }
        Result<int64_t> putReview(const ReviewEntry &r) override {
            return timed(m_t, "putReview", [&] { return m_in->putReview(r); });
        }
        Result<std::optional<ReviewEntry>> findReview(int64_t id) override {
            return timed(m_t, "findReview", [&] { return m_in->findReview(id); });
        }
        Status moveReviews(const std::string &h, const std::string &region) override {
            return timed(m_t, "moveReviews", [&] { return m_in->moveReviews(h, region); });
        }
        Status putDeparture(const DepartureRow &d) override {
            return timed(m_t, "putDeparture", [&] { return m_in->putDeparture(d); });
        }
        Result<std::vector<DepartureRow>> departuresOf(const std::string &kind,
                                                       const std::string &id) override {
            return timed(m_t, "departuresOf", [&] { return m_in->departuresOf(kind, id); });
        }
        Result<int64_t> contiguousSeq(const std::string &d) override {
            return timed(m_t, "contiguousSeq", [&] { return m_in->contiguousSeq(d); });
        }
        Status putContiguousSeq(const std::string &d, int64_t seq) override {
            return timed(m_t, "putContiguousSeq", [&] { return m_in->putContiguousSeq(d, seq); });
        }
        Result<std::vector<int64_t>> seenSeqsAbove(const std::string &d, int64_t after) override {
            return timed(m_t, "seenSeqsAbove", [&] { return m_in->seenSeqsAbove(d, after); });
        }
        Status putSkippedSeqs(const std::string &d, const std::vector<int64_t> &seqs) override {
            return timed(m_t, "putSkippedSeqs", [&] { return m_in->putSkippedSeqs(d, seqs); });
        }
        Result<int64_t> maxSeq(const std::string &d) override {
            return timed(m_t, "maxSeq", [&] { return m_in->maxSeq(d); });
        }
        Status putMediaRefs(const std::string &k, const std::string &id, const std::vector<std::string> &shas,
                            const std::string &creator) override {
            return m_in->putMediaRefs(k, id, shas, creator);
        }
        Result<std::optional<DeviceKeyRow>> findDeviceKey(const std::string &d) override {
            return timed(m_t, "findDeviceKey", [&] { return m_in->findDeviceKey(d); });
        }
        Status putDeviceKey(const DeviceKeyRow &k) override { return m_in->putDeviceKey(k); }
        Status retireDeviceKey(const std::string &d, const std::string &by, int64_t now) override {
            return m_in->retireDeviceKey(d, by, now);
        }
        Status putArea(const protocol::Area &a) override { return m_in->putArea(a); }
        Status putUser(const UserAccount &u) override { return m_in->putUser(u); }
        Status commit() override {
            auto t0 = SteadyClock::now();
            auto st = m_in->commit();
            m_t.commit += SteadyClock::now() - t0;
            return st;
        }

    private:
        std::unique_ptr<WriteTransaction> m_in;
        StoreTimes &m_t;
    };

    Result<std::unique_ptr<WriteTransaction>> beginWrite() override {
        auto t0 = SteadyClock::now();
        auto tx = m_inner.beginWrite();
        m_times.calls += SteadyClock::now() - t0;
        if (!tx)
            return tx.error();
        return std::unique_ptr<WriteTransaction>(std::make_unique<Tx>(std::move(*tx), m_times));
    }
    Result<std::vector<protocol::Area>> areas() override { return m_inner.areas(); }
    Result<std::optional<UserAccount>> findUser(const std::string &u) override { return m_inner.findUser(u); }
    Status putToken(const TokenGrant &g, int64_t now) override { return m_inner.putToken(g, now); }
    Result<std::optional<UserAccount>> userForToken(const std::string &d, int64_t now) override {
        return m_inner.userForToken(d, now);
    }
    Result<ChangePage> changesSince(const std::vector<std::string> &p, int64_t c, size_t l) override {
        return m_inner.changesSince(p, c, l);
    }
    Result<std::optional<Record>> findRecord(const std::string &k, const std::string &id) override {
        return m_inner.findRecord(k, id);
    }
    Result<ReviewPage> reviews(const std::vector<std::string> &p, const std::string &s, int64_t c,
                               size_t l) override {
        return m_inner.reviews(p, s, c, l);
    }
    Result<std::vector<AppliedMutation>> history(const std::string &k, const std::string &id) override {
        return m_inner.history(k, id);
    }
    Result<std::vector<std::string>> mediaRegions(const std::string &sha) override {
        return m_inner.mediaRegions(sha);
    }
    Result<std::set<std::string>> referencedMedia(const std::vector<std::string> &shas) override {
        return m_inner.referencedMedia(shas);
    }

    Result<std::set<std::string>> mediaUnderReview(const std::vector<std::string> &shas) override {
        return m_inner.mediaUnderReview(shas);
    }
    Result<std::vector<MediaReferenceRow>> mediaReferenceRows(const std::string &sha) override {
        return m_inner.mediaReferenceRows(sha);
    }
    Status putMediaUpload(const MediaUpload &u) override { return m_inner.putMediaUpload(u); }
    Result<std::vector<MediaUpload>> mediaUploads(const std::string &sha) override {
        return m_inner.mediaUploads(sha);
    }
    Result<int64_t> mediaUploadBytes(const std::string &u) override { return m_inner.mediaUploadBytes(u); }
    Status forgetMediaUploads(const std::vector<std::string> &shas, int64_t before) override {
        return m_inner.forgetMediaUploads(shas, before);
    }
    Result<int64_t> appendAudit(const AuditEntry &e) override { return m_inner.appendAudit(e); }
    Result<AuditPage> auditEntries(const AuditQuery &q) override { return m_inner.auditEntries(q); }

private:
    CentralStore &m_inner;
    StoreTimes &m_times;
};

// ---------------------------------------------------------------------------------------------------------

struct Fixture {
    std::string dir;
    std::unique_ptr<SqliteCentralStore> store;
    std::map<std::string, std::string> tokens; // device → a token bound to it (docs/accounts.md)
    UserAccount user;
};

bool makeFixture(const std::string &dir, Fixture &f) {
    f.dir = dir;
    auto store = SqliteCentralStore::open(dir);
    if (!store) {
        std::fprintf(stderr, "open %s: %s\n", dir.c_str(), store.error().message.c_str());
        return false;
    }
    f.store = std::move(*store);
    f.user = UserAccount{"bench", "马家村 测试", "village", "$argon2id$unused", {kVillage}};
    {
        // The transaction holds the store's lock until it is dropped.
        auto tx = f.store->beginWrite();
        if (!tx || !(*tx)->putUser(f.user) || !(*tx)->commit()) {
            std::fprintf(stderr, "could not create the user\n");
            return false;
        }
    }
    for (int d = 0; d < 8; ++d) {
        const std::string device = "bench-dev" + std::to_string(d);
        f.tokens[device] = makeToken();
        if (!f.store->putToken(TokenGrant{tokenDigest(f.tokens[device]), f.user.username,
                                          kStartMs + 86400000LL * 365, device, kStartMs},
                               kStartMs)) {
            std::fprintf(stderr, "could not create the token\n");
            return false;
        }
    }
    return true;
}

struct RawRow {
    std::string kind, id, householdId, regionCode, body;
    bool deleted = false;
    std::string mutationId, deviceId, mutationJson, resultJson;
    int64_t seq = 0;
};

struct RunTotals {
    size_t mutations = 0;
    size_t fieldMutations = 0;
    size_t bytes = 0;
    std::map<std::string, size_t> statuses;
    SteadyClock::duration elapsed{};
    double cpuSeconds = 0;
};

void countStatuses(const protocol::PushResponse &response, RunTotals &totals) {
    for (const auto &r : response.results)
        ++totals.statuses[r.status];
}

std::string statusLine(const RunTotals &t) {
    std::string text;
    for (const auto &[status, count] : t.statuses)
        text += " " + status + "=" + std::to_string(count);
    return text;
}

} // namespace

int main(int argc, char **argv) {
    size_t batches = 40;
    size_t batchSize = protocol::kMaxPushMutations;
    uint64_t seed = 42;
    std::string baseDir = std::filesystem::temp_directory_path().string();
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        bool hasValue = i + 1 < argc;
        if (!std::strcmp(argv[i], "--batches") && hasValue)
            batches = std::max<size_t>(1, std::strtoull(argv[++i], nullptr, 10));
        else if (!std::strcmp(argv[i], "--batch-size") && hasValue)
            batchSize =
                std::clamp<size_t>(std::strtoull(argv[++i], nullptr, 10), 1, protocol::kMaxPushMutations);
        else if (!std::strcmp(argv[i], "--seed") && hasValue)
            seed = std::strtoull(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--dir") && hasValue)
            baseDir = argv[++i];
        else if (!std::strcmp(argv[i], "--keep"))
            keep = true;
        else {
            std::fprintf(
                stderr,
                "usage: bench_merge [--batches N] [--batch-size N] [--seed S] [--dir DIR] [--keep]\n");
            return 2;
        }
    }
    std::string pattern = (std::filesystem::path(baseDir) / "bench_merge.XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        std::perror("mkdtemp");
        return 2;
    }
    const std::filesystem::path root = pattern;

    // --- 1. The headline: handleRequest, as the server calls it. --------------------------------------
    Fixture headline;
    if (!makeFixture((root / "push").string(), headline))
        return 2;
    ManualClock clock(kStartMs);
    ApiContext context{.store = *headline.store, .clock = clock, .clientAddress = {}};
    Workload workload(seed);
    RunTotals total;
    std::vector<RawRow> rawRows;
    std::vector<std::string> bodies;
    for (size_t b = 0; b < batches; ++b) {
        clock.advance(1000);
        Batch batch = workload.next(batchSize, clock.nowMs());
        Request request{http::verb::post, "/api/v1/push", 11};
        request.set(http::field::authorization, "Bearer " + headline.tokens[batch.device]);
        request.set(http::field::content_type, "application/json");
        request.body() = batch.body;
        request.prepare_payload();

        const double cpu0 = threadCpuSeconds();
        auto t0 = SteadyClock::now();
        Response response = handleRequest(request, context);
        total.elapsed += SteadyClock::now() - t0;
        total.cpuSeconds += threadCpuSeconds() - cpu0;

        if (response.result_int() != 200) {
            std::fprintf(stderr, "batch %zu: HTTP %u %s\n", b, response.result_int(),
                         response.body().c_str());
            return 1;
        }
        auto parsed = parseJson(response.body());
        auto decoded = parsed ? protocol::PushResponse::fromJson(*parsed)
                              : Result<protocol::PushResponse>(parsed.error());
        if (!decoded) {
            std::fprintf(stderr, "batch %zu: bad answer: %s\n", b, decoded.error().message.c_str());
            return 1;
        }
        workload.observe(*decoded);
        countStatuses(*decoded, total);
        total.mutations += batch.mutations;
        total.fieldMutations += batch.fieldMutations;
        total.bytes += batch.body.size();
        // The same rows for the physical reference: each mutation's record as written, and its history row.
        auto request_json = parseJson(batch.body);
        const auto &mutations = request_json->as_object().at("mutations").as_array();
        for (size_t i = 0; i < decoded->results.size(); ++i) {
            const auto &r = decoded->results[i];
            RawRow row;
            row.kind = r.record.kind;
            row.id = r.record.id;
            row.householdId = r.record.householdId;
            row.regionCode = r.record.regionCode;
            row.deleted = r.record.deleted;
            row.body = toCanonicalJson(
                boost::json::object{{"fields", r.record.fields}, {"clocks", r.record.clocks}});
            row.mutationId = r.mutationId;
            row.deviceId = std::string(mutations[i].as_object().at("deviceId").as_string());
            row.seq = mutations[i].as_object().at("seq").as_int64();
            row.mutationJson = toCanonicalJson(mutations[i]);
            row.resultJson = toCanonicalJson(r.toJson());
            rawRows.push_back(std::move(row));
        }
        bodies.push_back(std::move(batch.body));
    }
    const double pushSeconds = seconds(total.elapsed);
    const double fieldRate = total.fieldMutations / pushSeconds;
    const double mutationRate = total.mutations / pushSeconds;

    // --- 2. The split: the push handler's steps one by one, over a timing decorator. -----------------
    Fixture split;
    if (!makeFixture((root / "split").string(), split))
        return 2;
    StoreTimes storeTimes;
    TimingStore timingStore(*split.store, storeTimes);
    ManualClock splitClock(kStartMs);
    ApiContext splitContext{.store = timingStore, .clock = splitClock, .clientAddress = {}};
    SteadyClock::duration decodeTime{}, applyTime{}, encodeTime{};
    for (const auto &body : bodies) {
        splitClock.advance(1000);
        auto t0 = SteadyClock::now();
        auto json = parseJson(body);
        auto push = protocol::PushRequest::fromJson(*json);
        auto t1 = SteadyClock::now();
        if (!push) {
            std::fprintf(stderr, "split: %s\n", push.error().message.c_str());
            return 1;
        }
        auto outcome = applyPushBatch(*push, split.user, splitContext, splitClock.nowMs());
        auto t2 = SteadyClock::now();
        if (!outcome) {
            std::fprintf(stderr, "split: %s\n", outcome.error().message.c_str());
            return 1;
        }
        protocol::PushResponse response;
        response.results = std::move(outcome->results);
        response.missingSeqs = std::move(outcome->missingSeqs);
        response.serverTimeMs = splitClock.nowMs();
        std::string text = boost::json::serialize(response.toJson());
        auto t3 = SteadyClock::now();
        decodeTime += t1 - t0;
        applyTime += t2 - t1;
        encodeTime += t3 - t2;
    }
    const double splitTotal = seconds(decodeTime + applyTime + encodeTime);
    const double storeSeconds = seconds(storeTimes.calls);
    const double commitSeconds = seconds(storeTimes.commit);
    const double mergeSeconds = seconds(applyTime) - storeSeconds - commitSeconds;

    // --- 3. The physical reference: plain INSERTs of the same rows. -----------------------------------
    auto rawDb = sql::Database::open((root / "raw.sqlite3").string(), true);
    if (!rawDb || !rawDb->exec("PRAGMA synchronous=FULL") ||
        !rawDb->exec(
            "CREATE TABLE records (kind TEXT NOT NULL, id TEXT NOT NULL, household_id TEXT NOT NULL, "
            "region_code TEXT NOT NULL, version INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, "
            "body TEXT NOT NULL, PRIMARY KEY (kind, id));"
            "CREATE UNIQUE INDEX records_version ON records(version);"
            "CREATE INDEX records_region ON records(region_code);"
            "CREATE INDEX records_household ON records(household_id);"
            "CREATE TABLE applied_mutations (id TEXT PRIMARY KEY, device_id TEXT NOT NULL, "
            "seq INTEGER NOT NULL, received_at INTEGER NOT NULL, mutation TEXT NOT NULL, "
            "result TEXT NOT NULL, kind TEXT NOT NULL DEFAULT '', record_id TEXT NOT NULL DEFAULT '');"
            "CREATE INDEX applied_mutations_device ON applied_mutations(device_id, seq);"
            "CREATE INDEX applied_mutations_record ON applied_mutations(kind, record_id);")) {
        std::fprintf(stderr, "raw reference: could not create the tables\n");
        return 2;
    }
    auto rawRun = [&](bool withHistory) -> double {
        rawDb->exec("DELETE FROM records; DELETE FROM applied_mutations;");
        auto insertRecord =
            rawDb->prepare("INSERT INTO records (kind, id, household_id, region_code, version, "
                           "deleted, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        auto insertApplied =
            rawDb->prepare("INSERT INTO applied_mutations (id, device_id, seq, received_at, "
                           "mutation, result, kind, record_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        auto t0 = SteadyClock::now();
        for (size_t first = 0; first < rawRows.size(); first += batchSize) {
            sql::Transaction tx(*rawDb);
            for (size_t i = first; i < std::min(rawRows.size(), first + batchSize); ++i) {
                const RawRow &r = rawRows[i];
                // Every row is new (each mutation writes one), so plain INSERTs: the id gets the row number.
                insertRecord->reset();
                insertRecord->bind(1, r.kind)
                    .bind(2, r.id + "~" + std::to_string(i))
                    .bind(3, r.householdId)
                    .bind(4, r.regionCode)
                    .bind(5, static_cast<int64_t>(i + 1))
                    .bind(6, int64_t(r.deleted ? 1 : 0))
                    .bind(7, r.body);
                if (!insertRecord->run())
                    return -1;
                if (withHistory) {
                    insertApplied->reset();
                    insertApplied->bind(1, r.mutationId)
                        .bind(2, r.deviceId)
                        .bind(3, r.seq)
                        .bind(4, kStartMs)
                        .bind(5, r.mutationJson)
                        .bind(6, r.resultJson)
                        .bind(7, r.kind)
                        .bind(8, r.id);
                    if (!insertApplied->run())
                        return -1;
                }
            }
            if (!tx.commit())
                return -1;
        }
        return seconds(SteadyClock::now() - t0);
    };
    const double rawSeconds = rawRun(false);
    const double rawHistorySeconds = rawRun(true);
    if (rawSeconds < 0 || rawHistorySeconds < 0) {
        std::fprintf(stderr, "raw reference: insert failed\n");
        return 2;
    }

    // --- Report. ---------------------------------------------------------------------------------------
    const size_t rows = rawRows.size();
    const double fieldsPerMutation = double(total.fieldMutations) / total.mutations;
    double load[3] = {0, 0, 0};
    getloadavg(load, 3);
    std::printf("workload:        %zu pushes x %zu = %zu mutations, %zu field mutations (%.1f per mutation), "
                "%.1f MB of push bodies, seed %llu\n",
                batches, batchSize, total.mutations, total.fieldMutations, fieldsPerMutation,
                total.bytes / 1e6, static_cast<unsigned long long>(seed));
    std::printf("outcomes:       %s\n", statusLine(total).c_str());
    std::printf("store:           %s (SQLite WAL, synchronous=FULL)\n", root.c_str());
    std::printf("load average:    %.2f %.2f %.2f (2 shared cores: other work disturbs the figures)\n",
                load[0], load[1], load[2]);
    std::printf("\n1. push path (handleRequest, POST /api/v1/push, one transaction per push)\n");
    std::printf("   %.3f s: %.0f field mutations/s, %.0f mutations/s, %.1f ms per %zu-mutation push\n",
                pushSeconds, fieldRate, mutationRate, 1000.0 * pushSeconds / batches, batchSize);
    std::printf("   CPU %.3f s (user + system; the rest is waiting for fsync or for a core): %.0f field "
                "mutations per CPU second\n",
                total.cpuSeconds, total.fieldMutations / total.cpuSeconds);
    std::printf("\n2. split (same pushes, fresh store, steps timed one by one: %.3f s in all)\n", splitTotal);
    auto share = [&](const char *what, double s) {
        std::printf("   %-34s %7.3f s  %5.1f %%  %6.1f us/mutation\n", what, s, 100.0 * s / splitTotal,
                    1e6 * s / total.mutations);
    };
    share("decode (parse + PushRequest)", seconds(decodeTime));
    share("merge + bookkeeping (not store)", mergeSeconds);
    share("store calls (reads + writes)", storeSeconds);
    share("commit (WAL fsync)", commitSeconds);
    share("encode answer (PushResponse)", seconds(encodeTime));
    std::printf("   store calls: %zu (%.1f per mutation):", storeTimes.callCount,
                double(storeTimes.callCount) / total.mutations);
    std::vector<std::pair<std::string, std::pair<SteadyClock::duration, size_t>>> calls(
        storeTimes.byCall.begin(), storeTimes.byCall.end());
    std::sort(calls.begin(), calls.end(),
              [](const auto &a, const auto &b) { return a.second.first > b.second.first; });
    for (size_t i = 0; i < calls.size() && i < 6; ++i)
        std::printf("%s %s %.0f ms/%zu", i ? "," : "", calls[i].first.c_str(),
                    1000 * seconds(calls[i].second.first), calls[i].second.second);
    std::printf("\n");
    std::printf(
        "\n3. physical reference (plain INSERTs of the same %zu rows, transactions of %zu, same pragmas)\n",
        rows, batchSize);
    std::printf("   records only:           %.3f s: %.0f rows/s (= %.0f field mutations/s)\n", rawSeconds,
                rows / rawSeconds, rows / rawSeconds * fieldsPerMutation);
    std::printf("   records + history rows: %.3f s: %.0f row pairs/s (= %.0f field mutations/s)\n",
                rawHistorySeconds, rows / rawHistorySeconds, rows / rawHistorySeconds * fieldsPerMutation);
    std::printf("   push path / raw records: %.2f   push path / raw records+history: %.2f\n",
                mutationRate / (rows / rawSeconds), mutationRate / (rows / rawHistorySeconds));
    const bool ok = fieldRate >= 50000;
    std::printf("\ntarget (>= 50,000 field mutations/s through the push path): %s\n", ok ? "met" : "NOT MET");

    // Sanity: every stored record body is canonical JSON (the store writes it without toCanonicalJson).
    size_t bodies_ = 0, nonCanonical = 0;
    {
        auto check = sql::Database::open((root / "push" / SqliteCentralStore::kFileName).string(), true);
        auto stmt =
            check ? check->prepare("SELECT body FROM records") : Result<sql::Statement>(check.error());
        while (stmt && stmt->step()) {
            ++bodies_;
            if (!isCanonicalJson(stmt->columnText(0)))
                ++nonCanonical;
        }
    }
    std::printf("stored bodies:   %zu, %zu not canonical JSON\n", bodies_, nonCanonical);

    headline.store.reset();
    split.store.reset();
    if (!keep) {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
    }
    return ok ? 0 : 1;
}
