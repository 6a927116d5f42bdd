#include <ruhu/domain/working_calendar.h>

#include <boost/json/parse.hpp>

namespace ruhu::domain {
namespace {

Error invalid(const std::string &field, const std::string &message) {
    return Error{"invalid_calendar", message, field};
}

Error missingYear(int year) {
    return Error{"calendar_missing",
                 "缺少" + std::to_string(year) +
                     "年的工作日历（法定节假日和调休安排），请县级管理员导入后再办理",
                 "calendar"};
}

Result<CivilDate> dateIn(const boost::json::value *v, int year, const std::string &field) {
    if (!v || !v->is_string())
        return invalid(field, "工作日历的“" + field + "”应为日期（YYYY-MM-DD）");
    auto d = CivilDate::parse(v->get_string());
    if (!d)
        return invalid(field, "工作日历的“" + field + "”不是有效日期（YYYY-MM-DD）");
    if (d->year != year)
        return invalid(field, "工作日历的“" + field + "”（" + d->toString() + "）不在" +
                                  std::to_string(year) + "年内");
    return *d;
}

constexpr size_t kMaxEntries = 80; // a year has seven holidays and a dozen 调休 days at most

} // namespace

int weekday(const CivilDate &date) {
    // 1970-01-01 was a Thursday.
    int64_t n = (date.dayNumber() + 4) % 7;
    return static_cast<int>(n < 0 ? n + 7 : n);
}

CivilDate addDays(const CivilDate &date, int days) {
    // Howard Hinnant's civil_from_days.
    int64_t z = date.dayNumber() + days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

Result<CalendarYear> parseCalendarYear(const boost::json::value &json) {
    if (!json.is_object())
        return invalid("year", "工作日历的每一年应为一个对象");
    const auto &obj = json.get_object();
    CalendarYear out;
    const auto *year = obj.if_contains("year");
    if (!year || !year->is_int64() || year->get_int64() < 2000 || year->get_int64() > 2100)
        return invalid("year", "工作日历缺少年份（2000–2100）");
    out.year = static_cast<int>(year->get_int64());
    const auto *source = obj.if_contains("source");
    if (!source || !source->is_string() || source->get_string().empty() || source->get_string().size() > 300)
        return invalid("source", "工作日历须注明依据（如国务院办公厅的放假安排通知），不超过300字");
    out.source = source->get_string();
    const auto *holidays = obj.if_contains("holidays");
    const auto *workdays = obj.if_contains("workdays");
    if (!holidays || !holidays->is_array() || holidays->get_array().size() > kMaxEntries)
        return invalid("holidays", "工作日历的“holidays”应为节假日列表");
    if (!workdays || !workdays->is_array() || workdays->get_array().size() > kMaxEntries)
        return invalid("workdays", "工作日历的“workdays”应为调休上班日列表");
    for (const auto &h : holidays->get_array()) {
        if (!h.is_object())
            return invalid("holidays", "工作日历的节假日应为 {name, from, to}");
        const auto *name = h.get_object().if_contains("name");
        if (!name || !name->is_string() || name->get_string().empty() || name->get_string().size() > 60)
            return invalid("holidays.name", "工作日历的节假日缺少名称");
        auto from = dateIn(h.get_object().if_contains("from"), out.year, "holidays.from");
        if (!from)
            return from.error();
        auto to = dateIn(h.get_object().if_contains("to"), out.year, "holidays.to");
        if (!to)
            return to.error();
        if (*to < *from)
            return invalid("holidays.to",
                           "节假日“" + std::string(name->get_string()) + "”的结束日早于开始日");
        out.ranges.push_back({std::string(name->get_string()), {*from, *to}});
        for (CivilDate d = *from; d <= *to; d = addDays(d, 1))
            out.holidays.insert(d);
    }
    for (const auto &w : workdays->get_array()) {
        auto d = dateIn(&w, out.year, "workdays");
        if (!d)
            return d.error();
        const int wd = weekday(*d);
        if (wd != 0 && wd != 6)
            return invalid("workdays", "调休上班日" + d->toString() + "不是周末");
        if (out.holidays.contains(*d))
            return invalid("workdays", "调休上班日" + d->toString() + "在节假日内");
        out.workdays.insert(*d);
    }
    return out;
}

boost::json::value calendarYearToJson(const CalendarYear &year) {
    boost::json::array holidays;
    for (const auto &[name, range] : year.ranges)
        holidays.push_back(boost::json::object{
            {"name", name}, {"from", range.first.toString()}, {"to", range.second.toString()}});
    boost::json::array workdays;
    for (const auto &d : year.workdays)
        workdays.emplace_back(d.toString());
    return boost::json::object{
        {"year", year.year}, {"source", year.source}, {"holidays", holidays}, {"workdays", workdays}};
}

Result<WorkingCalendar> WorkingCalendar::fromJson(const boost::json::value &document) {
    const auto *obj = document.if_object();
    const auto *format = obj ? obj->if_contains("format") : nullptr;
    if (!format || !format->is_string() || format->get_string() != "ruhu-working-days-v1")
        return invalid("format", "工作日历格式应为 ruhu-working-days-v1");
    const auto *years = obj->if_contains("years");
    if (!years || !years->is_array() || years->get_array().size() > 50)
        return invalid("years", "工作日历的“years”应为年份列表");
    WorkingCalendar calendar;
    for (const auto &y : years->get_array()) {
        auto year = parseCalendarYear(y);
        if (!year)
            return year.error();
        calendar.setYear(std::move(*year));
    }
    return calendar;
}

const WorkingCalendar &WorkingCalendar::builtin() {
    static const WorkingCalendar calendar = [] {
        auto parsed = fromJson(boost::json::parse(builtinWorkingCalendarJson()));
        return parsed ? std::move(*parsed) : WorkingCalendar{};
    }();
    return calendar;
}

void WorkingCalendar::setYear(CalendarYear year) {
    const int y = year.year;
    m_years[y] = std::move(year);
}

std::vector<int> WorkingCalendar::years() const {
    std::vector<int> out;
    for (const auto &[y, _] : m_years)
        out.push_back(y);
    return out;
}

const CalendarYear *WorkingCalendar::year(int y) const {
    auto it = m_years.find(y);
    return it == m_years.end() ? nullptr : &it->second;
}

std::optional<bool> WorkingCalendar::isWorkingDay(const CivilDate &date) const {
    const CalendarYear *y = year(date.year);
    if (!y)
        return std::nullopt;
    if (y->workdays.contains(date))
        return true;
    if (y->holidays.contains(date))
        return false;
    const int wd = weekday(date);
    return wd != 0 && wd != 6;
}

Result<CivilDate> WorkingCalendar::nthWorkingDay(const CivilDate &start, int n) const {
    CivilDate d = start;
    int counted = 0;
    for (int guard = 0; guard < 400; ++guard, d = addDays(d, 1)) {
        auto working = isWorkingDay(d);
        if (!working)
            return missingYear(d.year);
        if (*working && ++counted >= std::max(n, 1))
            return d;
    }
    return invalid("n", "工作日数过大");
}

Result<int> WorkingCalendar::workingDaysBetween(const CivilDate &from, const CivilDate &to) const {
    int count = 0;
    if (to.dayNumber() - from.dayNumber() > 3700)
        return invalid("to", "日期范围过大");
    for (CivilDate d = from; d <= to; d = addDays(d, 1)) {
        auto working = isWorkingDay(d);
        if (!working)
            return missingYear(d.year);
        count += *working ? 1 : 0;
    }
    return count;
}

Result<WorkingCalendar::DueDistance> WorkingCalendar::dueDistance(const CivilDate &today,
                                                                  const CivilDate &due) const {
    const bool overdue = today > due;
    auto days =
        overdue ? workingDaysBetween(addDays(due, 1), today) : workingDaysBetween(addDays(today, 1), due);
    if (!days)
        return days.error();
    return DueDistance{overdue, *days};
}

} // namespace ruhu::domain
