// The HTTP API as a pure function over a SqliteCentralStore in a temporary directory: no sockets.
#include "api/replies.h"
#include "api/router.h"
#include "storage/credentials.h"
#include "storage/demo_seed.h"
#include "storage/sqlite_central_store.h"

#include <ruhu/demo/demo_county.h>
#include <ruhu/domain/workflow.h>
#include <ruhu/store/sqlite.h>
#include <ruhu/sync/hlc.h>
#include <ruhu/sync/protocol.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <map>
#include <set>

using namespace ruhu;
using namespace ruhu::server;

namespace {

constexpr const char *kVillage1 = "429005103201"; // 马家村, cadre1
constexpr const char *kVillage2 = "429005103202"; // 赵脑村, cadre2

struct Reply {
    unsigned status = 0;
    boost::json::object json;
};

Mutation makeMutation(const std::string &device, int64_t seq, const std::string &kind,
                      const std::string &recordId, const std::string &householdId, const std::string &region,
                      boost::json::object fields, int64_t wallMs = 1800000000000) {
    Mutation m;
    m.deviceId = device;
    m.seq = seq;
    m.id = Mutation::makeId(device, seq);
    m.kind = kind;
    m.recordId = recordId;
    m.householdId = householdId;
    m.regionCode = region;
    m.hlc = HlcStamp{wallMs, static_cast<uint32_t>(seq), device}.encode();
    m.author = "test";
    m.fields = std::move(fields);
    return m;
}

std::string pushBody(const std::string &device, std::vector<Mutation> mutations) {
    protocol::PushRequest push;
    push.deviceId = device;
    push.mutations = std::move(mutations);
    return boost::json::serialize(push.toJson());
}

// The real store, except that nothing can be written: the disk is full.
class FullDiskStore final : public CentralStore {
public:
    explicit FullDiskStore(CentralStore &inner)
        : m_inner(inner) {}
    Result<std::unique_ptr<WriteTransaction>> beginWrite() override {
        return Error{"disk_full", "存储空间已满，数据未写入，请清理空间后重试", ""};
    }
    Result<std::vector<protocol::Area>> areas() override { return m_inner.areas(); }
    Result<std::optional<UserAccount>> findUser(const std::string &username) override {
        return m_inner.findUser(username);
    }
    Status putToken(const TokenGrant &grant, int64_t nowMs) override {
        return m_inner.putToken(grant, nowMs);
    }
    Result<std::optional<UserAccount>> userForToken(const std::string &digest, int64_t nowMs) override {
        return m_inner.userForToken(digest, nowMs);
    }
    Result<ChangePage> changesSince(const std::vector<std::string> &prefixes, int64_t cursor,
                                    size_t limit) override {
        return m_inner.changesSince(prefixes, cursor, limit);
    }
    Result<std::optional<Record>> findRecord(const std::string &kind, const std::string &id) override {
        return m_inner.findRecord(kind, id);
    }
    Result<ReviewPage> reviews(const std::vector<std::string> &prefixes, const std::string &status,
                               int64_t cursor, size_t limit) override {
        return m_inner.reviews(prefixes, status, cursor, limit);
    }
    Result<std::vector<AppliedMutation>> history(const std::string &kind, const std::string &id) override {
        return m_inner.history(kind, id);
    }
    Result<std::vector<std::string>> mediaRegions(const std::string &sha256) override {
        return m_inner.mediaRegions(sha256);
    }
    Result<std::set<std::string>> referencedMedia(const std::vector<std::string> &sha256s) override {
        return m_inner.referencedMedia(sha256s);
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
};

} // namespace

class TestSyncApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void health();
    void unknownPathAndMethod();
    void loginOk();
    void loginAreasFollowScope();
    void loginBad();
    void tokensAreStoredHashedAndExpire();
    void pushNeedsToken();
    void pushAppliedThenDuplicate();
    void pushMergedKeepsNewerField();
    void pushMemberBeforeHouseholdExists();
    void pushOutsideScopeRejectsWholeBatch();
    void pushTargetingRecordOutsideScope();
    void pushMovingHouseholdOutOfScope();
    void pushDecodeErrors_data();
    void pushDecodeErrors();
    void pushTooManyMutations();
    void pullPaginatesWithinScope();
    void pullRegionFilter();
    void pullBadParameters_data();
    void pullBadParameters();
    void pullIncludesTombstones();
    void demoSeedIsIdempotent();
    void errorStatusMapping();
    void diskFullIs507();

    // Issue 5: the policy-driven merge, the review queue, history, sequence gaps, workflow, moves.
    void reviewQueuedWithBothValues();
    void resolveByTownshipFlowsBackOnPull();
    void resolveDeleteRace();
    void villageCannotResolve();
    void reviewsAreScoped();
    void historyInApplicationOrder();
    void clockAheadDoesNotWin();
    void refusedFieldRejectsMutation();
    void missingSeqsReportedAndClosed();
    void serverDeviceIdIsReserved();
    void invalidTransitionRejectedPerMutation();
    void transitionNeedsRole();
    void householdMoveCarriesMembersAndDepartsOldScope();
    void editOfDepartedRecordIsKept();

private:
    Reply call(http::verb verb, const std::string &target, const std::string &body = {},
               const std::string &token = {});
    // Each user logs in with its own device id ("dev-test-<user>") unless told one.
    std::string login(const std::string &user, const std::string &password = "ruhu2024",
                      const std::string &device = {});
    std::vector<Record> pullAll(const std::string &token, size_t limit, const std::string &extra = {});
    protocol::PushResponse push(const std::string &token, const std::string &device,
                                std::vector<Mutation> list, unsigned expectStatus = 200);
    Record serverRecord(const std::string &kind, const std::string &id);
    int64_t pullCursor(const std::string &token);
    // A queued clash on hh-0001's review-required noIndustryEmploymentReason; returns the review id.
    int64_t makeConflict(const std::string &token);

    QTemporaryDir m_seeded; // a store with the demo county, copied for each test (argon2id is slow)
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteCentralStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ApiContext> m_context;
    std::map<std::string, std::pair<std::string, std::string>> m_tokenUsers; // token → (user, password)
    std::map<std::string, std::string> m_deviceTokens;                       // "user/device" → token
};

void TestSyncApi::initTestCase() {
    QVERIFY(m_seeded.isValid());
    auto store = SqliteCentralStore::open(m_seeded.path().toStdString());
    QVERIFY2(store.ok(), store.ok() ? "" : store.error().message.c_str());
    auto seeded = seedDemoCounty(**store, makeDemoCounty());
    QVERIFY(seeded.ok());
    QVERIFY(seeded->loaded);
    QCOMPARE(seeded->records, makeDemoCounty().records.size());
}

void TestSyncApi::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // Closing the seeding connection checkpointed the WAL, so the main file is the whole store.
    QVERIFY(QFile::copy(m_seeded.filePath(SqliteCentralStore::kFileName),
                        m_dir->filePath(SqliteCentralStore::kFileName)));
    auto store = SqliteCentralStore::open(m_dir->path().toStdString());
    QVERIFY2(store.ok(), store.ok() ? "" : store.error().message.c_str());
    m_store = std::move(*store);
    m_clock = std::make_unique<ManualClock>(1800000000000);
    m_context =
        std::make_unique<ApiContext>(ApiContext{.store = *m_store, .clock = *m_clock, .clientAddress = {}});
    m_context->accounts.demo = true; // the demo county's password is fine here, as with --demo
}

void TestSyncApi::cleanup() {
    m_tokenUsers.clear();
    m_deviceTokens.clear();
    m_context.reset();
    m_store.reset();
    m_dir.reset();
}

