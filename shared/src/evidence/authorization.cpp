#include <ruhu/domain/civil_date.h>
#include <ruhu/domain/rule_config.h>
#include <ruhu/evidence/authorization.h>
#include <ruhu/evidence/signer_policy.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/model/id_number.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <cctype>
#include <tuple>

namespace ruhu::evidence {

namespace {

const std::vector<std::string> kRoles{kRoleHead, kRoleMember, kRoleGuardian, kRoleProxy};
const std::vector<std::string> kMethods{kMethodHandwritten, kMethodFingerprint, kMethodProxyFingerprint};
const std::vector<std::string> kProxyRoles{"村干部", "村民小组长", "网格员", "近亲属"};

bool contains(const std::vector<std::string> &list, const std::string &value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

Error invalid(const std::string &field, const std::string &message) {
    return Error{"invalid_authorization", message, field};
}

bool isSha256Hex(const std::string &text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](unsigned char c) {
               return std::isdigit(c) || (c >= 'a' && c <= 'f');
           });
}

std::vector<const domain::Member *> coveredMembers(const domain::HouseholdDocument &document) {
    std::vector<const domain::Member *> members;
    for (const auto &member : document.members)
        if (member.status == domain::MemberStatus::Normal)
            members.push_back(&member);
    // Ties (a member added without a seq) by id: the tablet's and the server's record order differ.
    std::sort(members.begin(), members.end(),
              [](const auto *a, const auto *b) { return std::tie(a->seq, a->id) < std::tie(b->seq, b->id); });
    return members;
}

std::optional<domain::CivilDate> birthDateOf(const domain::Member &member) {
    if (auto date = domain::CivilDate::parse(member.birthDate))
        return date;
    if (auto info = parseIdNumber(member.idNo); info.ok())
        return domain::CivilDate::parse(info->birthDate);
    return std::nullopt;
}

std::optional<domain::CivilDate> dateOf(const std::string &isoTimestamp) {
    if (isoTimestamp.size() < 10)
        return std::nullopt;
    return domain::CivilDate::parse(std::string_view(isoTimestamp).substr(0, 10));
}

Status validateSigner(const Signer &signer, const domain::Member &member, const std::string &field,
                      const domain::CivilDate &signedOn) {
    if (!contains(kRoles, signer.role))
        return invalid(field + ".role", "签字人身份须为 户主、家庭成员、监护人 或 代填人");
    if (!contains(kMethods, signer.method))
        return invalid(field + ".method", "签字方式须为 手写签名、手印照片 或 代填+手印");
    if (signer.name.empty())
        return invalid(field + ".name", "请填写签字人姓名");
    if (signer.signedAt.empty() || !dateOf(signer.signedAt))
        return invalid(field + ".signedAt", "签字时间缺失或格式错误");
    if (isHandwritten(signer)) {
        if (!signer.strokes)
            return invalid(field + ".strokes", member.name + " 的手写签名为空，请签名");
        if (auto s = validateStrokes(*signer.strokes, field + ".strokes"); !s)
            return s.error();
    }
    if (isProxy(signer)) {
        if (!signer.proxy)
            return invalid(field + ".proxy", "代填须登记代填写人的姓名、身份和原因");
        if (signer.proxy->name.empty())
            return invalid(field + ".proxy.name", "请填写代填写人姓名");
        if (!contains(kProxyRoles, signer.proxy->role))
            return invalid(field + ".proxy.role", "代填写人身份须为 村干部、村民小组长、网格员 或 近亲属");
        if (signer.proxy->reason.empty())
            return invalid(field + ".proxy.reason", "请填写代填原因");
        if (!signer.proxy->readAloudConfirmed)
            return invalid(field + ".proxy.readAloudConfirmed", "代填写人须确认已向申请人宣读本授权书内容");
    }
    if (needsFingerprint(signer)) {
        if (!signer.fingerprintPhoto || signer.fingerprintPhoto->photoId.empty())
            return invalid(field + ".fingerprintPhoto", member.name + " 须按手印并拍照（手印照片）");
        if (!isSha256Hex(signer.fingerprintPhoto->sha256))
            return invalid(field + ".fingerprintPhoto.sha256", "手印照片的 SHA-256 格式错误");
    }
    auto birth = birthDateOf(member);
    if (!birth)
        return invalid(field + ".memberId", member.name + " 的出生日期未知，无法判断是否须监护人代签");
    if (needsGuardian(domain::ageOn(*birth, signedOn)) && !isGuardian(signer))
        return invalid(field + ".role", member.name + " 不满十四周岁，须由监护人代签");
    return okStatus();
}

Status validateSigners(const std::vector<Signer> &signers, const domain::HouseholdDocument &document,
                       const domain::CivilDate &signedOn) {
    if (signers.empty())
        return invalid("signers", "至少须有一名签字人");
    auto members = coveredMembers(document);
    std::vector<std::string> seen;
    for (std::size_t i = 0; i < signers.size(); ++i) {
        const auto &signer = signers[i];
        std::string field = "signers[" + std::to_string(i) + "]";
        auto found = std::find_if(members.begin(), members.end(),
                                  [&](const auto *m) { return m->id == signer.memberId; });
        if (found == members.end())
            return invalid(field + ".memberId", "签字人对应的成员不在本户家庭成员表中");
        if (contains(seen, signer.memberId))
            return invalid(field + ".memberId", (*found)->name + " 已签字，不能重复签字");
        seen.push_back(signer.memberId);
        if (auto s = validateSigner(signer, **found, field, signedOn); !s)
            return s.error();
    }
    return okStatus();
}

boost::json::value gpsToJson(const GpsFix &gps) {
    // 1e-7 degrees is about 1 cm; see roundForSigning for why doubles are rounded before hashing.
    return boost::json::object{{"lat", roundForSigning(gps.lat, 7)},
                               {"lng", roundForSigning(gps.lng, 7)},
                               {"accuracyM", roundForSigning(gps.accuracyM, 2)},
                               {"fixAt", gps.fixAt},
                               {"mock", gps.mock},
                               {"provider", gps.provider}};
}

boost::json::value proxyToJson(const std::optional<Proxy> &proxy) {
    if (!proxy)
        return nullptr;
    return boost::json::object{{"name", proxy->name},
                               {"role", proxy->role},
                               {"reason", proxy->reason},
                               {"readAloudConfirmed", proxy->readAloudConfirmed}};
}

boost::json::value photoToJson(const std::optional<PhotoRef> &photo) {
    if (!photo)
        return nullptr;
    return boost::json::object{{"photoId", photo->photoId}, {"sha256", photo->sha256}};
}

boost::json::value consentsToJson(const Consents &c) {
    return boost::json::object{
        {"queryAssets", c.queryAssets}, {"sensitivePI", c.sensitivePI}, {"photos", c.photos}};
}

} // namespace

