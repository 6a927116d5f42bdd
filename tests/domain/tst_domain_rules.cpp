// The worked cases of monitoring-domain.md §14 (every number and outcome) and the boundary cases of
// 民法典 art. 1259, evaluated from the household fixtures in tests/domain/data.
#include "domain_test_support.h"

#include <ruhu/domain/household_json.h>
#include <ruhu/domain/rules.h>
#include <ruhu/domain/synthetic.h>
#include <ruhu/json/canonical_json.h>

#include <QtTest>

using namespace ruhu::domain;
using namespace ruhu::domain::test;

namespace {

QString joined(const std::vector<int> &numbers) {
    QStringList parts;
    for (int n : numbers)
        parts << QString::number(n);
    return parts.join(',');
}

QString allReasons(const Evaluation &ev) {
    QStringList parts;
    for (const auto &r : ev.reasons)
        parts << qs(r);
    return parts.join('\n');
}

Evaluation evaluateOrFail(const HouseholdDocument &doc, const RuleConfig &config, const CivilDate &on) {
    auto ev = evaluateHousehold(doc, config, on);
    if (!ev)
        throw std::runtime_error(ev.error().field + ": " + ev.error().message);
    return *ev;
}

RuleConfig configVariant(const QString &variant) {
    if (variant == "ratio")
        return defaultConfig([](auto &p) { p["laborMode"] = "ratio"; });
    if (variant == "noClaims")
        return defaultConfig([](auto &p) { p["includeClaimsInD1"] = false; });
    if (variant == "denominatorC")
        return defaultConfig([](auto &p) { p["transferShareDenominator"] = "C"; });
    return defaultConfig();
}

} // namespace

class TestDomainRules : public QObject {
    Q_OBJECT

private slots:
    void workedCase_data();
    void workedCase();
    void shareOverNetIncome();
    void riskElimination_data();
    void riskElimination();
    void wholeNoLaborMarking();
    void incomeExactlyAtLine();
    void transferShareExactlyForty();
    void vehicleBoundaries();
    void ageBoundaries_data();
    void ageBoundaries();
    void eliminationBoundaries();
    void softExceptionNeedsWrittenExplanation();
    void reasonsNameRulesAndNumbers();
    void configIdAndHashRecorded();
    void badInputNamesField_data();
    void badInputNamesField();
};

