#include "listener.h"

#include "json_log.h"
#include "session_registry.h"

#include <string_view>

namespace ruhu::server {

namespace {

constexpr std::string_view kBusyResponse =
    "HTTP/1.1 503 Service Unavailable\r\n"
    "Content-Type: application/json; charset=utf-8\r\n"
    "Retry-After: 5\r\n"
    "Connection: close\r\n"
    "Content-Length: 77\r\n"
    "\r\n"
    "{\"code\":\"server_busy\",\"message\":\"服务器连接数已满，请稍后再试\"}";

} // namespace

Listener::Listener(net::io_context &ioc, SessionServices &services, size_t maxConnections,
                   std::shared_ptr<boost::asio::ssl::context> tls)
    : m_ioc(ioc)
    , m_acceptor(net::make_strand(ioc))
    , m_backoff(m_acceptor.get_executor())
    , m_services(services)
    , m_maxConnections(maxConnections)
    , m_tls(std::move(tls)) {}

Status Listener::open(const tcp::endpoint &endpoint) {
    beast::error_code ec;
    auto fail = [&](const char *what) {
        return Error{"listen",
                     std::string(what) + " " + endpoint.address().to_string() + ":" +
                         std::to_string(endpoint.port()) + ": " + ec.message(),
                     ""};
    };
    if (m_acceptor.open(endpoint.protocol(), ec); ec)
        return fail("open");
    if (m_acceptor.set_option(net::socket_base::reuse_address(true), ec); ec)
        return fail("set_option");
    if (m_acceptor.bind(endpoint, ec); ec)
        return fail("bind");
    if (m_acceptor.listen(net::socket_base::max_listen_connections, ec); ec)
        return fail("listen");
    return okStatus();
}

unsigned short Listener::port() const {
    beast::error_code ec;
    return m_acceptor.local_endpoint(ec).port();
}

void Listener::run() {
    net::dispatch(m_acceptor.get_executor(),
                  beast::bind_front_handler(&Listener::doAccept, shared_from_this()));
}

void Listener::stop() {
    net::post(m_acceptor.get_executor(), beast::bind_front_handler(&Listener::onStop, shared_from_this()));
}

void Listener::onStop() {
    beast::error_code ignored;
    m_backoff.cancel();
    m_acceptor.close(ignored);
}

void Listener::doAccept() {
    if (!m_acceptor.is_open())
        return;
    // Each connection gets its own strand.
    m_acceptor.async_accept(net::make_strand(m_ioc),
                            beast::bind_front_handler(&Listener::onAccept, shared_from_this()));
}

void Listener::onAccept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !m_acceptor.is_open())
        return;
    if (ec) {
        // Out of descriptors or buffers: back off instead of spinning (50 ms doubling up to 2 s).
        m_backoffDelay = std::min(std::max(m_backoffDelay * 2, std::chrono::milliseconds(50)),
                                  std::chrono::milliseconds(2000));
        logWarning("accept_failed", {{"error", ec.message()}, {"retryMs", m_backoffDelay.count()}});
        m_backoff.expires_after(m_backoffDelay);
        m_backoff.async_wait([self = shared_from_this()](beast::error_code waitEc) {
            if (!waitEc)
                self->doAccept();
        });
        return;
    }
    m_backoffDelay = std::chrono::milliseconds(0);
    if (!m_services.registry.tryReserve(m_maxConnections)) {
        refuse(std::move(socket));
    } else if (m_tls) {
        makeTlsSession(std::move(socket), *m_tls, m_services)->run();
    } else {
        makePlainSession(std::move(socket), m_services)->run();
    }
    doAccept();
}

// Over the cap: a short answer without reading the request (a TLS client gets no answer it could read
// without a handshake, so it is just closed). The write fits any fresh socket's buffer, so it never waits.
void Listener::refuse(tcp::socket socket) {
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastRefusalLog > std::chrono::seconds(10)) {
        m_lastRefusalLog = now;
        logWarning("connection_refused", {{"reason", "max_connections"}, {"max", m_maxConnections}});
    }
    beast::error_code ignored;
    if (!m_tls) {
        socket.non_blocking(true, ignored);
        socket.write_some(net::buffer(kBusyResponse), ignored);
    }
    socket.shutdown(tcp::socket::shutdown_both, ignored);
    socket.close(ignored);
}

} // namespace ruhu::server
