#include "http_session.h"

#include "../api/handlers.h"
#include "../api/replies.h"
#include "../api/router.h"
#include "file_slice_body.h"
#include "json_log.h"
#include "session_registry.h"

namespace ruhu::server {
namespace {

// Ends of a connection that need no log line.
bool isQuietEnd(beast::error_code ec) {
    return ec == http::error::end_of_stream || ec == net::error::operation_aborted ||
           ec == beast::error::timeout || ec == net::error::eof || ec == net::error::connection_reset ||
           ec == net::error::broken_pipe || ec == http::error::partial_message;
}

// Media may travel over 2G: upload and download deadlines grow with the body at this slowest rate.
constexpr std::uint64_t kSlowestUploadBytesPerSecond = 8 * 1024;

bool isMediaUploadHeader(const http::request_parser<http::string_body> &parser) {
    const auto &header = parser.get();
    return isMediaUpload(header.method(), std::string_view(header.target().data(), header.target().size()));
}

std::string pathOf(beast::string_view target) {
    std::string_view t(target.data(), target.size());
    return std::string(t.substr(0, t.find('?')));
}

} // namespace

HttpSession::HttpSession(tcp::socket &&socket, const ApiContext &context, SessionRegistry &registry,
                         const SessionLimits &limits)
    : m_stream(std::move(socket))
    , m_context(context)
    , m_registry(registry)
    , m_limits(limits) {}

HttpSession::~HttpSession() {
    m_registry.remove(this);
}

void HttpSession::run() {
    // Onto this connection's strand before touching the stream.
    net::dispatch(m_stream.get_executor(),
                  beast::bind_front_handler(&HttpSession::onRun, shared_from_this()));
}

void HttpSession::onRun() {
    if (!m_registry.add(shared_from_this()))
        return doClose();
    doRead();
}

void HttpSession::shutdown() {
    net::post(m_stream.get_executor(),
              beast::bind_front_handler(&HttpSession::onShutdown, shared_from_this()));
}

void HttpSession::onShutdown() {
    m_closing = true;
    // Idle between requests: nothing in flight, close now. Otherwise onWrite closes after the answer.
    if ((m_reading && m_buffer.size() == 0 && m_parser && !m_parser->got_some()) || m_draining)
        m_stream.cancel();
}

void HttpSession::doRead() {
    m_parser.emplace();
    m_parser->body_limit(m_limits.bodyLimit);
    m_stream.expires_after(m_limits.readTimeout);
    m_reading = true;
    http::async_read_header(m_stream, m_buffer, *m_parser,
                            beast::bind_front_handler(&HttpSession::onReadHeader, shared_from_this()));
}

// A media chunk has its own, smaller body limit, checked before any of its body is read.
void HttpSession::onReadHeader(beast::error_code ec, size_t) {
    if (ec) {
        m_reading = false;
        return onReadError(ec);
    }
    if (isMediaUploadHeader(*m_parser)) {
        const auto limit = std::uint64_t(m_context.media ? m_context.media->options().maxChunkBytes : 0);
        const auto length = m_parser->content_length().value_or(0);
        if (length > limit) {
            m_reading = false;
            return refuseUnread(mediaChunkTooLarge(m_context));
        }
        m_parser->body_limit(limit); // for a chunked body, whose length is not known up front
        m_stream.expires_after(m_limits.readTimeout +
                               std::chrono::seconds(length / kSlowestUploadBytesPerSecond));
    }
    http::async_read(m_stream, m_buffer, *m_parser,
                     beast::bind_front_handler(&HttpSession::onRead, shared_from_this()));
}

void HttpSession::onRead(beast::error_code ec, size_t) {
    m_reading = false;
    if (ec)
        return onReadError(ec);

    Request request = m_parser->release();
    m_exchange = Exchange{std::string(request.method_string()),
                          pathOf(request.target()),
                          {},
                          0,
                          std::chrono::steady_clock::now()};
    // The handlers see the peer address (for the read audit) through a per-request copy of the context.
    ApiContext context = m_context;
    beast::error_code peerError;
    const auto peer = m_stream.socket().remote_endpoint(peerError);
    if (!peerError)
        context.clientAddress = peer.address().to_string();
    ApiReply reply = routeSafely(request, context);
    m_exchange.user = reply.user;
    const bool keepAlive = request.keep_alive() && !m_closing;
    const unsigned status = unsigned(reply.status);
    if (reply.file)
        return doWrite(status, keepAlive, makeFileResponse(reply, request.version(), keepAlive),
                       std::uint64_t(reply.file->length));
    doWrite(status, keepAlive, http::message_generator(makeResponse(reply, request.version(), keepAlive)));
}

void HttpSession::onReadError(beast::error_code ec) {
    if (isQuietEnd(ec))
        return doClose();

    // The request is unusable; answer once and close. Its header may or may not have been read.
    const bool headerDone = m_parser && m_parser->is_header_done();
    ApiReply reply;
    if (ec == http::error::body_limit && headerDone && isMediaUploadHeader(*m_parser))
        reply = mediaChunkTooLarge(m_context);
    else if (ec == http::error::body_limit)
        reply = errorReply(http::status::payload_too_large, "payload_too_large",
                           "请求内容过大（上限 " + std::to_string(m_limits.bodyLimit / (1024 * 1024)) +
                               " MiB），请分批同步");
    else
        reply = errorReply(http::status::bad_request, "bad_request", "HTTP 请求格式不正确");
    refuseUnread(reply);
}

// Answers a request whose body was not (fully) read, then drains and closes.
void HttpSession::refuseUnread(const ApiReply &reply) {
    const bool headerDone = m_parser && m_parser->is_header_done();
    const auto &header = m_parser->get();
    m_exchange = Exchange{headerDone ? std::string(header.method_string()) : std::string(),
                          headerDone ? pathOf(header.target()) : std::string(),
                          {},
                          0,
                          std::chrono::steady_clock::now()};
    m_drainAfterWrite = true;
    doWrite(unsigned(reply.status), false,
            http::message_generator(makeResponse(reply, headerDone ? header.version() : 11, false)));
}

void HttpSession::doWrite(unsigned status, bool keepAlive, http::message_generator response,
                          std::uint64_t streamedBytes) {
    m_exchange.status = status;
    // Writes get the same bound as reads, so a client that stops reading cannot hold the session; a
    // streamed download gets more time for its size, like an upload.
    m_stream.expires_after(m_limits.readTimeout +
                           std::chrono::seconds(streamedBytes / kSlowestUploadBytesPerSecond));
    beast::async_write(m_stream, std::move(response),
                       beast::bind_front_handler(&HttpSession::onWrite, shared_from_this(), keepAlive));
}

void HttpSession::onWrite(bool keepAlive, beast::error_code ec, size_t) {
    const auto elapsed = std::chrono::steady_clock::now() - m_exchange.started;
    boost::json::object fields{
        {"method", m_exchange.method},
        {"path", m_exchange.path},
        {"status", m_exchange.status},
        {"ms", std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()},
    };
    if (!m_exchange.user.empty())
        fields["user"] = m_exchange.user;
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

void HttpSession::doDrain() {
    beast::error_code ignored;
    m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    m_buffer.clear();
    m_draining = true;
    m_stream.expires_after(std::chrono::seconds(10));
    m_stream.async_read_some(net::buffer(m_drainBuffer),
                             beast::bind_front_handler(&HttpSession::onDrain, shared_from_this()));
}

void HttpSession::onDrain(beast::error_code ec, size_t) {
    if (ec || m_closing)
        return doClose();
    m_stream.async_read_some(net::buffer(m_drainBuffer),
                             beast::bind_front_handler(&HttpSession::onDrain, shared_from_this()));
}

void HttpSession::doClose() {
    beast::error_code ignored;
    m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    m_stream.close();
}

} // namespace ruhu::server
