#pragma once

// Shared by the PostgreSQL store's files: column lists, row readers and statement helpers.
#include "central_store.h"
#include "pq.h"

#include <string>
#include <vector>

namespace ruhu::server::pg {

inline constexpr const char *kRecordColumns = "kind, id, household_id, region_code, version, deleted, body";
inline constexpr const char *kReviewColumns =
    "id, kind, record_id, household_id, region_code, field, base_value, server_value, server_hlc, "
    "incoming_value, incoming_hlc, mutation_id, device_id, author, created_at, status, resolution";
inline constexpr const char *kUserColumns =
    "username, display_name, role, password_hash, scope, disabled, must_change_password";
inline constexpr const char *kAppliedColumns =
    "id, device_id, seq, received_at, mutation, result, kind, record_id";

Result<Record> recordAt(const pq::Rows &rows, int row);   // selected with kRecordColumns
ReviewEntry reviewAt(const pq::Rows &rows, int row);      // kReviewColumns
UserAccount userAt(const pq::Rows &rows, int row);        // kUserColumns
AppliedMutation appliedAt(const pq::Rows &rows, int row); // kAppliedColumns

// "(column LIKE $first OR column LIKE $first+1 …)"; prefixPatterns gives the matching parameters.
std::string prefixCondition(const std::string &column, size_t count, int first);
std::vector<std::string> prefixPatterns(const std::vector<std::string> &prefixes); // non-empty ones
// A PostgreSQL array literal of text or integers: {"a","b"} / {1,2}.
std::string arrayLiteral(const std::vector<std::string> &values);
std::string arrayLiteral(const std::vector<int64_t> &values);

// Runs body() between BEGIN and COMMIT (ROLLBACK when it fails).
template <class Body> Status inTransaction(pq::Connection &db, Body &&body) {
    if (auto st = db.run("BEGIN"); !st)
        return st;
    Status result = body();
    if (!result) {
        db.run("ROLLBACK");
        return result;
    }
    return db.run("COMMIT");
}

} // namespace ruhu::server::pg
