#include "session_registry.h"

#include "http_session.h"

#include <vector>

namespace ruhu::server {

bool SessionRegistry::add(const std::shared_ptr<HttpSession> &session) {
    std::lock_guard lock(m_mutex);
    if (m_closing)
        return false;
    m_sessions.emplace(session.get(), session);
    return true;
}

void SessionRegistry::remove(HttpSession *session) {
    std::function<void()> drained;
    {
        std::lock_guard lock(m_mutex);
        if (m_sessions.erase(session) == 0)
            return;
        if (m_closing && m_sessions.empty())
            drained = std::exchange(m_onDrained, nullptr);
    }
    if (drained)
        drained();
}

void SessionRegistry::closeAll(std::function<void()> onDrained) {
    std::vector<std::weak_ptr<HttpSession>> sessions;
    bool alreadyEmpty = false;
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
        alreadyEmpty = m_sessions.empty();
        if (!alreadyEmpty) {
            m_onDrained = std::move(onDrained);
            sessions.reserve(m_sessions.size());
            for (const auto &entry : m_sessions)
                sessions.push_back(entry.second);
        }
    }
    if (alreadyEmpty) {
        onDrained();
        return;
    }
    // Outside the lock: a session may finish and remove itself meanwhile.
    for (const auto &weak : sessions) {
        if (auto session = weak.lock())
            session->shutdown();
    }
}

bool SessionRegistry::tryReserve(size_t max) {
    size_t current = m_reserved.load();
    do {
        if (current >= max)
            return false;
    } while (!m_reserved.compare_exchange_weak(current, current + 1));
    return true;
}

void SessionRegistry::release() {
    m_reserved.fetch_sub(1);
}

size_t SessionRegistry::size() const {
    std::lock_guard lock(m_mutex);
    return m_sessions.size();
}

} // namespace ruhu::server