// Columns: fixture, config variant, then the expected values from the table in §14.
void TestDomainRules::workedCase_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("A");
    QTest::addColumn<QString>("C");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("D");
    QTest::addColumn<QString>("D1");
    QTest::addColumn<QString>("categories");
    QTest::addColumn<QString>("exclusions");
    QTest::addColumn<bool>("mandatory");
    QTest::addColumn<bool>("needsReview");
    QTest::addColumn<QString>("outcome");

    // clang-format off
    QTest::newRow("TC01") << "tc01" << "" << "32000.00" << "26000.00" << 4 << "6500.00" << "6500.00" << "" << "" << false << false << "MARGINAL";
    QTest::newRow("TC02") << "tc02" << "" << "11400.00" << "10600.00" << 2 << "5300.00" << "5300.00" << "1,2,10" << "" << false << false << "UNSTABLE_FORMERLY_POOR";
    QTest::newRow("TC03") << "tc03" << "" << "36600.00" << "34600.00" << 3 << "11533.33" << "5866.67" << "4" << "" << false << false << "SUDDEN_HARDSHIP";
    QTest::newRow("TC03 D1 without E") << "tc03" << "noClaims" << "36600.00" << "34600.00" << 3 << "11533.33" << "5200.00" << "4" << "" << false << false << "SUDDEN_HARDSHIP";
    QTest::newRow("TC04") << "tc04" << "" << "41500.00" << "41500.00" << 5 << "8300.00" << "8300.00" << "" << "" << false << false << "NOT_INCLUDED";
    QTest::newRow("TC05") << "tc05" << "" << "12000.00" << "10000.00" << 3 << "3333.33" << "3333.33" << "2" << "" << false << false << "MARGINAL";
    QTest::newRow("TC05b units") << "tc05b" << "" << "44000.00" << "43000.00" << 4 << "10750.00" << "10750.00" << "" << "" << false << false << "NOT_INCLUDED";
    QTest::newRow("TC05b ratio") << "tc05b" << "ratio" << "44000.00" << "43000.00" << 4 << "10750.00" << "10750.00" << "2" << "" << false << false << "ATTENTION";
    QTest::newRow("TC06") << "tc06" << "" << "5500.00" << "5500.00" << 2 << "2750.00" << "2750.00" << "2" << "1" << false << false << "EXCLUDED_HARD";
    QTest::newRow("TC07a") << "tc07a" << "" << "22500.00" << "19500.00" << 3 << "6500.00" << "6500.00" << "" << "3" << false << false << "EXCLUDED_SOFT";
    QTest::newRow("TC07b") << "tc07b" << "" << "22500.00" << "19500.00" << 3 << "6500.00" << "6500.00" << "" << "3" << false << true << "MARGINAL";
    QTest::newRow("TC07c 30000") << "tc07c" << "" << "22500.00" << "19500.00" << 3 << "6500.00" << "6500.00" << "" << "3" << false << false << "EXCLUDED_SOFT";
    QTest::newRow("TC07d 29999") << "tc07d" << "" << "22500.00" << "19500.00" << 3 << "6500.00" << "6500.00" << "" << "" << false << false << "MARGINAL";
    QTest::newRow("TC07e >1 year") << "tc07e" << "" << "22500.00" << "19500.00" << 3 << "6500.00" << "6500.00" << "" << "" << false << false << "MARGINAL";
    QTest::newRow("TC07f production") << "tc07f" << "" << "22500.00" << "19500.00" << 3 << "6500.00" << "6500.00" << "" << "" << false << false << "MARGINAL";
    QTest::newRow("TC08") << "tc08" << "" << "32000.00" << "30000.00" << 3 << "10000.00" << "10000.00" << "" << "9" << false << false << "NOT_INCLUDED";
    QTest::newRow("TC08b wrongly n=5") << "tc08b" << "" << "32000.00" << "30000.00" << 5 << "6000.00" << "6000.00" << "" << "" << false << false << "MARGINAL";
    QTest::newRow("TC09") << "tc09" << "" << "50000.00" << "47500.00" << 4 << "11875.00" << "8375.00" << "5" << "" << false << false << "ATTENTION";
    QTest::newRow("TC10") << "tc10" << "" << "7900.00" << "7600.00" << 1 << "7600.00" << "7600.00" << "1,2,9,10" << "" << false << false << "MARGINAL";
    QTest::newRow("TC10b exactly 16") << "tc10b" << "" << "6000.00" << "6000.00" << 1 << "6000.00" << "6000.00" << "1,2,9,10" << "" << false << false << "MARGINAL";
    QTest::newRow("TC11") << "tc11" << "" << "41500.00" << "11500.00" << 3 << "3833.33" << "3833.33" << "7" << "" << false << false << "MARGINAL";
    QTest::newRow("TC12") << "tc12" << "" << "5700.00" << "5700.00" << 3 << "1900.00" << "1900.00" << "1,3" << "" << false << false << "MARGINAL";
    QTest::newRow("TC13") << "tc13" << "" << "18000.00" << "15500.00" << 2 << "7750.00" << "7750.00" << "6" << "" << false << false << "MARGINAL";
    QTest::newRow("TC14") << "tc14" << "" << "300000.00" << "0.00" << 2 << "0.00" << "0.00" << "" << "6" << false << false << "EXCLUDED_HARD";
    QTest::newRow("TC15") << "tc15" << "" << "40000.00" << "40000.00" << 3 << "13333.33" << "13333.33" << "" << "" << true << false << "MUST_MONITOR";
    QTest::newRow("TC16") << "tc16" << "" << "49000.00" << "47500.00" << 3 << "15833.33" << "5833.33" << "8" << "" << false << false << "SUDDEN_HARDSHIP";
    // clang-format on
}

void TestDomainRules::workedCase() {
    QFETCH(QString, fixture);
    QFETCH(QString, variant);
    auto ev = evaluateOrFail(loadFixture(fixture.toStdString()), configVariant(variant), date("2024-09-01"));
    QCOMPARE(qs(formatYuan(ev.threshold)), QString("8300.00"));
    QTEST(qs(formatYuan(ev.income.A)), "A");
    QTEST(qs(formatYuan(ev.income.C)), "C");
    QTEST(ev.income.n, "n");
    QTEST(qs(formatYuan(ev.income.D)), "D");
    QTEST(qs(formatYuan(ev.income.D1)), "D1");
    QTEST(joined(ev.categories()), "categories");
    QTEST(joined(ev.exclusions()), "exclusions");
    QTEST(ev.mandatory, "mandatory");
    QTEST(ev.needsReview, "needsReview");
    QTEST(QString(outcomeCode(ev.outcome)), "outcome");
}

