#include <ruhu/domain/civil_date.h>

#include <cstdio>
#include <ctime>

namespace ruhu::domain {
namespace {

bool isLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int monthLength(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

} // namespace

bool CivilDate::isValid() const {
    return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 &&
           day <= monthLength(year, month);
}

int64_t CivilDate::dayNumber() const {
    // Howard Hinnant's days_from_civil.
    int y = year - (month <= 2 ? 1 : 0);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int mp = (month + 9) % 12;
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<int64_t>(era) * 146097 + doe - 719468;
}

std::string CivilDate::toString() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::optional<CivilDate> CivilDate::parse(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-')
        return std::nullopt;
    auto digits = [&](size_t from, size_t count, int &out) {
        out = 0;
        for (size_t i = from; i < from + count; ++i) {
            if (t[i] < '0' || t[i] > '9')
                return false;
            out = out * 10 + (t[i] - '0');
        }
        return true;
    };
    CivilDate d;
    if (!digits(0, 4, d.year) || !digits(5, 2, d.month) || !digits(8, 2, d.day) || !d.isValid())
        return std::nullopt;
    return d;
}

CivilDate CivilDate::today() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return CivilDate{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

int ageOn(const CivilDate &birth, const CivilDate &on) {
    int age = on.year - birth.year;
    if (on.month < birth.month || (on.month == birth.month && on.day < birth.day))
        --age;
    return age;
}

CivilDate addMonths(const CivilDate &date, int months) {
    int total = date.year * 12 + (date.month - 1) + months;
    CivilDate r{total / 12, total % 12 + 1, date.day};
    if (r.day > monthLength(r.year, r.month))
        r.day = monthLength(r.year, r.month);
    return r;
}

int completedMonths(const CivilDate &from, const CivilDate &to) {
    if (to < from)
        return -completedMonths(to, from);
    int months = (to.year - from.year) * 12 + (to.month - from.month);
    while (months > 0 && to < addMonths(from, months))
        --months;
    return months;
}

} // namespace ruhu::domain