Reply TestSyncApi::call(http::verb verb, const std::string &target, const std::string &body,
                        const std::string &token) {
    Request request{verb, target, 11};
    if (!token.empty())
        request.set(http::field::authorization, "Bearer " + token);
    request.body() = body;
    request.prepare_payload();
    // A token is bound to one device (docs/accounts.md): a push from another device id goes with a token
    // of the same user logged in on that device.
    if (target == "/api/v1/push" && m_tokenUsers.count(token)) {
        boost::system::error_code parseError;
        auto pushJson = boost::json::parse(body, parseError);
        const auto *device =
            !parseError && pushJson.is_object() ? pushJson.get_object().if_contains("deviceId") : nullptr;
        if (device && device->is_string()) {
            const auto &[user, password] = m_tokenUsers.at(token);
            const std::string deviceId(device->get_string());
            const std::string key = user + "/" + deviceId;
            if (!m_deviceTokens.count(key))
                m_deviceTokens[key] = login(user, password, deviceId);
            // A device id no login accepts (e.g. "server") is pushed with the token as it was.
            if (!m_deviceTokens[key].empty())
                request.set(http::field::authorization, "Bearer " + m_deviceTokens[key]);
        }
    }
    Response response = handleRequest(request, *m_context);
    Reply reply;
    reply.status = response.result_int();
    boost::system::error_code ec;
    auto json = boost::json::parse(response.body(), ec);
    if (!ec && json.is_object())
        reply.json = json.get_object();
    if (reply.status >= 300) {
        // Every error answer carries a code and a Chinese message.
        [&] {
            QVERIFY2(reply.json.contains("code"), response.body().c_str());
            QVERIFY2(reply.json.contains("message"), response.body().c_str());
        }();
    }
    return reply;
}

std::string TestSyncApi::login(const std::string &user, const std::string &password,
                               const std::string &device) {
    const std::string deviceId = device.empty() ? "dev-test-" + user : device;
    auto reply = call(http::verb::post, "/api/v1/login",
                      boost::json::serialize(protocol::LoginRequest{user, password, deviceId}.toJson()));
    if (reply.status != 200)
        return {};
    std::string token(reply.json["token"].as_string());
    m_tokenUsers[token] = {user, password};
    m_deviceTokens[user + "/" + deviceId] = token;
    return token;
}

std::vector<Record> TestSyncApi::pullAll(const std::string &token, size_t limit, const std::string &extra) {
    std::vector<Record> all;
    int64_t cursor = 0;
    for (int page = 0; page < 1000; ++page) {
        auto reply =
            call(http::verb::get,
                 "/api/v1/pull?cursor=" + std::to_string(cursor) + "&limit=" + std::to_string(limit) + extra,
                 {}, token);
        if (reply.status != 200)
            return {};
        auto response = protocol::PullResponse::fromJson(reply.json);
        if (!response || response->changes.size() > limit)
            return {};
        for (auto &r : response->changes)
            all.push_back(std::move(r));
        if (!response->changes.empty() && response->cursor != all.back().version)
            return {};
        cursor = response->cursor;
        if (!response->hasMore)
            break;
    }
    return all;
}

void TestSyncApi::health() {
    auto reply = call(http::verb::get, "/healthz");
    QCOMPARE(reply.status, 200u);
    QCOMPARE(reply.json["status"].as_string(), "ok");
    QCOMPARE(reply.json["protocol"].as_int64(), protocol::kVersion);
}

void TestSyncApi::unknownPathAndMethod() {
    auto missing = call(http::verb::get, "/api/v1/nothing");
    QCOMPARE(missing.status, 404u);
    QCOMPARE(missing.json["code"].as_string(), "not_found");
    auto wrongMethod = call(http::verb::get, "/api/v1/push");
    QCOMPARE(wrongMethod.status, 405u);
    QCOMPARE(wrongMethod.json["code"].as_string(), "method_not_allowed");
}

void TestSyncApi::loginOk() {
    auto reply = call(http::verb::post, "/api/v1/login",
                      R"({"username":"cadre1","password":"ruhu2024","deviceId":"dev-a"})");
    QCOMPARE(reply.status, 200u);
    auto response = protocol::LoginResponse::fromJson(reply.json);
    QVERIFY(response.ok());
    QCOMPARE(response->token.size(), 64u);
    QVERIFY(response->token.find_first_not_of("0123456789abcdef") == std::string::npos);
    QCOMPARE(response->username, "cadre1");
    QCOMPARE(response->role, "village");
    QCOMPARE(response->scope, std::vector<std::string>{kVillage1});
    QCOMPARE(response->areas.size(), 1u);
    QCOMPARE(response->areas[0].name, "马家村");
    QCOMPARE(response->serverTimeMs, m_clock->nowMs());
    // Two logins, two different tokens.
    QVERIFY(login("cadre1") != response->token);
}

void TestSyncApi::loginAreasFollowScope() {
    auto reply = call(http::verb::post, "/api/v1/login", R"({"username":"township","password":"ruhu2024"})");
    QCOMPARE(reply.status, 200u);
    auto response = protocol::LoginResponse::fromJson(reply.json);
    QVERIFY(response.ok());
    QCOMPARE(response->areas.size(), 4u); // the township and its three villages
}

void TestSyncApi::loginBad() {
    auto wrongPassword =
        call(http::verb::post, "/api/v1/login", R"({"username":"cadre1","password":"nope"})");
    QCOMPARE(wrongPassword.status, 401u);
    QCOMPARE(wrongPassword.json["code"].as_string(), "bad_credentials");
    auto unknownUser =
        call(http::verb::post, "/api/v1/login", R"({"username":"nobody","password":"ruhu2024"})");
    QCOMPARE(unknownUser.status, 401u);
    QCOMPARE(unknownUser.json["code"].as_string(), "bad_credentials");
    auto malformed = call(http::verb::post, "/api/v1/login", R"({"username":"cadre1",)");
    QCOMPARE(malformed.status, 400u);
    QCOMPARE(malformed.json["code"].as_string(), "malformed_json");
    auto missing = call(http::verb::post, "/api/v1/login", R"({"username":"cadre1"})");
    QCOMPARE(missing.status, 400u);
    QCOMPARE(missing.json["code"].as_string(), "bad_request");
    QCOMPARE(missing.json["field"].as_string(), "password");
}

void TestSyncApi::tokensAreStoredHashedAndExpire() {
    const std::string token = login("cadre1");
    QVERIFY(!token.empty());
    {
        auto db = sql::Database::open(m_dir->filePath("central.sqlite3").toStdString(), true);
        QVERIFY(db.ok());
        auto stmt = db->prepare("SELECT sha256 FROM tokens");
        QVERIFY(stmt.ok());
        std::vector<std::string> stored;
        while (stmt->step())
            stored.push_back(stmt->columnText(0));
        QCOMPARE(stored.size(), 1u);
        QCOMPARE(stored[0], tokenDigest(token));
        QVERIFY(stored[0] != token);
    }
    QCOMPARE(call(http::verb::get, "/api/v1/pull", {}, token).status, 200u);
    m_clock->advance(29LL * 24 * 3600 * 1000);
    QCOMPARE(call(http::verb::get, "/api/v1/pull", {}, token).status, 200u);
    m_clock->advance(2LL * 24 * 3600 * 1000);
    auto expired = call(http::verb::get, "/api/v1/pull", {}, token);
    QCOMPARE(expired.status, 401u);
    QCOMPARE(expired.json["code"].as_string(), "unauthorized");
}

void TestSyncApi::pushNeedsToken() {
    const std::string body = pushBody("dev-a", {});
    QCOMPARE(call(http::verb::post, "/api/v1/push", body).status, 401u);
    auto bad = call(http::verb::post, "/api/v1/push", body, std::string(64, 'a'));
    QCOMPARE(bad.status, 401u);
    QCOMPARE(bad.json["code"].as_string(), "unauthorized");
    QCOMPARE(call(http::verb::post, "/api/v1/push", body, login("cadre1")).status, 200u);
}

