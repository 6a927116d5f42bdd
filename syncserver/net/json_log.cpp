#include "json_log.h"

#include <boost/json/serialize.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace ruhu::server {
namespace {

std::string utcTimestamp() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t seconds = system_clock::to_time_t(now);
    const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(millis));
    return buf;
}

int rankOf(std::string_view level) {
    if (level == "debug")
        return 0;
    if (level == "info")
        return 1;
    if (level == "warning")
        return 2;
    if (level == "error")
        return 3;
    return -1;
}

std::atomic<int> minimumRank = 1;

} // namespace

bool setLogLevel(std::string_view level) {
    const int rank = rankOf(level);
    if (rank < 0)
        return false;
    minimumRank = rank;
    return true;
}

void logEvent(std::string_view level, std::string_view event, boost::json::object fields) {
    if (rankOf(level) < minimumRank)
        return;
    boost::json::object line{{"ts", utcTimestamp()}, {"level", level}, {"event", event}};
    for (auto &kv : fields)
        line[kv.key()] = std::move(kv.value());
    std::string text = boost::json::serialize(line);
    text.push_back('\n');
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

} // namespace ruhu::server
