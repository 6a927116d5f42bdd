// One engine everywhere (issue 12), against the real ruhu-syncd on loopback:
//  - a push that changes a household's rule inputs makes the server re-run the income sheet and the rule
//    engine and store incomeSheet.computed, which reaches the device by pull;
//  - for random households, what the device computes on its own replica records with the served
//    configuration (ruhu::replicaHouseholdRecords + ruhu::domain::assessHousehold, what the tablet runs)
//    is identical to what the server stored;
//  - a county loads a new threshold through PUT /api/v1/rules/config and the next evaluation uses it,
//    without a new build; other roles, invalid and stale documents are refused.
#include "serverprocess.h"

#include <ruhu/domain/beijing_time.h>
#include <ruhu/domain/household_records.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/store/device_replica.h>
#include <ruhu/store/replica_household.h>
#include <ruhu/sync/protocol.h>

#include <QTemporaryDir>
#include <QtTest>

#include <rapidcheck.h>

using namespace ruhu;

namespace {

const std::string kVillage = "429005103201"; // cadre1's village (demo county, 潜江市)

QByteArray bytes(const std::string &s) {
    return QByteArray(s.data(), qsizetype(s.size()));
}

QString qs(const std::string &s) {
    return QString::fromStdString(s);
}

std::optional<boost::json::value> bodyJson(const HttpResult &reply) {
    auto json = parseJson(std::string_view(reply.body.constData(), size_t(reply.body.size())));
    if (!json)
        return std::nullopt;
    return *json;
}

int thisYear() {
    return domain::beijingDate(SystemClock::instance().nowMs()).year;
}

// The built-in configuration with thresholds for the demo county this year and next (a county's load).
boost::json::object countyConfig(int version, const std::string &value) {
    auto json = parseJson(domain::builtinRuleConfigJson());
    boost::json::object doc = json->as_object();
    doc.erase("hash");
    doc["id"] = "qianjiang-" + std::to_string(version);
    doc["version"] = version;
    auto &thresholds = doc["thresholds"].as_array();
    for (int year : {thisYear(), thisYear() + 1})
        thresholds.push_back(boost::json::object{{"regionPrefix", "429005"},
                                                 {"regionName", "潜江市"},
                                                 {"year", year},
                                                 {"value", value},
                                                 {"source", "潜江市测试文件"}});
    return doc;
}

} // namespace

class TestHouseholdEvaluation : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void builtinConfigIsServedBeforeAnyLoad();
    void serverComputesOnPush();
    void countyLoadsThresholdAndServerUsesIt();
    void onlyCountyLoadsValidNewerConfigs();
    void newRiskAssessmentRecordsItsConfig();
    void randomHouseholdsAgreeWithServer();

private:
    QByteArray token(const QString &user, const QString &device = {});
    bool sync();
    std::optional<domain::RuleConfig> servedConfig();
    std::optional<boost::json::object> storedComputed(const std::string &householdId);
    // Computes as the tablet does on its replica, with the served configuration, on the server's date.
    boost::json::object deviceComputed(const std::string &householdId, const domain::RuleConfig &config,
                                       const domain::CivilDate &on);
    std::string addHousehold(const std::string &type, const std::vector<boost::json::object> &members,
                             const boost::json::object &sheet, const boost::json::object &extra = {});

    ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<DeviceReplica> m_replica;
    QByteArray m_cadre;
    QByteArray m_county;
};

void TestHouseholdEvaluation::initTestCase() {
    QVERIFY2(m_server.start(true), m_server.log().constData());
    auto key = loadOrCreateDeviceKey(m_dir.filePath("device.key").toStdString());
    QVERIFY(key.ok());
    auto replica = DeviceReplica::open(m_dir.filePath("replica.db").toStdString(), *key);
    QVERIFY(replica.ok());
    m_replica = std::move(*replica);
    // The cadre's token is bound to the replica's device: its pushes name that device.
    m_cadre = token("cadre1", QString::fromStdString(m_replica->deviceId()));
    m_county = token("county");
    QVERIFY(!m_cadre.isEmpty() && !m_county.isEmpty());
    QVERIFY(sync());
}