void TestSyncApi::pushAppliedThenDuplicate() {
    const std::string token = login("cadre1");
    const std::string body = pushBody(
        "dev-a",
        {makeMutation("dev-a", 1, "household", "hh-x1", "hh-x1", kVillage1,
                      {{"regionCode", kVillage1}, {"householdType", "一般农户"}, {"headName", "李四"}}),
         makeMutation("dev-a", 2, "member", "hh-x1-m1", "hh-x1", kVillage1,
                      {{"name", "李四"}, {"idNo", makeIdNumber("429005", "19800101", 11)}})});
    auto first = call(http::verb::post, "/api/v1/push", body, token);
    QCOMPARE(first.status, 200u);
    auto response = protocol::PushResponse::fromJson(first.json);
    QVERIFY(response.ok());
    QCOMPARE(response->results.size(), 2u);
    for (const auto &r : response->results) {
        QCOMPARE(r.status, "applied");
        QVERIFY(r.hasRecord);
        QVERIFY(r.record.version > 0);
    }
    QCOMPARE(response->results[0].record.fields.at("headName").as_string(), "李四");
    QCOMPARE(response->results[1].record.householdId, "hh-x1");
    const int64_t v1 = response->results[0].record.version;
    const int64_t v2 = response->results[1].record.version;
    QVERIFY(v2 > v1);

    auto second = call(http::verb::post, "/api/v1/push", body, token);
    QCOMPARE(second.status, 200u);
    auto again = protocol::PushResponse::fromJson(second.json);
    QVERIFY(again.ok());
    QCOMPARE(again->results.size(), 2u);
    QCOMPARE(again->results[0].status, "duplicate");
    QCOMPARE(again->results[1].status, "duplicate");
    QCOMPARE(again->results[0].record.version, v1);
    QCOMPARE(again->results[1].record.version, v2);

    // The record is pulled once, at its version.
    auto pulled = pullAll(token, 1000);
    auto it = std::find_if(pulled.begin(), pulled.end(), [](const Record &r) { return r.id == "hh-x1"; });
    QVERIFY(it != pulled.end());
    QCOMPARE(it->version, v1);
}

void TestSyncApi::pushMergedKeepsNewerField() {
    const std::string token = login("cadre1");
    // The demo stamps are from 2024; a 2001 edit of the same field loses, a 2027 edit of another wins.
    auto stale = makeMutation("dev-b", 1, "household", "hh-0001", "hh-0001", kVillage1, {{"group", "九组"}},
                              1000000000000);
    stale.fields["address"] = "新地址";
    auto reply = call(http::verb::post, "/api/v1/push",
                      pushBody("dev-b", {stale, makeMutation("dev-b", 2, "household", "hh-0001", "hh-0001",
                                                             kVillage1, {{"headName", "新户主"}})}),
                      token);
    QCOMPARE(reply.status, 200u);
    auto response = protocol::PushResponse::fromJson(reply.json);
    QVERIFY(response.ok());
    QCOMPARE(response->results[0].status, "merged");
    QCOMPARE(response->results[0].supersededFields.size(), 2u);
    QVERIFY(response->results[0].record.fields.at("group").as_string() != "九组");
    QCOMPARE(response->results[1].status, "applied");
    QCOMPARE(response->results[1].record.fields.at("headName").as_string(), "新户主");
    // Nothing changed by the losing mutation, so it did not move the version; the winner did.
    QCOMPARE(response->results[0].record.version, 1);
    QVERIFY(response->results[1].record.version > 1);
}

void TestSyncApi::pushMemberBeforeHouseholdExists() {
    // A new record must name a household the server has (issue 11: it could otherwise name anyone's).
    const std::string token = login("cadre1");
    auto reply = call(http::verb::post, "/api/v1/push",
                      pushBody("dev-a", {makeMutation("dev-a", 1, "member", "hh-y-m1", "hh-y", kVillage1,
                                                      {{"name", "孤儿成员"}})}),
                      token);
    QCOMPARE(reply.status, 200u);
    QCOMPARE(reply.json["results"].as_array()[0].as_object()["status"].as_string(), "rejected");
    QCOMPARE(reply.json["results"].as_array()[0].as_object()["code"].as_string(), "household_unknown");
}

void TestSyncApi::pushOutsideScopeRejectsWholeBatch() {
    const std::string token = login("cadre1");
    auto reply =
        call(http::verb::post, "/api/v1/push",
             pushBody("dev-a", {makeMutation("dev-a", 1, "household", "hh-z1", "hh-z1", kVillage1,
                                             {{"regionCode", kVillage1}, {"householdType", "一般农户"}}),
                                makeMutation("dev-a", 2, "household", "hh-z2", "hh-z2", kVillage2,
                                             {{"regionCode", kVillage2}, {"householdType", "一般农户"}})}),
             token);
    QCOMPARE(reply.status, 403u);
    QCOMPARE(reply.json["code"].as_string(), "forbidden_area");
    QCOMPARE(reply.json["field"].as_string(), "mutations[1].regionCode");
    // Nothing of the batch was applied, not even the allowed first mutation.
    auto county = pullAll(login("county"), 1000);
    QVERIFY(!county.empty());
    for (const auto &r : county)
        QVERIFY(r.id != "hh-z1" && r.id != "hh-z2");
    // And it is not remembered as applied: once allowed, it applies.
    auto retry =
        call(http::verb::post, "/api/v1/push",
             pushBody("dev-a", {makeMutation("dev-a", 1, "household", "hh-z1", "hh-z1", kVillage1,
                                             {{"regionCode", kVillage1}, {"householdType", "一般农户"}})}),
             token);
    QCOMPARE(retry.status, 200u);
    QCOMPARE(retry.json["results"].as_array()[0].as_object()["status"].as_string(), "applied");
}

void TestSyncApi::pushTargetingRecordOutsideScope() {
    // hh-0001 lives in 马家村; cadre2 (赵脑村) claims it is in 赵脑村.
    auto reply = call(http::verb::post, "/api/v1/push",
                      pushBody("dev-c", {makeMutation("dev-c", 1, "household", "hh-0001", "hh-0001",
                                                      kVillage2, {{"headName", "冒名"}})}),
                      login("cadre2"));
    QCOMPARE(reply.status, 403u);
    QCOMPARE(reply.json["code"].as_string(), "forbidden_area");
}

void TestSyncApi::pushMovingHouseholdOutOfScope() {
    auto reply = call(http::verb::post, "/api/v1/push",
                      pushBody("dev-a", {makeMutation("dev-a", 1, "household", "hh-0001", "hh-0001",
                                                      kVillage1, {{"regionCode", kVillage2}})}),
                      login("cadre1"));
    QCOMPARE(reply.status, 403u);
    // The township may move it between its villages (having seen its current version: regionCode is
    // review-required, so a move made without the current state would be queued for review).
    auto move =
        makeMutation("dev-t", 1, "household", "hh-0001", "hh-0001", kVillage1, {{"regionCode", kVillage2}});
    move.baseVersion = serverRecord("household", "hh-0001").version;
    auto moved = call(http::verb::post, "/api/v1/push", pushBody("dev-t", {move}), login("township"));
    QCOMPARE(moved.status, 200u);
    QCOMPARE(moved.json["results"].as_array()[0].as_object()["record"].as_object()["regionCode"].as_string(),
             kVillage2);
}

void TestSyncApi::pushDecodeErrors_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("field");

    auto one = [](std::function<void(boost::json::object &)> edit) {
        auto m = makeMutation("dev-a", 1, "member", "hh-0001-m1", "hh-0001", kVillage1, {{"name", "张三"}});
        auto json = m.toJson().as_object();
        edit(json);
        boost::json::object push{{"deviceId", "dev-a"}, {"mutations", boost::json::array{json}}};
        return QByteArray::fromStdString(boost::json::serialize(push));
    };
    QTest::newRow("malformed") << QByteArray(R"({"deviceId":)") << QByteArray("malformed_json")
                               << QByteArray();
    QTest::newRow("not an object") << QByteArray("[1,2]") << QByteArray("bad_request") << QByteArray();
    QTest::newRow("seq not int") << one([](auto &o) { o["seq"] = "one"; }) << QByteArray("bad_request")
                                 << QByteArray("mutations[0].seq");
    QTest::newRow("unknown kind") << one([](auto &o) { o["kind"] = "spaceship"; })
                                  << QByteArray("unknown_kind") << QByteArray("mutations[0].kind");
    QTest::newRow("bad id number") << one([](auto &o) {
        o["fields"].as_object()["idNo"] = "429005198001010012";
    }) << QByteArray("invalid_id_number")
                                   << QByteArray("mutations[0].idNo");
    QTest::newRow("unknown field") << one([](auto &o) { o["fields"].as_object()["shoeSize"] = 42; })
                                   << QByteArray("unknown_field") << QByteArray("mutations[0].shoeSize");
    QTest::newRow("wrong field type") << one([](auto &o) { o["fields"].as_object()["name"] = 7; })
                                      << QByteArray("invalid_field") << QByteArray("mutations[0].name");
    QTest::newRow("bad region") << one([](auto &o) { o["regionCode"] = "4290"; }) << QByteArray("bad_request")
                                << QByteArray("mutations[0].regionCode");
}

