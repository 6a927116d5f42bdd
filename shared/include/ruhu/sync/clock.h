#pragma once

#include <cstdint>

namespace ruhu {

// Wall time behind an interface, so tests and the simulator can run devices with skewed clocks.
class Clock {
public:
    virtual ~Clock() = default;
    virtual int64_t nowMs() const = 0; // milliseconds since the Unix epoch
};

class SystemClock final : public Clock {
public:
    int64_t nowMs() const override;
    static const SystemClock &instance();
};

// System time shifted by a fixed offset (a tablet whose clock is wrong).
class SkewedClock final : public Clock {
public:
    explicit SkewedClock(int64_t offsetMs)
        : m_offsetMs(offsetMs) {}
    int64_t nowMs() const override { return SystemClock::instance().nowMs() + m_offsetMs; }

private:
    int64_t m_offsetMs;
};

// A clock that only moves when told to (deterministic tests).
class ManualClock final : public Clock {
public:
    explicit ManualClock(int64_t startMs)
        : m_nowMs(startMs) {}
    int64_t nowMs() const override { return m_nowMs; }
    void advance(int64_t ms) { m_nowMs += ms; }
    void set(int64_t ms) { m_nowMs = ms; }

private:
    int64_t m_nowMs;
};

} // namespace ruhu
