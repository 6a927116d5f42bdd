#include "authorization_push.h"

#include "../evidence/authorization_check.h"
#include "server_mutation.h"

#include <ruhu/evidence/authorization_records.h>

namespace ruhu::server {
namespace {

Error refuse(const std::string &code, const std::string &message, const std::string &field = {}) {
    return Error{code, message, field};
}

} // namespace

Result<std::optional<AuthorizationAdmission>> admitAuthorization(CentralStore::WriteTransaction &tx,
                                                                 const Mutation &m,
                                                                 const std::optional<Record> &current,
                                                                 int64_t nowMs) {
    AuthorizationAdmission admission;
    if (m.deleteRecord) {
        admission.rejection =
            refuse("authorization_immutable",
                   "已签署的授权书不能删除；如需撤回，请让农户签署撤回授权书（新的授权书记录）。");
        return std::optional(std::move(admission));
    }
    if (current)
        return std::optional<AuthorizationAdmission>();

    auto document = authorizationDocument(m.fields);
    if (!document) {
        admission.rejection = refuse(document.error().code, document.error().message + "。请重新签署。",
                                     document.error().field);
        return std::optional(std::move(admission));
    }
    const evidence::Authorization &a = *document;
    if (a.id != m.recordId || a.householdId != m.householdId) {
        admission.rejection = refuse("invalid_authorization",
                                     "授权书编号或所属户与同步记录不一致，请重新签署。", "document.id");
        return std::optional(std::move(admission));
    }
    if (const auto *household = m.fields.if_contains("householdId");
        household && (!household->is_string() || household->get_string() != m.householdId)) {
        admission.rejection =
            refuse("invalid_authorization", "授权书所属户与同步记录不一致，请重新签署。", "householdId");
        return std::optional(std::move(admission));
    }
    if (const auto *supersedes = m.fields.if_contains("supersedes"); supersedes && supersedes->is_string())
        admission.supersedes = supersedes->get_string();
    admission.status = a.status;
    if (a.status != "signed" && !(a.status == "withdrawn" && !admission.supersedes.empty())) {
        admission.rejection =
            refuse("invalid_authorization", "新的授权书状态应为“已签署”；撤回书须注明撤回的是哪份授权书。",
                   "document.status");
        return std::optional(std::move(admission));
    }
    if (!admission.supersedes.empty()) {
        auto old = tx.findRecord("authorization", admission.supersedes);
        if (!old)
            return old.error();
        if (!*old || (*old)->deleted || (*old)->householdId != m.householdId) {
            admission.rejection =
                refuse("supersedes_unknown",
                       "要替代或撤回的授权书在服务器上不存在或不属于本户，请先同步后重试。", "supersedes");
            return std::optional(std::move(admission));
        }
    }

    auto key = tx.findDeviceKey(m.deviceId);
    if (!key)
        return key.error();
    if (!*key) {
        admission.rejection =
            refuse("device_key_unregistered",
                   "本平板的签名密钥尚未在服务器登记，授权书无法验证。请联网重新登录以登记本平板，"
                   "然后再同步；仍不行请联系县级管理员。",
                   "deviceId");
        return std::optional(std::move(admission));
    }
    auto records = tx.householdRecords(m.householdId);
    if (!records)
        return records.error();
    const auto verdict =
        judgeAuthorization(a, evidence::householdFromRecords(m.householdId, *records), (*key)->publicKey);
    // A new letter must match the household as the server has it: a stale one (covered data changed
    // since signing) is not consent to the data now held, and must never replace a letter in force.
    if (verdict.result != "verified") {
        admission.rejection = refuse(verdict.result, verdict.message, verdict.field);
        return std::optional(std::move(admission));
    }
    admission.receipt = makeReceipt(a, verdict, **key, m.id, nowMs);
    return std::optional(std::move(admission));
}

Status recordAuthorizationReceipt(CentralStore::WriteTransaction &tx, Record &record,
                                  const AuthorizationAdmission &admission, const std::string &user,
                                  int64_t nowMs) {
    const boost::json::object why{{"cause", admission.receipt.at("mutationId")}, {"receipt", true}};
    if (auto st = writeServerField(tx, record, "receipt", admission.receipt, why, user, nowMs); !st)
        return st;
    if (admission.supersedes.empty())
        return okStatus();
    auto old = tx.findRecord("authorization", admission.supersedes);
    if (!old)
        return old.error();
    if (!*old)
        return okStatus();
    boost::json::object receipt;
    if (const auto *existing = (*old)->fields.if_contains("receipt"); existing && existing->is_object())
        receipt = existing->get_object();
    receipt["status"] = admission.status == "withdrawn" ? "withdrawn" : "superseded";
    receipt["supersededBy"] = record.id;
    receipt["supersededAt"] = beijingTime(nowMs);
    return writeServerField(tx, **old, "receipt", receipt, boost::json::object{{"supersededBy", record.id}},
                            user, nowMs);
}

} // namespace ruhu::server
