#pragma once

#include "api_types.h"

#include <ruhu/result.h>

#include <string>

namespace ruhu::server {

ApiReply jsonReply(boost::json::value body, http::status status = http::status::ok);

// {"code","message"[,"field"]}, message in Chinese (protocol::errorBody).
ApiReply errorReply(http::status status, const std::string &code, const std::string &message,
                    const std::string &field = {});

// An Error value as an answer, with the status its code calls for (see statusForError).
ApiReply errorReply(const Error &error);

// unauthorized 401, forbidden_area/forbidden_role/masked_field_readonly (and the account codes of
// docs/accounts.md) 403, not_found 404, already_resolved 409, record_too_large 413, disk_full 507,
// storage/internal 500, everything else 400.
http::status statusForError(const std::string &code);

// The HTTP response for a reply to a request of the given HTTP version and keep-alive wish.
Response makeResponse(const ApiReply &reply, unsigned httpVersion, bool keepAlive);

} // namespace ruhu::server
