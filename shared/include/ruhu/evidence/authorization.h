#pragma once

#include <ruhu/domain/household_document.h>
#include <ruhu/evidence/consent_template.h>
#include <ruhu/evidence/device_signing_key.h>
#include <ruhu/evidence/strokes.h>
#include <ruhu/result.h>

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ruhu::evidence {

struct TemplateRef {
    std::string id;
    int version = 0;
    std::string sha256;
};

// Separate ticks (PIPL art. 29). queryAssets and sensitivePI are required to sign; photos is optional.
struct Consents {
    bool queryAssets = false;
    bool sensitivePI = false;
    bool photos = false;
};

// A reference to a content-addressed photo (the 手印 on paper or on the screen).
struct PhotoRef {
    std::string photoId;
    std::string sha256; // 64 lowercase hex
};

// 代填 (W2 安徽): someone fills in for an illiterate applicant, reads the text aloud, and the applicant
// presses a fingerprint (手印).
struct Proxy {
    std::string name;
    std::string role; // 村干部|村民小组长|网格员|近亲属
    std::string reason;
    bool readAloudConfirmed = false;
};

struct GpsFix {
    double lat = 0;
    double lng = 0;
    double accuracyM = 0;
    std::string fixAt;    // ISO-8601 with +08:00
    std::string provider; // gps|network
    bool mock = false;
};

// One signature on the letter, for one covered member.
struct Signer {
    std::string memberId;   // the member this signature is for
    std::string role;       // 户主|家庭成员|监护人|代填人
    std::string name;       // who actually signed (the guardian's name for 监护人)
    std::string idNoMasked; // of the member, filled in by createAuthorization
    std::string method;     // 手写签名|手印照片|代填+手印
    std::optional<SignatureStrokes> strokes;
    std::string strokesSha256; // "" when there are no strokes
    std::optional<PhotoRef> fingerprintPhoto;
    std::optional<Proxy> proxy;
    std::string signedAt; // ISO-8601 with offset
};

// 授权承诺书 (monitoring-domain.md §12). Immutable once signed: a change is a new authorization that
// supersedes this one.
struct Authorization {
    std::string id;
    std::string householdId;
    std::string kind;
    TemplateRef templateRef;
    std::string renderedText;
    std::string textSha256;
    Consents consents;
    std::vector<Signer> signers;
    GpsFix gps;
    std::string signedAt;
    std::string coveredDataSha256;
    std::string bindingHash;
    std::string deviceSignature;   // base64 Ed25519 over bindingMessage(bindingHash)
    std::string devicePublicKey;   // base64 raw Ed25519 public key
    std::string status = "signed"; // signed|withdrawn|superseded
};

// What the signing page hands over.
struct AuthorizationInput {
    std::string id;
    const ConsentTemplate *consentTemplate = nullptr;
    Consents consents;
    std::vector<Signer> signers; // idNoMasked and strokesSha256 are computed
    GpsFix gps;
    std::string signedAt;
};

// The household data the letter names, as canonical JSON input: household id, head, address parts,
// risk types; for each member with status 正常 (by seq): id, seq, name, relation, 身份证号, birth date.
boost::json::value coveredData(const domain::HouseholdDocument &document);
std::string coveredDataSha256(const domain::HouseholdDocument &document);

// SHA-256 over the canonical JSON of the binding (see docs/authorization.md), and the exact bytes the
// device key signs ("ruhu-authorization-v1\n" + bindingHash).
std::string computeBindingHash(const Authorization &authorization);
std::string bindingMessage(const std::string &bindingHash);

// Validates consents and signers (proxy needs name, role, reason, read-aloud and a 手印 photo; a member
// under 14 at signedAt must be signed for by a 监护人), renders the text, hashes and signs.
Result<Authorization> createAuthorization(const AuthorizationInput &input,
                                          const domain::HouseholdDocument &document,
                                          const DeviceSigningKey &key);

// Ok, or an Error coded text_tampered, strokes_tampered, signature_invalid, stale or not_in_force.
Status verifyAuthorization(const Authorization &authorization, const domain::HouseholdDocument &current,
                           std::string_view devicePublicKeyBase64);

boost::json::value authorizationToJson(const Authorization &authorization);
// Reads the JSON authorizationToJson writes (what the server receives); shape errors name the field.
Result<Authorization> authorizationFromJson(const boost::json::value &value);

} // namespace ruhu::evidence
