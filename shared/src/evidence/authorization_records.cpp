#include <ruhu/domain/rule_config.h>
#include <ruhu/evidence/authorization_records.h>
#include <ruhu/evidence/covered_household.h>

#include <sodium.h>

namespace ruhu::evidence {

std::optional<domain::HouseholdDocument> householdFromRecords(const std::string &householdId,
                                                              const std::vector<Record> &records) {
    const Record *household = nullptr;
    std::vector<Record> members;
    for (const Record &r : records) {
        if (r.kind == "household" && r.id == householdId)
            household = &r;
        else if (r.kind == "member" && r.householdId == householdId)
            members.push_back(r);
    }
    if (!household || household->deleted)
        return std::nullopt;
    return coveredHouseholdFromRecords(*household, members);
}

Result<std::string> publicKeyFingerprint(std::string_view publicKeyBase64) {
    unsigned char raw[64];
    size_t length = 0;
    if (publicKeyBase64.empty() ||
        sodium_base642bin(raw, sizeof raw, publicKeyBase64.data(), publicKeyBase64.size(), nullptr, &length,
                          nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        length != 32)
        return Error{"invalid_key", "设备公钥格式错误（应为32字节Ed25519公钥的Base64编码）", "publicKey"};
    return domain::sha256Hex(std::string_view(reinterpret_cast<const char *>(raw), length)).substr(0, 16);
}

std::string verificationCode(const std::string &bindingHash) {
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I L O U
    const std::string digest = domain::sha256Hex("ruhu-verification-code-v1\n" + bindingHash);
    const uint64_t bits = std::stoull(digest.substr(0, 10), nullptr, 16); // 40 bits
    std::string code;
    for (int i = 7; i >= 0; --i) {
        code += kAlphabet[(bits >> (i * 5)) & 31];
        if (i == 4)
            code += '-';
    }
    return code;
}

} // namespace ruhu::evidence
