// The functions the tablet and the server share to get from synced records to the rule engine
// (household_records.h, record_facts.h, beijing_time.h, record_ids.h, the built-in configuration).
#include "domain_test_support.h"

#include <ruhu/domain/beijing_time.h>
#include <ruhu/domain/household_records.h>
#include <ruhu/domain/record_facts.h>
#include <ruhu/evidence/signer_policy.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/model/record_ids.h>

#include <QtTest>

using namespace ruhu;
using namespace ruhu::domain;
using namespace ruhu::domain::test;

namespace {

Record record(const std::string &kind, const std::string &id, const std::string &householdId,
              boost::json::object fields, bool deleted = false) {
    Record r;
    r.kind = kind;
    r.id = id;
    r.householdId = householdId;
    r.regionCode = "429005103201";
    r.deleted = deleted;
    r.fields = std::move(fields);
    return r;
}

std::vector<Record> household() {
    return {
        record("household", "hh-1", "hh-1", {{"regionCode", "429005103201"}, {"householdType", "一般农户"}}),
        record("member", "mb-b", "hh-1",
               {{"name", "张二"}, {"seq", 2}, {"birthDate", "2015-06-01"}, {"labor", "无劳动力"}}),
        record("member", "mb-a", "hh-1",
               {{"name", "张一"}, {"seq", 1}, {"birthDate", "1970-03-01"}, {"labor", "普通劳动力"}}),
        record("member", "mb-gone", "hh-1", {{"name", "已删除"}}, true),
        record("member", "mb-other", "hh-2", {{"name", "别户"}}),
        record(
            "incomeSheet", "is-hh-1", "hh-1",
            {{"householdId", "hh-1"},
             {"crops",
              boost::json::array{boost::json::object{{"id", "l1"}, {"soldAmount", 900000}},
                                 boost::json::object{{"id", "l2"}, {"soldAmount", 500000}, {"deleted", true}},
                                 boost::json::object{{"id", "l3"}, {"cost", 300000}, {"deleted", false}}}},
             {"computed", boost::json::object{{"stale", true}}}}),
    };
}

} // namespace

class TestDomainRecords : public QObject {
    Q_OBJECT

private slots:
    void onlyExplicitDeletedTrueIsATombstone() {
        QVERIFY(isTombstone(boost::json::object{{"id", "a"}, {"deleted", true}}));
        QVERIFY(!isTombstone(boost::json::object{{"id", "a"}, {"deleted", false}}));
        QVERIFY(!isTombstone(boost::json::object{{"id", "a"}}));
        QVERIFY(!isTombstone(boost::json::object{{"id", "a"}, {"deleted", "true"}}));
        QVERIFY(!isTombstone(boost::json::value("text")));
        auto live = withoutTombstones(
            {{"list", boost::json::array{boost::json::object{{"id", "a"}, {"deleted", true}},
                                         boost::json::object{{"id", "b"}, {"deleted", false}}}},
             {"n", 1}});
        QCOMPARE(live.at("list").as_array().size(), size_t(1));
        QCOMPARE(qs(std::string(live.at("list").as_array()[0].as_object().at("id").as_string())),
                 QString("b"));
    }

    void selectsLiveRecordsOfTheHouseholdInSeqOrder() {
        auto records = selectHouseholdRecords(household(), "hh-1");
        QVERIFY(records.household);
        QVERIFY(records.incomeSheet);
        QCOMPARE(records.members.size(), size_t(2));
        QCOMPARE(qs(records.members[0].id), QString("mb-a"));
        QCOMPARE(qs(records.members[1].id), QString("mb-b"));
        QCOMPARE(qs(incomeSheetId("hh-1")), QString("is-hh-1"));
    }

    void assessesFromRecordsIgnoringStoredResult() {
        const auto config = defaultConfig();
        auto records = selectHouseholdRecords(household(), "hh-1");
        auto doc = householdDocumentJson(records, "hh-1");
        QVERIFY(!doc.at("incomeSheet").as_object().contains("computed"));
        QCOMPARE(doc.at("incomeSheet").as_object().at("crops").as_array().size(), size_t(2));
        const CivilDate on{2024, 9, 1};
        auto result = assessHousehold(records, "hh-1", config, on);
        QVERIFY2(result.evaluation, result.error.c_str());
        // (9000 − 3000) 元 over 2 members; the deleted line is not income
        QCOMPARE(result.totals->D, yuan(3000));
        QCOMPARE(result.threshold->value, yuan(8300));
        auto json = assessmentToJson(result, config, on);
        QCOMPARE(qs(std::string(json.at("engineVersion").as_string())), QString(kEngineVersion));
        QCOMPARE(qs(std::string(json.at("configHash").as_string())), qs(config.hash));
        QCOMPARE(json.at("totals").as_object().at("D").as_int64(), int64_t(300000));
        QVERIFY(json.at("evaluation").is_object());
    }

    void notConfiguredYearIsAnErrorNotAFallback() {
        const auto config = defaultConfig();
        auto records = selectHouseholdRecords(household(), "hh-1");
        auto result = assessHousehold(records, "hh-1", config, CivilDate{2027, 1, 5});
        QVERIFY(!result.evaluation);
        QVERIFY(!result.threshold);
        QVERIFY(result.totals); // the sheet's totals still show
        QVERIFY(qs(result.error).contains("2027"));
    }

    void missingLaborNamesTheMember() {
        auto all = household();
        all[2].fields.erase("labor");
        auto result =
            assessHousehold(selectHouseholdRecords(all, "hh-1"), "hh-1", defaultConfig(), {2024, 9, 1});
        QVERIFY(!result.evaluation);
        QVERIFY2(qs(result.error).startsWith("家庭成员“张一”"), result.error.c_str());
        QVERIFY(result.totals);
    }