void TestDomainRules::shareOverNetIncome() {
    // §14 "extra config checks": TC01 share over C = 11.54% (over A: 9.38%).
    auto ev = evaluateOrFail(loadFixture("tc01"), defaultConfig(), date("2024-09-01"));
    QCOMPARE(qs(formatPercent(ev.income.A4, ev.income.A)), QString("9.38%"));
    QCOMPARE(qs(formatPercent(ev.income.A4, ev.income.C)), QString("11.54%"));
    QCOMPARE(qs(formatYuan(ev.income.B4)), QString("1000.00"));
    auto overC = evaluateOrFail(loadFixture("tc02"), configVariant("denominatorC"), date("2024-09-01"));
    QVERIFY(overC.hasCategory(1)); // 8400 / 10600 = 79.25%
    QVERIFY(allReasons(overC).contains("79.25%"));
}

void TestDomainRules::riskElimination_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("because");
    QTest::newRow("TC17 5.5 months") << "tc17" << false << "识别不满6个月";
    QTest::newRow("TC18 9 months") << "tc18" << true << "符合风险消除条件";
    QTest::newRow("TC19 whole household without labour") << "tc19" << false << "整户无劳动能力";
}

void TestDomainRules::riskElimination() {
    QFETCH(QString, fixture);
    QFETCH(bool, allowed);
    QFETCH(QString, because);
    auto ev = evaluateOrFail(loadFixture(fixture.toStdString()), defaultConfig(), date("2024-09-01"));
    QVERIFY(ev.elimination.has_value());
    QCOMPARE(ev.elimination->allowed, allowed);
    QVERIFY2(allReasons(ev).contains(because), qPrintable(allReasons(ev)));
    if (!allowed)
        QCOMPARE(ev.elimination->reasons.size(), size_t(1)); // only the one failing precondition
}

void TestDomainRules::wholeNoLaborMarking() {
    auto doc = loadFixture("tc02"); // 户主 has 全额低保
    auto ev = evaluateOrFail(doc, defaultConfig(), date("2024-09-01"));
    QVERIFY(ev.wholeNoLabor);
    QVERIFY(ev.safetyNetMarkingSuggested);
    doc.members[0].benefits.dibaoTier = "二档";
    ev = evaluateOrFail(doc, defaultConfig(), date("2024-09-01"));
    QVERIFY(ev.wholeNoLabor);
    QVERIFY(!ev.safetyNetMarkingSuggested);
    doc.members[1].labor = LaborCapacity::WeakOrHalf;
    ev = evaluateOrFail(doc, defaultConfig(), date("2024-09-01"));
    QVERIFY(!ev.wholeNoLabor);
}

void TestDomainRules::incomeExactlyAtLine() {
    auto doc = loadFixture("tc04");
    auto ev = evaluateOrFail(doc, defaultConfig(), date("2024-09-01"));
    QCOMPARE(ev.income.D, ev.threshold);
    QVERIFY(!ev.below);
    // One 分 less per person (5 分 for 5 people) is below the line.
    doc.incomeSheet.wages[0].localCash -= 5;
    ev = evaluateOrFail(doc, defaultConfig(), date("2024-09-01"));
    QCOMPARE(ev.income.D, ev.threshold - 1);
    QVERIFY(ev.below);
    QCOMPARE(QString(outcomeCode(ev.outcome)), QString("MARGINAL"));
}

void TestDomainRules::transferShareExactlyForty() {
    auto doc = loadFixture("tc04"); // 16600 / 41500 = 40% exactly: not 超过
    auto ev = evaluateOrFail(doc, defaultConfig(), date("2024-09-01"));
    QCOMPARE(ev.income.A4 * 10, ev.income.A * 4);
    QVERIFY(!ev.hasCategory(1));
    doc.incomeSheet.transfer(TransferItem::Dibao) += 1; // one 分 more
    ev = evaluateOrFail(doc, defaultConfig(), date("2024-09-01"));
    QVERIFY(ev.hasCategory(1));
}

