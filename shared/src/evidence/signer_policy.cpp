#include <ruhu/domain/record_facts.h>
#include <ruhu/evidence/signer_policy.h>

namespace ruhu::evidence {

bool isHeadOfHousehold(const std::string &memberId, const std::string &relationToHead,
                       const std::string &headMemberId) {
    return (!headMemberId.empty() && memberId == headMemberId) || domain::isHeadRelation(relationToHead);
}

bool mustSign(bool head, int age) {
    return head || age >= kAdultAge;
}

bool needsGuardian(int age) {
    return age >= 0 && age < kGuardianAge;
}

Signer defaultSigner(const std::string &memberId, const std::string &name, bool head, bool minor) {
    Signer signer;
    signer.memberId = memberId;
    signer.role = head ? kRoleHead : minor ? kRoleGuardian : kRoleMember;
    signer.name = minor && !head ? std::string() : name; // a guardian writes their own name
    signer.method = kMethodHandwritten;
    return signer;
}

bool isHandwritten(const Signer &signer) {
    return signer.method == kMethodHandwritten;
}

bool isProxy(const Signer &signer) {
    return signer.method == kMethodProxyFingerprint || signer.role == kRoleProxy;
}

bool isGuardian(const Signer &signer) {
    return signer.role == kRoleGuardian;
}

bool needsFingerprint(const Signer &signer) {
    return !isHandwritten(signer) || isProxy(signer);
}

} // namespace ruhu::evidence
