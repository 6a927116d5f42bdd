#include "sync_server.h"

#include "json_log.h"
#include "listener.h"
#include "metrics.h"
#include "observability.h"
#include "rate_limiter.h"
#include "session_registry.h"
#include "tls_context.h"

#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <pthread.h>
#include <thread>
#include <vector>

namespace ruhu::server {
namespace {

// Scrapers and load balancers: a few connections at once are plenty.
constexpr size_t kMetricsConnections = 16;

Result<tcp::endpoint> resolve(net::io_context &ioc, const std::string &host, unsigned short port) {
    beast::error_code ec;
    tcp::resolver resolver(ioc);
    auto results = resolver.resolve(host, std::to_string(port), tcp::resolver::passive, ec);
    if (ec || results.empty())
        return Error{"listen", "cannot resolve " + host + ": " + ec.message(), ""};
    return results.begin()->endpoint();
}

// Written to a temporary name and renamed, so a reader never sees half a number.
Status writePortFile(const std::string &path, unsigned short port) {
    const std::string temp = path + ".tmp";
    {
        std::ofstream out(temp, std::ios::trunc);
        out << port << '\n';
        if (!out.flush())
            return Error{"port_file", "cannot write " + temp, ""};
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec)
        return Error{"port_file", "cannot rename " + temp + ": " + ec.message(), ""};
    return okStatus();
}

} // namespace

SyncServer::SyncServer(ServerOptions options, const ApiContext &context)
    : m_options(std::move(options))
    , m_context(context) {}

int SyncServer::run() {
    // Declared before the io_context so they outlive it: a forced stop destroys sessions with it.
    SessionRegistry registry;
    SessionRegistry metricsRegistry; // the metrics listener's own connection cap
    LoginThrottle loginThrottle(m_options.loginThrottle);
    RateLimiter rateLimiter(m_options.userRequestsPerSecond, m_options.userRequestBurst);
    Metrics metrics;
    const ObservabilityOptions observability{m_options.metricsToken, m_options.dataDir, &registry};
    // Stopped and joined (below) while the io_context its work posts back to still exists.
    net::thread_pool hashPool(std::max(1u, m_options.hashThreads));
    net::thread_pool exportPool(1);
    SessionServices services{m_context, registry,   m_options.limits, loginThrottle, rateLimiter,
                             hashPool,  exportPool, metrics,          observability};
    SessionServices metricsServices{m_context, metricsRegistry, m_options.limits, loginThrottle, rateLimiter,
                                    hashPool,  exportPool,      metrics,          observability, true};

    std::shared_ptr<boost::asio::ssl::context> tls;
    if (!m_options.tlsCertFile.empty()) {
        auto context = makeServerTlsContext(m_options.tlsCertFile, m_options.tlsKeyFile);
        if (!context) {
            logError("tls_failed", {{"message", context.error().message}});
            return 1;
        }
        tls = *context;
    }
    std::atomic<bool> stopped = false;
    net::io_context ioc(static_cast<int>(m_options.threads));

    auto endpoint = resolve(ioc, m_options.host, m_options.port);
    if (!endpoint) {
        logError("listen_failed", {{"message", endpoint.error().message}});
        return 1;
    }
    auto listener = std::make_shared<Listener>(ioc, services, m_options.maxConnections, tls);
    if (auto st = listener->open(*endpoint); !st) {
        logError("listen_failed", {{"message", st.error().message}});
        return 1;
    }
    const unsigned short port = listener->port();
    logInfo("listening", {{"host", m_options.host},
                          {"port", port},
                          {"threads", m_options.threads},
                          {"tls", bool(tls)},
                          {"maxConnections", m_options.maxConnections}});
    // The metrics listener (plain HTTP, for a monitoring network or loopback), if configured.
    std::shared_ptr<Listener> metricsListener;
    if (!m_options.metricsHost.empty()) {
        auto metricsEndpoint = resolve(ioc, m_options.metricsHost, m_options.metricsPort);
        if (!metricsEndpoint) {
            logError("listen_failed", {{"message", metricsEndpoint.error().message}});
            return 1;
        }
        metricsListener = std::make_shared<Listener>(ioc, metricsServices, kMetricsConnections, nullptr);
        if (auto st = metricsListener->open(*metricsEndpoint); !st) {
            logError("listen_failed", {{"message", st.error().message}});
            return 1;
        }
        logInfo("metrics_listening", {{"host", m_options.metricsHost}, {"port", metricsListener->port()}});
        if (!m_options.metricsPortFile.empty()) {
            if (auto st = writePortFile(m_options.metricsPortFile, metricsListener->port()); !st) {
                logError("port_file_failed", {{"message", st.error().message}});
                return 1;
            }
        }
    }
    if (!m_options.portFile.empty()) {
        if (auto st = writePortFile(m_options.portFile, port); !st) {
            logError("port_file_failed", {{"message", st.error().message}});
            return 1;
        }
    }

    net::signal_set signals(ioc, SIGINT, SIGTERM);
    net::steady_timer drainDeadline(ioc);
    bool shuttingDown = false; // only touched by handlers of `signals`, which never run concurrently

    auto finish = [&] {
        // From whichever thread dropped the last session; the waits below then end and run() returns.
        if (stopped)
            return;
        net::post(ioc, [&] {
            drainDeadline.cancel();
            signals.cancel();
        });
    };
    std::function<void(beast::error_code, int)> onSignal = [&](beast::error_code ec, int signal) {
        if (ec)
            return;
        if (shuttingDown) {
            logWarning("shutdown_forced", {{"signal", signal}});
            ioc.stop();
            return;
        }
        shuttingDown = true;
        logInfo("shutdown_started", {{"signal", signal}, {"connections", registry.size()}});
        // Both waits are armed before closeAll(), whose finish() may cancel them from another thread.
        signals.async_wait(onSignal);
        drainDeadline.expires_after(m_options.drainTimeout);
        drainDeadline.async_wait([&](beast::error_code waitEc) {
            if (waitEc)
                return;
            logWarning("shutdown_drain_timeout", {{"connections", registry.size()}});
            ioc.stop();
        });
        listener->stop();
        if (metricsListener) {
            metricsListener->stop();
            metricsRegistry.closeAll([] {});
        }
        registry.closeAll(finish);
    };
    signals.async_wait(onSignal);

    listener->run();
    if (metricsListener)
        metricsListener->run();
    std::vector<std::thread> threads;
    for (unsigned i = 1; i < m_options.threads; ++i)
        threads.emplace_back([&ioc] { ioc.run(); });
    ioc.run();
    for (auto &t : threads)
        t.join();
    hashPool.stop();
    hashPool.join();
    exportPool.stop();
    exportPool.join();
    stopped = true;
    // Only this thread is left. Block further SIGTERM/SIGINT before `signals` goes and restores the
    // default action, so a late second signal cannot kill the process while the store closes.
    sigset_t late;
    sigemptyset(&late);
    sigaddset(&late, SIGINT);
    sigaddset(&late, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &late, nullptr);

    logInfo("stopped");
    return 0;
}

} // namespace ruhu::server
