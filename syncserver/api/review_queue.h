#pragma once

#include "../storage/central_store.h"

#include <ruhu/sync/merge_engine.h>

#include <boost/json/object.hpp>

#include <optional>

namespace ruhu::server {

inline constexpr const char *kDeleteField = "_delete";

// The review-queue entry for a same-field clash the merge engine left to a person.
ReviewEntry reviewForConflict(const Mutation &m, const Record &record, const FieldConflict &conflict,
                              int64_t nowMs);

// The entry for a delete racing an edit (field "_delete"). Values are {"deleted": bool[, "fields": {…}]}:
// an incoming delete against server edits keeps the server's fields; an incoming edit against a server
// delete keeps the incoming fields.
ReviewEntry reviewForDeleteConflict(const Mutation &m, const Record &record, int64_t nowMs);

// As GET /api/v1/reviews answers it.
boost::json::object reviewToJson(const ReviewEntry &review);

} // namespace ruhu::server
