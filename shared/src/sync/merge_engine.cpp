#include <ruhu/model/schema.h>
#include <ruhu/sync/hlc.h>
#include <ruhu/sync/merge_engine.h>

#include <map>

namespace ruhu {
namespace {

std::string_view stringAt(const boost::json::object &o, std::string_view key) {
    auto it = o.find(key);
    return it != o.end() && it->value().is_string() ? std::string_view(it->value().get_string())
                                                    : std::string_view();
}

int64_t intAt(const boost::json::object &o, std::string_view key) {
    auto it = o.find(key);
    return it != o.end() && it->value().is_int64() ? it->value().get_int64() : 0;
}

boost::json::value valueAt(const boost::json::object &o, std::string_view key) {
    auto it = o.find(key);
    return it != o.end() ? it->value() : boost::json::value();
}

Record freshRecord(const Mutation &m) {
    Record r;
    r.kind = m.kind;
    r.id = m.recordId;
    r.householdId = m.householdId;
    r.regionCode = m.regionCode;
    return r;
}

} // namespace

std::string MergeDecision::status() const {
    if (!conflicts.empty() || deleteConflict)
        return "queued";
    if (applied.empty() && unchanged.empty() && !refused.empty() && superseded.empty())
        return "rejected";
    if (!superseded.empty() || !refused.empty())
        return "merged";
    return "applied";
}

boost::json::array unionById(const boost::json::array &existing, const boost::json::array &incoming) {
    boost::json::array out = existing;
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out[i].is_object())
            index[std::string(stringAt(out[i].get_object(), "id"))] = i;
    }
    for (const auto &item : incoming) {
        if (!item.is_object())
            continue;
        std::string id(stringAt(item.get_object(), "id"));
        auto it = index.find(id);
        if (it == index.end()) {
            index[id] = out.size();
            out.push_back(item);
        } else {
            out[it->second] = item;
        }
    }
    return out;
}

MergeDecision mergeMutation(const std::optional<Record> &current, const Mutation &m,
                            const MergeContext &ctx) {
    MergeDecision d;
    d.record = current ? *current : freshRecord(m);
    Record &r = d.record;
    const RecordKind *kind = findRecordKind(m.kind);
    auto stamp = HlcStamp::decode(m.hlc);
    d.clockAhead = stamp && stamp->wallMs > ctx.serverNowMs + ctx.maxClockAheadMs;

    // A field whose stamp is this mutation's own was written by it: merging the same mutation again (a
    // resent push, or the tablet rebasing its unsynced edits on a pull) must not see it as someone else's
    // edit since the base.
    auto writtenByThisMutation = [&](std::string_view field) { return stringAt(r.clocks, field) == m.hlc; };
    auto changedSinceBase = [&](std::string_view field) {
        return current && intAt(r.versions, field) > m.baseVersion && !writtenByThisMutation(field);
    };
    auto setField = [&](std::string_view field, const boost::json::value &value) {
        r.fields[field] = value;
        r.clocks[field] = m.hlc;
        r.versions[field] = ctx.newVersion;
        d.changed = true;
        d.applied.emplace_back(field);
    };
    // The value is already there (null included): nothing to decide, but a newer stamp must be kept, or a
    // later write with a stamp between the two would wrongly win.
    auto keepSameValue = [&](std::string_view field, const boost::json::value &value) {
        auto existing = r.fields.find(field);
        if (existing == r.fields.end() || existing->value() != value)
            return false;
        if (std::string_view(m.hlc) > stringAt(r.clocks, field)) {
            r.clocks[field] = m.hlc;
            // The field's stamp changed here: a device whose base predates this write is concurrent with it
            // and must compete by stamp, not win as "unchanged since base".
            r.versions[field] = ctx.newVersion;
            d.changed = true;
        }
        d.unchanged.emplace_back(field);
        return true;
    };

    // An edit racing a delete (either way round) is for a person to decide.
    bool deletedSinceBase = current && r.deleted && changedSinceBase("_deleted");
    if (m.deleteRecord) {
        bool editedSinceBase = false;
        for (const auto &kv : r.versions) {
            if (kv.key() != "_deleted" && changedSinceBase(kv.key()))
                editedSinceBase = true;
        }
        if (editedSinceBase) {
            d.deleteConflict = true;
            return d;
        }
        // A tombstone keeps the fields sent with the delete (a member's removalReason).
        for (const auto &kv : m.fields) {
            const FieldSpec *spec = kind ? kind->field(kv.key()) : nullptr;
            if (!spec || spec->policy == MergePolicy::ServerComputed ||
                spec->policy == MergePolicy::Immutable)
                continue;
            if (!keepSameValue(kv.key(), kv.value()))
                setField(kv.key(), kv.value());
        }
        if (!r.deleted) {
            r.deleted = true;
            r.clocks["_deleted"] = m.hlc;
            r.versions["_deleted"] = ctx.newVersion;
            d.changed = true;
            d.applied.emplace_back("_deleted");
        }
        return d;
    }
    if (deletedSinceBase && !m.fields.empty()) {
        d.deleteConflict = true;
        return d;
    }

    for (const auto &kv : m.fields) {
        std::string_view field = kv.key();
        const FieldSpec *spec = kind ? kind->field(field) : nullptr;
        MergePolicy policy = spec ? spec->policy : MergePolicy::LastWriterWins;
        if (keepSameValue(field, kv.value()))
            continue;
        auto existing = r.fields.find(field);
        bool has = existing != r.fields.end() && !existing->value().is_null();
        if (policy == MergePolicy::ServerComputed) {
            d.refused.emplace_back(field);
            continue;
        }
        if (policy == MergePolicy::Immutable && has) {
            d.refused.emplace_back(field);
            continue;
        }
        if (policy == MergePolicy::SetUnion && kv.value().is_array()) {
            boost::json::array base =
                has && existing->value().is_array() ? existing->value().get_array() : boost::json::array();
            boost::json::value merged = unionById(base, kv.value().get_array());
            if (has && merged == existing->value())
                d.unchanged.emplace_back(field);
            else
                setField(field, merged);
            continue;
        }
        if (!changedSinceBase(field)) {
            setField(field, kv.value());
            continue;
        }
        // Both sides changed this field since the device's base.
        if (policy == MergePolicy::ReviewRequired) {
            auto base = m.base.find(field);
            d.conflicts.push_back(FieldConflict{
                std::string(field), base != m.base.end() ? base->value() : boost::json::value(),
                valueAt(r.fields, field), std::string(stringAt(r.clocks, field)), kv.value(), m.hlc});
            continue;
        }
        std::string_view existingStamp = stringAt(r.clocks, field);
        if (!d.clockAhead && std::string_view(m.hlc) > existingStamp)
            setField(field, kv.value());
        else
            d.superseded.emplace_back(field);
    }
    if (m.kind == "household" && r.fields.contains("regionCode") && r.fields["regionCode"].is_string())
        r.regionCode = std::string(r.fields["regionCode"].get_string());
    return d;
}

} // namespace ruhu