void TestSyncApi::pushDecodeErrors() {
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, field);
    auto reply = call(http::verb::post, "/api/v1/push", body.toStdString(), login("cadre1"));
    QCOMPARE(reply.status, 400u);
    QCOMPARE(QByteArray(reply.json["code"].as_string().c_str()), code);
    if (!field.isEmpty())
        QCOMPARE(QByteArray(reply.json["field"].as_string().c_str()), field);
}

void TestSyncApi::pushTooManyMutations() {
    std::vector<Mutation> list;
    for (int i = 1; i <= 501; ++i)
        list.push_back(
            makeMutation("dev-a", i, "member", "hh-0001-m1", "hh-0001", kVillage1, {{"name", "张三"}}));
    auto reply = call(http::verb::post, "/api/v1/push", pushBody("dev-a", list), login("cadre1"));
    QCOMPARE(reply.status, 400u);
    QCOMPARE(reply.json["code"].as_string(), "batch_too_large");
}

void TestSyncApi::pullPaginatesWithinScope() {
    const std::string token = login("cadre1");
    auto all = pullAll(token, 1000);
    QVERIFY(!all.empty());
    auto paged = pullAll(token, 7);
    QCOMPARE(paged.size(), all.size());
    int64_t last = 0;
    for (size_t i = 0; i < paged.size(); ++i) {
        QCOMPARE(paged[i].id, all[i].id);
        QCOMPARE(paged[i].regionCode, kVillage1);
        QVERIFY(paged[i].version > last);
        last = paged[i].version;
    }
    auto county = pullAll(login("county"), 1000);
    QCOMPARE(county.size(), makeDemoCounty().records.size());
    QVERIFY(all.size() < county.size());

    // Past the end: nothing, the cursor stays, no more.
    auto end = call(http::verb::get, "/api/v1/pull?cursor=" + std::to_string(last), {}, token);
    QCOMPARE(end.status, 200u);
    QCOMPARE(end.json["changes"].as_array().size(), 0u);
    QCOMPARE(end.json["cursor"].as_int64(), last);
    QCOMPARE(end.json["hasMore"].as_bool(), false);
    // Default page size.
    auto first = call(http::verb::get, "/api/v1/pull", {}, login("county"));
    QCOMPARE(first.json["changes"].as_array().size(), protocol::kDefaultPullLimit);
    QCOMPARE(first.json["hasMore"].as_bool(), true);
}

void TestSyncApi::pullRegionFilter() {
    const std::string token = login("township");
    auto village = pullAll(token, 50, std::string("&region=") + kVillage2);
    QVERIFY(!village.empty());
    for (const auto &r : village)
        QCOMPARE(r.regionCode, kVillage2);
    auto outside = call(http::verb::get, "/api/v1/pull?region=429006", {}, token);
    QCOMPARE(outside.status, 403u);
    QCOMPARE(outside.json["code"].as_string(), "forbidden_area");
    auto wider = call(http::verb::get, std::string("/api/v1/pull?region=429005"), {}, login("cadre1"));
    QCOMPARE(wider.status, 403u);
}

void TestSyncApi::pullBadParameters_data() {
    QTest::addColumn<QByteArray>("query");
    QTest::newRow("negative cursor") << QByteArray("cursor=-1");
    QTest::newRow("text cursor") << QByteArray("cursor=abc");
    QTest::newRow("zero limit") << QByteArray("limit=0");
    QTest::newRow("text limit") << QByteArray("limit=ten");
    QTest::newRow("huge cursor") << QByteArray("cursor=99999999999999999999999");
    QTest::newRow("bad region") << QByteArray("region=abc");
}

void TestSyncApi::pullBadParameters() {
    QFETCH(QByteArray, query);
    auto reply = call(http::verb::get, "/api/v1/pull?" + query.toStdString(), {}, login("cadre1"));
    QCOMPARE(reply.status, 400u);
    QCOMPARE(reply.json["code"].as_string(), "bad_request");
}

void TestSyncApi::pullIncludesTombstones() {
    const std::string token = login("cadre1");
    auto cursor = pullAll(token, 1000).back().version;
    auto del = makeMutation("dev-a", 1, "member", "hh-0001-m1", "hh-0001", kVillage1, {});
    del.deleteRecord = true;
    // The device deletes the version it has seen; a blind delete (or a base the server never gave out)
    // would be a review.
    del.baseVersion = serverRecord("member", "hh-0001-m1").version;
    QCOMPARE(call(http::verb::post, "/api/v1/push", pushBody("dev-a", {del}), token).status, 200u);
    auto reply = call(http::verb::get, "/api/v1/pull?cursor=" + std::to_string(cursor), {}, token);
    auto response = protocol::PullResponse::fromJson(reply.json);
    QVERIFY(response.ok());
    QCOMPARE(response->changes.size(), 1u);
    QCOMPARE(response->changes[0].id, "hh-0001-m1");
    QVERIFY(response->changes[0].deleted);
}

void TestSyncApi::demoSeedIsIdempotent() {
    auto again = seedDemoCounty(*m_store, makeDemoCounty());
    QVERIFY(again.ok());
    QVERIFY(!again->loaded);
    // Reopening keeps everything.
    m_context.reset();
    m_store.reset();
    auto reopened = SqliteCentralStore::open(m_dir->path().toStdString());
    QVERIFY(reopened.ok());
    m_store = std::move(*reopened);
    m_context =
        std::make_unique<ApiContext>(ApiContext{.store = *m_store, .clock = *m_clock, .clientAddress = {}});
    m_context->accounts.demo = true;
    QCOMPARE(pullAll(login("county"), 1000).size(), makeDemoCounty().records.size());
}

void TestSyncApi::errorStatusMapping() {
    QCOMPARE(statusForError("disk_full"), http::status::insufficient_storage);
    QCOMPARE(statusForError("storage"), http::status::internal_server_error);
    QCOMPARE(statusForError("forbidden_area"), http::status::forbidden);
    QCOMPARE(statusForError("unauthorized"), http::status::unauthorized);
    QCOMPARE(statusForError("invalid_id_number"), http::status::bad_request);
}

void TestSyncApi::diskFullIs507() {
    const std::string token = login("cadre1", "ruhu2024", "dev-a");
    FullDiskStore full(*m_store);
    m_context =
        std::make_unique<ApiContext>(ApiContext{.store = full, .clock = *m_clock, .clientAddress = {}});
    m_context->accounts.demo = true;
    auto reply = call(http::verb::post, "/api/v1/push",
                      pushBody("dev-a", {makeMutation("dev-a", 1, "member", "hh-0001-m1", "hh-0001",
                                                      kVillage1, {{"name", "张三"}})}),
                      token);
    QCOMPARE(reply.status, 507u);
    QCOMPARE(reply.json["code"].as_string(), "disk_full");
}

protocol::PushResponse TestSyncApi::push(const std::string &token, const std::string &device,
                                         std::vector<Mutation> list, unsigned expectStatus) {
    auto reply = call(http::verb::post, "/api/v1/push", pushBody(device, std::move(list)), token);
    [&] { QCOMPARE(reply.status, expectStatus); }();
    auto response = protocol::PushResponse::fromJson(reply.json);
    return response ? *response : protocol::PushResponse{};
}

Record TestSyncApi::serverRecord(const std::string &kind, const std::string &id) {
    auto record = m_store->findRecord(kind, id);
    return record && *record ? **record : Record{};
}

