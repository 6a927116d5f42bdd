#include "pg_connection_pool.h"

namespace ruhu::server {

PgConnectionPool::Lease::~Lease() {
    if (m_pool && m_connection)
        m_pool->giveBack(std::move(m_connection));
}

Result<PgConnectionPool::Lease> PgConnectionPool::acquire() {
    {
        std::unique_lock lock(m_mutex);
        m_available.wait(lock, [this] { return !m_idle.empty() || m_open < m_capacity; });
        if (!m_idle.empty()) {
            auto connection = std::move(m_idle.back());
            m_idle.pop_back();
            return Lease(this, std::move(connection));
        }
        ++m_open; // reserved before connecting, outside the lock
    }
    auto connection = pq::Connection::open(m_conninfo);
    if (!connection) {
        std::lock_guard lock(m_mutex);
        --m_open;
        m_available.notify_one();
        return connection.error();
    }
    return Lease(this, std::move(*connection));
}

void PgConnectionPool::giveBack(std::unique_ptr<pq::Connection> connection) {
    std::lock_guard lock(m_mutex);
    if (connection->healthy())
        m_idle.push_back(std::move(connection));
    else
        --m_open; // closed when it goes out of scope
    m_available.notify_one();
}

} // namespace ruhu::server
