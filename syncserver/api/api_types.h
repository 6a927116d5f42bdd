#pragma once

#include "../storage/central_store.h"

#include <ruhu/sync/clock.h>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/value.hpp>

#include <string>

namespace ruhu::server {

namespace http = boost::beast::http;

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

// What handlers may use: the store and the time. No sockets.
struct ApiContext {
    CentralStore &store;
    const Clock &clock;
    // A mutation stamped further ahead of the server clock than this does not win a concurrent clash.
    int64_t maxClockAheadMs = 10 * 60 * 1000;
};

// A handler's answer before it becomes HTTP: status, JSON body, and what the access log may say.
struct ApiReply {
    http::status status = http::status::ok;
    boost::json::value body;
    std::string user;  // the authenticated user, for the log
    std::string allow; // for 405: the methods the path accepts
};

} // namespace ruhu::server
