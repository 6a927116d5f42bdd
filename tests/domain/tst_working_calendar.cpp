// The working-day calendar (assets/calendar/cn-working-days.json): national holidays, 调休 working
// weekends, 公示 end dates across holidays, a year that is not loaded, and a county loading one.
#include "domain_test_support.h"

#include <ruhu/domain/working_calendar.h>

#include <QTest>

#include <boost/json/parse.hpp>

using namespace ruhu::domain;
using namespace ruhu::domain::test;

class TestWorkingCalendar : public QObject {
    Q_OBJECT

private slots:
    void shipsThreeYears() {
        const auto &c = WorkingCalendar::builtin();
        QCOMPARE(c.years(), (std::vector<int>{2024, 2025, 2026}));
        QVERIFY(c.year(2026)->source.find("2026年部分节假日安排") != std::string::npos);
    }

    void holidaysAndWorkingWeekends_data() {
        QTest::addColumn<QString>("day");
        QTest::addColumn<bool>("working");
        QTest::newRow("2024 春节 Monday") << "2024-02-12" << false;
        QTest::newRow("2024 调休 Sunday before 春节") << "2024-02-04" << true;
        QTest::newRow("2024 调休 Saturday before 中秋") << "2024-09-14" << true;
        QTest::newRow("2024 ordinary Saturday") << "2024-09-21" << false;
        QTest::newRow("2024 ordinary Wednesday") << "2024-09-11" << true;
        QTest::newRow("2025 除夕 holiday") << "2025-01-28" << false;
        QTest::newRow("2025 国庆中秋 8th") << "2025-10-08" << false;
        QTest::newRow("2025 调休 Saturday after 国庆") << "2025-10-11" << true;
        QTest::newRow("2026 元旦 Friday") << "2026-01-02" << false;
        QTest::newRow("2026 调休 Sunday 1-4") << "2026-01-04" << true;
        QTest::newRow("2026 春节 Monday 2-23") << "2026-02-23" << false;
        QTest::newRow("2026 调休 Saturday 2-28") << "2026-02-28" << true;
        QTest::newRow("2026 端午 Friday") << "2026-06-19" << false;
    }
    void holidaysAndWorkingWeekends() {
        QFETCH(QString, day);
        QFETCH(bool, working);
        auto answer = WorkingCalendar::builtin().isWorkingDay(date(day.toUtf8().constData()));
        QVERIFY(answer.has_value());
        QCOMPARE(*answer, working);
    }

    void publicityEndCountsWorkingDays_data() {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("fifth");
        QTest::newRow("plain week") << "2024-09-09"
                                    << "2024-09-13";
        QTest::newRow("over 中秋 with a working Saturday") << "2024-09-12"
                                                           << "2024-09-19";
        QTest::newRow("start on a holiday") << "2024-10-01"
                                            << "2024-10-12"; // 8,9,10,11,12(Sat 调休)
        QTest::newRow("over 国庆中秋 2025") << "2025-09-26"
                                            << "2025-10-09";
        QTest::newRow("over 春节 2026") << "2026-02-12"
                                        << "2026-02-25";
    }
    void publicityEndCountsWorkingDays() {
        QFETCH(QString, start);
        QFETCH(QString, fifth);
        auto end = WorkingCalendar::builtin().nthWorkingDay(date(start.toUtf8().constData()), 5);
        QVERIFY(end.ok());
        QCOMPARE(qs(end->toString()), fifth);
    }

    void unknownYearHasNoAnswer() {
        const auto &c = WorkingCalendar::builtin();
        QVERIFY(!c.isWorkingDay(date("2027-01-04")).has_value());
        auto end = c.nthWorkingDay(date("2026-12-29"), 5);
        QVERIFY(!end.ok());
        QCOMPARE(qs(end.error().code), QStringLiteral("calendar_missing"));
        QVERIFY(end.error().message.find("2027年") != std::string::npos);
        QVERIFY(!c.workingDaysBetween(date("2026-12-30"), date("2027-01-02")).ok());
        QCOMPARE(*c.workingDaysBetween(date("2024-09-09"), date("2024-09-22")),
                 9); // 中秋 15–17, Sat 14 works
    }

