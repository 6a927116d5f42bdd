#pragma once

#include "../api/api_types.h"
#include "http_session.h"
#include "login_throttle.h"

#include <chrono>
#include <string>

namespace ruhu::server {

struct ServerOptions {
    std::string host = "127.0.0.1";
    unsigned short port = 8080; // 0: any free port
    unsigned threads = 2;
    std::string portFile; // if set, the bound port is written here once listening
    SessionLimits limits;
    std::chrono::seconds drainTimeout{20}; // after SIGTERM, how long requests in flight may take
    size_t maxConnections = 1024;          // open connections at once; more are refused with 503
    std::string tlsCertFile;               // both set: HTTPS only (PEM files)
    std::string tlsKeyFile;
    LoginThrottle::Options loginThrottle;
    double userRequestsPerSecond = 20; // per-user token bucket; 0 turns it off
    double userRequestBurst = 400;
    unsigned hashThreads = 2; // login's argon2id, off the I/O threads
    // /metrics and the detail of /readyz (docs/operations.md): on the main listener only with
    // "Authorization: Bearer <metricsToken>" (none set: 404); on the metrics listener, if one is set,
    // without a token (it serves nothing else).
    std::string metricsToken;
    std::string metricsHost; // empty: no metrics listener
    unsigned short metricsPort = 0;
    std::string metricsPortFile; // if set, the metrics listener's bound port is written here
    std::string dataDir;         // whose free space /readyz and the metrics watch
};

// The running server: io_context and its threads, the listener, and the shutdown sequence.
// SIGTERM/SIGINT: stop accepting, let every connection finish its request in flight, then return.
// A second signal, or the drain timeout, stops at once.
class SyncServer {
public:
    SyncServer(ServerOptions options, const ApiContext &context);

    // Blocks until shut down. 0 after a signal-initiated shutdown, 1 if the server could not start.
    int run();

private:
    ServerOptions m_options;
    const ApiContext &m_context;
};

} // namespace ruhu::server
