#include "http_session.h"

#include "../api/auth.h"
#include "../api/handlers.h"
#include "../api/replies.h"
#include "../api/router.h"
#include "file_slice_body.h"
#include "json_log.h"
#include "login_throttle.h"
#include "metrics.h"
#include "observability.h"
#include "rate_limiter.h"
#include "session_registry.h"

#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/json/parse.hpp>

#include <array>
#include <atomic>
#include <cstdio>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <optional>
#include <string>
#include <type_traits>

namespace ruhu::server {
namespace {

namespace ssl = boost::asio::ssl;

// Ends of a connection that need no log line.
bool isQuietEnd(beast::error_code ec) {
    return ec == http::error::end_of_stream || ec == net::error::operation_aborted ||
           ec == beast::error::timeout || ec == net::error::eof || ec == net::error::connection_reset ||
           ec == net::error::broken_pipe || ec == http::error::partial_message ||
           ec == ssl::error::stream_truncated;
}

// Bodies may travel over 2G: read and write deadlines grow with the body at this slowest rate.
constexpr std::uint64_t kSlowestBytesPerSecond = 8 * 1024;

// Longest username kept in a log line (it is whatever the client sent).
constexpr size_t kMaxLoggedUsername = 64;

std::chrono::seconds deadlineFor(const SessionLimits &limits, std::uint64_t bodyBytes) {
    return limits.readTimeout + std::chrono::seconds(bodyBytes / kSlowestBytesPerSecond);
}

std::string_view targetOf(const Request &header) {
    return std::string_view(header.target().data(), header.target().size());
}

std::string pathOf(beast::string_view target) {
    std::string_view t(target.data(), target.size());
    return std::string(t.substr(0, t.find('?')));
}

bool isLogin(const Request &header) {
    std::string_view target = targetOf(header);
    return (header.method() == http::verb::post && target.substr(0, target.find('?')) == "/api/v1/login") ||
           isConsoleLogin(header.method(), target);
}

// The username a login request names, for throttling and the log; empty if the body says none.
std::string loginUsername(const std::string &body) {
    boost::system::error_code ec;
    auto json = boost::json::parse(body, ec);
    if (ec || !json.is_object())
        return {};
    const auto *name = json.as_object().if_contains("username");
    return name && name->is_string() ? std::string(name->get_string()) : std::string();
}

// After header_limit: was it the request line (414) or the header fields (431)? The parser takes the
// request line as soon as it is complete, so an empty target means the line itself was too long.
bool requestLineTooLong(const http::request_parser<http::string_body> &parser) {
    return parser.get().target().empty();
}

// X-Request-Id: a proxy's own id if it sent a plausible one, else this process's random prefix and a
// counter, so ids stay unique across restarts.
std::string requestIdFor(const Request &request) {
    if (auto it = request.find("X-Request-Id"); it != request.end()) {
        std::string_view given(it->value().data(), it->value().size());
        const bool plausible = !given.empty() && given.size() <= 64 &&
                               given.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                                       "0123456789._-") == std::string_view::npos;
        if (plausible)
            return std::string(given);
    }
    static const std::string prefix = [] {
        unsigned char bytes[4] = {};
        RAND_bytes(bytes, sizeof bytes);
        char hex[9];
        std::snprintf(hex, sizeof hex, "%02x%02x%02x%02x", bytes[0], bytes[1], bytes[2], bytes[3]);
        return std::string(hex);
    }();
    static std::atomic<std::uint64_t> counter = 0;
    return prefix + "-" + std::to_string(++counter);
}

// "Authorization: Bearer <token>" equal to the configured metrics token (compared in constant time).
bool hasMetricsToken(const Request &request, const std::string &token) {
    if (token.empty())
        return false;
    auto it = request.find(http::field::authorization);
    if (it == request.end())
        return false;
    std::string_view value(it->value().data(), it->value().size());
    if (!value.starts_with("Bearer ") || value.size() - 7 != token.size())
        return false;
    return CRYPTO_memcmp(value.data() + 7, token.data(), token.size()) == 0;
}

ApiReply tooManyRequests(const std::string &code, const std::string &message, std::chrono::seconds retry) {
    ApiReply reply = errorReply(http::status::too_many_requests, code, message);
    reply.retryAfter = std::to_string(retry.count());
    return reply;
}

template <class Stream> class BasicHttpSession final : public HttpSession {
    static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

public:
    BasicHttpSession(tcp::socket &&socket, SessionServices &services) requires(!kTls)
        : m_address(remoteAddress(socket))
        , m_stream(std::move(socket))
        , m_services(services) {}

    BasicHttpSession(tcp::socket &&socket, ssl::context &tls, SessionServices &services) requires(kTls)
        : m_address(remoteAddress(socket))
        , m_stream(std::move(socket), tls)
        , m_services(services) {}

    ~BasicHttpSession() override {
        m_services.registry.release();
        m_services.registry.remove(this);
    }

    void run() override {
        // Onto this connection's strand before touching the stream.
        net::dispatch(m_stream.get_executor(), [self = self()] { self->onRun(); });
    }

    void shutdown() override {
        net::post(m_stream.get_executor(), [self = self()] { self->onShutdown(); });
    }

private:
    struct Exchange {
        std::string method;
        std::string path;
        std::string user;
        unsigned status = 0;
        std::chrono::steady_clock::time_point started;
        std::string requestId{};
        std::string route{};
        std::string cause{}; // of a 5xx
    };

    static std::string remoteAddress(const tcp::socket &socket) {
        beast::error_code ec;
        auto endpoint = socket.remote_endpoint(ec);
        return ec ? std::string("unknown") : endpoint.address().to_string();
    }

    std::shared_ptr<BasicHttpSession> self() {
        return std::static_pointer_cast<BasicHttpSession>(shared_from_this());
    }
    beast::tcp_stream &lowest() { return beast::get_lowest_layer(m_stream); }
    const SessionLimits &limits() const { return m_services.limits; }
    const ApiContext &context() const { return m_services.context; }
    // The handlers see the peer address (for the read audit) through a per-request copy of the context.
    ApiContext requestContext() const {
        ApiContext copy = m_services.context;
        copy.clientAddress = m_address;
        return copy;
    }

    void onRun() {
        if (!m_services.registry.add(shared_from_this()))
            return doClose();
        if constexpr (kTls) {
            lowest().expires_after(limits().readTimeout);
            m_stream.async_handshake(ssl::stream_base::server,
                                     [self = self()](beast::error_code ec) { self->onHandshake(ec); });
        } else {
            doRead();
        }
    }

    void onHandshake(beast::error_code ec) {
        if (ec) {
            // Plain HTTP to the TLS port, an old TLS version, a scanner: nothing to answer.
            if (!isQuietEnd(ec))
                logInfo("tls_handshake_failed", {{"address", m_address}, {"error", ec.message()}});
            return doClose();
        }
        doRead();
    }

    void onShutdown() {
        m_closing = true;
        // Idle between requests: nothing in flight, close now. Otherwise onWrite closes after the answer.
        if ((m_reading && m_buffer.size() == 0 && m_parser && !m_parser->got_some()) || m_draining)
            lowest().cancel();
    }

    void doRead() {
        m_parser.emplace();
        m_parser->body_limit(limits().bodyLimit);
        m_parser->header_limit(std::uint32_t(limits().headerLimit));
        lowest().expires_after(limits().readTimeout);
        m_reading = true;
        m_user.clear();
        http::async_read_header(m_stream, m_buffer, *m_parser,
                                [self = self()](beast::error_code ec, size_t) { self->onReadHeader(ec); });
    }

    // Everything that can be decided from the header is decided before a byte of the body is read.
    void onReadHeader(beast::error_code ec) {
        if (ec) {
            m_reading = false;
            return onReadError(ec);
        }
        const Request &header = m_parser->get();
        if (auto refusal = checkHeader(header)) {
            m_reading = false;
            return refuseUnread(*refusal);
        }
        const std::uint64_t length = m_parser->content_length().value_or(0);
        lowest().expires_after(deadlineFor(limits(), length));
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = self()](beast::error_code ec, size_t) { self->onRead(ec); });
    }

    std::optional<ApiReply> checkHeader(const Request &header) {
        if (header.version() >= 11 && header.find(http::field::host) == header.end())
            return errorReply(http::status::bad_request, "missing_host", "请求缺少 Host 头");
        if (header.target().size() > limits().targetLimit)
            return errorReply(http::status::uri_too_long, "uri_too_long", "请求地址过长");

        // Who is asking: a valid token lifts the small-body limit and counts against the user's rate.
        if (header.find(http::field::authorization) != header.end()) {
            if (auto user = authenticate(header, context()))
                m_user = user->username;
        } else if (auto user = consoleSessionUser(header, context())) {
            m_user = *user;
        }
        const auto length = m_parser->content_length();
        if (m_user.empty()) {
            if (length && *length > limits().unauthenticatedBodyLimit)
                return errorReply(http::status::unauthorized, "unauthorized", "登录已失效，请重新登录");
            // A chunked body, whose length is not known up front, gets the same small limit.
            m_parser->body_limit(std::min(limits().bodyLimit, limits().unauthenticatedBodyLimit));
        } else if (auto wait = m_services.rateLimiter.take(m_user, std::chrono::steady_clock::now())) {
            logWarning("rate_limited", {{"user", m_user}, {"address", m_address}});
            m_services.metrics.recordRateLimited();
            return tooManyRequests("rate_limited", "请求过于频繁，请稍后再试", *wait);
        }

        // A media chunk has its own, smaller body limit.
        if (isMediaUpload(header.method(), targetOf(header))) {
            const auto limit = std::uint64_t(context().media ? context().media->options().maxChunkBytes : 0);
            if (length.value_or(0) > limit)
                return mediaChunkTooLarge(context());
            m_parser->body_limit(
                m_user.empty() ? std::min<std::uint64_t>(limit, limits().unauthenticatedBodyLimit) : limit);
        }
        return std::nullopt;
    }

    void onRead(beast::error_code ec) {
        m_reading = false;
        if (ec)
            return onReadError(ec);

        auto request = std::make_shared<Request>(m_parser->release());
        m_exchange = Exchange{std::string(request->method_string()),
                              pathOf(request->target()),
                              {},
                              0,
                              std::chrono::steady_clock::now()};
        m_exchange.requestId = requestIdFor(*request);
        m_exchange.route = isOperationsPath(m_exchange.path) ? m_exchange.path : routeName(m_exchange.path);
        if (auto reply = operationsReply(*request))
            return answer(*request, std::move(*reply));
        if (isLogin(*request))
            return startLogin(std::move(request));
        if (isExportRequest(request->method(), targetOf(*request)) ||
            isLeadRequest(request->method(), targetOf(*request)))
            return startExport(std::move(request));
        answer(*request, routeSafely(*request, requestContext()));
    }

    // An export (or a lead import) runs on the export pool; its answer comes back to this connection's
    // strand.
    void startExport(std::shared_ptr<Request> request) {
        // The work guard keeps the io_context running (a drain waits for the answer) until it is back.
        net::post(m_services.exportPool, [self = self(), request, context = requestContext(),
                                          work = net::make_work_guard(m_stream.get_executor())]() mutable {
            ApiReply reply = routeSafely(*request, context);
            net::post(self->m_stream.get_executor(),
                      [self, request, work = std::move(work), reply = std::move(reply)]() mutable {
                          self->answer(*request, std::move(reply));
                      });
        });
    }

    static bool isOperationsPath(const std::string &path) { return path == "/metrics" || path == "/readyz"; }

    // /metrics and /readyz (docs/operations.md "Monitoring"), and the metrics listener's refusal of
    // everything but them and /healthz. nullopt: the router answers.
    std::optional<ApiReply> operationsReply(const Request &request) {
        const std::string &path = m_exchange.path;
        if (!isOperationsPath(path)) {
            if (m_services.metricsOnly && path != "/healthz")
                return errorReply(http::status::not_found, "not_found", "请求的地址不存在");
            return std::nullopt;
        }
        if (request.method() != http::verb::get) {
            ApiReply reply = errorReply(http::status::method_not_allowed, "method_not_allowed",
                                        "该地址不支持 " + std::string(request.method_string()) + " 请求");
            reply.allow = "GET";
            return reply;
        }
        const auto &options = m_services.observability;
        const bool trusted = m_services.metricsOnly || hasMetricsToken(request, options.metricsToken);
        if (path == "/readyz") {
            Readiness readiness = checkReadiness(context(), options);
            boost::json::object body{{"status", readiness.ready ? "ready" : "not_ready"}};
            if (trusted)
                body["checks"] = std::move(readiness.detail);
            return jsonReply(std::move(body),
                             readiness.ready ? http::status::ok : http::status::service_unavailable);
        }
        if (!trusted && options.metricsToken.empty())
            return errorReply(http::status::not_found, "not_found", "请求的地址不存在");
        if (!trusted)
            return errorReply(http::status::unauthorized, "unauthorized", "需要监控令牌");
        ApiReply reply;
        reply.contentType = "text/plain; version=0.0.4; charset=utf-8";
        reply.rawBody = m_services.metrics.render(readGauges(context(), options));
        return reply;
    }

    // Login: throttled per account and address, and the password check runs on the hash pool; the
    // answer comes back to this connection's strand.
    void startLogin(std::shared_ptr<Request> request) {
        const bool console = isConsoleLogin(request->method(), targetOf(*request));
        std::string username =
            console ? consoleLoginUsername(request->body()) : loginUsername(request->body());
        auto verdict = m_services.loginThrottle.check(username, m_address, std::chrono::steady_clock::now());
        if (!verdict.allowed) {
            m_services.metrics.recordLoginThrottled();
            logWarning("login_throttled", {{"user", username.substr(0, kMaxLoggedUsername)},
                                           {"address", m_address},
                                           {"lockedBy", verdict.lockedBy},
                                           {"retryAfter", verdict.retryAfter.count()}});
            const std::string message =
                "登录失败次数过多，请 " + std::to_string(verdict.retryAfter.count()) + " 秒后再试";
            ApiReply refusal = console ? consoleLoginRefused(*request, context(), message)
                                       : tooManyRequests("too_many_attempts", message, verdict.retryAfter);
            refusal.retryAfter = std::to_string(verdict.retryAfter.count());
            return answer(*request, std::move(refusal));
        }
        net::post(m_services.hashPool, [self = self(), request, username = std::move(username)]() mutable {
            ApiReply reply = routeSafely(*request, self->context());
            net::post(self->m_stream.get_executor(),
                      [self, request, username = std::move(username), reply = std::move(reply)]() mutable {
                          self->finishLogin(*request, username, std::move(reply));
                      });
        });
    }

    void finishLogin(const Request &request, const std::string &username, ApiReply reply) {
        const auto now = std::chrono::steady_clock::now();
        if (reply.status == http::status::unauthorized) {
            m_services.loginThrottle.recordFailure(username, m_address, now);
            m_services.metrics.recordLoginFailure();
            logWarning("login_failed",
                       {{"user", username.substr(0, kMaxLoggedUsername)}, {"address", m_address}});
        } else if (reply.status == http::status::ok || reply.status == http::status::see_other) {
            m_services.loginThrottle.recordSuccess(username);
        }
        answer(request, std::move(reply));
    }

    void answer(const Request &request, ApiReply reply) {
        m_exchange.user = reply.user;
        m_exchange.cause = reply.cause;
        reply.requestId = m_exchange.requestId;
        if (m_exchange.route == "/api/v1/push")
            m_services.metrics.recordPush(unsigned(reply.status), reply.body);
        const bool keepAlive = request.keep_alive() && !m_closing;
        const unsigned status = unsigned(reply.status);
        if (reply.file)
            return doWrite(status, keepAlive, makeFileResponse(reply, request.version(), keepAlive),
                           std::uint64_t(reply.file->length));
        Response response = makeResponse(reply, request.version(), keepAlive);
        const std::uint64_t size = response.body().size();
        doWrite(status, keepAlive, http::message_generator(std::move(response)), size);
    }

    void onReadError(beast::error_code ec) {
        if (isQuietEnd(ec))
            return doClose();

        // The request is unusable; answer once and close. Its header may or may not have been read.
        const bool headerDone = m_parser && m_parser->is_header_done();
        ApiReply reply;
        if (ec == http::error::body_limit && headerDone &&
            isMediaUpload(m_parser->get().method(), targetOf(m_parser->get())))
            reply = mediaChunkTooLarge(context());
        else if (ec == http::error::body_limit)
            reply = errorReply(http::status::payload_too_large, "payload_too_large",
                               "请求内容过大（上限 " + std::to_string(limits().bodyLimit / (1024 * 1024)) +
                                   " MiB），请分批同步");
        else if (ec == http::error::header_limit && requestLineTooLong(*m_parser))
            reply = errorReply(http::status::uri_too_long, "uri_too_long", "请求地址过长");
        else if (ec == http::error::header_limit)
            reply =
                errorReply(http::status::request_header_fields_too_large, "headers_too_large", "请求头过大");
        else
            reply = errorReply(http::status::bad_request, "bad_request", "HTTP 请求格式不正确");
        refuseUnread(reply);
    }

    // Answers a request whose body was not (fully) read, then drains and closes.
    void refuseUnread(ApiReply reply) {
        const bool headerDone = m_parser && m_parser->is_header_done();
        const auto &header = m_parser->get();
        m_exchange = Exchange{headerDone ? std::string(header.method_string()) : std::string(),
                              headerDone ? pathOf(header.target()) : std::string(),
                              {},
                              0,
                              std::chrono::steady_clock::now()};
        m_exchange.requestId = headerDone ? requestIdFor(header) : requestIdFor(Request{});
        m_exchange.route = headerDone ? routeName(m_exchange.path) : "unmatched";
        reply.requestId = m_exchange.requestId;
        m_drainAfterWrite = true;
        Response response = makeResponse(reply, headerDone ? header.version() : 11, false);
        const std::uint64_t size = response.body().size();
        doWrite(unsigned(reply.status), false, http::message_generator(std::move(response)), size);
    }

    void doWrite(unsigned status, bool keepAlive, http::message_generator response, std::uint64_t bodyBytes) {
        m_exchange.status = status;
        // A client that stops reading cannot hold the session longer than its answer needs at 2G speed.
        lowest().expires_after(deadlineFor(limits(), bodyBytes));
        beast::async_write(
            m_stream, std::move(response),
            [self = self(), keepAlive](beast::error_code ec, size_t) { self->onWrite(keepAlive, ec); });
    }

    void onWrite(bool keepAlive, beast::error_code ec) {
        const auto elapsed = std::chrono::steady_clock::now() - m_exchange.started;
        m_services.metrics.recordRequest(m_exchange.route,
                                         m_exchange.method.empty() ? "unknown" : m_exchange.method,
                                         m_exchange.status, std::chrono::duration<double>(elapsed).count());
        // Never the query string, a body or a header: ids, tokens and names stay out of the log.
        boost::json::object fields{
            {"requestId", m_exchange.requestId},
            {"address", m_address},
            {"method", m_exchange.method},
            {"route", m_exchange.route},
            {"path", m_exchange.path},
            {"status", m_exchange.status},
            {"ms", std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()},
        };
        if (!m_exchange.user.empty())
            fields["user"] = m_exchange.user;
        if (m_exchange.status >= 500)
            fields["cause"] = m_exchange.cause.empty() ? std::string("unknown") : m_exchange.cause;
        if (ec && !isQuietEnd(ec))
            fields["error"] = ec.message();
        logEvent(m_exchange.status >= 500 ? "error" : "info", "request", std::move(fields));

        if (ec)
            return doClose();
        if (m_drainAfterWrite)
            return doDrain();
        if (!keepAlive || m_closing)
            return doClose();
        doRead();
    }

    // After refusing a request whose body we did not read: drain what the client still sends, so that
    // closing does not reset the connection before it has read our answer.
    void doDrain() {
        beast::error_code ignored;
        lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
        m_buffer.clear();
        m_draining = true;
        lowest().expires_after(std::chrono::seconds(10));
        readDrain();
    }

    void readDrain() {
        // Below TLS: the bytes are thrown away, no need to decrypt them.
        lowest().async_read_some(net::buffer(m_drainBuffer), [self = self()](beast::error_code ec, size_t) {
            if (ec || self->m_closing)
                return self->doClose();
            self->readDrain();
        });
    }

    void doClose() {
        beast::error_code ignored;
        lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
        lowest().close();
    }

    std::string m_address;
    Stream m_stream;
    SessionServices &m_services;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::string m_user; // who the current request's token belongs to, if valid
    Exchange m_exchange;
    std::array<char, 16 * 1024> m_drainBuffer{};
    bool m_reading = false;
    bool m_closing = false;
    bool m_drainAfterWrite = false;
    bool m_draining = false;
};

} // namespace

std::shared_ptr<HttpSession> makePlainSession(tcp::socket &&socket, SessionServices &services) {
    return std::make_shared<BasicHttpSession<beast::tcp_stream>>(std::move(socket), services);
}

std::shared_ptr<HttpSession> makeTlsSession(tcp::socket &&socket, ssl::context &tls,
                                            SessionServices &services) {
    return std::make_shared<BasicHttpSession<beast::ssl_stream<beast::tcp_stream>>>(std::move(socket), tls,
                                                                                    services);
}

} // namespace ruhu::server
