#pragma once

#include "pq.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ruhu::server {

// A bounded set of libpq connections shared by the server's threads. A lease is one connection for one
// caller; a connection left inside a transaction or broken is closed instead of being reused.
class PgConnectionPool {
public:
    class Lease {
    public:
        Lease(PgConnectionPool *pool, std::unique_ptr<pq::Connection> connection)
            : m_pool(pool)
            , m_connection(std::move(connection)) {}
        Lease(Lease &&) noexcept = default;
        Lease &operator=(Lease &&) = delete;
        ~Lease();
        pq::Connection *operator->() { return m_connection.get(); }
        pq::Connection &operator*() { return *m_connection; }

    private:
        PgConnectionPool *m_pool;
        std::unique_ptr<pq::Connection> m_connection;
    };

    PgConnectionPool(std::string conninfo, size_t capacity)
        : m_conninfo(std::move(conninfo))
        , m_capacity(capacity) {}

    // Waits while all `capacity` connections are leased.
    Result<Lease> acquire();

private:
    void giveBack(std::unique_ptr<pq::Connection> connection);

    const std::string m_conninfo;
    const size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_available;
    std::vector<std::unique_ptr<pq::Connection>> m_idle; // guarded by m_mutex
    size_t m_open = 0;                                   // guarded by m_mutex: idle + leased
};

} // namespace ruhu::server
