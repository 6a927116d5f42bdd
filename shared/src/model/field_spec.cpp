#include <ruhu/model/field_spec.h>

namespace ruhu {

const char *mergePolicyName(MergePolicy policy) {
    switch (policy) {
    case MergePolicy::LastWriterWins:
        return "lww";
    case MergePolicy::ReviewRequired:
        return "review";
    case MergePolicy::ServerComputed:
        return "server";
    case MergePolicy::Immutable:
        return "immutable";
    case MergePolicy::SetUnion:
        return "set-union";
    }
    return "?";
}

const char *fieldTypeName(FieldType type) {
    switch (type) {
    case FieldType::Text:
        return "text";
    case FieldType::Integer:
        return "integer";
    case FieldType::Boolean:
        return "boolean";
    case FieldType::Date:
        return "date";
    case FieldType::IdNumber:
        return "idNumber";
    case FieldType::Enum:
        return "enum";
    case FieldType::Json:
        return "json";
    }
    return "?";
}

} // namespace ruhu
