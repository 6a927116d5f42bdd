#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace ruhu::server {

class HttpSession;

// Every live connection, so that shutdown can reach them all (rippled's io_list, reduced). Sessions add
// themselves when they start and remove themselves when destroyed. Thread-safe.
class SessionRegistry {
public:
    // False once closeAll() has been called: the session should close at once.
    bool add(const std::shared_ptr<HttpSession> &session);
    void remove(HttpSession *session);

    // Asks every session to finish its request in flight and close, and refuses new ones. onDrained runs
    // once, on whichever thread removes the last session (at once if there are none).
    void closeAll(std::function<void()> onDrained);

    size_t size() const;

    // The connection cap: a slot per accepted connection, taken before its session is made and given
    // back by release() when the session is destroyed. False when all max slots are taken.
    bool tryReserve(size_t max);
    void release();

private:
    mutable std::mutex m_mutex;
    std::unordered_map<HttpSession *, std::weak_ptr<HttpSession>> m_sessions; // guarded by m_mutex
    bool m_closing = false;                                                   // guarded by m_mutex
    std::function<void()> m_onDrained;                                        // guarded by m_mutex
    std::atomic<size_t> m_reserved = 0;
};

} // namespace ruhu::server
