#include <ruhu/sync/merge.h>

namespace ruhu {
MergeOutcome applyMutation(const std::optional<Record> &current, const Mutation &m) {
    MergeOutcome out;
    if (current) {
        out.record = *current;
    } else {
        out.record.kind = m.kind;
        out.record.id = m.recordId;
        out.record.householdId = m.householdId;
        out.record.regionCode = m.regionCode;
        out.changed = true;
    }
    Record &r = out.record;

    for (const auto &kv : m.fields) {
        auto it = r.clocks.find(kv.key());
        std::string_view existing =
            it != r.clocks.end() && it->value().is_string() ? std::string_view(it->value().get_string()) : "";
        // Encoded stamps are fixed-width, so byte order is stamp order.
        if (existing.empty() || std::string_view(m.hlc) > existing) {
            // A newer stamp on an equal value still changes the record: later writes compare against it.
            out.changed = true;
            r.fields[kv.key()] = kv.value();
            r.clocks[kv.key()] = m.hlc;
            out.appliedFields.emplace_back(kv.key());
        } else if (std::string_view(m.hlc) != existing) {
            out.supersededFields.emplace_back(kv.key());
        }
    }
    if (m.deleteRecord) {
        auto it = r.clocks.find("_deleted");
        std::string_view existing =
            it != r.clocks.end() && it->value().is_string() ? std::string_view(it->value().get_string()) : "";
        if (existing.empty() || std::string_view(m.hlc) > existing) {
            out.changed = out.changed || !r.deleted;
            r.deleted = true;
            r.clocks["_deleted"] = m.hlc;
        }
    }
    if (m.kind == "household" && r.fields.contains("regionCode") && r.fields["regionCode"].is_string())
        r.regionCode = std::string(r.fields["regionCode"].get_string());
    return out;
}

} // namespace ruhu
