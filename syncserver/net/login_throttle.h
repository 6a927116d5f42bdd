#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ruhu::server {

// Password guessing: failed logins are counted per account and per client address. Too many failures
// within the window lock the key for a while; each further lockout of the same key doubles the time (up
// to maxLockout). An unknown username is counted like a known one, so the answer tells nothing about
// which accounts exist. Thread-safe; memory is bounded by maxEntries per kind.
class LoginThrottle {
public:
    using Clock = std::chrono::steady_clock;

    struct Options {
        int accountFailures = 5;
        int addressFailures = 20;
        std::chrono::seconds window{15 * 60};
        std::chrono::seconds baseLockout{60};
        std::chrono::seconds maxLockout{60 * 60};
        size_t maxEntries = 100000;
    };

    struct Verdict {
        bool allowed = true;
        std::chrono::seconds retryAfter{0};
        std::string_view lockedBy; // "account" or "address" when not allowed
    };

    explicit LoginThrottle(Options options);

    Verdict check(std::string_view username, std::string_view address, Clock::time_point now);
    void recordFailure(std::string_view username, std::string_view address, Clock::time_point now);
    // A correct password clears the account's count (not the address's: one valid account must not let
    // an address guess others' passwords).
    void recordSuccess(std::string_view username);

private:
    struct Entry {
        int failures = 0;
        Clock::time_point windowStart;
        Clock::time_point lockedUntil;
        int lockouts = 0;
        Clock::time_point lastFailure;
    };
    using Table = std::unordered_map<std::string, Entry>;

    void fail(Table &table, std::string_view key, int limit, Clock::time_point now);
    void prune(Table &table, Clock::time_point now);

    Options m_options;
    std::mutex m_mutex;
    Table m_accounts;  // guarded by m_mutex
    Table m_addresses; // guarded by m_mutex
};

} // namespace ruhu::server
