// The HTTP API as a pure function over a SqliteCentralStore in a temporary directory: no sockets.
#include "api/replies.h"
#include "api/router.h"
#include "storage/credentials.h"
#include "storage/demo_seed.h"
#include "storage/sqlite_central_store.h"

#include <ruhu/demo/demo_county.h>
#include <ruhu/store/sqlite.h>
#include <ruhu/sync/hlc.h>
#include <ruhu/sync/protocol.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

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

private:
    Reply call(http::verb verb, const std::string &target, const std::string &body = {},
               const std::string &token = {});
    std::string login(const std::string &user, const std::string &password = "ruhu2024");
    std::vector<Record> pullAll(const std::string &token, size_t limit, const std::string &extra = {});

    QTemporaryDir m_seeded; // a store with the demo county, copied for each test (argon2id is slow)
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteCentralStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ApiContext> m_context;
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
    m_context = std::make_unique<ApiContext>(ApiContext{*m_store, *m_clock});
}

void TestSyncApi::cleanup() {
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

std::string TestSyncApi::login(const std::string &user, const std::string &password) {
    auto reply = call(http::verb::post, "/api/v1/login",
                      boost::json::serialize(protocol::LoginRequest{user, password, "dev-test"}.toJson()));
    if (reply.status != 200)
        return {};
    return std::string(reply.json["token"].as_string());
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
    const std::string token = login("cadre1");
    auto reply = call(http::verb::post, "/api/v1/push",
                      pushBody("dev-a", {makeMutation("dev-a", 1, "member", "hh-y-m1", "hh-y", kVillage1,
                                                      {{"name", "孤儿成员"}})}),
                      token);
    QCOMPARE(reply.status, 200u);
    QCOMPARE(reply.json["results"].as_array()[0].as_object()["status"].as_string(), "applied");
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
    // The township may move it between its villages.
    auto moved = call(http::verb::post, "/api/v1/push",
                      pushBody("dev-t", {makeMutation("dev-t", 1, "household", "hh-0001", "hh-0001",
                                                      kVillage1, {{"regionCode", kVillage2}})}),
                      login("township"));
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
    m_context = std::make_unique<ApiContext>(ApiContext{*m_store, *m_clock});
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
    const std::string token = login("cadre1");
    FullDiskStore full(*m_store);
    m_context = std::make_unique<ApiContext>(ApiContext{full, *m_clock});
    auto reply = call(http::verb::post, "/api/v1/push",
                      pushBody("dev-a", {makeMutation("dev-a", 1, "member", "hh-0001-m1", "hh-0001",
                                                      kVillage1, {{"name", "张三"}})}),
                      token);
    QCOMPARE(reply.status, 507u);
    QCOMPARE(reply.json["code"].as_string(), "disk_full");
}

QTEST_GUILESS_MAIN(TestSyncApi)
#include "tst_syncapi.moc"
