#include <ruhu/model/field_masking.h>
#include <ruhu/model/id_number.h>
#include <ruhu/model/schema.h>

#include <string>
#include <string_view>

namespace ruhu {
namespace {

constexpr std::string_view kMask = "****";

// The last n characters of UTF-8 text (whole code points), or "" if it has fewer than min characters.
std::string lastCharacters(std::string_view text, size_t n, size_t min) {
    std::vector<size_t> starts;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            starts.push_back(i);
    }
    if (starts.size() < min)
        return {};
    return std::string(text.substr(starts[starts.size() - n]));
}

} // namespace

boost::json::value maskFieldValue(const FieldSpec &spec, const boost::json::value &value) {
    if (value.is_null())
        return value;
    if (value.is_string()) {
        const std::string_view text = value.get_string();
        if (spec.type == FieldType::IdNumber)
            return boost::json::value(maskIdNumber(text));
        if (spec.type == FieldType::Text)
            return boost::json::value(std::string(kMask) + lastCharacters(text, 4, 8));
    }
    return boost::json::value(kMask);
}

bool looksMasked(const FieldSpec &spec, const boost::json::value &value) {
    if (!value.is_string())
        return false;
    const std::string_view text = value.get_string();
    if (spec.type == FieldType::IdNumber)
        return text.find('*') != std::string_view::npos;
    return text.find(kMask) != std::string_view::npos;
}

bool roleSeesInClear(std::string_view role, const FieldSpec &spec) {
    if (!spec.sensitive || role == "village" || role == "county")
        return true;
    if (role == "township")
        return spec.type != FieldType::IdNumber;
    return false;
}

bool maskFieldsForRole(std::string_view kindName, boost::json::object &fields, std::string_view role) {
    const RecordKind *kind = findRecordKind(kindName);
    if (!kind)
        return false;
    bool clear = false;
    for (auto &kv : fields) {
        const FieldSpec *spec = kind->field(kv.key());
        if (!spec || !spec->sensitive || kv.value().is_null())
            continue;
        if (roleSeesInClear(role, *spec))
            clear = true;
        else
            kv.value() = maskFieldValue(*spec, kv.value());
    }
    return clear;
}

} // namespace ruhu
