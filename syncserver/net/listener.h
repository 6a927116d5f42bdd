#pragma once

#include "../api/api_types.h"
#include "beast.h"
#include "http_session.h"

#include <ruhu/result.h>

#include <memory>

namespace ruhu::server {

class SessionRegistry;

// Accepts connections and gives each its own strand and HttpSession.
class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(net::io_context &ioc, const ApiContext &context, SessionRegistry &registry,
             const SessionLimits &limits);

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

    net::io_context &m_ioc;
    tcp::acceptor m_acceptor;
    net::steady_timer m_backoff;
    const ApiContext &m_context;
    SessionRegistry &m_registry;
    SessionLimits m_limits;
    std::chrono::milliseconds m_backoffDelay{0};
};

} // namespace ruhu::server
