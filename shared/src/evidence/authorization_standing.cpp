#include <ruhu/evidence/authorization_standing.h>

namespace ruhu::evidence {
namespace {

std::string supersedesOf(const Record &record) {
    const auto *value = record.fields.if_contains("supersedes");
    return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

std::optional<Authorization> documentOf(const Record &record) {
    const auto *document = record.fields.if_contains("document");
    if (!document)
        return std::nullopt;
    auto parsed = authorizationFromJson(*document);
    if (!parsed)
        return std::nullopt;
    return std::move(*parsed);
}

} // namespace

AuthorizationStanding authorizationStanding(const Record &authorization, const std::vector<Record> &records) {
    AuthorizationStanding standing{"signed", {}};
    if (auto own = documentOf(authorization))
        standing.status = own->status;
    for (const Record &r : records) {
        if (r.kind != "authorization" || r.deleted || r.id == authorization.id ||
            supersedesOf(r) != authorization.id)
            continue;
        standing.supersededBy = r.id;
        auto later = documentOf(r);
        standing.status = later && later->status == "withdrawn" ? "withdrawn" : "superseded";
    }
    return standing;
}

std::optional<AuthorizationInForce> authorizationInForce(const std::vector<Record> &records) {
    std::optional<AuthorizationInForce> newest;
    for (const Record &record : records) {
        if (record.kind != "authorization" || record.deleted)
            continue;
        if (authorizationStanding(record, records).status != "signed")
            continue;
        auto document = documentOf(record);
        if (!document || document->status != "signed")
            continue;
        if (!newest || document->signedAt > newest->document.signedAt)
            newest = AuthorizationInForce{record, std::move(*document)};
    }
    return newest;
}

} // namespace ruhu::evidence