void TestHouseholdEvaluation::cleanupTestCase() {
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

QByteArray TestHouseholdEvaluation::token(const QString &user, const QString &device) {
    const QByteArray body =
        QJsonDocument(QJsonObject{{"username", user},
                                  {"password", "ruhu2024"},
                                  {"deviceId", device.isEmpty() ? "dev-engine-" + user : device}})
            .toJson(QJsonDocument::Compact);
    auto reply = httpRequest("POST", m_server.url("/api/v1/login"), body);
    return reply.status == 200 ? reply.json.value("token").toString().toLatin1() : QByteArray();
}

bool TestHouseholdEvaluation::sync() {
    for (int guard = 0; m_replica->pendingCount() > 0; ++guard) {
        auto batch = m_replica->nextPushBatch(50);
        auto reply = httpRequest("POST", m_server.url("/api/v1/push"), bytes(toCanonicalJson(batch.toJson())),
                                 m_cadre);
        auto json = bodyJson(reply);
        if (guard > 20 || reply.status != 200 || !json)
            return false;
        auto response = protocol::PushResponse::fromJson(*json);
        if (!response || !m_replica->applyPushResponse(*response))
            return false;
    }
    for (int guard = 0; guard < 1000; ++guard) {
        auto reply = httpRequest(
            "GET", m_server.url(QStringLiteral("/api/v1/pull?cursor=%1&limit=500").arg(m_replica->cursor())),
            {}, m_cadre);
        auto json = bodyJson(reply);
        if (reply.status != 200 || !json)
            return false;
        auto pull = protocol::PullResponse::fromJson(*json);
        if (!pull || !m_replica->applyPull(*pull))
            return false;
        if (!pull->hasMore)
            return true;
    }
    return false;
}

std::optional<domain::RuleConfig> TestHouseholdEvaluation::servedConfig() {
    auto reply = httpRequest("GET", m_server.url("/api/v1/rules/config"), {}, m_cadre);
    auto json = bodyJson(reply);
    if (reply.status != 200 || !json)
        return std::nullopt;
    auto config = domain::parseRuleConfig(json->as_object().at("document"));
    if (!config)
        return std::nullopt;
    return *config;
}

std::optional<boost::json::object> TestHouseholdEvaluation::storedComputed(const std::string &householdId) {
    auto sheet = m_replica->record("incomeSheet", domain::incomeSheetId(householdId));
    if (!sheet)
        return std::nullopt;
    const auto *computed = sheet->fields.if_contains("computed");
    if (!computed || !computed->is_object())
        return std::nullopt;
    return computed->get_object();
}

boost::json::object TestHouseholdEvaluation::deviceComputed(const std::string &householdId,
                                                            const domain::RuleConfig &config,
                                                            const domain::CivilDate &on) {
    const auto assessment =
        domain::assessHousehold(replicaHouseholdRecords(*m_replica, householdId), householdId, config, on);
    return domain::assessmentToJson(assessment, config, on);
}

std::string TestHouseholdEvaluation::addHousehold(const std::string &type,
                                                  const std::vector<boost::json::object> &members,
                                                  const boost::json::object &sheet,
                                                  const boost::json::object &extra) {
    const std::string id = DeviceReplica::newId("hh");
    boost::json::object household{
        {"regionCode", kVillage}, {"householdType", type}, {"headName", "测试户主"}};
    for (const auto &kv : extra)
        household[kv.key()] = kv.value();
    if (!m_replica->edit("household", id, id, kVillage, household))
        return {};
    int seq = 1;
    for (auto member : members) {
        member["householdId"] = id;
        member["seq"] = seq++;
        if (!m_replica->edit("member", DeviceReplica::newId("mb"), id, kVillage, member))
            return {};
    }
    boost::json::object fields = sheet;
    fields["householdId"] = id;
    if (!m_replica->edit("incomeSheet", domain::incomeSheetId(id), id, kVillage, fields))
        return {};
    return id;
}

void TestHouseholdEvaluation::builtinConfigIsServedBeforeAnyLoad() {
    auto reply = httpRequest("GET", m_server.url("/api/v1/rules/config"), {}, m_cadre);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value("source").toString(), QString("builtin"));
    auto builtin = domain::builtinRuleConfig();
    QVERIFY(builtin.ok());
    auto served = servedConfig();
    QVERIFY(served);
    QCOMPARE(qs(served->hash), qs(builtin->hash));
    QCOMPARE(qs(served->id), qs(builtin->id));
    QCOMPARE(httpRequest("GET", m_server.url("/api/v1/rules/config")).status, 401);
}

