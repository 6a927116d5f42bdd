#include "masking.h"

#include "review_queue.h"

#include <ruhu/model/field_masking.h>
#include <ruhu/model/schema.h>

namespace ruhu::server {
namespace {

bool isSensitiveValue(const FieldSpec *spec, const boost::json::value &value) {
    return spec && spec->sensitive && !value.is_null();
}

} // namespace

bool seesInClear(const std::string &role, const FieldSpec &spec) {
    return roleSeesInClear(role, spec);
}

bool seesReviewsInClear(const std::string &role) {
    return role == "village" || role == "township" || role == "county";
}

bool maskRecordForRole(Record &record, const std::string &role) {
    return maskFieldsForRole(record.kind, record.fields, role);
}

boost::json::object reviewForRole(const ReviewEntry &review, const std::string &role, bool &clear) {
    boost::json::object json = reviewToJson(review);
    const RecordKind *kind = findRecordKind(review.kind);
    const FieldSpec *spec = kind ? kind->field(review.field) : nullptr;
    clear = false;
    if (!spec || !spec->sensitive)
        return json;
    if (seesReviewsInClear(role)) {
        clear =
            !review.serverValue.is_null() || !review.incomingValue.is_null() || !review.baseValue.is_null();
        return json;
    }
    for (const char *key : {"baseValue", "serverValue", "incomingValue"})
        json[key] = maskFieldValue(*spec, json[key]);
    json["resolution"] = nullptr; // may repeat a chosen value
    return json;
}

Status checkNoMaskedWrites(const std::vector<Mutation> &mutations, const std::string &role) {
    for (size_t i = 0; i < mutations.size(); ++i) {
        const RecordKind *kind = findRecordKind(mutations[i].kind);
        if (!kind)
            continue;
        for (const auto &kv : mutations[i].fields) {
            const FieldSpec *spec = kind->field(kv.key());
            if (!isSensitiveValue(spec, kv.value()))
                continue;
            const std::string field = "mutations[" + std::to_string(i) + "].fields." + std::string(kv.key());
            if (!seesInClear(role, *spec))
                return Error{"masked_field_readonly",
                             "您的账号只能看到遮蔽后的“" + spec->label + "”，不能修改该项，本批变更均未保存",
                             field};
            if (looksMasked(*spec, kv.value()))
                return Error{"masked_value",
                             "“" + spec->label +
                                 "”是遮蔽后的值（含 *），不能作为真实值保存，请重新填写，本批变更均未保存",
                             field};
        }
    }
    return okStatus();
}

} // namespace ruhu::server