boost::json::value coveredData(const domain::HouseholdDocument &document) {
    const auto &h = document.household;
    boost::json::array risks;
    for (const auto &risk : h.riskTypes)
        risks.emplace_back(risk);
    boost::json::array members;
    for (const auto *m : coveredMembers(document))
        members.push_back(boost::json::object{{"id", m->id},
                                              {"seq", m->seq},
                                              {"name", m->name},
                                              {"relationToHead", m->relationToHead},
                                              {"idNo", m->idNo},
                                              {"birthDate", m->birthDate}});
    return boost::json::object{{"household", boost::json::object{{"id", h.id},
                                                                 {"headMemberId", h.headMemberId},
                                                                 {"county", h.county},
                                                                 {"township", h.township},
                                                                 {"village", h.village},
                                                                 {"group", h.group},
                                                                 {"address", h.address},
                                                                 {"riskTypes", std::move(risks)}}},
                               {"members", std::move(members)}};
}

std::string coveredDataSha256(const domain::HouseholdDocument &document) {
    return domain::sha256Hex(toCanonicalJson(coveredData(document)));
}

std::string computeBindingHash(const Authorization &a) {
    boost::json::array signers;
    for (const auto &s : a.signers)
        signers.push_back(boost::json::object{{"memberId", s.memberId},
                                              {"role", s.role},
                                              {"name", s.name},
                                              {"method", s.method},
                                              {"strokesSha256", s.strokesSha256},
                                              {"fingerprintPhoto", photoToJson(s.fingerprintPhoto)},
                                              {"signedAt", s.signedAt},
                                              {"proxy", proxyToJson(s.proxy)}});
    boost::json::object binding{
        {"format", "ruhu-authorization-binding-v1"},
        {"authorizationId", a.id},
        {"householdId", a.householdId},
        {"template", boost::json::object{{"id", a.templateRef.id},
                                         {"version", a.templateRef.version},
                                         {"sha256", a.templateRef.sha256}}},
        {"textSha256", a.textSha256},
        {"consents", consentsToJson(a.consents)},
        {"coveredDataSha256", a.coveredDataSha256},
        {"signers", std::move(signers)},
        {"gps", gpsToJson(a.gps)},
        {"signedAt", a.signedAt},
    };
    return domain::sha256Hex(toCanonicalJson(binding));
}

std::string bindingMessage(const std::string &bindingHash) {
    return "ruhu-authorization-v1\n" + bindingHash;
}

