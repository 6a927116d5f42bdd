#pragma once

#include <ruhu/model/field_spec.h>
#include <ruhu/result.h>

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace ruhu {

// One kind of synced record (household, member, ...) and the fields it declares.
struct RecordKind {
    std::string name;  // "household", "member"
    std::string label; // "户", "家庭成员"
    std::vector<FieldSpec> fields;

    const FieldSpec *field(std::string_view fieldName) const;
};

// The registry of every record kind. The data model lives here and only here.
const std::vector<RecordKind> &recordKinds();
const RecordKind *findRecordKind(std::string_view name);

// The names of the kind's fields declared sensitive (PIPL art. 28), in declaration order.
std::vector<std::string> sensitiveFieldNames(const RecordKind &kind);

// Checks a set of field values against the kind's declarations: unknown fields, wrong types, bad enum
// values, invalid 身份证号 and bad dates are errors naming the field (in Chinese).
Status validateFields(const RecordKind &kind, const boost::json::object &fields);

// Checks that required fields are present in a complete record.
Status validateRequired(const RecordKind &kind, const boost::json::object &fields);

// Checks a YYYY-MM-DD calendar date.
bool isValidDate(std::string_view date);

} // namespace ruhu