void TestHouseholdEvaluation::serverComputesOnPush() {
    const std::string id = addHousehold(
        "一般农户",
        {boost::json::object{{"name", "张一"},
                             {"relationToHead", "户主"},
                             {"birthDate", "1970-03-01"},
                             {"labor", "普通劳动力"}},
         boost::json::object{{"name", "张二"},
                             {"relationToHead", "之子"},
                             {"birthDate", "2015-06-01"},
                             {"labor", "无劳动力"}}},
        boost::json::object{
            {"crops", boost::json::array{boost::json::object{
                          {"id", "ln-1"}, {"item", "水稻"}, {"soldAmount", 900000}, {"cost", 300000}}}}});
    QVERIFY(!id.empty());
    QVERIFY(sync());
    auto computed = storedComputed(id);
    QVERIFY2(computed, "the server stored no incomeSheet.computed");
    QCOMPARE(qs(std::string(computed->at("engineVersion").as_string())), QString(domain::kEngineVersion));
    QCOMPARE(qs(std::string(computed->at("configHash").as_string())), qs(domain::builtinRuleConfig()->hash));
    // (9000 − 3000) 元 / 2 members = 3000 元 = 300000 分
    QCOMPARE(computed->at("totals").as_object().at("D").as_int64(), int64_t(300000));
    auto on = domain::CivilDate::parse(computed->at("assessedOn").as_string());
    QVERIFY(on);
    QCOMPARE(qs(toCanonicalJson(deviceComputed(id, *domain::builtinRuleConfig(), *on))),
             qs(toCanonicalJson(*computed)));
}

void TestHouseholdEvaluation::countyLoadsThresholdAndServerUsesIt() {
    // A household evaluated before the load: the built-in configuration has no figure for 潜江 this year
    // (unless this runs in 2024), so there is no threshold: "not configured", never a fallback.
    const std::string id = addHousehold(
        "脱贫户",
        {boost::json::object{{"name", "李一"},
                             {"relationToHead", "户主"},
                             {"birthDate", "1960-01-01"},
                             {"labor", "普通劳动力"}}},
        boost::json::object{{"crops", boost::json::array{boost::json::object{
                                          {"id", "ln-1"}, {"item", "玉米"}, {"soldAmount", 700000}}}}});
    QVERIFY(!id.empty());
    QVERIFY(sync());
    auto before = storedComputed(id);
    QVERIFY(before);
    if (thisYear() != 2024) {
        QVERIFY(before->at("threshold").is_null());
        QVERIFY(before->at("evaluation").is_null());
        QVERIFY(qs(std::string(before->at("error").as_string())).contains(QString::number(thisYear())));
    }

    const auto document = countyConfig(100, "7500.00");
    auto load =
        httpRequest("PUT", m_server.url("/api/v1/rules/config"), bytes(toCanonicalJson(document)), m_county);
    QCOMPARE(load.status, 201);
    QCOMPARE(load.json.value("status").toString(), QString("loaded"));
    const QString hash = load.json.value("hash").toString();
    QCOMPARE(hash, qs(domain::ruleConfigHash(document)));

    // The next change to the household: the server evaluates with the loaded configuration.
    auto member = m_replica->members(id).front();
    QVERIFY(m_replica->edit("member", member.id, id, kVillage, boost::json::object{{"name", "李大"}}));
    QVERIFY(sync());
    auto after = storedComputed(id);
    QVERIFY(after);
    QCOMPARE(qs(std::string(after->at("configHash").as_string())), hash);
    QCOMPARE(qs(std::string(after->at("configId").as_string())), QString("qianjiang-100"));
    QCOMPARE(after->at("threshold").as_object().at("value").as_int64(), int64_t(750000));
    QCOMPARE(after->at("threshold").as_object().at("year").as_int64(), int64_t(thisYear()));
    QVERIFY(after->at("evaluation").is_object());
    // 7000 元 < 7500 元: below the line the county just loaded.
    QVERIFY(after->at("evaluation").as_object().at("flags").as_object().at("below").as_bool());

    // The device takes the served configuration and computes the same.
    auto served = servedConfig();
    QVERIFY(served);
    QCOMPARE(qs(served->hash), hash);
    auto on = domain::CivilDate::parse(after->at("assessedOn").as_string());
    QCOMPARE(qs(toCanonicalJson(deviceComputed(id, *served, *on))), qs(toCanonicalJson(*after)));

    auto history = httpRequest("GET", m_server.url("/api/v1/rules/config/history"), {}, m_county);
    QCOMPARE(history.status, 200);
    QCOMPARE(history.json.value("history").toArray().size(), 1);
}

