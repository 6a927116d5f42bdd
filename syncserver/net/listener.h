#pragma once

#include "beast.h"
#include "http_session.h"

#include <ruhu/result.h>

#include <boost/asio/ssl/context.hpp>

#include <memory>

namespace ruhu::server {

// Accepts connections and gives each its own strand and HttpSession (TLS when a context is given). At
// most maxConnections at once: beyond that a connection is answered 503 (plain) or closed (TLS) at once.
class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(net::io_context &ioc, SessionServices &services, size_t maxConnections,
             std::shared_ptr<boost::asio::ssl::context> tls);

    // Binds and listens; with port 0 the system picks a free port (see port()).
    Status open(const tcp::endpoint &endpoint);
    unsigned short port() const;

    void run();
    // Thread-safe: stop accepting. Connections already accepted are not touched.
    void stop();

private:
    void doAccept();
    void onAccept(beast::error_code ec, tcp::socket socket);
    void onStop();
    void refuse(tcp::socket socket);

    net::io_context &m_ioc;
    tcp::acceptor m_acceptor;
    net::steady_timer m_backoff;
    SessionServices &m_services;
    size_t m_maxConnections;
    std::shared_ptr<boost::asio::ssl::context> m_tls;
    std::chrono::milliseconds m_backoffDelay{0};
    std::chrono::steady_clock::time_point m_lastRefusalLog;
};

} // namespace ruhu::server
