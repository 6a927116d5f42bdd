#include <ruhu/json/json_fields.h>
#include <ruhu/model/schema.h>
#include <ruhu/sync/hlc.h>
#include <ruhu/sync/mutation.h>

#include <algorithm>

namespace ruhu {
namespace {

bool isDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isSafeId(std::string_view s) {
    if (s.empty() || s.size() > 64)
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
               c == '_';
    });
}

} // namespace

bool isValidDeviceId(std::string_view id) {
    return isSafeId(id);
}

std::string Mutation::makeId(const std::string &deviceId, int64_t seq) {
    return deviceId + ":" + std::to_string(seq);
}

boost::json::value Mutation::toJson() const {
    boost::json::object o{{"id", id},
                          {"deviceId", deviceId},
                          {"seq", seq},
                          {"kind", kind},
                          {"recordId", recordId},
                          {"householdId", householdId},
                          {"regionCode", regionCode},
                          {"baseVersion", baseVersion},
                          {"hlc", hlc},
                          {"author", author},
                          {"fields", fields}};
    if (deleteRecord)
        o["delete"] = true;
    if (!base.empty())
        o["base"] = base;
    return o;
}

Result<Mutation> Mutation::fromJson(const boost::json::value &json) {
    if (!json.is_object())
        return Error{"bad_request", "变更应为 JSON 对象", ""};
    const auto &o = json.get_object();
    Mutation m;
    for (auto [key, target] :
         {std::pair{"deviceId", &m.deviceId}, std::pair{"kind", &m.kind}, std::pair{"recordId", &m.recordId},
          std::pair{"householdId", &m.householdId}, std::pair{"regionCode", &m.regionCode},
          std::pair{"hlc", &m.hlc}, std::pair{"id", &m.id}}) {
        auto s = requireString(o, key);
        if (!s)
            return s.error();
        *target = std::move(*s);
    }
    auto seq = requireInt(o, "seq");
    if (!seq)
        return seq.error();
    m.seq = *seq;
    m.baseVersion = optionalInt(o, "baseVersion");
    m.author = optionalString(o, "author");
    m.deleteRecord = optionalBool(o, "delete");
    auto fields = requireObject(o, "fields");
    if (!fields)
        return fields.error();
    m.fields = **fields;
    if (auto it = o.find("base"); it != o.end()) {
        if (!it->value().is_object())
            return Error{"bad_request", "字段“base”应为对象", "base"};
        m.base = it->value().get_object();
    }

    if (!isValidDeviceId(m.deviceId))
        return Error{"bad_request", "设备编号格式不正确", "deviceId"};
    if (m.seq <= 0 || m.id != makeId(m.deviceId, m.seq))
        return Error{"bad_request", "变更编号应为“设备编号:序号”", "id"};
    if (!isSafeId(m.recordId) || !isSafeId(m.householdId))
        return Error{"bad_request", "记录编号格式不正确", "recordId"};
    if (m.regionCode.size() != 12 || !isDigits(m.regionCode))
        return Error{"bad_request", "行政区划代码应为12位数字", "regionCode"};
    if (!HlcStamp::decode(m.hlc))
        return Error{"bad_request", "时间戳（hlc）格式不正确", "hlc"};
    const RecordKind *kind = findRecordKind(m.kind);
    if (!kind)
        return Error{"unknown_kind", "未知的记录类型“" + m.kind + "”", "kind"};
    if (m.kind == "household" && m.householdId != m.recordId)
        return Error{"bad_request", "户记录的 householdId 应等于 recordId", "householdId"};
    auto valid = validateFields(*kind, m.fields);
    if (!valid)
        return valid.error();
    return m;
}

} // namespace ruhu
