#include <ruhu/model/record_limits.h>

#include <boost/json/serialize.hpp>

#include <string>

namespace ruhu {
namespace {

Error tooLarge(const std::string &what, const std::string &limit, const std::string &field) {
    return Error{"record_too_large", what + "过大（上限" + limit + "），未保存。请删减内容后重试。", field};
}

std::string kib(size_t bytes) {
    return std::to_string(bytes / 1024) + " KiB";
}

} // namespace

Status checkRecordLimits(const RecordKind &kind, const boost::json::object &fields, size_t maxRecordBytes) {
    size_t total = 2;
    for (const auto &kv : fields) {
        const FieldSpec *spec = kind.field(kv.key());
        const size_t bytes = boost::json::serialize(kv.value()).size();
        const bool immutableJson =
            spec && spec->type == FieldType::Json && spec->policy == MergePolicy::Immutable;
        if (!immutableJson)
            total += kv.key().size() + 4 + bytes;
        if (!spec || spec->type != FieldType::Json)
            continue;
        const std::string label = spec->label + "（" + spec->name + "）";
        const size_t limit = immutableJson ? kMaxImmutableJsonFieldBytes : kMaxJsonFieldBytes;
        if (bytes > limit)
            return tooLarge(label, kib(limit), spec->name);
        if (spec->policy != MergePolicy::SetUnion || !kv.value().is_array())
            continue;
        const auto &items = kv.value().get_array();
        if (items.size() > kMaxSetUnionElements)
            return tooLarge(label + "的条目数", std::to_string(kMaxSetUnionElements) + "条", spec->name);
        for (const auto &item : items) {
            if (boost::json::serialize(item).size() > kMaxSetUnionElementBytes)
                return tooLarge(label + "的单个条目", kib(kMaxSetUnionElementBytes), spec->name);
        }
    }
    if (total > maxRecordBytes)
        return tooLarge(kind.label + "记录", kib(maxRecordBytes), "");
    return okStatus();
}

} // namespace ruhu
