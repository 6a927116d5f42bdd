#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ruhu::server {

// Per-user request rate: a token bucket per key, refilled at perSecond up to burst. Thread-safe; at most
// maxEntries buckets (full ones are forgotten first).
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    RateLimiter(double perSecond, double burst, size_t maxEntries = 100000);

    // Takes one token. nullopt: go ahead; otherwise how long until a token is there.
    std::optional<std::chrono::seconds> take(std::string_view key, Clock::time_point now);
    bool enabled() const { return m_perSecond > 0; }

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point updated;
    };
    double level(const Bucket &bucket, Clock::time_point now) const;
    double refill(Bucket &bucket, Clock::time_point now) const;

    double m_perSecond;
    double m_burst;
    size_t m_maxEntries;
    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets; // guarded by m_mutex
};

} // namespace ruhu::server