Result<Authorization> createAuthorization(const AuthorizationInput &input,
                                          const domain::HouseholdDocument &document,
                                          const DeviceSigningKey &key) {
    if (!input.consentTemplate)
        return invalid("template", "缺少授权书模板");
    if (input.id.empty())
        return invalid("id", "缺少授权书编号");
    if (!input.consents.queryAssets)
        return invalid("consents.queryAssets", "须勾选同意授权查询家庭资产信息");
    if (!input.consents.sensitivePI)
        return invalid("consents.sensitivePI", "须单独勾选同意处理敏感个人信息");
    auto signedOn = dateOf(input.signedAt);
    if (!signedOn)
        return invalid("signedAt", "签署时间缺失或格式错误");

    auto members = coveredMembers(document);
    Authorization a;
    a.id = input.id;
    a.householdId = document.household.id;
    a.kind = input.consentTemplate->kind;
    a.templateRef = {input.consentTemplate->id, input.consentTemplate->version,
                     input.consentTemplate->sha256};
    a.consents = input.consents;
    a.gps = input.gps;
    a.signedAt = input.signedAt;
    if (auto s = validateSigners(input.signers, document, *signedOn); !s)
        return s.error();
    for (Signer signer : input.signers) {
        auto found = std::find_if(members.begin(), members.end(),
                                  [&](const auto *m) { return m->id == signer.memberId; });
        signer.idNoMasked = maskIdNumber((*found)->idNo);
        signer.strokesSha256 = signer.strokes ? strokesSha256(*signer.strokes) : std::string();
        a.signers.push_back(std::move(signer));
    }

    auto rendered = renderConsent(*input.consentTemplate, document);
    if (!rendered.ok())
        return rendered.error();
    a.renderedText = rendered->text;
    a.textSha256 = rendered->textSha256;
    a.coveredDataSha256 = coveredDataSha256(document);
    a.bindingHash = computeBindingHash(a);
    auto signature = key.sign(bindingMessage(a.bindingHash));
    if (!signature.ok())
        return signature.error();
    a.deviceSignature = *signature;
    a.devicePublicKey = key.publicKeyBase64();
    a.status = "signed";
    return a;
}

Status verifyAuthorization(const Authorization &a, const domain::HouseholdDocument &current,
                           std::string_view devicePublicKeyBase64) {
    if (domain::sha256Hex(a.renderedText) != a.textSha256)
        return Error{"text_tampered", "授权书文本与签署时不一致，可能被篡改", "renderedText"};
    for (std::size_t i = 0; i < a.signers.size(); ++i) {
        const auto &s = a.signers[i];
        std::string actual = s.strokes ? strokesSha256(*s.strokes) : std::string();
        if (actual != s.strokesSha256)
            return Error{"strokes_tampered", "签名笔迹与签署时不一致，可能被篡改",
                         "signers[" + std::to_string(i) + "].strokes"};
    }
    if (computeBindingHash(a) != a.bindingHash)
        return Error{"signature_invalid", "授权书签署内容与绑定哈希不一致，可能被篡改", "bindingHash"};
    if (auto s = verifyEd25519(devicePublicKeyBase64, bindingMessage(a.bindingHash), a.deviceSignature); !s)
        return s.error();
    if (a.householdId != current.household.id)
        return Error{"household_mismatch", "授权书不属于本户", "householdId"};
    if (coveredDataSha256(current) != a.coveredDataSha256)
        return Error{"stale", "已修改授权书所涉信息，请重新签字", "coveredDataSha256"};
    // The signer rules are checked again here (decision 1: the server re-evaluates what the tablet did).
    auto signedOn = dateOf(a.signedAt);
    if (!signedOn)
        return invalid("signedAt", "签署时间缺失或格式错误");
    if (auto s = validateSigners(a.signers, current, *signedOn); !s)
        return s.error();
    if (a.status != "signed")
        return Error{"not_in_force", a.status == "withdrawn" ? "授权书已撤回" : "授权书已被新版本取代",
                     "status"};
    return okStatus();
}

boost::json::value authorizationToJson(const Authorization &a) {
    boost::json::array signers;
    for (const auto &s : a.signers) {
        boost::json::object signer{{"memberId", s.memberId},
                                   {"role", s.role},
                                   {"name", s.name},
                                   {"idNoMasked", s.idNoMasked},
                                   {"method", s.method},
                                   {"strokesSha256", s.strokesSha256},
                                   {"fingerprintPhoto", photoToJson(s.fingerprintPhoto)},
                                   {"proxy", proxyToJson(s.proxy)},
                                   {"signedAt", s.signedAt}};
        signer["strokes"] = s.strokes ? strokesToJson(*s.strokes) : boost::json::value(nullptr);
        signers.push_back(std::move(signer));
    }
    return boost::json::object{
        {"id", a.id},
        {"householdId", a.householdId},
        {"kind", a.kind},
        {"template", boost::json::object{{"id", a.templateRef.id},
                                         {"version", a.templateRef.version},
                                         {"sha256", a.templateRef.sha256}}},
        {"renderedText", a.renderedText},
        {"textSha256", a.textSha256},
        {"consents", consentsToJson(a.consents)},
        {"signers", std::move(signers)},
        {"gps", gpsToJson(a.gps)},
        {"signedAt", a.signedAt},
        {"coveredDataSha256", a.coveredDataSha256},
        {"bindingHash", a.bindingHash},
        {"deviceSignature", a.deviceSignature},
        {"devicePublicKey", a.devicePublicKey},
        {"status", a.status},
    };
}

} // namespace ruhu::evidence
