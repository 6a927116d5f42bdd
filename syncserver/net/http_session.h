#pragma once

#include "../api/api_types.h"
#include "beast.h"

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace ruhu::server {

class SessionRegistry;

struct SessionLimits {
    size_t bodyLimit = 8 * 1024 * 1024;
    std::chrono::seconds readTimeout{30};
};

// One HTTP/1.1 connection on its own strand: read a request, answer it through the router, repeat while
// keep-alive. Owns itself through shared_ptr; each pending operation holds a reference.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(tcp::socket &&socket, const ApiContext &context, SessionRegistry &registry,
                const SessionLimits &limits);
    ~HttpSession();

    void run();
    // Thread-safe: finish the request in flight (if any), then close.
    void shutdown();

private:
    struct Exchange {
        std::string method;
        std::string path;
        std::string user;
        unsigned status = 0;
        std::chrono::steady_clock::time_point started;
    };

    void onRun();
    void doRead();
    void onReadHeader(beast::error_code ec, size_t bytesTransferred);
    void onRead(beast::error_code ec, size_t bytesTransferred);
    void onReadError(beast::error_code ec);
    void refuseUnread(const ApiReply &reply);
    void doWrite(unsigned status, bool keepAlive, http::message_generator response,
                 std::uint64_t streamedBytes = 0);
    void onWrite(bool keepAlive, beast::error_code ec, size_t bytesTransferred);
    void onShutdown();
    void doClose();
    // After refusing a request whose body we did not read: drain what the client still sends, so that
    // closing does not reset the connection before it has read our answer.
    void doDrain();
    void onDrain(beast::error_code ec, size_t bytesTransferred);

    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    const ApiContext &m_context;
    SessionRegistry &m_registry;
    SessionLimits m_limits;
    Exchange m_exchange;
    std::array<char, 16 * 1024> m_drainBuffer{};
    bool m_reading = false;
    bool m_closing = false;
    bool m_drainAfterWrite = false;
    bool m_draining = false;
};

} // namespace ruhu::server