void TestHouseholdEvaluation::onlyCountyLoadsValidNewerConfigs() {
    const QByteArray next = bytes(toCanonicalJson(countyConfig(101, "7600.00")));
    auto cadre = httpRequest("PUT", m_server.url("/api/v1/rules/config"), next, m_cadre);
    QCOMPARE(cadre.status, 403);
    QCOMPARE(cadre.json.value("code").toString(), QString("forbidden_role"));
    QCOMPARE(httpRequest("GET", m_server.url("/api/v1/rules/config/history"), {}, m_cadre).status, 403);

    auto stale = httpRequest("PUT", m_server.url("/api/v1/rules/config"),
                             bytes(toCanonicalJson(countyConfig(99, "7600.00"))), m_county);
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.json.value("code").toString(), QString("stale_rule_config"));

    auto same = httpRequest("PUT", m_server.url("/api/v1/rules/config"),
                            bytes(toCanonicalJson(countyConfig(100, "7500.00"))), m_county);
    QCOMPARE(same.status, 200);
    QCOMPARE(same.json.value("status").toString(), QString("unchanged"));

    auto invalid = countyConfig(102, "7600.00");
    invalid["parameters"].as_object().erase("incomeDropRatio");
    auto bad =
        httpRequest("PUT", m_server.url("/api/v1/rules/config"), bytes(toCanonicalJson(invalid)), m_county);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json.value("field").toString(), QString("parameters.incomeDropRatio"));
    QVERIFY(!bad.json.value("message").toString().isEmpty());

    auto tampered = countyConfig(102, "7600.00");
    tampered["hash"] = std::string(64, '0');
    auto mismatch =
        httpRequest("PUT", m_server.url("/api/v1/rules/config"), bytes(toCanonicalJson(tampered)), m_county);
    QCOMPARE(mismatch.status, 400);
    QCOMPARE(mismatch.json.value("code").toString(), QString("rule_config_hash_mismatch"));
    auto garbage = httpRequest("PUT", m_server.url("/api/v1/rules/config"), "{not json", m_county);
    QCOMPARE(garbage.status, 400);

    // Nothing of that changed the configuration in force.
    auto served = servedConfig();
    QVERIFY(served);
    QCOMPARE(qs(served->id), QString("qianjiang-100"));
    QVERIFY(m_server.isRunning());
}

void TestHouseholdEvaluation::newRiskAssessmentRecordsItsConfig() {
    const std::string id = addHousehold("一般农户",
                                        {boost::json::object{{"name", "王一"},
                                                             {"relationToHead", "户主"},
                                                             {"birthDate", "1980-01-01"},
                                                             {"labor", "普通劳动力"}}},
                                        boost::json::object{});
    QVERIFY(!id.empty());
    const std::string assessmentId = DeviceReplica::newId("ra");
    QVERIFY(m_replica->edit(
        "riskAssessment", assessmentId, id, kVillage,
        boost::json::object{{"householdId", id}, {"assessedAt", "2026-12-04T10:00:00+08:00"}}));
    QVERIFY(sync());
    auto assessment = m_replica->record("riskAssessment", assessmentId);
    QVERIFY(assessment);
    QCOMPARE(qs(std::string(assessment->fields.at("configId").as_string())), QString("qianjiang-100"));
    auto served = servedConfig();
    QCOMPARE(qs(std::string(assessment->fields.at("configHash").as_string())), qs(served->hash));
    QVERIFY(assessment->fields.at("engine").is_object());
    QCOMPARE(qs(toCanonicalJson(assessment->fields.at("engine"))), qs(toCanonicalJson(*storedComputed(id))));
}

