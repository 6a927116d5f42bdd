#pragma once

#include <ruhu/domain/civil_date.h>
#include <ruhu/result.h>

#include <boost/json/value.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// The working-day calendar time limits are counted on (公示 5 个工作日, 入户核实 within N working days):
// Monday to Friday, except the national holidays, plus the weekend days made working days by 调休. One year
// at a time, as the State Council publishes it; 2024–2026 ship in assets/calendar/cn-working-days.json,
// a county admin loads further years. A date in a year that is not loaded has no answer (never a guess).
namespace ruhu::domain {

struct CalendarYear {
    int year = 0;
    std::string source;           // the notice the dates come from
    std::set<CivilDate> holidays; // days off (every day of each holiday range)
    std::set<CivilDate> workdays; // weekend days that are working days (调休上班)
    std::vector<std::pair<std::string, std::pair<CivilDate, CivilDate>>> ranges; // name, from, to
};

// One year: {"year", "source", "holidays": [{"name", "from", "to"}], "workdays": ["YYYY-MM-DD"]}.
// Every date must lie in that year, a range must not run backwards, a 调休 working day must fall on a
// weekend and not inside a holiday. Error invalid_calendar naming the field.
Result<CalendarYear> parseCalendarYear(const boost::json::value &json);
boost::json::value calendarYearToJson(const CalendarYear &year);

class WorkingCalendar {
public:
    // {"format": "ruhu-working-days-v1", "years": [...]}
    static Result<WorkingCalendar> fromJson(const boost::json::value &document);
    // The calendar shipped with the software (2024–2026), compiled in.
    static const WorkingCalendar &builtin();

    // Adds or replaces one year.
    void setYear(CalendarYear year);
    bool covers(int year) const { return m_years.contains(year); }
    std::vector<int> years() const;
    const CalendarYear *year(int year) const;

    // nullopt when the date's year is not loaded.
    std::optional<bool> isWorkingDay(const CivilDate &date) const;
    // The n-th working day counting from `start` (start itself counts when it is a working day), n >= 1.
    // Error calendar_missing (Chinese, names the year to load) when the count leaves the loaded years.
    Result<CivilDate> nthWorkingDay(const CivilDate &start, int n) const;
    // Working days in [from, to] (both included); Error calendar_missing as above. 0 when to < from.
    Result<int> workingDaysBetween(const CivilDate &from, const CivilDate &to) const;

    // How a deadline stands on `today`, for "还剩2个工作日" / "今天到期" / "已逾期1个工作日". Not overdue:
    // the working days after today up to and including `due` (0: due today, or no working day is left
    // before it). Overdue (today after due): the working days after `due` up to and including today.
    struct DueDistance {
        bool overdue = false;
        int workingDays = 0;
    };
    Result<DueDistance> dueDistance(const CivilDate &today, const CivilDate &due) const;

private:
    std::map<int, CalendarYear> m_years;
};

std::string_view builtinWorkingCalendarJson();

// 2024-09-09 is a Monday: 0 = Sunday … 6 = Saturday.
int weekday(const CivilDate &date);
CivilDate addDays(const CivilDate &date, int days);

} // namespace ruhu::domain
