#pragma once

#include <ruhu/sync/mutation.h>
#include <ruhu/sync/record.h>

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ruhu {

// A same-field clash on a review-required field: both sides changed it differently since the device's
// base. The server keeps its value and queues this for a township or county reviewer; nothing is dropped.
struct FieldConflict {
    std::string field;
    boost::json::value baseValue;   // what the device saw before its edit (null if unknown)
    boost::json::value serverValue; // what the server holds
    std::string serverHlc;
    boost::json::value incomingValue; // what the device wrote
    std::string incomingHlc;
};

struct MergeContext {
    int64_t serverNowMs = 0;
    // A stamp further ahead of the server's clock than this is not trusted to win a concurrent clash.
    int64_t maxClockAheadMs = 10 * 60 * 1000;
    int64_t newVersion = 0; // the version the server gives the record if anything changes
};

// What the merge engine decided for one mutation, field by field (ARCHITECTURE decision 4).
struct MergeDecision {
    Record record;
    std::vector<std::string> applied;     // now the current value
    std::vector<std::string> superseded;  // lost last-writer-wins to a newer write; kept in history
    std::vector<std::string> unchanged;   // the same value was already there
    std::vector<FieldConflict> conflicts; // queued for review
    std::vector<std::string> refused;     // immutable once set
    bool deleteConflict = false;          // a delete racing an edit (or an edit racing a delete): review
    bool clockAhead = false;              // the mutation's stamp was too far in the future
    bool changed = false;

    // "applied" | "merged" | "queued" | "rejected"
    std::string status() const;
};

// Three-way, per-field merge by the policies the data model declares:
//  - a field the server has not changed since the device's baseVersion takes the device's value;
//  - a concurrently changed last-writer-wins field goes to the greater HLC stamp, unless the incoming stamp
//    runs ahead of the server clock (then the server's value stands and the incoming one is history);
//  - a concurrently changed review-required field with a different value becomes a FieldConflict;
//  - immutable fields are set once; set-union fields (arrays of objects with "id") merge by element id,
//    elements marked {"deleted": true} being tombstones;
//  - deleting a record that changed since the base, or editing one deleted since the base, is a conflict.
// Record.versions[field] holds the version at which each field last changed.
MergeDecision mergeMutation(const std::optional<Record> &current, const Mutation &mutation,
                            const MergeContext &context);

// Merges two arrays of objects keyed by "id": union of ids, incoming elements replace existing ones.
boost::json::array unionById(const boost::json::array &existing, const boost::json::array &incoming);

} // namespace ruhu
