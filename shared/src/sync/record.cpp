#include <ruhu/json/json_fields.h>
#include <ruhu/sync/record.h>

namespace ruhu {

boost::json::value Record::toJson() const {
    boost::json::object o{
        {"kind", kind},       {"id", id},           {"householdId", householdId}, {"regionCode", regionCode},
        {"version", version}, {"deleted", deleted}, {"fields", fields},           {"clocks", clocks}};
    if (!versions.empty())
        o["versions"] = versions;
    return o;
}

Result<Record> Record::fromJson(const boost::json::value &json) {
    if (!json.is_object())
        return Error{"bad_request", "记录应为 JSON 对象", ""};
    const auto &o = json.get_object();
    Record r;
    auto kind = requireString(o, "kind");
    if (!kind)
        return kind.error();
    auto id = requireString(o, "id");
    if (!id)
        return id.error();
    auto fields = requireObject(o, "fields");
    if (!fields)
        return fields.error();
    r.kind = *kind;
    r.id = *id;
    r.householdId = optionalString(o, "householdId");
    r.regionCode = optionalString(o, "regionCode");
    r.version = optionalInt(o, "version");
    r.deleted = optionalBool(o, "deleted");
    r.fields = **fields;
    if (auto it = o.find("clocks"); it != o.end() && it->value().is_object())
        r.clocks = it->value().get_object();
    if (auto it = o.find("versions"); it != o.end() && it->value().is_object())
        r.versions = it->value().get_object();
    return r;
}

} // namespace ruhu
