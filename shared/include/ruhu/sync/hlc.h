#pragma once

#include <ruhu/sync/clock.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace ruhu {

// A hybrid logical clock stamp (Kulkarni et al.): wall milliseconds, a counter for events within the
// same millisecond, and the node (device id) as the final tie-break so every stamp is unique and totally
// ordered. Encoded as a fixed-width string that sorts the same way as the stamp.
struct HlcStamp {
    int64_t wallMs = 0;
    uint32_t counter = 0;
    std::string node;

    // Compared member by member (no <=> here: Qt 6.4's moc cannot parse <compare> in headers it reads).
    bool operator==(const HlcStamp &o) const {
        return std::tie(wallMs, counter, node) == std::tie(o.wallMs, o.counter, o.node);
    }
    bool operator!=(const HlcStamp &o) const { return !(*this == o); }
    bool operator<(const HlcStamp &o) const {
        return std::tie(wallMs, counter, node) < std::tie(o.wallMs, o.counter, o.node);
    }
    bool operator>(const HlcStamp &o) const { return o < *this; }

    std::string encode() const; // "000001732390000000-000000-dev-abc"
    static std::optional<HlcStamp> decode(std::string_view text);
};

class HybridLogicalClock {
public:
    HybridLogicalClock(const Clock &clock, std::string node)
        : m_clock(clock)
        , m_node(std::move(node)) {}

    // A stamp for a local event, greater than every stamp seen so far.
    HlcStamp tick();
    // Folds in a stamp received from elsewhere (pull, push reply) so later local stamps come after it.
    void observe(const HlcStamp &remote);

    const HlcStamp &last() const { return m_last; }
    void restore(const HlcStamp &last) { m_last = last; }

private:
    const Clock &m_clock;
    std::string m_node;
    HlcStamp m_last;
};

} // namespace ruhu
