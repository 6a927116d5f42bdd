// The versioned rule configuration: the shipped file, its hash, threshold lookup and strict parsing.
#include "domain_test_support.h"

#include <ruhu/domain/rule_config.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/model/schema.h>

#include <QtTest>

#include <set>

using namespace ruhu::domain;
using namespace ruhu::domain::test;

class TestDomainConfig : public QObject {
    Q_OBJECT

private slots:
    void shippedDefaults();
    void hashIsSha256OfCanonicalJson();
    void tamperedFileIsRejected();
    void thresholdLookup_data();
    void thresholdLookup();
    void missingEntryIsAnError();
    void everyParameterIsRequired();
    void badParameterValues_data();
    void badParameterValues();
    void recordKindsDeclareFullModel();
};

void TestDomainConfig::shippedDefaults() {
    auto c = defaultConfig();
    const auto &p = c.params;
    QCOMPARE(p.nationalPovertyLine, yuan(4000));
    QVERIFY(p.transferShareDenominator == TransferShareDenominator::A);
    QCOMPARE(p.transferShareLimitBp, int64_t(4000));
    QVERIFY(p.laborMode == LaborMode::Units);
    QCOMPARE(p.incomeDropRatioBp, int64_t(3000));
    QCOMPARE(p.medicalBurdenRatioBp, int64_t(3000));
    QVERIFY(p.includeClaimsInD1);
    QVERIFY(!p.preschoolCountsAsNonCompulsory);
    QCOMPARE(p.compulsoryAgeMin, 6);
    QCOMPARE(p.compulsoryAgeMax, 15);
    QCOMPARE(p.publicityWorkingDays, 5);
    QCOMPARE(p.vehiclePriceLimit, yuan(30000));
    QCOMPARE(p.depreciationYears, 15);
}