int64_t TestSyncApi::pullCursor(const std::string &token) {
    int64_t cursor = 0;
    for (int page = 0; page < 100; ++page) {
        auto reply =
            call(http::verb::get, "/api/v1/pull?limit=1000&cursor=" + std::to_string(cursor), {}, token);
        cursor = reply.json["cursor"].as_int64();
        if (!reply.json["hasMore"].as_bool())
            break;
    }
    return cursor;
}

int64_t TestSyncApi::makeConflict(const std::string &token) {
    const int64_t base = serverRecord("household", "hh-0001").version;
    auto first = makeMutation("dev-a", 1, "household", "hh-0001", "hh-0001", kVillage1,
                              {{"noIndustryEmploymentReason", "缺乏劳动力"}});
    first.baseVersion = base;
    auto a = push(token, "dev-a", {first});
    if (a.results.size() != 1 || a.results[0].status != "applied")
        return 0;
    // A second tablet edited the same field from the same base, offline.
    auto second = makeMutation("dev-b", 1, "household", "hh-0001", "hh-0001", kVillage1,
                               {{"noIndustryEmploymentReason", "因病无法务工"}}, 1800000001000);
    second.baseVersion = base;
    second.base = {{"noIndustryEmploymentReason", nullptr}};
    auto b = push(token, "dev-b", {second});
    if (b.results.size() != 1 || b.results[0].status != "queued" || b.results[0].reviewIds.size() != 1)
        return 0;
    return b.results[0].reviewIds[0];
}

void TestSyncApi::reviewQueuedWithBothValues() {
    const std::string token = login("cadre1");
    const int64_t before = serverRecord("household", "hh-0001").version;
    auto reply = call(http::verb::post, "/api/v1/push",
                      pushBody("dev-a", {[&] {
                                   auto m =
                                       makeMutation("dev-a", 1, "household", "hh-0001", "hh-0001", kVillage1,
                                                    {{"noIndustryEmploymentReason", "缺乏劳动力"}});
                                   m.baseVersion = before;
                                   return m;
                               }()}),
                      token);
    QCOMPARE(reply.status, 200u);
    QCOMPARE(reply.json["results"].as_array()[0].as_object()["status"].as_string(), "applied");
    // The stored body keeps each field's version; devices do not get it.
    QVERIFY(!reply.json["results"].as_array()[0].as_object()["record"].as_object().contains("versions"));
    QVERIFY(serverRecord("household", "hh-0001").versions.contains("noIndustryEmploymentReason"));

    auto second =
        makeMutation("dev-b", 1, "household", "hh-0001", "hh-0001", kVillage1,
                     {{"noIndustryEmploymentReason", "因病无法务工"}, {"address", "新住址"}}, 1800000001000);
    second.baseVersion = before;
    second.base = {{"noIndustryEmploymentReason", nullptr}};
    auto queued = call(http::verb::post, "/api/v1/push", pushBody("dev-b", {second}), token);
    QCOMPARE(queued.status, 200u);
    auto result = queued.json["results"].as_array()[0].as_object();
    QCOMPARE(result["status"].as_string(), "queued");
    QCOMPARE(result["queuedFields"].as_array(), boost::json::array{"noIndustryEmploymentReason"});
    QCOMPARE(result["reviewIds"].as_array().size(), 1u);
    QVERIFY(!result["message"].as_string().empty());
    // The server keeps its value; the other (uncontested) field applies.
    QCOMPARE(result["record"].as_object()["fields"].as_object()["noIndustryEmploymentReason"].as_string(),
             "缺乏劳动力");
    QCOMPARE(result["record"].as_object()["fields"].as_object()["address"].as_string(), "新住址");

    auto list = call(http::verb::get, "/api/v1/reviews", {}, token);
    QCOMPARE(list.status, 200u);
    auto reviews = list.json["reviews"].as_array();
    QCOMPARE(reviews.size(), 1u);
    auto review = reviews[0].as_object();
    QCOMPARE(review["id"].as_int64(), result["reviewIds"].as_array()[0].as_int64());
    QCOMPARE(review["kind"].as_string(), "household");
    QCOMPARE(review["recordId"].as_string(), "hh-0001");
    QCOMPARE(review["householdId"].as_string(), "hh-0001");
    QCOMPARE(review["regionCode"].as_string(), kVillage1);
    QCOMPARE(review["field"].as_string(), "noIndustryEmploymentReason");
    QVERIFY(review["baseValue"].is_null());
    QCOMPARE(review["serverValue"].as_string(), "缺乏劳动力");
    QCOMPARE(review["incomingValue"].as_string(), "因病无法务工");
    QCOMPARE(review["serverHlc"].as_string(), (HlcStamp{1800000000000, 1, "dev-a"}.encode()));
    QCOMPARE(review["incomingHlc"].as_string(), second.hlc);
    QCOMPARE(review["mutationId"].as_string(), "dev-b:1");
    QCOMPARE(review["deviceId"].as_string(), "dev-b");
    QCOMPARE(review["author"].as_string(), "cadre1"); // the authenticated user, not the device's claim
    QCOMPARE(review["createdAtMs"].as_int64(), m_clock->nowMs());
    QCOMPARE(review["status"].as_string(), "open");
    QVERIFY(review["resolution"].is_null());
    QCOMPARE(list.json["cursor"].as_int64(), review["id"].as_int64());
    QCOMPARE(list.json["hasMore"].as_bool(), false);
    QCOMPARE(
        call(http::verb::get, "/api/v1/reviews?status=resolved", {}, token).json["reviews"].as_array().size(),
        0u);
    QCOMPARE(call(http::verb::get, "/api/v1/reviews?status=bogus", {}, token).status, 400u);

    // Re-sending the queued mutation does not queue it twice.
    QCOMPARE(push(token, "dev-b", {second}).results[0].status, "duplicate");
    QCOMPARE(call(http::verb::get, "/api/v1/reviews?status=all", {}, token).json["reviews"].as_array().size(),
             1u);
}

void TestSyncApi::resolveByTownshipFlowsBackOnPull() {
    const std::string cadre = login("cadre1");
    const int64_t reviewId = makeConflict(cadre);
    QVERIFY(reviewId > 0);
    const int64_t cursor = pullCursor(cadre);
    const Record before = serverRecord("household", "hh-0001");

    m_clock->advance(5000);
    const std::string target = "/api/v1/reviews/" + std::to_string(reviewId) + "/resolve";
    auto reply =
        call(http::verb::post, target, R"({"choice":"incoming","note":"经核实，因病"})", login("township"));
    QCOMPARE(reply.status, 200u);
    auto review = reply.json["review"].as_object();
    QCOMPARE(review["status"].as_string(), "resolved");
    auto resolution = review["resolution"].as_object();
    QCOMPARE(resolution["choice"].as_string(), "incoming");
    QCOMPARE(resolution["value"].as_string(), "因病无法务工");
    QCOMPARE(resolution["note"].as_string(), "经核实，因病");
    QCOMPARE(resolution["reviewer"].as_string(), "township");
    auto record = Record::fromJson(reply.json["record"]);
    QVERIFY(record.ok());
    QCOMPARE(record->fields.at("noIndustryEmploymentReason").as_string(), "因病无法务工");
    QVERIFY(record->version > before.version);
    // The decision's stamp is the server's and newer than what the field had.
    auto stamp = HlcStamp::decode(record->clocks.at("noIndustryEmploymentReason").as_string());
    QVERIFY(stamp.has_value());
    QCOMPARE(stamp->node, "server");
    QVERIFY(record->clocks.at("noIndustryEmploymentReason").as_string() >
            before.clocks.at("noIndustryEmploymentReason").as_string());

    // The cadre's tablet pulls the decision.
    auto pulled = call(http::verb::get, "/api/v1/pull?cursor=" + std::to_string(cursor), {}, cadre);
    auto changes = pulled.json["changes"].as_array();
    QCOMPARE(changes.size(), 1u);
    QCOMPARE(changes[0].as_object()["id"].as_string(), "hh-0001");
    QCOMPARE(changes[0].as_object()["version"].as_int64(), record->version);
    QCOMPARE(changes[0].as_object()["fields"].as_object()["noIndustryEmploymentReason"].as_string(),
             "因病无法务工");

    // The decision is in the record's history as a mutation of device "server", by the reviewer.
    auto history = call(http::verb::get, "/api/v1/history?kind=household&id=hh-0001", {}, cadre);
    auto last = history.json["entries"].as_array().back().as_object();
    QCOMPARE(last["mutation"].as_object()["deviceId"].as_string(), "server");
    QCOMPARE(last["mutation"].as_object()["id"].as_string(), "server:1");
    QCOMPARE(last["mutation"].as_object()["author"].as_string(), "township");
    QCOMPARE(last["result"].as_object()["reviewId"].as_int64(), reviewId);

    // Once only.
    auto again = call(http::verb::post, target, R"({"choice":"server"})", login("county"));
    QCOMPARE(again.status, 409u);
    QCOMPARE(again.json["code"].as_string(), "already_resolved");
    QCOMPARE(
        call(http::verb::get, "/api/v1/reviews?status=resolved", {}, cadre).json["reviews"].as_array().size(),
        1u);
    QCOMPARE(call(http::verb::get, "/api/v1/reviews", {}, cadre).json["reviews"].as_array().size(), 0u);

    // A custom value is checked against the field's declaration; a missing review is 404.
    QCOMPARE(call(http::verb::post, "/api/v1/reviews/999/resolve", R"({"choice":"server"})", login("county"))
                 .status,
             404u);
    QCOMPARE(call(http::verb::post, target, R"({"choice":"maybe"})", login("county")).status, 400u);
}

