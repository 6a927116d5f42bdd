#include <ruhu/domain/beijing_time.h>

#include <ctime>

namespace ruhu::domain {
namespace {

std::tm beijingTm(int64_t unixMs) {
    const int64_t seconds = (unixMs >= 0 ? unixMs : unixMs - 999) / 1000;
    const std::time_t shifted = static_cast<std::time_t>(seconds + 8 * 3600);
    std::tm tm{};
    gmtime_r(&shifted, &tm);
    return tm;
}

} // namespace

std::string beijingTime(int64_t unixMs) {
    const std::tm tm = beijingTm(unixMs);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S+08:00", &tm);
    return text;
}

CivilDate beijingDate(int64_t unixMs) {
    const std::tm tm = beijingTm(unixMs);
    return CivilDate{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

} // namespace ruhu::domain
