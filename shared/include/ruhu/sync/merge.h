#pragma once

#include <ruhu/sync/mutation.h>
#include <ruhu/sync/record.h>

#include <optional>
#include <string>
#include <vector>

namespace ruhu {

// What applying one mutation to a record did, field by field.
struct MergeOutcome {
    Record record;                             // the record after the mutation
    std::vector<std::string> appliedFields;    // fields the mutation now owns
    std::vector<std::string> supersededFields; // fields where a newer write already stood (kept in history)
    bool changed = false;                      // whether anything in the record changed
};

// Field-level last-writer-wins by hybrid logical clock: each field keeps the value with the greatest stamp.
// Commutative, associative and idempotent, so replicas that saw the same mutations agree in any order.
// The per-policy merge engine (review queue, tombstone races) builds on this.
MergeOutcome applyMutation(const std::optional<Record> &current, const Mutation &mutation);

} // namespace ruhu