void TestSyncApi::resolveDeleteRace() {
    const std::string cadre = login("cadre1");
    const int64_t base = serverRecord("member", "hh-0001-m1").version;
    auto edit =
        makeMutation("dev-a", 1, "member", "hh-0001-m1", "hh-0001", kVillage1, {{"phone", "13800000000"}});
    edit.baseVersion = base;
    QCOMPARE(push(cadre, "dev-a", {edit}).results[0].status, "applied");
    auto del = makeMutation("dev-b", 1, "member", "hh-0001-m1", "hh-0001", kVillage1, {});
    del.deleteRecord = true;
    del.baseVersion = base;
    auto queued = push(cadre, "dev-b", {del});
    QCOMPARE(queued.results[0].status, "queued");
    QCOMPARE(queued.results[0].queuedFields, std::vector<std::string>{"_delete"});
    QVERIFY(!queued.results[0].record.deleted);
    auto review =
        call(http::verb::get, "/api/v1/reviews", {}, cadre).json["reviews"].as_array()[0].as_object();
    QCOMPARE(review["field"].as_string(), "_delete");
    QCOMPARE(review["incomingValue"].as_object()["deleted"].as_bool(), true);
    QCOMPARE(review["serverValue"].as_object()["deleted"].as_bool(), false);

    auto reply =
        call(http::verb::post, "/api/v1/reviews/" + std::to_string(review["id"].as_int64()) + "/resolve",
             R"({"choice":"incoming"})", login("township"));
    QCOMPARE(reply.status, 200u);
    QCOMPARE(reply.json["record"].as_object()["deleted"].as_bool(), true);
    QVERIFY(serverRecord("member", "hh-0001-m1").deleted);
}

void TestSyncApi::villageCannotResolve() {
    const std::string cadre = login("cadre1");
    const int64_t reviewId = makeConflict(cadre);
    QVERIFY(reviewId > 0);
    auto reply = call(http::verb::post, "/api/v1/reviews/" + std::to_string(reviewId) + "/resolve",
                      R"({"choice":"incoming"})", cadre);
    QCOMPARE(reply.status, 403u);
    QCOMPARE(reply.json["code"].as_string(), "forbidden_role");
    QCOMPARE(call(http::verb::get, "/api/v1/reviews", {}, cadre)
                 .json["reviews"]
                 .as_array()[0]
                 .as_object()["status"]
                 .as_string(),
             "open");
}

void TestSyncApi::reviewsAreScoped() {
    const int64_t reviewId = makeConflict(login("cadre1"));
    QVERIFY(reviewId > 0);
    QCOMPARE(call(http::verb::get, "/api/v1/reviews", {}, login("cadre2")).json["reviews"].as_array().size(),
             0u);
    QCOMPARE(
        call(http::verb::get, "/api/v1/reviews", {}, login("township")).json["reviews"].as_array().size(),
        1u);
    QCOMPARE(call(http::verb::get, "/api/v1/reviews?cursor=" + std::to_string(reviewId), {}, login("county"))
                 .json["reviews"]
                 .as_array()
                 .size(),
             0u);
}

void TestSyncApi::historyInApplicationOrder() {
    const std::string token = login("cadre1");
    push(token, "dev-a",
         {makeMutation("dev-a", 1, "household", "hh-0001", "hh-0001", kVillage1, {{"headName", "一"}}),
          makeMutation("dev-a", 2, "household", "hh-0001", "hh-0001", kVillage1, {{"headName", "二"}})});
    // A losing (older) write is history too.
    push(token, "dev-b",
         {makeMutation("dev-b", 1, "household", "hh-0001", "hh-0001", kVillage1, {{"headName", "旧"}},
                       1700000000000)});
    m_clock->advance(1000);
    push(token, "dev-a",
         {makeMutation("dev-a", 3, "household", "hh-0001", "hh-0001", kVillage1, {{"group", "三组"}})});

    auto reply = call(http::verb::get, "/api/v1/history?kind=household&id=hh-0001", {}, token);
    QCOMPARE(reply.status, 200u);
    auto entries = reply.json["entries"].as_array();
    QCOMPARE(entries.size(), 4u);
    const char *ids[] = {"dev-a:1", "dev-a:2", "dev-b:1", "dev-a:3"};
    const char *statuses[] = {"applied", "applied", "merged", "applied"};
    for (size_t i = 0; i < 4; ++i) {
        auto e = entries[i].as_object();
        QCOMPARE(e["mutation"].as_object()["id"].as_string(), ids[i]);
        QCOMPARE(e["result"].as_object()["status"].as_string(), statuses[i]);
    }
    QCOMPARE(entries[2].as_object()["mutation"].as_object()["fields"].as_object()["headName"].as_string(),
             "旧");
    QCOMPARE(entries[3].as_object()["receivedAtMs"].as_int64(), m_clock->nowMs());
    QCOMPARE(entries[0].as_object()["receivedAtMs"].as_int64(), m_clock->nowMs() - 1000);

    auto outside = call(http::verb::get, "/api/v1/history?kind=household&id=hh-0001", {}, login("cadre2"));
    QCOMPARE(outside.status, 403u);
    QCOMPARE(outside.json["code"].as_string(), "forbidden_area");
    QCOMPARE(call(http::verb::get, "/api/v1/history?kind=household&id=hh-none", {}, token).status, 404u);
    QCOMPARE(call(http::verb::get, "/api/v1/history?kind=household", {}, token).status, 400u);
}

void TestSyncApi::clockAheadDoesNotWin() {
    const std::string token = login("cadre1");
    const int64_t base = serverRecord("household", "hh-0001").version;
    auto honest = makeMutation("dev-a", 1, "household", "hh-0001", "hh-0001", kVillage1, {{"address", "甲"}});
    honest.baseVersion = base;
    QCOMPARE(push(token, "dev-a", {honest}).results[0].status, "applied");
    // A tablet whose clock runs a day ahead edits the same field concurrently.
    auto ahead = makeMutation("dev-b", 1, "household", "hh-0001", "hh-0001", kVillage1, {{"address", "乙"}},
                              m_clock->nowMs() + 24LL * 3600 * 1000);
    ahead.baseVersion = base;
    auto response = push(token, "dev-b", {ahead});
    QCOMPARE(response.results[0].status, "merged");
    QCOMPARE(response.results[0].code, "clock_ahead");
    QCOMPARE(response.results[0].message, "本机时间与服务器相差过大，请校正平板时间");
    QCOMPARE(response.results[0].supersededFields, std::vector<std::string>{"address"});
    QCOMPARE(serverRecord("household", "hh-0001").fields.at("address").as_string(), "甲");
    // Its value is not lost: the history has it.
    auto history = call(http::verb::get, "/api/v1/history?kind=household&id=hh-0001", {}, token);
    QCOMPARE(history.json["entries"]
                 .as_array()
                 .back()
                 .as_object()["mutation"]
                 .as_object()["fields"]
                 .as_object()["address"]
                 .as_string(),
             "乙");
}

