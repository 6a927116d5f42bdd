#pragma once

#include <ruhu/result.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

namespace ruhu::server {

// A store transaction that lost a race to another one (PostgreSQL: serialization failure, deadlock, or
// a unique key another transaction inserted meanwhile) fails with this code. Nothing it wrote stays; the
// caller runs the whole attempt again, reading afresh (docs/storage.md "Transactions and retry").
inline constexpr const char *kRetryCode = "retry";
inline constexpr int kMaxWriteAttempts = 8;

inline Error retryError(const std::string &detail) {
    return Error{kRetryCode, "数据库繁忙，请稍后重试（" + detail + "）", ""};
}

template <class T> bool mustRetry(const Result<T> &result) {
    return !result && result.error().code == kRetryCode;
}

// Runs attempt() until it succeeds, fails for another reason, or kMaxWriteAttempts have lost a race;
// between attempts it waits a random 1..2^n ms (at most 64 ms) so the racers drift apart.
template <class Attempt> auto withWriteRetry(Attempt &&attempt) -> decltype(attempt()) {
    thread_local std::minstd_rand random{std::random_device{}()};
    for (int n = 1;; ++n) {
        auto result = attempt();
        if (!mustRetry(result) || n >= kMaxWriteAttempts)
            return result;
        const int ceiling = 1 << std::min(n, 6);
        std::this_thread::sleep_for(std::chrono::milliseconds(1 + random() % ceiling));
    }
}

} // namespace ruhu::server
