#include "media_references.h"

#include "../storage/media_blob_store.h"

#include <boost/json/parse.hpp>

#include <algorithm>

namespace ruhu::server {
namespace {

void addSha(std::vector<std::string> &out, const boost::json::value *value) {
    if (!value || !value->is_string())
        return;
    std::string sha(value->get_string());
    if (MediaBlobStore::isSha256(sha) && std::find(out.begin(), out.end(), sha) == out.end())
        out.push_back(std::move(sha));
}

// {"sha256": "..."} under key in object.
void addRefObject(std::vector<std::string> &out, const boost::json::object &object, std::string_view key) {
    if (auto *ref = object.if_contains(key); ref && ref->is_object())
        addSha(out, ref->get_object().if_contains("sha256"));
}

void addAuthorizationRefs(std::vector<std::string> &out, const boost::json::value *document) {
    if (!document)
        return;
    boost::json::value parsed;
    if (document->is_string()) {
        boost::system::error_code ec;
        parsed = boost::json::parse(document->get_string(), ec);
        if (ec)
            return;
        document = &parsed;
    }
    if (!document->is_object())
        return;
    auto *signers = document->get_object().if_contains("signers");
    if (!signers || !signers->is_array())
        return;
    for (const auto &signer : signers->get_array()) {
        if (!signer.is_object())
            continue;
        addRefObject(out, signer.get_object(), "fingerprintPhoto");
        addRefObject(out, signer.get_object(), "signatureImage");
    }
}

} // namespace

std::vector<std::string> mediaReferences(std::string_view kind, const boost::json::object &fields) {
    std::vector<std::string> shas;
    if (kind == "photo")
        addSha(shas, fields.if_contains("sha256"));
    else if (kind == "authorization")
        addAuthorizationRefs(shas, fields.if_contains("document"));
    return shas;
}

} // namespace ruhu::server
