// Money, the rounding rule, dates and ages, GB 11643 身份证号 and the income sheet of seed 004 附件2.
#include "domain_test_support.h"

#include <ruhu/domain/civil_date.h>
#include <ruhu/domain/income_sheet.h>
#include <ruhu/domain/money.h>
#include <ruhu/domain/synthetic.h>
#include <ruhu/model/id_number.h>

#include <QtTest>

using namespace ruhu::domain;
using namespace ruhu::domain::test;

class TestDomainIncome : public QObject {
    Q_OBJECT

private slots:
    void roundingRule_data();
    void roundingRule();
    void yuanFormatting();
    void yuanParsing();
    void ages();
    void monthsBetween();
    void idCheckDigits_data();
    void idCheckDigits();
    void idNumberBirthAndSex();
    void everySection();
    void fixedAssetsAndDepreciation();
    void transferSubtotals();
    void d1WithAndWithoutClaims();
    void noCountedMember();
    void wageWarnings();
};

void TestDomainIncome::roundingRule_data() {
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("exact") << qint64(2600000) << qint64(4) << qint64(650000);
    QTest::newRow("1/3 down") << qint64(1000000) << qint64(3) << qint64(333333);
    QTest::newRow("2/3 up") << qint64(3460000) << qint64(3) << qint64(1153333); // 11533.333…
    QTest::newRow("B4 25000/15") << qint64(2500000) << qint64(15) << qint64(166667);
    QTest::newRow("half up") << qint64(5) << qint64(2) << qint64(3);
    QTest::newRow("half away from zero (negative)") << qint64(-5) << qint64(2) << qint64(-3);
    QTest::newRow("negative below half") << qint64(-7) << qint64(3) << qint64(-2);
    QTest::newRow("negative above half") << qint64(-8) << qint64(3) << qint64(-3);
    QTest::newRow("negative denominator") << qint64(7) << qint64(-2) << qint64(-4);
}

void TestDomainIncome::roundingRule() {
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(qint64, expected);
    QCOMPARE(qint64(divideRounded(numerator, denominator)), expected);
}

void TestDomainIncome::yuanFormatting() {
    QCOMPARE(qs(formatYuan(0)), QString("0.00"));
    QCOMPARE(qs(formatYuan(583333)), QString("5833.33"));
    QCOMPARE(qs(formatYuan(-1000050)), QString("-10000.50"));
    QCOMPARE(qs(formatYuan(-5)), QString("-0.05"));
    QCOMPARE(qs(formatPercent(8400, 11400)), QString("73.68%"));
    QCOMPARE(qs(formatPercent(300000, 3200000)), QString("9.38%"));
    QCOMPARE(qs(formatBasisPoints(3000)), QString("0.30"));
}

void TestDomainIncome::yuanParsing() {
    QCOMPARE(parseYuan("8300").value(), Fen(830000));
    QCOMPARE(parseYuan("8300.5").value(), Fen(830050));
    QCOMPARE(parseYuan("-12.30").value(), Fen(-1230));
    QVERIFY(!parseYuan("12.345"));
    QVERIFY(!parseYuan("abc"));
    QVERIFY(!parseYuan("12."));
    QCOMPARE(parseBasisPoints("0.30").value(), int64_t(3000));
    QCOMPARE(parseBasisPoints("1").value(), int64_t(10000));
}

void TestDomainIncome::ages() {
    QCOMPARE(ageOn(date("2008-09-01"), date("2024-09-01")), 16);
    QCOMPARE(ageOn(date("2008-09-02"), date("2024-09-01")), 15);
    QCOMPARE(ageOn(date("2000-02-29"), date("2001-02-28")), 0);
    QCOMPARE(ageOn(date("2000-02-29"), date("2001-03-01")), 1);
    QCOMPARE(ageOn(date("1952-03-10"), date("2024-09-01")), 72);
    QVERIFY(!CivilDate::parse("2023-02-29"));
    QVERIFY(CivilDate::parse("2024-02-29"));
    QCOMPARE(date("2024-09-01").dayNumber() - date("2024-04-01").dayNumber(), int64_t(153)); // TC07a
}

