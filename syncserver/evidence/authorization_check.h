#pragma once

#include "../storage/central_store.h"

#include <ruhu/domain/household_document.h>
#include <ruhu/evidence/authorization.h>

#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace ruhu::server {

// What the server concludes about a signed 授权承诺书 against a household's data as it is now.
struct AuthorizationVerdict {
    std::string result;  // "verified" | "stale" | an error code (text_tampered, signature_invalid, …)
    std::string message; // Chinese, says what to do; empty when verified
    std::string field;   // where the problem is, for rejections

    // Verified and stale documents are genuine (kept); everything else is refused.
    bool genuine() const { return result == "verified" || result == "stale"; }
};

// Reads the `document` field of an authorization record (Error invalid_authorization naming the field).
Result<evidence::Authorization> authorizationDocument(const boost::json::object &fields);

// verifyAuthorization, read for the cadre. `current` is nullopt when the household is not on the server.
// A document that withdraws (status "withdrawn") is genuine when everything else holds.
AuthorizationVerdict judgeAuthorization(const evidence::Authorization &authorization,
                                        const std::optional<domain::HouseholdDocument> &current,
                                        const std::string &devicePublicKey);

// The receipt the server writes into the record's `receipt` field (docs/authorization.md "Receipt").
boost::json::object makeReceipt(const evidence::Authorization &authorization, const AuthorizationVerdict &v,
                                const DeviceKeyRow &key, const std::string &mutationId, int64_t nowMs);

// "2024-09-05T10:21:00+08:00" for a Unix time in ms (the letters are Beijing time).
std::string beijingTime(int64_t ms);

} // namespace ruhu::server