void TestSyncApi::refusedFieldRejectsMutation() {
    const std::string token = login("cadre1");
    // A member's householdId is immutable once set.
    QCOMPARE(push(token, "dev-a",
                  {makeMutation("dev-a", 1, "member", "hh-0001-m8", "hh-0001", kVillage1,
                                {{"name", "新成员"}, {"householdId", "hh-0001"}})})
                 .results[0]
                 .status,
             "applied");
    auto m =
        makeMutation("dev-a", 2, "member", "hh-0001-m8", "hh-0001", kVillage1, {{"householdId", "hh-0002"}});
    auto response = push(token, "dev-a", {m});
    QCOMPARE(response.results[0].status, "rejected");
    QCOMPARE(response.results[0].code, "field_refused");
    QCOMPARE(response.results[0].refusedFields, std::vector<std::string>{"householdId"});
    QVERIFY(response.results[0].hasRecord);
}

void TestSyncApi::missingSeqsReportedAndClosed() {
    const std::string token = login("cadre1");
    auto edit = [](int64_t seq) {
        return makeMutation("dev-g", seq, "household", "hh-0001", "hh-0001", kVillage1,
                            {{"headName", "名" + std::to_string(seq)}});
    };
    auto first = push(token, "dev-g", {edit(1), edit(2), edit(5), edit(7)});
    QCOMPARE(first.results.size(), 4u);
    for (const auto &r : first.results)
        QVERIFY(r.status == "applied" || r.status == "merged");
    QCOMPARE(first.missingSeqs, (std::vector<int64_t>{3, 4, 6}));
    QCOMPARE(call(http::verb::post, "/api/v1/push", pushBody("dev-g", {edit(1), edit(2)}), token)
                 .json["missingSeqs"]
                 .as_array()
                 .size(),
             3u);

    auto second = push(token, "dev-g", {edit(3)});
    QCOMPARE(second.missingSeqs, (std::vector<int64_t>{4, 6}));
    // The device set seq 4 and 6 aside after a 400: it says so, and the gaps close.
    protocol::PushRequest skip;
    skip.deviceId = "dev-g";
    skip.skippedSeqs = {4, 6};
    auto closed = call(http::verb::post, "/api/v1/push", boost::json::serialize(skip.toJson()), token);
    QCOMPARE(closed.status, 200u);
    QVERIFY(!closed.json.contains("missingSeqs"));
    auto later = push(token, "dev-g", {edit(8)});
    QVERIFY(later.missingSeqs.empty());

    // At most 100 gaps are listed.
    auto far = push(
        token, "dev-h",
        {makeMutation("dev-h", 1000, "household", "hh-0001", "hh-0001", kVillage1, {{"group", "一组"}})});
    QCOMPARE(far.missingSeqs.size(), 100u);
    QCOMPARE(far.missingSeqs.front(), 1);
}

void TestSyncApi::serverDeviceIdIsReserved() {
    auto reply = call(http::verb::post, "/api/v1/push",
                      pushBody("server", {makeMutation("server", 1, "household", "hh-0001", "hh-0001",
                                                       kVillage1, {{"group", "一组"}})}),
                      login("cadre1"));
    QCOMPARE(reply.status, 400u);
    QCOMPARE(reply.json["field"].as_string(), "deviceId");
}

namespace {

Mutation caseState(const std::string &device, int64_t seq, const std::string &state,
                   boost::json::object extra = {}) {
    extra["state"] = state;
    auto m = makeMutation(device, seq, "workflowCase", "wc-1", "hh-0001", kVillage1, std::move(extra));
    return m;
}

} // namespace

void TestSyncApi::invalidTransitionRejectedPerMutation() {
    const std::string token = login("cadre1");
    auto response =
        push(token, "dev-a",
             {caseState("dev-a", 1, "LEAD",
                        {{"householdId", "hh-0001"}, {"caseType", "识别"}, {"source", "入户走访"}}),
              caseState("dev-a", 2, "TRIAGED"), // no 研判 recorded yet
              caseState("dev-a", 3, "TRIAGED", {{"triage", boost::json::object{{"result", "重点核查"}}}}),
              caseState("dev-a", 4, "TOWNSHIP_APPROVED"), // a village cadre cannot skip to 乡镇审核
              makeMutation("dev-a", 5, "household", "hh-0001", "hh-0001", kVillage1, {{"headName", "照常"}}),
              caseState("dev-a", 6, "SURVEYED")}); // the demo household has no income sheet
    QCOMPARE(response.results.size(), 6u);
    QCOMPARE(response.results[0].status, "applied");
    QCOMPARE(response.results[1].status, "rejected");
    QCOMPARE(response.results[1].code, "triage_missing");
    QVERIFY2(response.results[1].message.find("缺少：综合研判结论") != std::string::npos,
             response.results[1].message.c_str());
    QCOMPARE(response.results[2].status, "applied");
    QCOMPARE(response.results[3].status, "rejected");
    QCOMPARE(response.results[3].code, "invalid_transition");
    QVERIFY2(response.results[3].message.find("综合研判") != std::string::npos,
             response.results[3].message.c_str());
    QVERIFY2(response.results[3].message.find("乡镇审核通过") != std::string::npos,
             response.results[3].message.c_str());
    QCOMPARE(response.results[3].record.fields.at("state").as_string(), "TRIAGED");
    QCOMPARE(response.results[4].status, "applied");
    QCOMPARE(response.results[5].status, "rejected");
    QVERIFY2(response.results[5].message.find("缺少：收入核算表") != std::string::npos,
             response.results[5].message.c_str());
    QCOMPARE(serverRecord("workflowCase", "wc-1").fields.at("state").as_string(), "TRIAGED");
    QCOMPARE(serverRecord("household", "hh-0001").fields.at("headName").as_string(), "照常");

    // Checked against the current state, not the device's base: going back to TRIAGED is no transition.
    auto back = push(token, "dev-a", {caseState("dev-a", 7, "LEAD")});
    QCOMPARE(back.results[0].status, "rejected");
    QCOMPARE(back.results[0].code, "invalid_transition");
    // A new case starts as a lead; an unknown state is a malformed request.
    auto skipStart =
        makeMutation("dev-a", 8, "workflowCase", "wc-2", "hh-0001", kVillage1, {{"state", "ASSISTING"}});
    QCOMPARE(push(token, "dev-a", {skipStart}).results[0].code, "invalid_transition");
    // One open case per household.
    auto second = makeMutation("dev-a", 9, "workflowCase", "wc-2", "hh-0001", kVillage1,
                               {{"state", "LEAD"}, {"householdId", "hh-0001"}, {"source", "入户走访"}});
    QCOMPARE(push(token, "dev-a", {second}).results[0].code, "case_already_open");
    auto unknown =
        makeMutation("dev-a", 10, "workflowCase", "wc-3", "hh-0001", kVillage1, {{"state", "NONSENSE"}});
    QCOMPARE(push(token, "dev-a", {unknown}, 400).results.size(), 0u);
    // Rejections are history too.
    auto history = call(http::verb::get, "/api/v1/history?kind=workflowCase&id=wc-1", {}, token);
    QCOMPARE(history.json["entries"].as_array().size(), 6u);
    QCOMPARE(history.json["entries"].as_array()[1].as_object()["result"].as_object()["status"].as_string(),
             "rejected");
}

