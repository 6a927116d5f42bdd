#pragma once

#include <ruhu/domain/household_document.h>
#include <ruhu/sync/record.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ruhu::evidence {

// coveredHouseholdFromRecords (covered_household.h) on a household's records as the server's store lists
// them (any kinds, any order): picks the household and its member records. nullopt when the household
// record is missing or deleted.
std::optional<domain::HouseholdDocument> householdFromRecords(const std::string &householdId,
                                                              const std::vector<Record> &records);

// The first 16 hex digits of SHA-256 over the raw public key: what a cadre or admin compares by eye.
// Error "invalid_key" unless the base64 holds exactly 32 bytes (a raw Ed25519 public key).
Result<std::string> publicKeyFingerprint(std::string_view publicKeyBase64);

// The short code printed on the letter ("K7QF-2M9X"): 40 bits of SHA-256 over the binding hash in
// Crockford base32, short enough to read over the phone. Anyone holding the record can recompute it; it
// identifies a letter and is not a secret.
std::string verificationCode(const std::string &bindingHash);

} // namespace ruhu::evidence