void TestDomainRules::vehicleBoundaries() {
    auto doc = loadFixture("tc07a");
    auto on = date("2024-09-01");
    auto &car = doc.household.vehicles[0];
    car.price = yuan(30000);
    car.purchaseDate = date("2023-09-02"); // 365 days before: 1年内
    QVERIFY(evaluateOrFail(doc, defaultConfig(), on).hasExclusion(3));
    car.purchaseDate = date("2023-09-01"); // 366 days before
    QVERIFY(!evaluateOrFail(doc, defaultConfig(), on).hasExclusion(3));
    car.purchaseDate = date("2024-09-01"); // the day of the assessment
    QVERIFY(evaluateOrFail(doc, defaultConfig(), on).hasExclusion(3));
    car.price = yuan(30000) - 1;
    QVERIFY(!evaluateOrFail(doc, defaultConfig(), on).hasExclusion(3));
}

void TestDomainRules::ageBoundaries_data() {
    QTest::addColumn<QString>("birth");
    QTest::addColumn<bool>("child");
    QTest::addColumn<bool>("k9");
    QTest::newRow("16 today") << "2008-09-01" << true << true;
    QTest::newRow("16 tomorrow is 15") << "2008-09-02" << true << true;
    QTest::newRow("17 today") << "2007-09-01" << true << false;
    QTest::newRow("17 tomorrow") << "2007-09-02" << true << true;
    QTest::newRow("60 today") << "1964-09-01" << false << true;
    QTest::newRow("60 tomorrow") << "1964-09-02" << false << false;
}

void TestDomainRules::ageBoundaries() {
    QFETCH(QString, birth);
    QFETCH(bool, child);
    QFETCH(bool, k9);
    auto doc = loadFixture("tc10b");
    Member &m = doc.members[0];
    auto birthDate = date(qPrintable(birth));
    m.idNo = makeIdNumber("429005", birthDate, 123);
    m.birthDate = birthDate.toString();
    m.guardianship.hasLegalGuardian = child ? std::optional<bool>(false) : std::nullopt;
    m.guardianship.hasLegalSupporter = child ? std::nullopt : std::optional<bool>(false);
    auto ev = evaluateOrFail(doc, defaultConfig(), date("2024-09-01"));
    QCOMPARE(ev.hasCategory(9), k9);
}

void TestDomainRules::eliminationBoundaries() {
    auto doc = loadFixture("tc18");
    auto on = date("2024-09-01");
    doc.household.monitoring.identifiedDate = date("2024-03-01"); // exactly 6 months: 半年以上 includes it
    QVERIFY(evaluateOrFail(doc, defaultConfig(), on).elimination->allowed);
    doc.household.monitoring.identifiedDate = date("2024-03-02");
    QVERIFY(!evaluateOrFail(doc, defaultConfig(), on).elimination->allowed);
    doc.household.monitoring.identifiedDate.reset();
    doc.household.monitoring.identifiedYm = "202403"; // month only: counted from its last day
    QVERIFY(!evaluateOrFail(doc, defaultConfig(), on).elimination->allowed);
    doc.household.monitoring.identifiedYm = "202402";
    QVERIFY(evaluateOrFail(doc, defaultConfig(), on).elimination->allowed);
    // Income must 超过 the line: exactly at it is not enough.
    doc.incomeSheet.wages[0].localCash = 2 * yuan(8300);
    QVERIFY(!evaluateOrFail(doc, defaultConfig(), on).elimination->allowed);
    doc.incomeSheet.wages[0].localCash += 2;
    QVERIFY(evaluateOrFail(doc, defaultConfig(), on).elimination->allowed);
    doc.measures.clear();
    QVERIFY(!evaluateOrFail(doc, defaultConfig(), on).elimination->allowed);
}

void TestDomainRules::softExceptionNeedsWrittenExplanation() {
    auto doc = loadFixture("tc07b");
    doc.household.flags.majorFamilyChangeNote = "  ";
    auto ev = evaluateOrFail(doc, defaultConfig(), date("2024-09-01"));
    QCOMPARE(QString(outcomeCode(ev.outcome)), QString("EXCLUDED_SOFT"));
    QVERIFY(!ev.needsReview);
    QVERIFY(allReasons(ev).contains("缺少书面说明"));
    // A hard exclusion is never excepted, explanation or not.
    doc = loadFixture("tc07b");
    doc.household.flags.integrityIssue = true;
    ev = evaluateOrFail(doc, defaultConfig(), date("2024-09-01"));
    QCOMPARE(QString(outcomeCode(ev.outcome)), QString("EXCLUDED_HARD"));
    QVERIFY(!ev.needsReview);
}