void TestSyncApi::transitionNeedsRole() {
    const std::string cadre = login("cadre1");
    auto lead =
        push(cadre, "dev-a",
             {caseState("dev-a", 1, "LEAD", {{"householdId", "hh-0001"}, {"source", "入户走访"}}),
              caseState("dev-a", 2, "TRIAGED", {{"triage", boost::json::object{{"result", "重点核查"}}}})});
    for (const auto &r : lead.results)
        QCOMPARE(r.status, "applied");
    // The role is checked before anything else: neither a township nor a village account may confirm, and
    // nobody skips steps.
    auto township = push(login("township"), "dev-t", {caseState("dev-t", 1, "COUNTY_CONFIRMED")});
    QCOMPARE(township.results[0].status, "rejected");
    QCOMPARE(township.results[0].code, "invalid_transition");
    QVERIFY(township.results[0].message.find("直接") != std::string::npos);
    auto county = push(login("county"), "dev-c", {caseState("dev-c", 1, "REMOVED")});
    QCOMPARE(county.results[0].code, "reason_missing"); // the county may remove, with a reason
    QCOMPARE(push(cadre, "dev-a", {caseState("dev-a", 3, "REMOVED")}).results[0].code, "invalid_transition");

    // The same table tells the tablet what its user may propose next.
    QCOMPARE(workflow::allowedNextStates("PUBLICIZED", "village"), std::vector<std::string>{"WITHDRAWN"});
    auto forTownship = workflow::allowedNextStates("PUBLICIZED", "township");
    QVERIFY(std::find(forTownship.begin(), forTownship.end(), "TOWNSHIP_APPROVED") != forTownship.end());
    QVERIFY(std::find(forTownship.begin(), forTownship.end(), "REMOVED") == forTownship.end());
}

void TestSyncApi::householdMoveCarriesMembersAndDepartsOldScope() {
    const std::string oldVillage = login("cadre1");
    const std::string newVillage = login("cadre2");
    const std::string township = login("township");
    const int64_t oldCursor = pullCursor(oldVillage);
    const int64_t newCursor = pullCursor(newVillage);
    const int64_t townshipCursor = pullCursor(township);
    std::set<std::string> family;
    for (const auto &r : pullAll(oldVillage, 1000)) {
        if (r.householdId == "hh-0001")
            family.insert(r.id);
    }
    QVERIFY(family.size() >= 2); // the household and at least one member

    auto move =
        makeMutation("dev-t", 1, "household", "hh-0001", "hh-0001", kVillage1, {{"regionCode", kVillage2}});
    move.baseVersion = serverRecord("household", "hh-0001").version;
    auto response = push(township, "dev-t", {move});
    QCOMPARE(response.results[0].status, "applied");
    QCOMPARE(response.results[0].record.regionCode, kVillage2);
    for (const auto &id : family) {
        Record r = serverRecord(id == "hh-0001" ? "household" : "member", id);
        QCOMPARE(r.regionCode, kVillage2);
        QVERIFY(r.version > oldCursor);
    }

    // The new village's tablets get the whole family.
    auto arriving = call(http::verb::get, "/api/v1/pull?cursor=" + std::to_string(newCursor), {}, newVillage);
    std::set<std::string> arrived;
    for (const auto &c : arriving.json["changes"].as_array())
        arrived.insert(std::string(c.as_object().at("id").as_string()));
    QCOMPARE(arrived, family);
    QVERIFY(!arriving.json.contains("departed"));

    // The old village's tablets are told to drop it, and the cursor moves past the departures.
    auto leaving = call(http::verb::get, "/api/v1/pull?cursor=" + std::to_string(oldCursor), {}, oldVillage);
    auto pulled = protocol::PullResponse::fromJson(leaving.json);
    QVERIFY(pulled.ok());
    QCOMPARE(pulled->changes.size(), 0u);
    std::set<std::string> departed;
    for (const auto &d : pulled->departed)
        departed.insert(d.id);
    QCOMPARE(departed, family);
    QVERIFY(leaving.json["departed"].as_array()[0].as_object()["moved"].as_bool());
    QVERIFY(pulled->cursor > oldCursor);
    auto after =
        call(http::verb::get, "/api/v1/pull?cursor=" + std::to_string(pulled->cursor), {}, oldVillage);
    QVERIFY(!after.json.contains("departed"));
    QCOMPARE(after.json["changes"].as_array().size(), 0u);

    // Paged with a small limit, a departure still arrives once.
    std::set<std::string> pagedDeparted;
    int64_t cursor = 0;
    for (int page = 0; page < 100; ++page) {
        auto reply = protocol::PullResponse::fromJson(
            call(http::verb::get, "/api/v1/pull?limit=5&cursor=" + std::to_string(cursor), {}, oldVillage)
                .json);
        QVERIFY(reply.ok());
        for (const auto &d : reply->departed)
            QVERIFY(pagedDeparted.insert(d.id).second);
        cursor = reply->cursor;
        if (!reply->hasMore)
            break;
    }
    QCOMPARE(pagedDeparted, family);

    // For the township the move stayed inside its scope: records changed, nothing departed.
    auto inside =
        call(http::verb::get, "/api/v1/pull?cursor=" + std::to_string(townshipCursor), {}, township);
    QVERIFY(!inside.json.contains("departed"));
    QCOMPARE(inside.json["changes"].as_array().size(), family.size());

    // A member's history says why it moved.
    auto history = call(http::verb::get, "/api/v1/history?kind=member&id=hh-0001-m1", {}, newVillage);
    auto last = history.json["entries"].as_array().back().as_object();
    QCOMPARE(last["result"].as_object()["status"].as_string(), "moved");
    QCOMPARE(last["result"].as_object()["cause"].as_string(), "dev-t:1");
}

void TestSyncApi::editOfDepartedRecordIsKept() {
    const std::string oldVillage = login("cadre1");
    const int64_t seen = serverRecord("member", "hh-0001-m1").version;
    auto move =
        makeMutation("dev-t", 1, "household", "hh-0001", "hh-0001", kVillage1, {{"regionCode", kVillage2}});
    move.baseVersion = serverRecord("household", "hh-0001").version;
    QCOMPARE(push(login("township"), "dev-t", {move}).results[0].status, "applied");

    // The old village's tablet edited the member offline before it learnt of the move: the edit is kept.
    auto pending =
        makeMutation("dev-a", 1, "member", "hh-0001-m1", "hh-0001", kVillage1, {{"phone", "13700000000"}});
    pending.baseVersion = seen;
    auto response = push(oldVillage, "dev-a", {pending});
    QCOMPARE(response.results[0].status, "applied");
    QCOMPARE(serverRecord("member", "hh-0001-m1").regionCode, kVillage2);
    QCOMPARE(serverRecord("member", "hh-0001-m1").fields.at("phone").as_string(), "13700000000");
    // The record is another village's now: the answer does not carry it.
    QVERIFY(!response.results[0].hasRecord);
    // A new member for the household that left is the new village's to add (issue 11).
    auto added = makeMutation("dev-a", 2, "member", "hh-0001-m9", "hh-0001", kVillage1, {{"name", "新成员"}});
    added.baseVersion = seen;
    auto addedResult = push(oldVillage, "dev-a", {added});
    QCOMPARE(addedResult.results[0].status, "rejected");
    QCOMPARE(addedResult.results[0].code, "record_moved");
    // So is an edit made after the tablet saw the move, or one claiming to have seen nothing.
    auto late =
        makeMutation("dev-a", 3, "member", "hh-0001-m1", "hh-0001", kVillage1, {{"phone", "13700000001"}});
    late.baseVersion = serverRecord("member", "hh-0001-m1").version;
    QCOMPARE(push(oldVillage, "dev-a", {late}).results[0].code, "record_moved");
    auto blind =
        makeMutation("dev-a", 4, "member", "hh-0001-m1", "hh-0001", kVillage1, {{"phone", "13700000002"}});
    QCOMPARE(push(oldVillage, "dev-a", {blind}).results[0].code, "record_moved");
    QCOMPARE(serverRecord("member", "hh-0001-m1").fields.at("phone").as_string(), "13700000000");
}

QTEST_GUILESS_MAIN(TestSyncApi)
#include "tst_syncapi.moc"