    void dueDistanceCountsWorkingDays_data() {
        QTest::addColumn<QString>("today");
        QTest::addColumn<QString>("due");
        QTest::addColumn<bool>("overdue");
        QTest::addColumn<int>("days");
        QTest::newRow("Monday, due Wednesday") << "2026-12-07"
                                               << "2026-12-09" << false << 2;
        QTest::newRow("due today") << "2026-12-09"
                                   << "2026-12-09" << false << 0;
        QTest::newRow("Saturday, due Monday") << "2026-12-05"
                                              << "2026-12-07" << false << 1;
        QTest::newRow("over 国庆 2026") << "2026-09-30"
                                        << "2026-10-09" << false << 2;
        QTest::newRow("due Friday, Monday") << "2026-12-07"
                                            << "2026-12-04" << true << 1;
        QTest::newRow("due Friday, Saturday") << "2026-12-05"
                                              << "2026-12-04" << true << 0;
        QTest::newRow("a week late") << "2026-12-08"
                                     << "2026-12-01" << true << 5;
    }
    void dueDistanceCountsWorkingDays() {
        QFETCH(QString, today);
        QFETCH(QString, due);
        QFETCH(bool, overdue);
        QFETCH(int, days);
        auto distance = WorkingCalendar::builtin().dueDistance(date(today.toUtf8().constData()),
                                                               date(due.toUtf8().constData()));
        QVERIFY(distance.ok());
        QCOMPARE(distance->overdue, overdue);
        QCOMPARE(distance->workingDays, days);
        QVERIFY(!WorkingCalendar::builtin().dueDistance(date("2027-01-04"), date("2026-12-30")).ok());
    }

    void countyLoadsAYear() {
        WorkingCalendar c = WorkingCalendar::builtin();
        auto year = parseCalendarYear(boost::json::parse(R"({"year": 2027, "source": "县级测试导入",
            "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}],
            "workdays": ["2027-01-09"]})"));
        QVERIFY2(year.ok(), year.ok() ? "" : year.error().message.c_str());
        c.setYear(*year);
        QCOMPARE(*c.nthWorkingDay(date("2026-12-29"), 5), date("2027-01-05"));
        QCOMPARE(*c.isWorkingDay(date("2027-01-09")), true);
        // Written back the same.
        auto again = parseCalendarYear(calendarYearToJson(*year));
        QVERIFY(again.ok());
        QCOMPARE(again->holidays, year->holidays);
    }

    void badYearsAreRefused_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("workday on a Tuesday")
            << R"({"year":2027,"source":"s","holidays":[],"workdays":["2027-01-05"]})"
            << "workdays";
        QTest::newRow("date in another year")
            << R"({"year":2027,"source":"s","holidays":[{"name":"元旦","from":"2026-12-31","to":"2027-01-01"}],"workdays":[]})"
            << "holidays.from";
        QTest::newRow("range backwards")
            << R"({"year":2027,"source":"s","holidays":[{"name":"元旦","from":"2027-01-03","to":"2027-01-01"}],"workdays":[]})"
            << "holidays.to";
        QTest::newRow("no source") << R"({"year":2027,"holidays":[],"workdays":[]})"
                                   << "source";
        QTest::newRow("workday inside a holiday")
            << R"({"year":2027,"source":"s","holidays":[{"name":"x","from":"2027-01-02","to":"2027-01-03"}],"workdays":["2027-01-02"]})"
            << "workdays";
        QTest::newRow("not a date") << R"({"year":2027,"source":"s","holidays":[],"workdays":["2027-1-2"]})"
                                    << "workdays";
    }
    void badYearsAreRefused() {
        QFETCH(QString, json);
        QFETCH(QString, field);
        auto year = parseCalendarYear(boost::json::parse(json.toStdString()));
        QVERIFY(!year.ok());
        QCOMPARE(qs(year.error().code), QStringLiteral("invalid_calendar"));
        QCOMPARE(qs(year.error().field), field);
    }
};

QTEST_APPLESS_MAIN(TestWorkingCalendar)
#include "tst_working_calendar.moc"