void TestDomainRules::reasonsNameRulesAndNumbers() {
    auto ev = evaluateOrFail(loadFixture("tc06"), defaultConfig(), date("2024-09-01"));
    QString all = allReasons(ev);
    QVERIFY2(all.contains("X1") && all.contains("国家公职人员"), qPrintable(all));
    QVERIFY2(all.contains("K2") && all.contains("0.5"), qPrintable(all));
    QVERIFY2(all.contains("2750.00") && all.contains("8300.00"), qPrintable(all));
    ev = evaluateOrFail(loadFixture("tc08"), defaultConfig(), date("2024-09-01"));
    all = allReasons(ev);
    QVERIFY2(all.contains("X9") && all.contains("服刑") && all.contains("失踪"), qPrintable(all));
    QCOMPARE(ev.excludedMemberIds.size(), size_t(2));
}

void TestDomainRules::configIdAndHashRecorded() {
    auto config = defaultConfig();
    auto ev = evaluateOrFail(loadFixture("tc01"), config, date("2024-09-01"));
    QCOMPARE(qs(ev.configId), qs(config.id));
    QCOMPARE(qs(ev.configHash), qs(config.hash));
    QCOMPARE(ev.configHash.size(), size_t(64));
    auto json = evaluationToJson(ev);
    QCOMPARE(qs(std::string(json["configHash"].as_string())), qs(config.hash));
    QCOMPARE(qs(std::string(json["income"].as_object()["D"].as_string())), QString("6500.00"));
    QCOMPARE(json["income"].as_object()["n"].as_int64(), int64_t(4));
}

void TestDomainRules::badInputNamesField_data() {
    QTest::addColumn<QString>("path");  // JSON pointer-ish edit: "members/1/labor"
    QTest::addColumn<QString>("value"); // JSON text of the new value
    QTest::addColumn<QString>("field"); // expected Error::field
    QTest::newRow("labor") << "members/1/labor"
                           << "\"壮劳力\""
                           << "members[1].labor";
    QTest::newRow("money as yuan") << "incomeSheet/crops/0/cost"
                                   << "5000.5"
                                   << "incomeSheet.crops[0].cost";
    QTest::newRow("negative money") << "incomeSheet/crops/0/cost"
                                    << "-1"
                                    << "incomeSheet.crops[0].cost";
    QTest::newRow("subtotal transfer") << "incomeSheet/transfers/6"
                                       << "100"
                                       << "incomeSheet.transfers.6";
    QTest::newRow("bad check digit") << "members/0/idNo"
                                     << "\"429005197503020112\""
                                     << "members[0].idNo";
    QTest::newRow("unknown field") << "household/incomeCoverd"
                                   << "true"
                                   << "household.incomeCoverd";
    QTest::newRow("bad date") << "incomeSheet/periodEnd"
                              << "\"2024-02-30\""
                              << "incomeSheet.periodEnd";
    QTest::newRow("household type") << "household/householdType"
                                    << "\"贫困户\""
                                    << "household.householdType";
}

void TestDomainRules::badInputNamesField() {
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QString, field);
    auto json = loadJsonFile(fixturePath("tc01"));
    QStringList parts = path.split('/');
    boost::json::value *target = &json;
    for (int i = 0; i < parts.size() - 1; ++i) {
        bool isIndex = false;
        int index = parts[i].toInt(&isIndex);
        target = isIndex ? &target->as_array()[static_cast<size_t>(index)]
                         : &target->as_object()[parts[i].toStdString()];
    }
    target->as_object()[parts.last().toStdString()] = *ruhu::parseJson(value.toStdString());
    auto doc = parseHouseholdDocument(json);
    ruhu::Error error;
    if (doc) {
        auto ev = evaluateHousehold(*doc, defaultConfig(), date("2024-09-01"));
        QVERIFY2(!ev, "bad input was accepted");
        error = ev.error();
    } else {
        error = doc.error();
    }
    QCOMPARE(qs(error.field), field);
    QVERIFY2(!error.message.empty(), "the error must say what is wrong");
}

QTEST_APPLESS_MAIN(TestDomainRules)
#include "tst_domain_rules.moc"