    void comparisonWithServerSaysWhy() {
        const auto config = defaultConfig();
        auto records = selectHouseholdRecords(household(), "hh-1");
        const CivilDate on{2024, 9, 1};
        auto local = assessHousehold(records, "hh-1", config, on);
        auto stored = assessmentToJson(local, config, on);
        QVERIFY(compareWithServer(stored, local, config, on).reason == ServerResultComparison::Reason::Same);

        auto newer = defaultConfig([](boost::json::object &p) { p["incomeDropRatio"] = "0.20"; });
        auto changed = records;
        changed.incomeSheet->fields["crops"].as_array()[0].as_object()["soldAmount"] = 100000;
        auto server = assessmentToJson(assessHousehold(changed, "hh-1", newer, on), newer, on);
        auto c = compareWithServer(server, local, config, on);
        QVERIFY(c.reason == ServerResultComparison::Reason::NewerConfig);
        QVERIFY(!c.serverOutcomeLabel.empty());

        auto sameConfig = assessmentToJson(assessHousehold(changed, "hh-1", config, on), config, on);
        QVERIFY(compareWithServer(sameConfig, local, config, on).reason ==
                ServerResultComparison::Reason::OtherInputs);
    }

    void beijingTimeIsUtcPlusEight() {
        // 2024-09-04T16:30:00Z is already 5 September in Beijing.
        const int64_t ms = 1725467400000;
        QCOMPARE(qs(beijingTime(ms)), QString("2024-09-05T00:30:00+08:00"));
        QVERIFY(beijingDate(ms) == (CivilDate{2024, 9, 5}));
        QVERIFY(beijingDate(ms - 3600 * 1000) == (CivilDate{2024, 9, 4}));
    }

    void recordFactsReadStoredLabels() {
        QVERIFY(isCountedMember("", std::nullopt));
        QVERIFY(isCountedMember("正常", true));
        QVERIFY(!isCountedMember("死亡", true));
        QVERIFY(!isCountedMember("正常", false));
        QVERIFY(isHeadRelation("户主"));
        QVERIFY(!isHeadRelation("配偶"));
        QVERIFY(canEarnWages("", ""));
        QVERIFY(!canEarnWages("正常", "丧失劳动力"));
        QVERIFY(!canEarnWages("服刑", "普通劳动力"));
        QVERIFY(decisionNeedsJustification("列为重点核查对象", {3}));
        QVERIFY(!decisionNeedsJustification("不纳入", {3}));
        QVERIFY(!decisionNeedsJustification("列为重点核查对象", {1, 9}));
        QCOMPARE(decisionResults().size(), size_t(4));
    }

    void signerPolicyIsOneRule() {
        using namespace ruhu::evidence;
        QVERIFY(isHeadOfHousehold("mb-1", "", "mb-1"));
        QVERIFY(isHeadOfHousehold("mb-2", "户主", "mb-1"));
        QVERIFY(!isHeadOfHousehold("mb-2", "配偶", "mb-1"));
        QVERIFY(!isHeadOfHousehold("", "配偶", ""));
        QVERIFY(mustSign(true, 10));
        QVERIFY(mustSign(false, 18));
        QVERIFY(!mustSign(false, 17));
        QVERIFY(!mustSign(false, -1));
        QVERIFY(needsGuardian(13));
        QVERIFY(!needsGuardian(14));
        QVERIFY(!needsGuardian(-1));
        auto guardian = defaultSigner("mb-3", "张小", false, true);
        QVERIFY(isGuardian(guardian));
        QVERIFY(guardian.name.empty());
        QVERIFY(isHandwritten(guardian) && !needsFingerprint(guardian));
        auto head = defaultSigner("mb-1", "张一", true, false);
        QCOMPARE(qs(head.role), QString("户主"));
        QCOMPARE(qs(head.name), QString("张一"));
        head.role = kRoleProxy;
        QVERIFY(isProxy(head) && needsFingerprint(head));
        head.role = kRoleHead;
        head.method = kMethodFingerprint;
        QVERIFY(!isProxy(head) && needsFingerprint(head));
    }

    void idPrefixesAreOnePerKind() {
        QCOMPARE(qs(idPrefixFor("member")), QString("mb"));
        QCOMPARE(qs(idPrefixFor("household")), QString("hh"));
        QCOMPARE(qs(riskAssessmentId("hh-1")), QString("ra-hh-1"));
    }

    void builtinConfigIsTheShippedFile() {
        auto builtin = builtinRuleConfig();
        QVERIFY2(builtin, builtin ? "" : builtin.error().message.c_str());
        QCOMPARE(qs(builtin->hash), qs(defaultConfig().hash));
        // Every figure carries its source; a region/year without one is not configured.
        for (const auto &t : builtin->thresholds)
            QVERIFY2(!t.source.empty(), t.regionName.c_str());
        QCOMPARE(builtin->thresholdFor("350526000000", 2024)->value, yuan(19560)); // 德化县 over 福建
        QCOMPARE(builtin->thresholdFor("620100000000", 2025)->value, yuan(8600));
        QCOMPARE(builtin->thresholdFor("530402000000", 2025)->value, yuan(8700));
        QCOMPARE(builtin->thresholdFor("350100000000", 2023)->value, yuan(10560));
        QVERIFY(!builtin->thresholdFor("350100000000", 2024)); // 福建 outside 德化: no 2024 figure
        QVERIFY(!builtin->thresholdFor("429005000000", 2025));
    }
};

QTEST_GUILESS_MAIN(TestDomainRecords)
#include "tst_domain_records.moc"
