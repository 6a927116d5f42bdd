#include "rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace ruhu::server {

RateLimiter::RateLimiter(double perSecond, double burst, size_t maxEntries)
    : m_perSecond(perSecond)
    , m_burst(std::max(burst, 1.0))
    , m_maxEntries(maxEntries) {}

double RateLimiter::level(const Bucket &bucket, Clock::time_point now) const {
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    return std::min(m_burst, bucket.tokens + std::max(elapsed, 0.0) * m_perSecond);
}

double RateLimiter::refill(Bucket &bucket, Clock::time_point now) const {
    bucket.tokens = level(bucket, now);
    bucket.updated = now;
    return bucket.tokens;
}

std::optional<std::chrono::seconds> RateLimiter::take(std::string_view key, Clock::time_point now) {
    if (!enabled())
        return std::nullopt;
    std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(std::string(key));
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_maxEntries)
            std::erase_if(m_buckets, [&](const auto &item) { return level(item.second, now) >= m_burst; });
        if (m_buckets.size() >= m_maxEntries)
            return std::nullopt; // every bucket busy: let the request through rather than grow
        it = m_buckets.emplace(std::string(key), Bucket{m_burst, now}).first;
    }
    if (refill(it->second, now) >= 1.0) {
        it->second.tokens -= 1.0;
        return std::nullopt;
    }
    const double wait = (1.0 - it->second.tokens) / m_perSecond;
    return std::chrono::seconds(std::max<int64_t>(1, int64_t(std::ceil(wait))));
}

} // namespace ruhu::server