void TestDomainConfig::hashIsSha256OfCanonicalJson() {
    auto json = loadJsonFile(sourceDir() + "/assets/rules/ruhu-rules-default.json");
    auto c = parseRuleConfig(json);
    QVERIFY(c);
    json.as_object().erase("hash");
    QCOMPARE(qs(c->hash), qs(sha256Hex(ruhu::toCanonicalJson(json))));
    QCOMPARE(qs(std::string(loadJsonFile(sourceDir() + "/assets/rules/ruhu-rules-default.json")
                                .as_object()["hash"]
                                .as_string())),
             qs(c->hash));
    // Known vector: SHA-256("abc").
    QCOMPARE(qs(sha256Hex("abc")),
             QString("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    // Key order and whitespace do not change the hash; a value does.
    auto reordered = ruhu::parseJson(ruhu::toCanonicalJson(json));
    QCOMPARE(qs(ruleConfigHash(*reordered)), qs(c->hash));
    json.as_object()["parameters"].as_object()["incomeDropRatio"] = "0.25";
    QVERIFY(ruleConfigHash(json) != c->hash);
}

void TestDomainConfig::tamperedFileIsRejected() {
    auto json = loadJsonFile(sourceDir() + "/assets/rules/ruhu-rules-default.json");
    json.as_object()["parameters"].as_object()["nationalPovertyLine"] = "3000.00"; // hash left as it was
    auto c = parseRuleConfig(json);
    QVERIFY(!c);
    QCOMPARE(qs(c.error().field), QString("hash"));
}

void TestDomainConfig::thresholdLookup_data() {
    QTest::addColumn<QString>("region");
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("湖北 2024") << "429005101001" << 2024 << "8300.00"
                               << "42";
    QTest::newRow("湖北 2021 → national entry of 2021") << "420102" << 2021 << "6000.00"
                                                        << "";
    QTest::newRow("云南 2021") << "530402" << 2021 << "6000.00"
                               << "";
}

void TestDomainConfig::thresholdLookup() {
    QFETCH(QString, region);
    QFETCH(int, year);
    QFETCH(QString, expected);
    QFETCH(QString, prefix);
    auto t = defaultConfig().thresholdFor(region.toStdString(), year);
    QVERIFY(t);
    QCOMPARE(qs(formatYuan(t->value)), expected);
    QCOMPARE(qs(t->regionPrefix), prefix);
}

void TestDomainConfig::missingEntryIsAnError() {
    auto c = defaultConfig();
    auto t = c.thresholdFor("530402", 2024); // 云南 2024: no entry, and no national 2024 entry
    QVERIFY(!t);
    QVERIFY(qs(t.error().message).contains("530402"));
    QVERIFY(qs(t.error().message).contains("2024"));
    QVERIFY(!c.thresholdFor("429005", 2025)); // 湖北 has 2024 only: no fallback to another year
    // Longest prefix wins when several match.
    auto json = loadJsonFile(sourceDir() + "/assets/rules/ruhu-rules-default.json");
    json.as_object().erase("hash");
    json.as_object()["thresholds"].as_array().push_back(boost::json::object{
        {"regionPrefix", "429005"}, {"regionName", "潜江市"}, {"year", 2024}, {"value", "8500.00"}});
    auto withCity = parseRuleConfig(json);
    QVERIFY(withCity);
    QCOMPARE(withCity->thresholdFor("429005101001", 2024)->value, yuan(8500));
    QCOMPARE(withCity->thresholdFor("420102", 2024)->value, yuan(8300));
}

void TestDomainConfig::everyParameterIsRequired() {
    auto json = loadJsonFile(sourceDir() + "/assets/rules/ruhu-rules-default.json");
    json.as_object().erase("hash");
    const auto names = json.as_object()["parameters"].as_object();
    for (const auto &kv : names) {
        auto copy = json;
        copy.as_object()["parameters"].as_object().erase(kv.key());
        auto c = parseRuleConfig(copy);
        QVERIFY2(!c, kv.key().data());
        QCOMPARE(qs(c.error().field), qs("parameters." + std::string(kv.key())));
    }
}

void TestDomainConfig::badParameterValues_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("denominator") << "transferShareDenominator"
                                 << "\"B\"";
    QTest::newRow("labor mode") << "laborMode"
                                << "\"persons\"";
    QTest::newRow("ratio as number") << "incomeDropRatio"
                                     << "0.3";
    QTest::newRow("ratio above one") << "incomeDropRatio"
                                     << "\"1.5\"";
    QTest::newRow("money three decimals") << "nationalPovertyLine"
                                          << "\"4000.001\"";
    QTest::newRow("compulsory reversed") << "compulsoryAge"
                                         << "[15, 6]";
    QTest::newRow("unknown parameter") << "incomeDropRatioo"
                                       << "\"0.30\"";
}

void TestDomainConfig::badParameterValues() {
    QFETCH(QString, name);
    QFETCH(QString, value);
    auto json = loadJsonFile(sourceDir() + "/assets/rules/ruhu-rules-default.json");
    json.as_object().erase("hash");
    json.as_object()["parameters"].as_object()[name.toStdString()] = *ruhu::parseJson(value.toStdString());
    auto c = parseRuleConfig(json);
    QVERIFY(!c);
    QCOMPARE(qs(c.error().field), "parameters." + name);
}

void TestDomainConfig::recordKindsDeclareFullModel() {
    for (const char *name : {"household", "member", "incomeSheet", "riskAssessment", "measure", "visit",
                             "workflowCase", "photo", "authorization"})
        QVERIFY2(ruhu::findRecordKind(name), name);
    for (const auto &kind : ruhu::recordKinds()) {
        std::set<std::string> names;
        for (const auto &f : kind.fields)
            QVERIFY2(names.insert(f.name).second, (kind.name + "." + f.name).c_str());
    }
    // The fields others rely on keep their policies; the sensitive list is read from the declarations.
    const auto *member = ruhu::findRecordKind("member");
    QVERIFY(member->field("idNo")->policy == ruhu::MergePolicy::ReviewRequired);
    auto sensitive = ruhu::sensitiveFieldNames(*member);
    QVERIFY(std::find(sensitive.begin(), sensitive.end(), "idNo") != sensitive.end());
    QVERIFY(std::find(sensitive.begin(), sensitive.end(), "health") != sensitive.end());
    QVERIFY(std::find(sensitive.begin(), sensitive.end(), "name") == sensitive.end());
    // A signed letter and a photo are evidence: what was captured cannot change afterwards.
    const auto *authorization = ruhu::findRecordKind("authorization");
    QVERIFY(authorization->field("document")->policy == ruhu::MergePolicy::Immutable);
    QVERIFY(authorization->field("document")->sensitive);
    QVERIFY(ruhu::findRecordKind("photo")->field("sha256")->policy == ruhu::MergePolicy::Immutable);
    const auto *sheet = ruhu::findRecordKind("incomeSheet");
    QVERIFY(sheet->field("computed")->policy == ruhu::MergePolicy::ServerComputed);
    QVERIFY(sheet->field("crops")->policy == ruhu::MergePolicy::SetUnion);
    // Server-computed fields cannot be written by a client mutation.
    QVERIFY(!ruhu::validateFields(*sheet, boost::json::object{{"computed", boost::json::object{}}}));
    QVERIFY(
        ruhu::validateFields(*ruhu::findRecordKind("household"),
                             boost::json::object{{"housing", boost::json::object{{"structure", "土坯"}}}}));
}

QTEST_APPLESS_MAIN(TestDomainConfig)
#include "tst_domain_config.moc"
