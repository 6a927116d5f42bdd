#include "authorization_check.h"

#include <ruhu/domain/beijing_time.h>
#include <ruhu/evidence/authorization_records.h>

#include <ctime>

namespace ruhu::server {
namespace {

constexpr const char *kSignAgain = "本授权书未保存，请重新请农户签署。";

// The cadre-facing message for a verification failure: what happened and what to do.
std::string messageFor(const Error &error) {
    if (error.code == "text_tampered")
        return std::string("授权书文本与签署时不一致，可能被篡改。") + kSignAgain;
    if (error.code == "strokes_tampered")
        return std::string("签名笔迹与签署时不一致，可能被篡改。") + kSignAgain;
    if (error.code == "signature_invalid")
        return std::string("授权书的设备签名验证未通过（签署后内容被改动，或不是用本平板登记的密钥签署）。") +
               kSignAgain;
    if (error.code == "household_mismatch")
        return std::string("授权书与所属户不一致。") + kSignAgain;
    if (error.code == "stale")
        return "签署后户主、成员或地址等授权书所涉信息已修改，请重新请农户签署授权书。";
    if (error.code == "invalid_authorization")
        return error.message + "。请更正后重新签署。";
    return error.message;
}

} // namespace

Result<evidence::Authorization> authorizationDocument(const boost::json::object &fields) {
    const auto *document = fields.if_contains("document");
    if (!document || !document->is_object())
        return Error{"invalid_authorization", "授权书缺少签署内容（document）", "document"};
    auto parsed = evidence::authorizationFromJson(*document);
    if (!parsed)
        return Error{"invalid_authorization", "授权书签署内容格式错误：" + parsed.error().message,
                     "document." + parsed.error().field};
    return parsed;
}

AuthorizationVerdict judgeAuthorization(const evidence::Authorization &a,
                                        const std::optional<domain::HouseholdDocument> &current,
                                        const std::string &devicePublicKey) {
    if (!current)
        return {"household_missing", "本户信息尚未同步到服务器，请先同步本户信息后再同步授权书。",
                "householdId"};
    auto status = evidence::verifyAuthorization(a, *current, devicePublicKey);
    if (status)
        return {"verified", "", ""};
    const Error &e = status.error();
    if (e.code == "stale")
        return {"stale", messageFor(e), e.field};
    if (e.code == "not_in_force" && a.status == "withdrawn")
        return {"verified", "", ""};
    return {e.code, messageFor(e), e.field};
}

boost::json::object makeReceipt(const evidence::Authorization &a, const AuthorizationVerdict &v,
                                const DeviceKeyRow &key, const std::string &mutationId, int64_t nowMs) {
    boost::json::object receipt{{"format", "ruhu-receipt-v1"},
                                {"result", v.result},
                                {"verified", v.result == "verified"},
                                {"verifiedAt", beijingTime(nowMs)},
                                {"verifiedAtMs", nowMs},
                                {"bindingHash", a.bindingHash},
                                {"verificationCode", evidence::verificationCode(a.bindingHash)},
                                {"deviceId", key.deviceId},
                                {"keyFingerprint", key.fingerprint},
                                {"devicePublicKey", key.publicKey},
                                {"mutationId", mutationId},
                                {"status", a.status}};
    if (!v.message.empty())
        receipt["message"] = v.message;
    return receipt;
}

std::string beijingTime(int64_t ms) {
    return domain::beijingTime(ms);
}

} // namespace ruhu::server
