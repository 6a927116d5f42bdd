#pragma once

#include <ruhu/evidence/authorization.h>

#include <string>

// Who signs a 授权承诺书 and how (docs/authorization.md): the one policy the tablet's signing page and the
// core's validation (validateSigners) both apply. Role and method values are the stored labels.
namespace ruhu::evidence {

inline constexpr int kGuardianAge = 14; // PIPL art. 28/31: under 14 the guardian signs
inline constexpr int kAdultAge = 18;    // from 18 every covered member signs; younger ones may

inline constexpr const char *kRoleHead = "户主";
inline constexpr const char *kRoleMember = "家庭成员";
inline constexpr const char *kRoleGuardian = "监护人";
inline constexpr const char *kRoleProxy = "代填人";
inline constexpr const char *kMethodHandwritten = "手写签名";
inline constexpr const char *kMethodFingerprint = "手印照片";
inline constexpr const char *kMethodProxyFingerprint = "代填+手印";

// The member is the household's head: named as headMemberId, or 与户主关系 = 户主.
bool isHeadOfHousehold(const std::string &memberId, const std::string &relationToHead,
                       const std::string &headMemberId);

// The member's line must be signed (the head, and every adult); age < 0 = unknown.
bool mustSign(bool head, int age);

// A member under 14 (known age) is signed for by a guardian.
bool needsGuardian(int age);

// The signer a member's line starts with: 户主 / 家庭成员 / 监护人 (for a minor), handwritten.
Signer defaultSigner(const std::string &memberId, const std::string &name, bool head, bool minor);

bool isHandwritten(const Signer &signer);
bool isProxy(const Signer &signer);          // 代填+手印, or signed by a 代填人
bool isGuardian(const Signer &signer);       // role 监护人
bool needsFingerprint(const Signer &signer); // every method but handwriting, and every proxy

} // namespace ruhu::evidence
