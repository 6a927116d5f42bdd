#include "replies.h"

#include <ruhu/sync/protocol.h>

#include <boost/beast/http/field.hpp>
#include <boost/json/serialize.hpp>

namespace ruhu::server {

ApiReply jsonReply(boost::json::value body, http::status status) {
    ApiReply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

ApiReply errorReply(http::status status, const std::string &code, const std::string &message,
                    const std::string &field) {
    boost::json::value body = protocol::errorBody(code, message);
    if (!field.empty())
        body.as_object()["field"] = field;
    return jsonReply(std::move(body), status);
}

ApiReply errorReply(const Error &error) {
    ApiReply reply = errorReply(statusForError(error.code), error.code, error.message, error.field);
    if (unsigned(reply.status) >= 500)
        reply.cause = error.code + ": " + error.message;
    return reply;
}

http::status statusForError(const std::string &code) {
    if (code == "unauthorized" || code == "bad_credentials")
        return http::status::unauthorized;
    if (code == "forbidden_area" || code == "forbidden_role" || code == "masked_field_readonly")
        return http::status::forbidden;
    // Accounts and device binding (docs/accounts.md).
    if (code == "password_change_required" || code == "device_mismatch" || code == "device_required" ||
        code == "device_revoked" || code == "account_disabled")
        return http::status::forbidden;
    if (code == "device_owned" || code == "user_exists")
        return http::status::conflict;
    if (code == "not_found")
        return http::status::not_found;
    if (code == "already_resolved")
        return http::status::conflict;
    if (code == "record_too_large")
        return http::status::payload_too_large;
    if (code == "disk_full")
        return http::status::insufficient_storage;
    if (code == "retry") // a store transaction kept losing races (write_retry.h): the client tries later
        return http::status::service_unavailable;
    if (code == "storage" || code == "internal")
        return http::status::internal_server_error;
    return http::status::bad_request;
}

Response makeResponse(const ApiReply &reply, unsigned httpVersion, bool keepAlive) {
    Response response{reply.status, httpVersion};
    response.set(http::field::server, "ruhu-syncd");
    response.set(http::field::content_type,
                 reply.contentType.empty() ? "application/json; charset=utf-8" : reply.contentType);
    response.set(http::field::cache_control, "no-store");
    if (reply.status == http::status::unauthorized)
        response.set(http::field::www_authenticate, "Bearer");
    if (!reply.allow.empty())
        response.set(http::field::allow, reply.allow);
    if (!reply.retryAfter.empty())
        response.set(http::field::retry_after, reply.retryAfter);
    if (!reply.contentRange.empty())
        response.set(http::field::content_range, reply.contentRange);
    for (const auto &[name, value] : reply.headers) {
        if (name == "Set-Cookie")
            response.insert(name, value); // one header per cookie
        else
            response.set(name, value);
    }
    if (!reply.requestId.empty())
        response.set("X-Request-Id", reply.requestId);
    response.keep_alive(keepAlive);
    response.body() = reply.contentType.empty() ? boost::json::serialize(reply.body) : reply.rawBody;
    response.prepare_payload();
    return response;
}

} // namespace ruhu::server
