#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ruhu {

// How concurrent edits of a field are reconciled (ARCHITECTURE decision 4). The merge engine reads this;
// nothing else decides it.
enum class MergePolicy {
    LastWriterWins, // descriptive fields: newest hybrid-logical-clock stamp wins, the loser stays in history
    ReviewRequired, // eligibility fields: a real clash goes to the review queue
    ServerComputed, // totals and rule results: recomputed by the server, never merged
    Immutable,      // signed evidence, photos: set once
    SetUnion,       // child collections keyed by id (members, income lines, measures, photos)
};

enum class FieldType {
    Text,
    Integer, // whole numbers; money is always an Integer in 分
    Boolean,
    Date,     // YYYY-MM-DD
    IdNumber, // 18-digit 居民身份证号, GB 11643 check digit
    Enum,     // one of enumValues
    Json,     // nested object or array, validated by its owner
};

struct FieldSpec {
    std::string name;  // JSON key, as in the data model (monitoring-domain.md §12)
    std::string label; // Chinese label shown to the cadre and used in error messages
    FieldType type = FieldType::Text;
    MergePolicy policy = MergePolicy::LastWriterWins;
    bool sensitive = false; // PIPL art. 28: encrypted at rest on the tablet, masked in lists, audited
    bool required = false;
    std::vector<std::string> enumValues;
    size_t maxLength = 200; // for Text
};

const char *mergePolicyName(MergePolicy policy);
const char *fieldTypeName(FieldType type);

} // namespace ruhu
