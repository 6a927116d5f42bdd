// The income sheet's 核算期 (the 12 months before collection) and the previous period's sheet, kept when a
// new period starts, that gives the drop tests (K6 土坯房 with falling income, K7, K8) their prior income.
#include "domain_test_support.h"

#include <ruhu/domain/household_records.h>
#include <ruhu/domain/income_period.h>

#include <QtTest>

using namespace ruhu;
using namespace ruhu::domain;
using namespace ruhu::domain::test;
namespace json = boost::json;

namespace {

Record record(const std::string &kind, const std::string &id, json::object fields) {
    Record r;
    r.kind = kind;
    r.id = id;
    r.householdId = "hh-1";
    r.regionCode = "429005103201";
    r.fields = std::move(fields);
    return r;
}

json::array crops(const char *id, Fen sold) {
    return json::array{json::object{{"id", id}, {"soldAmount", sold}}};
}

// One adult in a 土坯 only house: K6 fires when D falls below the previous D.
std::vector<Record> mudHouse(Fen currentSold) {
    return {
        record("household", "hh-1",
               {{"regionCode", "429005103201"},
                {"householdType", "一般农户"},
                {"housing", json::object{{"onlyHouse", true}, {"structure", "土坯"}}}}),
        record("member", "mb-1", {{"name", "张一"}, {"birthDate", "1970-03-01"}, {"labor", "普通劳动力"}}),
        record("incomeSheet", "is-hh-1",
               {{"householdId", "hh-1"},
                {"periodStart", "2024-01-01"},
                {"periodEnd", "2024-12-30"},
                {"crops", crops("c2", currentSold)}})};
}

bool hasCategory(const HouseholdAssessment &a, int k) {
    if (!a.evaluation)
        return false;
    const auto list = a.evaluation->categories();
    return std::find(list.begin(), list.end(), k) != list.end();
}

} // namespace

class TstIncomePeriod : public QObject {
    Q_OBJECT

private slots:
    void expectedPeriodIsTheTwelveMonthsBeforeCollection() {
        auto p = expectedIncomePeriod(CivilDate{2024, 9, 1});
        QCOMPARE(qs(p.start.toString()), QString("2023-09-01"));
        QCOMPARE(qs(p.end.toString()), QString("2024-08-31"));
        p = expectedIncomePeriod(CivilDate{2025, 3, 1});
        QCOMPARE(qs(p.end.toString()), QString("2025-02-28"));
        p = expectedIncomePeriod(CivilDate{2024, 3, 15});
        QCOMPARE(qs(p.start.toString()), QString("2023-03-15"));
        QCOMPARE(qs(p.end.toString()), QString("2024-03-14"));
    }

    void periodIsChecked() {
        const CivilDate on{2024, 9, 10};
        QCOMPARE(
            incomePeriodWarnings({{"periodStart", "2023-09-01"}, {"periodEnd", "2024-08-31"}}, on).size(),
            size_t(0));
        QCOMPARE(incomePeriodWarnings({}, on).size(), size_t(1));
        auto shortPeriod =
            incomePeriodWarnings({{"periodStart", "2024-01-01"}, {"periodEnd", "2024-08-31"}}, on);
        QVERIFY(!shortPeriod.empty() && shortPeriod[0].find("应为12个月") != std::string::npos);
        auto future = incomePeriodWarnings({{"periodStart", "2023-10-01"}, {"periodEnd", "2024-09-30"}}, on);
        QVERIFY(!future.empty() && future.back().find("不早于采集日") != std::string::npos);
        auto old = incomePeriodWarnings({{"periodStart", "2022-09-01"}, {"periodEnd", "2023-08-31"}}, on);
        QVERIFY(!old.empty() && old.back().find("两个月以上") != std::string::npos);
    }

    // K6 compares with the previous sheet's D when there is one; a hand-entered priorD is only the fallback.
    void previousSheetGivesPriorIncome() {
        const auto config = defaultConfig();
        const CivilDate on{2024, 12, 31};     // the shipped config has 湖北 2024
        auto records = mudHouse(500000);      // D = 5000
        records[2].fields["priorD"] = 100000; // hand-entered 1000: no drop
        auto without = assessHousehold(selectHouseholdRecords(records, "hh-1"), "hh-1", config, on);
        QVERIFY2(without.evaluation, without.error.c_str());
        QVERIFY(!without.prior);
        QVERIFY(!hasCategory(without, 6));

        records.push_back(record("incomeSheet", previousIncomeSheetId("hh-1", "2023-12-31"),
                                 {{"householdId", "hh-1"},
                                  {"periodStart", "2023-01-01"},
                                  {"periodEnd", "2023-12-31"},
                                  {"crops", crops("c1", 800000)}})); // D = 8000 last year
        auto selected = selectHouseholdRecords(records, "hh-1");
        QCOMPARE(selected.previousIncomeSheets.size(), size_t(1));
        auto with = assessHousehold(selected, "hh-1", config, on);
        QVERIFY2(with.evaluation, with.error.c_str());
        QVERIFY(with.prior);
        QCOMPARE(with.prior->D, Fen(800000));
        QCOMPARE(qs(with.prior->periodEnd), QString("2023-12-31"));
        QVERIFY(hasCategory(with, 6));

        // a sheet of a later period is not "previous"
        records.back().fields["periodEnd"] = "2024-12-30";
        auto later = assessHousehold(selectHouseholdRecords(records, "hh-1"), "hh-1", config, on);
        QVERIFY(!later.prior);
    }

    void newPeriodKeepsTheSheetAndEmptiesTheCurrentOne() {
        json::object current{
            {"householdId", "hh-1"},
            {"periodStart", "2023-09-01"},
            {"periodEnd", "2024-08-31"},
            {"crops", crops("c1", 800000)},
            {"fixedAssets", json::array{json::object{{"id", "f1"}, {"originalValue", 600000}}}},
            {"transfers", json::object{{"4", 240000}}},
            {"priorD", 500000},
            {"computed", json::object{{"D", 1}}}};
        auto next = startNewIncomePeriod(current, "hh-1", CivilDate{2025, 9, 10});
        QVERIFY2(next, next ? "" : next.error().message.c_str());
        QCOMPARE(qs(next->archivedId), QString("is-hh-1-p20240831"));
        QVERIFY(isPreviousIncomeSheetOf(next->archivedId, "hh-1"));
        QVERIFY(!isPreviousIncomeSheetOf("is-hh-10-p20240831", "hh-1"));
        QVERIFY(!isPreviousIncomeSheetOf("is-hh-1-p2024", "hh-1"));
        QVERIFY(!next->archived.contains("computed"));
        QCOMPARE(next->archived.at("crops"), current.at("crops"));
        const auto &tomb = next->reset.at("crops").as_array().at(0).as_object();
        QCOMPARE(tomb.at("deleted").as_bool(), true);
        QVERIFY(!next->reset.contains("fixedAssets"));
        QVERIFY(next->reset.at("transfers").as_object().empty());
        QVERIFY(next->reset.at("priorD").is_null());
        QCOMPARE(qs(std::string(next->reset.at("periodStart").as_string())), QString("2024-09-10"));
        QCOMPARE(qs(std::string(next->reset.at("periodEnd").as_string())), QString("2025-09-09"));

        QVERIFY(!startNewIncomePeriod(json::object{{"householdId", "hh-1"}}, "hh-1", CivilDate{2025, 9, 10}));
        QVERIFY(!startNewIncomePeriod(current, "hh-1", CivilDate{2025, 3, 1})); // overlaps this period
    }
};

QTEST_APPLESS_MAIN(TstIncomePeriod)
#include "tst_income_period.moc"