void TestDomainIncome::monthsBetween() {
    QCOMPARE(completedMonths(date("2024-03-15"), date("2024-09-01")), 5); // TC17
    QCOMPARE(completedMonths(date("2023-12-01"), date("2024-09-01")), 9); // TC18
    QCOMPARE(completedMonths(date("2024-03-01"), date("2024-09-01")), 6);
    QCOMPARE(completedMonths(date("2024-08-31"), date("2025-02-28")), 6);
    QCOMPARE(addMonths(date("2024-08-31"), 6).toString(), std::string("2025-02-28"));
}

void TestDomainIncome::idCheckDigits_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("GB 11643 example with X") << "11010519491231002X" << true;
    QTest::newRow("lowercase x") << "11010519491231002x" << true;
    QTest::newRow("check digit 3") << "440524198001010013" << true;
    QTest::newRow("before 1900 rejected") << "440524188001010014" << false;
    QTest::newRow("wrong check digit") << "110105194912310021" << false;
    QTest::newRow("bad birth date") << "110105194902300026" << false;
    QTest::newRow("17 digits") << "11010519491231002" << false;
    QTest::newRow("letter inside") << "1101051949123A002X" << false;
}

void TestDomainIncome::idCheckDigits() {
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(bool(ruhu::parseIdNumber(id.toStdString())), valid);
}

void TestDomainIncome::idNumberBirthAndSex() {
    QCOMPARE(ruhu::idNumberCheckDigit("11010519491231002"), 'X');
    QCOMPARE(ruhu::idNumberCheckDigit("44052418800101001"), '4');
    // Generated numbers (fixtures, synthetic county) carry a correct check digit and the birth date.
    for (int seq : {0, 7, 123, 998}) {
        std::string id = makeIdNumber("429005", date("1975-03-02"), seq);
        auto info = ruhu::parseIdNumber(id);
        QVERIFY2(info, id.c_str());
        QCOMPARE(qs(info->birthDate), QString("1975-03-02"));
        QCOMPARE(qs(info->areaCode), QString("429005"));
    }
}

// TC01 through the typed API: every symbol of section 八.
void TestDomainIncome::everySection() {
    IncomeSheet s;
    s.crops.push_back(CropLine{"c1", "水稻", 4, 2400, 1800, yuan(4860), 600, yuan(1620), yuan(2100)});
    s.livestock.push_back(LivestockLine{"l1", "生猪", 6, 5, 600, yuan(9000), 1, 110, yuan(1650), yuan(7800)});
    s.business.push_back(BusinessLine{"b1", "小卖部", yuan(6000), yuan(500), yuan(4200)});
    WageLine w;
    w.localCash = yuan(18000);
    w.awayCash = yuan(12000);
    w.inKind = yuan(600);
    s.wages.push_back(w);
    s.property = PropertyIncome{yuan(300), yuan(800), yuan(1200), yuan(100)};
    s.transfer(TransferItem::Pension) = yuan(2400);
    s.transfer(TransferItem::FarmlandSubsidy) = yuan(600);
    s.fixedAssets.push_back(FixedAsset{"a1", "微耕机", 2020, yuan(4500), true});
    s.claimsE = yuan(1000);
    s.rigid = RigidExpenses{yuan(3000), yuan(5000), yuan(200), 0, 0, 0, 0};
    auto t = computeIncomeTotals(s, 4, IncomeRules{});
    QVERIFY(t);
    QCOMPARE(t->A1_1, yuan(6480));
    QCOMPARE(t->A1_2, yuan(10650));
    QCOMPARE(t->A1_3, yuan(6500));
    QCOMPARE(t->A1, yuan(23630));
    QCOMPARE(t->A2, yuan(30600));
    QCOMPARE(t->A3_1, yuan(300));
    QCOMPARE(t->A3_2, yuan(2100));
    QCOMPARE(t->A3, yuan(2400));
    QCOMPARE(t->A4, yuan(3000));
    QCOMPARE(t->A, yuan(59630));
    QCOMPARE(t->B1, yuan(2100));
    QCOMPARE(t->B2, yuan(7800));
    QCOMPARE(t->B3, yuan(4200));
    QCOMPARE(t->B4, yuan(300));
    QCOMPARE(t->B, yuan(14400));
    QCOMPARE(t->C, yuan(45230));
    QCOMPARE(t->D, Fen(1130750));
    QCOMPARE(t->F, yuan(8200));
    QCOMPARE(t->D1, Fen(950750)); // (45230 + 1000 − 8200) / 4
}

