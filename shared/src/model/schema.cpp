#include <ruhu/model/id_number.h>
#include <ruhu/model/schema.h>

#include <algorithm>

namespace ruhu {
namespace {

Error fieldError(const FieldSpec &spec, const std::string &problem) {
    return Error{"invalid_field", spec.label + "（" + spec.name + "）" + problem, spec.name};
}

size_t utf8Length(std::string_view s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// NUL and the other C0 control characters (except line feed and tab) have no place in survey text: they
// break exports, logs and C APIs downstream.
bool hasControlChar(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && u != '\n' && u != '\t') || u == 0x7f;
    });
}

// The first string inside a nested value that holds a control character (keys count too).
bool jsonHasControlChar(const boost::json::value &value, int depth = 0) {
    if (depth > 32)
        return false; // Boost.JSON's parser already bounds depth; this only guards the recursion
    if (value.is_string())
        return hasControlChar(value.get_string());
    if (value.is_array()) {
        return std::any_of(value.get_array().begin(), value.get_array().end(),
                           [&](const boost::json::value &v) { return jsonHasControlChar(v, depth + 1); });
    }
    if (value.is_object()) {
        for (const auto &kv : value.get_object()) {
            if (hasControlChar(kv.key()) || jsonHasControlChar(kv.value(), depth + 1))
                return true;
        }
    }
    return false;
}

Status validateValue(const FieldSpec &spec, const boost::json::value &value) {
    if (jsonHasControlChar(value))
        return fieldError(spec, "含有不允许的控制字符");
    if (value.is_null())
        return spec.required ? Status(fieldError(spec, "不能为空")) : okStatus();
    switch (spec.type) {
    case FieldType::Text:
        if (!value.is_string())
            return fieldError(spec, "应为文字");
        if (utf8Length(value.get_string()) > spec.maxLength)
            return fieldError(spec, "过长（最多" + std::to_string(spec.maxLength) + "字）");
        if (spec.required && value.get_string().empty())
            return fieldError(spec, "不能为空");
        return okStatus();
    case FieldType::Integer:
        return value.is_int64() || value.is_uint64() ? okStatus() : Status(fieldError(spec, "应为整数"));
    case FieldType::Boolean:
        return value.is_bool() ? okStatus() : Status(fieldError(spec, "应为是/否"));
    case FieldType::Date:
        if (!value.is_string() || !isValidDate(value.get_string()))
            return fieldError(spec, "应为有效日期（年-月-日）");
        return okStatus();
    case FieldType::IdNumber: {
        if (!value.is_string())
            return fieldError(spec, "应为文字");
        if (value.get_string().empty())
            return okStatus();
        auto parsed = parseIdNumber(value.get_string());
        if (!parsed)
            return Error{parsed.error().code, parsed.error().message, spec.name};
        return okStatus();
    }
    case FieldType::Enum: {
        if (!value.is_string())
            return fieldError(spec, "应为选项之一");
        const auto &s = value.get_string();
        if (s.empty() && !spec.required)
            return okStatus();
        if (std::find(spec.enumValues.begin(), spec.enumValues.end(), std::string_view(s)) ==
            spec.enumValues.end())
            return fieldError(spec, "的值“" + std::string(s) + "”不在可选范围内");
        return okStatus();
    }
    case FieldType::Json:
        return value.is_object() || value.is_array() ? okStatus() : Status(fieldError(spec, "格式不正确"));
    }
    return okStatus();
}

} // namespace

const FieldSpec *RecordKind::field(std::string_view fieldName) const {
    for (const auto &f : fields) {
        if (f.name == fieldName)
            return &f;
    }
    return nullptr;
}

const RecordKind *findRecordKind(std::string_view name) {
    for (const auto &kind : recordKinds()) {
        if (kind.name == name)
            return &kind;
    }
    return nullptr;
}

bool isValidDate(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-')
        return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (d[i] < '0' || d[i] > '9')
            return false;
    }
    int y = std::stoi(std::string(d.substr(0, 4)));
    int m = std::stoi(std::string(d.substr(5, 2)));
    int day = std::stoi(std::string(d.substr(8, 2)));
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || day < 1)
        return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int maxDay = (m == 2 && leap) ? 29 : days[m - 1];
    return day <= maxDay;
}

Status validateFields(const RecordKind &kind, const boost::json::object &fields) {
    for (const auto &kv : fields) {
        const FieldSpec *spec = kind.field(kv.key());
        if (!spec)
            return Error{"unknown_field", kind.label + "没有字段“" + std::string(kv.key()) + "”",
                         std::string(kv.key())};
        if (spec->policy == MergePolicy::ServerComputed)
            return Error{"server_computed_field", spec->label + "由服务器计算，不能直接修改", spec->name};
        auto status = validateValue(*spec, kv.value());
        if (!status)
            return status;
    }
    return okStatus();
}

Status validateRequired(const RecordKind &kind, const boost::json::object &fields) {
    for (const auto &spec : kind.fields) {
        if (!spec.required)
            continue;
        auto it = fields.find(spec.name);
        if (it == fields.end() || it->value().is_null() ||
            (it->value().is_string() && it->value().get_string().empty()))
            return fieldError(spec, "不能为空");
    }
    return okStatus();
}

} // namespace ruhu
