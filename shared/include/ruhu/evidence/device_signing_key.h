#pragma once

#include <ruhu/result.h>

#include <memory>
#include <string>
#include <string_view>

typedef struct evp_pkey_st EVP_PKEY;

namespace ruhu::evidence {

// The per-device Ed25519 key that signs authorizations (OpenSSL EVP, EVP_PKEY_ED25519). On the desktop
// and the server it lives in a PEM file with mode 0600; on Android it is planned to move into the
// Keystore (docs/authorization.md).
class DeviceSigningKey {
public:
    static Result<DeviceSigningKey> generate();
    // PKCS#8 PEM private key.
    static Result<DeviceSigningKey> loadPem(const std::string &path);
    Status savePem(const std::string &path) const; // written 0600, atomically replaced

    // The raw 32-byte public key, base64 (standard alphabet, padded).
    std::string publicKeyBase64() const;
    // Ed25519 signature of the message, base64.
    Result<std::string> sign(std::string_view message) const;

private:
    explicit DeviceSigningKey(std::shared_ptr<EVP_PKEY> key)
        : m_key(std::move(key)) {}
    std::shared_ptr<EVP_PKEY> m_key;
};

// Verifies a base64 Ed25519 signature with a base64 raw public key; any failure is "signature_invalid".
Status verifyEd25519(std::string_view publicKeyBase64, std::string_view message,
                     std::string_view signatureBase64);

} // namespace ruhu::evidence
