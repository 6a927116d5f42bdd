#include "../evidence/authorization_check.h"
#include "../evidence/authorization_pdf.h"
#include "audit.h"
#include "auth.h"
#include "handlers.h"
#include "media_access.h"
#include "query.h"
#include "replies.h"
#include "scope.h"

#include <ruhu/evidence/authorization_records.h>
#include <ruhu/evidence/authorization_standing.h>

#include <map>

namespace ruhu::server {
namespace {

// An authorization as it stands now: its signed document, the server's receipt, a fresh verification
// against the household's current data, and whether a later record superseded or withdrew it.
struct LiveAuthorization {
    Record record;
    evidence::Authorization document;
    boost::json::object receipt;
    AuthorizationVerdict verdict;
    std::string status; // signed | superseded | withdrawn (the document's own status for a withdrawal)
    std::string supersededBy;
};

std::string textAt(const boost::json::object &object, const char *key) {
    const auto *value = object.if_contains(key);
    return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

Result<LiveAuthorization> liveAuthorization(const ApiContext &context, const UserAccount &user,
                                            const std::string &id) {
    auto found = context.store.findRecord("authorization", id);
    if (!found)
        return found.error();
    if (!*found || (*found)->deleted)
        return Error{"not_found", "授权书不存在", "id"};
    if (!inScope((*found)->regionCode, user.scope))
        return Error{"forbidden_area", "该授权书（" + (*found)->regionCode + "）不在您的工作范围内", "id"};
    LiveAuthorization live;
    live.record = std::move(**found);
    auto document = authorizationDocument(live.record.fields);
    if (!document)
        return document.error();
    live.document = std::move(*document);
    live.status = live.document.status;
    if (const auto *receipt = live.record.fields.if_contains("receipt"); receipt && receipt->is_object())
        live.receipt = receipt->get_object();

    // The store reads a household's records only inside a transaction; this one is dropped unwritten.
    std::vector<Record> records;
    {
        auto tx = context.store.beginWrite();
        if (!tx)
            return tx.error();
        auto list = (*tx)->householdRecords(live.record.householdId);
        if (!list)
            return list.error();
        records = std::move(*list);
    }
    const auto standing = evidence::authorizationStanding(live.record, records);
    live.status = standing.status;
    live.supersededBy = standing.supersededBy;
    const std::string publicKey = textAt(live.receipt, "devicePublicKey");
    if (publicKey.empty())
        live.verdict = {"unverified", "服务器没有该授权书的验证回执", "receipt"};
    else
        live.verdict = judgeAuthorization(
            live.document, evidence::householdFromRecords(live.record.householdId, records), publicKey);
    return live;
}

std::string statusText(const LiveAuthorization &live) {
    std::string text = live.verdict.result == "verified" ? "验证通过"
                       : live.verdict.result == "stale" ? "已过期：签署后授权书所涉信息已修改，需重新签署"
                                                        : "验证未通过：" + live.verdict.message;
    if (live.status == "superseded")
        text += "；已被授权书 " + live.supersededBy + " 取代";
    else if (live.status == "withdrawn")
        text += live.document.status == "withdrawn" ? "；本文书为撤回书"
                                                    : "；已由 " + live.supersededBy + " 撤回";
    else if (live.verdict.result == "verified")
        text += "，现行有效";
    return text;
}

boost::json::object verifyBody(const LiveAuthorization &live, int64_t nowMs) {
    const auto &a = live.document;
    boost::json::object body{{"id", live.record.id},
                             {"householdId", live.record.householdId},
                             {"result", live.verdict.result},
                             {"status", live.status},
                             {"inForce", live.verdict.result == "verified" && live.status == "signed"},
                             {"statusText", statusText(live)},
                             {"verificationCode", evidence::verificationCode(a.bindingHash)},
                             {"bindingHash", a.bindingHash},
                             {"keyFingerprint", textAt(live.receipt, "keyFingerprint")},
                             {"signedAt", a.signedAt},
                             {"checkedAt", beijingTime(nowMs)},
                             {"receipt", live.receipt}};
    if (!live.verdict.message.empty())
        body["message"] = live.verdict.message;
    if (!live.supersededBy.empty())
        body["supersededBy"] = live.supersededBy;
    return body;
}

// The letter's 手印 photos that the media store holds (the user may see them: the letter references them
// and is in the user's area). A missing or oversized photo is left out; the PDF names it by its hash.
std::map<std::string, std::string> heldPhotos(const ApiContext &context, const LiveAuthorization &live) {
    const evidence::Authorization &a = live.document;
    constexpr int64_t kMaxPhotoBytes = 8 * 1024 * 1024;
    std::map<std::string, std::string> photos;
    if (!context.media)
        return photos;
    for (const auto &signer : a.signers) {
        if (!signer.fingerprintPhoto || photos.contains(signer.fingerprintPhoto->sha256))
            continue;
        // Only a photo this letter's reference is trusted for (media_access.h), never one a forged letter
        // names from another village.
        auto trusted = recordReferenceTrusted(context.store, "authorization", live.record.id,
                                              signer.fingerprintPhoto->sha256);
        if (!trusted || !*trusted)
            continue;
        auto reader = context.media->openBlob(signer.fingerprintPhoto->sha256);
        if (!reader || !*reader || (*reader)->size() > kMaxPhotoBytes)
            continue;
        std::string bytes(static_cast<size_t>((*reader)->size()), '\0');
        int64_t done = 0;
        while (done < int64_t(bytes.size())) {
            const int64_t n = (*reader)->readAt(done, bytes.data() + done, bytes.size() - size_t(done));
            if (n <= 0)
                break;
            done += n;
        }
        if (done == int64_t(bytes.size()))
            photos[signer.fingerprintPhoto->sha256] = std::move(bytes);
    }
    return photos;
}

ApiReply answer(const Request &request, const ApiContext &context, const UserAccount &user) {
    constexpr std::string_view kPrefix = "/api/v1/authorizations/";
    const std::string_view path = pathOf(std::string_view(request.target().data(), request.target().size()));
    const std::string_view rest = path.substr(kPrefix.size());
    const size_t slash = rest.find('/');
    const std::string id(rest.substr(0, slash));
    const std::string_view action = slash == std::string_view::npos ? "" : rest.substr(slash + 1);
    if (id.empty() || (action != "verify" && action != "pdf"))
        return errorReply(http::status::not_found, "not_found", "请求的地址不存在");

    auto live = liveAuthorization(context, user, id);
    if (!live)
        return errorReply(live.error());
    const int64_t now = context.clock.nowMs();
    const AuditHouseholds household{{live->record.householdId, live->record.regionCode}};
    if (action == "verify") {
        if (auto st = auditRead(request, context, user, "verify", id, live->verdict.result, household); !st)
            return errorReply(st.error());
        return jsonReply(verifyBody(*live, now));
    }

    LetterStatus status{evidence::verificationCode(live->document.bindingHash),
                        textAt(live->receipt, "keyFingerprint"),
                        textAt(live->receipt, "verifiedAt"),
                        statusText(*live),
                        beijingTime(now),
                        heldPhotos(context, *live)};
    auto pdf = renderAuthorizationPdf(live->document, status);
    if (!pdf)
        return errorReply(pdf.error());
    if (auto st = auditRead(request, context, user, "pdf", id, "ok", household); !st)
        return errorReply(st.error());
    ApiReply reply;
    reply.contentType = "application/pdf";
    reply.rawBody = std::move(*pdf);
    return reply;
}

} // namespace

// GET /api/v1/authorizations/{id}/verify: the signed document checked again against the household's
// current data (stale after a later edit of covered data), with the receipt and supersession status.
// GET /api/v1/authorizations/{id}/pdf: the printable letter (application/pdf). Area-scoped like history.
ApiReply handleAuthorization(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    ApiReply reply = answer(request, context, *user);
    reply.user = user->username;
    return reply;
}

} // namespace ruhu::server
