#pragma once

#include "api_types.h"

#include <string>
#include <string_view>

namespace ruhu::server {

// The whole HTTP API as one function: (request, context) -> reply. It never sees a socket, so it is
// tested directly. Unknown paths answer 404 not_found, known paths with the wrong method 405.
ApiReply route(const Request &request, const ApiContext &context);

// route(), with an exception answered as 500 internal.
ApiReply routeSafely(const Request &request, const ApiContext &context);

// The route a path belongs to, for metrics and logs: its pattern ("/api/v1/push", "/api/v1/media/*"),
// never the id in it; "unmatched" for unknown paths.
std::string routeName(std::string_view path);

// routeSafely() and makeResponse() together (JSON answers; a file reply is streamed by the session).
Response handleRequest(const Request &request, const ApiContext &context, std::string *user = nullptr);

} // namespace ruhu::server
