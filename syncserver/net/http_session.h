#pragma once

#include "../api/api_types.h"
#include "beast.h"

#include <boost/asio/ssl/context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <chrono>
#include <memory>

namespace ruhu::server {

class LoginThrottle;
class Metrics;
class RateLimiter;
class SessionRegistry;
struct ObservabilityOptions;

struct SessionLimits {
    size_t bodyLimit = 8 * 1024 * 1024;
    // Base deadline for reading a request and for writing an answer; both grow with the body size at
    // the slowest link we serve (2G, 8 KiB/s).
    std::chrono::seconds readTimeout{30};
    // A request whose body is larger than this must carry a valid token; checked before the body is read.
    size_t unauthenticatedBodyLimit = 64 * 1024;
    size_t headerLimit = 16 * 1024; // whole header, request line included: 431 above
    size_t targetLimit = 8 * 1024;  // request target: 414 above
};

// What every connection shares; owned by SyncServer::run() and outliving every session.
struct SessionServices {
    const ApiContext &context;
    SessionRegistry &registry;
    SessionLimits limits;
    LoginThrottle &loginThrottle;
    RateLimiter &rateLimiter;
    // Password hashing (argon2id, tens of ms each) runs here, never on the I/O threads.
    boost::asio::thread_pool &hashPool;
    // Exports (GET /api/v1/exports/…, seconds for a county) run here, one at a time, never on the I/O
    // threads, so that pushes and pulls keep their latency meanwhile.
    boost::asio::thread_pool &exportPool;
    Metrics &metrics;
    const ObservabilityOptions &observability;
    // The metrics listener's sessions: /metrics, /readyz and /healthz without a token, nothing else.
    bool metricsOnly = false;
};

// One HTTP/1.1 connection, plain or TLS, on its own strand: read a request, answer it through the router,
// repeat while keep-alive. Owns itself through shared_ptr; each pending operation holds a reference.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    virtual ~HttpSession() = default;
    virtual void run() = 0;
    // Thread-safe: finish the request in flight (if any), then close.
    virtual void shutdown() = 0;
};

std::shared_ptr<HttpSession> makePlainSession(tcp::socket &&socket, SessionServices &services);
std::shared_ptr<HttpSession> makeTlsSession(tcp::socket &&socket, boost::asio::ssl::context &tls,
                                            SessionServices &services);

} // namespace ruhu::server