void TestDomainIncome::fixedAssetsAndDepreciation() {
    IncomeSheet s;
    s.wages.push_back(WageLine{});
    s.fixedAssets = {FixedAsset{"a", "大棚", 2020, yuan(25000), true}};
    QCOMPARE(qs(formatYuan(computeIncomeTotals(s, 1, IncomeRules{})->B4)), QString("1666.67"));
    // 超过1000元: exactly 1000 does not count, 1000.01 does; an unusable asset never counts.
    s.fixedAssets = {FixedAsset{"a", "喷雾器", 2020, yuan(1000), true}};
    QCOMPARE(computeIncomeTotals(s, 1, IncomeRules{})->B4, Fen(0));
    s.fixedAssets = {FixedAsset{"a", "喷雾器", 2020, yuan(1000) + 1, true}};
    QCOMPARE(computeIncomeTotals(s, 1, IncomeRules{})->fixedAssetValue, yuan(1000) + 1);
    QCOMPARE(computeIncomeTotals(s, 1, IncomeRules{})->B4, Fen(6667)); // 100001/15 = 6666.73 → 6667
    s.fixedAssets = {FixedAsset{"a", "旧拖拉机", 2010, yuan(50000), false}};
    QCOMPARE(computeIncomeTotals(s, 1, IncomeRules{})->B4, Fen(0));
}

void TestDomainIncome::transferSubtotals() {
    IncomeSheet s;
    for (size_t i = 0; i < transferItemCount; ++i)
        s.transfers[i] = static_cast<Fen>(i + 1) * 100;
    auto t = computeIncomeTotals(s, 1, IncomeRules{});
    // 5 = 5.1..5.4 (indices 4..7), 6 = 6.1..6.15 (indices 8..22), A4 = 1+2+3+4+5+6.
    QCOMPARE(t->A4_5, Fen((5 + 6 + 7 + 8) * 100));
    Fen six = 0;
    for (int i = 9; i <= 23; ++i)
        six += i * 100;
    QCOMPARE(t->A4_6, six);
    QCOMPARE(t->A4, Fen((1 + 2 + 3 + 4) * 100) + t->A4_5 + t->A4_6);
    QCOMPARE(transferItems().size(), size_t(23));
    QVERIFY(transferItemFromCode("6.15").has_value());
    QVERIFY(!transferItemFromCode("6").has_value());
}

void TestDomainIncome::d1WithAndWithoutClaims() {
    auto doc = loadFixture("tc03");
    IncomeRules with;
    IncomeRules without;
    without.includeClaimsInD1 = false;
    QCOMPARE(qs(formatYuan(computeIncomeTotals(doc.incomeSheet, 3, with)->D1)), QString("5866.67"));
    QCOMPARE(qs(formatYuan(computeIncomeTotals(doc.incomeSheet, 3, without)->D1)), QString("5200.00"));
}

void TestDomainIncome::noCountedMember() {
    auto t = computeIncomeTotals(IncomeSheet{}, 0, IncomeRules{});
    QVERIFY(!t);
    QCOMPARE(qs(t.error().code), QString("no_counted_member"));
}

void TestDomainIncome::wageWarnings() {
    IncomeSheet s;
    WageLine w;
    w.name = "张三";
    w.localDays = 100;
    w.localDailyWage = yuan(150);
    w.localCash = yuan(18000); // expected 15000: 20% off
    s.wages.push_back(w);
    auto t = computeIncomeTotals(s, 1, IncomeRules{});
    auto warnings = incomeSheetWarnings(s, *t);
    QCOMPARE(warnings.size(), size_t(1));
    QVERIFY(qs(warnings[0]).contains("15000.00"));
    s.wages[0].localCash = yuan(16000); // 6.7% off: fine
    QVERIFY(incomeSheetWarnings(s, *computeIncomeTotals(s, 1, IncomeRules{})).empty());
}

QTEST_APPLESS_MAIN(TestDomainIncome)
#include "tst_domain_income.moc"
