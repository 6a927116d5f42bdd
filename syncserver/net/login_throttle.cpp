#include "login_throttle.h"

#include <algorithm>

namespace ruhu::server {
namespace {

constexpr size_t kMaxKeyBytes = 128;

std::string keyOf(std::string_view text) {
    return std::string(text.substr(0, kMaxKeyBytes));
}

std::chrono::seconds remaining(LoginThrottle::Clock::time_point until, LoginThrottle::Clock::time_point now) {
    auto left = std::chrono::ceil<std::chrono::seconds>(until - now);
    return std::max(left, std::chrono::seconds(1));
}

} // namespace

LoginThrottle::LoginThrottle(Options options)
    : m_options(options) {}

LoginThrottle::Verdict LoginThrottle::check(std::string_view username, std::string_view address,
                                            Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    Verdict verdict;
    auto consider = [&](const Table &table, std::string_view key, std::string_view kind) {
        auto it = table.find(keyOf(key));
        if (it == table.end() || it->second.lockedUntil <= now)
            return;
        auto left = remaining(it->second.lockedUntil, now);
        if (verdict.allowed || left > verdict.retryAfter)
            verdict = Verdict{false, left, kind};
    };
    if (!username.empty())
        consider(m_accounts, username, "account");
    consider(m_addresses, address, "address");
    return verdict;
}

void LoginThrottle::recordFailure(std::string_view username, std::string_view address,
                                  Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    if (!username.empty())
        fail(m_accounts, username, m_options.accountFailures, now);
    fail(m_addresses, address, m_options.addressFailures, now);
}

void LoginThrottle::recordSuccess(std::string_view username) {
    std::lock_guard lock(m_mutex);
    m_accounts.erase(keyOf(username));
}

void LoginThrottle::fail(Table &table, std::string_view key, int limit, Clock::time_point now) {
    auto it = table.find(keyOf(key));
    if (it == table.end()) {
        if (table.size() >= m_options.maxEntries)
            prune(table, now);
        if (table.size() >= m_options.maxEntries)
            return; // full of live entries: this key goes uncounted rather than grow without bound
        it = table.emplace(keyOf(key), Entry{0, now, {}, 0, now}).first;
    }
    Entry &entry = it->second;
    // Attempts that were already in flight when the lockout began do not lengthen it.
    if (entry.lockedUntil > now)
        return;
    if (now - entry.windowStart > m_options.window) {
        entry.failures = 0;
        entry.windowStart = now;
    }
    // A key left alone for a long time starts again at the base lockout.
    if (now - entry.lastFailure > m_options.maxLockout + m_options.window)
        entry.lockouts = 0;
    entry.lastFailure = now;
    if (++entry.failures < limit)
        return;
    auto lockout = m_options.baseLockout * (int64_t(1) << std::min(entry.lockouts, 20));
    entry.lockedUntil = now + std::min<std::chrono::seconds>(lockout, m_options.maxLockout);
    ++entry.lockouts;
    entry.failures = 0;
    entry.windowStart = now;
}

void LoginThrottle::prune(Table &table, Clock::time_point now) {
    std::erase_if(table, [&](const auto &item) {
        const Entry &e = item.second;
        return e.lockedUntil <= now && now - e.lastFailure > m_options.window;
    });
}

} // namespace ruhu::server