void TestHouseholdEvaluation::randomHouseholdsAgreeWithServer() {
    auto served = servedConfig();
    QVERIFY(served);
    const auto config = *served;
    const int year = thisYear();
    int evaluated = 0;
    const bool ok = rc::check("the server's stored result equals the device's computation", [&] {
        const char *labors[] = {"技能劳动力", "普通劳动力", "弱劳动力或半劳动力", "丧失劳动力", "无劳动力"};
        const char *statuses[] = {"正常", "正常", "正常", "死亡", "服刑", "失踪"};
        const char *health[] = {"健康", "长期慢性病", "患大病", "残疾"};
        const char *relations[] = {"配偶", "之子", "之女", "之父", "之母", "其他"};
        const int count = *rc::gen::inRange(1, 6);
        std::vector<boost::json::object> members;
        for (int i = 0; i < count; ++i) {
            const int age = *rc::gen::inRange(0, 95);
            boost::json::object m{{"name", "成员" + std::to_string(i + 1)},
                                  {"relationToHead", i == 0 ? "户主" : relations[*rc::gen::inRange(0, 6)]},
                                  {"birthDate", domain::CivilDate{year - age, *rc::gen::inRange(1, 13),
                                                                  *rc::gen::inRange(1, 29)}
                                                    .toString()},
                                  {"status", statuses[*rc::gen::inRange(0, 6)]},
                                  {"sharesIncomeExpense", *rc::gen::inRange(0, 8) != 0}};
            if (*rc::gen::inRange(0, 10) !=
                0) // now and then a member without 劳动技能: an error both sides give
                m["labor"] = labors[*rc::gen::inRange(0, 5)];
            const int healthIndex = *rc::gen::inRange(0, 4);
            boost::json::object healthObject{{"status", health[healthIndex]}};
            if (healthIndex == 3) // 残疾
                healthObject["disabilityGrade"] = *rc::gen::inRange(1, 5);
            m["health"] = healthObject;
            if (*rc::gen::inRange(0, 2))
                m["insurance"] = boost::json::object{{"residentMedical", *rc::gen::inRange(0, 6) != 0}};
            members.push_back(std::move(m));
        }
        boost::json::object sheet;
        boost::json::array crops;
        for (int i = *rc::gen::inRange(0, 4); i > 0; --i) {
            boost::json::object line{{"id", "c" + std::to_string(i)},
                                     {"item", "作物"},
                                     {"soldAmount", *rc::gen::inRange(0, 3000000)},
                                     {"selfValue", *rc::gen::inRange(0, 300000)},
                                     {"cost", *rc::gen::inRange(0, 1000000)}};
            if (*rc::gen::inRange(0, 4) == 0) // a removed line (tombstone) or one marked live explicitly
                line["deleted"] = *rc::gen::inRange(0, 2) == 0;
            crops.push_back(std::move(line));
        }
        sheet["crops"] = std::move(crops);
        boost::json::array wages;
        for (int i = *rc::gen::inRange(0, 3); i > 0; --i)
            wages.push_back(boost::json::object{{"id", "w" + std::to_string(i)},
                                                {"name", "成员1"},
                                                {"awayMonths", *rc::gen::inRange(0, 13)},
                                                {"awayCash", *rc::gen::inRange(0, 6000000)}});
        sheet["wages"] = std::move(wages);
        boost::json::object transfers;
        for (const char *code : {"6.9", "6.12", "6.13"})
            if (*rc::gen::inRange(0, 3) == 0)
                transfers[code] = *rc::gen::inRange(0, 500000);
        sheet["transfers"] = std::move(transfers);
        sheet["rigid"] = boost::json::object{{"F1", *rc::gen::inRange(0, 1000000)},
                                             {"F2", *rc::gen::inRange(0, 3000000)},
                                             {"F3", *rc::gen::inRange(0, 200000)}};
        if (*rc::gen::inRange(0, 2))
            sheet["priorD"] = *rc::gen::inRange(100000, 2000000);
        boost::json::object flags;
        for (const char *flag : {"largeScaleFarmer", "employsOthers", "splitMergeSuspect", "integrityIssue"})
            if (*rc::gen::inRange(0, 12) == 0)
                flags[flag] = true;
        boost::json::object extra;
        if (!flags.empty())
            extra["flags"] = std::move(flags);

        const std::string id =
            addHousehold(*rc::gen::inRange(0, 2) ? "脱贫户" : "一般农户", members, sheet, extra);
        RC_ASSERT(!id.empty());
        RC_ASSERT(sync());
        auto stored = storedComputed(id);
        RC_ASSERT(stored.has_value());
        RC_ASSERT(std::string(stored->at("configHash").as_string()) == config.hash);
        auto on = domain::CivilDate::parse(stored->at("assessedOn").as_string());
        RC_ASSERT(on.has_value());
        const std::string device = toCanonicalJson(deviceComputed(id, config, *on));
        const std::string server = toCanonicalJson(*stored);
        RC_CLASSIFY(stored->at("evaluation").is_object(), "evaluated");
        if (stored->at("evaluation").is_object())
            ++evaluated;
        RC_ASSERT(device == server);
    });
    QVERIFY(ok);
    QVERIFY2(evaluated > 0, "no random household reached a full evaluation");
}

QTEST_GUILESS_MAIN(TestHouseholdEvaluation)
#include "tst_household_evaluation.moc"
