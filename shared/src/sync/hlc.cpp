#include <ruhu/sync/hlc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace ruhu {

int64_t SystemClock::nowMs() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

const SystemClock &SystemClock::instance() {
    static const SystemClock clock;
    return clock;
}

std::string HlcStamp::encode() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%018lld-%06u-", static_cast<long long>(wallMs), counter);
    return buf + node;
}

std::optional<HlcStamp> HlcStamp::decode(std::string_view text) {
    if (text.size() < 27 || text[18] != '-' || text[25] != '-')
        return std::nullopt;
    HlcStamp stamp;
    for (size_t i = 0; i < 18; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        stamp.wallMs = stamp.wallMs * 10 + (text[i] - '0');
    }
    for (size_t i = 19; i < 25; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        stamp.counter = stamp.counter * 10 + static_cast<uint32_t>(text[i] - '0');
    }
    stamp.node = std::string(text.substr(26));
    return stamp;
}

HlcStamp HybridLogicalClock::tick() {
    int64_t now = m_clock.nowMs();
    if (now > m_last.wallMs) {
        m_last.wallMs = now;
        m_last.counter = 0;
    } else {
        ++m_last.counter;
    }
    m_last.node = m_node;
    return m_last;
}

void HybridLogicalClock::observe(const HlcStamp &remote) {
    int64_t now = m_clock.nowMs();
    int64_t wall = std::max({now, m_last.wallMs, remote.wallMs});
    if (wall == m_last.wallMs && wall == remote.wallMs)
        m_last.counter = std::max(m_last.counter, remote.counter) + 1;
    else if (wall == m_last.wallMs)
        ++m_last.counter;
    else if (wall == remote.wallMs)
        m_last.counter = remote.counter + 1;
    else
        m_last.counter = 0;
    m_last.wallMs = wall;
    m_last.node = m_node;
}

} // namespace ruhu
