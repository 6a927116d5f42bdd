#pragma once

#include "api_types.h"

namespace ruhu::server {

// One function per endpoint; the router picks them. Each returns the reply for a request that already
// matched its method and path.
ApiReply handleHealth(const Request &request, const ApiContext &context);
ApiReply handleLogin(const Request &request, const ApiContext &context);
ApiReply handlePush(const Request &request, const ApiContext &context);
ApiReply handlePull(const Request &request, const ApiContext &context);
ApiReply handleReviews(const Request &request, const ApiContext &context);
ApiReply handleResolveReview(const Request &request, const ApiContext &context);
ApiReply handleHistory(const Request &request, const ApiContext &context);

} // namespace ruhu::server
