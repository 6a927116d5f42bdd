#include <ruhu/evidence/device_signing_key.h>

#include <cstdio>
#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace ruhu::evidence {

namespace {

constexpr std::size_t kPublicKeyBytes = 32;
constexpr std::size_t kSignatureBytes = 64;

Error keyError(const std::string &message) {
    return Error{"device_key", message, ""};
}

// The key file is never passphrase-protected; refuse instead of OpenSSL's default terminal prompt.
int noPassphrase(char *, int, int, void *) {
    return -1;
}

std::shared_ptr<EVP_PKEY> wrap(EVP_PKEY *key) {
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

std::string toBase64(const unsigned char *bytes, std::size_t size) {
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1); // the terminating NUL
    return out;
}

bool fromBase64(std::string_view text, std::vector<unsigned char> &out, std::size_t expected) {
    out.assign(expected + 3, 0);
    std::size_t length = 0;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        length != expected)
        return false;
    out.resize(length);
    return true;
}

} // namespace

Result<DeviceSigningKey> DeviceSigningKey::generate() {
    EVP_PKEY *raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    if (!raw)
        return keyError("无法生成设备签名密钥");
    return DeviceSigningKey(wrap(raw));
}

Result<DeviceSigningKey> DeviceSigningKey::loadPem(const std::string &path) {
    FILE *file = std::fopen(path.c_str(), "rb");
    if (!file)
        return Error{"not_found", "找不到设备签名密钥：" + path, ""};
    EVP_PKEY *raw = PEM_read_PrivateKey(file, nullptr, noPassphrase, nullptr);
    std::fclose(file);
    if (!raw)
        return keyError("设备签名密钥文件已损坏：" + path);
    auto key = wrap(raw);
    if (EVP_PKEY_get_base_id(raw) != EVP_PKEY_ED25519)
        return keyError("设备签名密钥不是 Ed25519：" + path);
    return DeviceSigningKey(key);
}

Status DeviceSigningKey::savePem(const std::string &path) const {
    std::string tmp = path + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return keyError("无法写入设备签名密钥：" + path);
    ::fchmod(fd, 0600); // also when the file existed with a wider mode
    FILE *file = ::fdopen(fd, "wb");
    if (!file) {
        ::close(fd);
        return keyError("无法写入设备签名密钥：" + path);
    }
    bool written = PEM_write_PrivateKey(file, m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
    written = std::fflush(file) == 0 && written;
    written = ::fsync(::fileno(file)) == 0 && written;
    std::fclose(file);
    if (!written || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return keyError("无法保存设备签名密钥：" + path);
    }
    return okStatus();
}

std::string DeviceSigningKey::publicKeyBase64() const {
    unsigned char bytes[kPublicKeyBytes];
    std::size_t size = sizeof bytes;
    if (EVP_PKEY_get_raw_public_key(m_key.get(), bytes, &size) != 1 || size != kPublicKeyBytes)
        return {};
    return toBase64(bytes, size);
}

Result<std::string> DeviceSigningKey::sign(std::string_view message) const {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    unsigned char signature[kSignatureBytes];
    std::size_t size = sizeof signature;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), signature, &size, reinterpret_cast<const unsigned char *>(message.data()),
                       message.size()) != 1)
        return keyError("设备签名失败");
    return toBase64(signature, size);
}

Status verifyEd25519(std::string_view publicKeyBase64, std::string_view message,
                     std::string_view signatureBase64) {
    const Error invalid{"signature_invalid", "设备签名无效：授权书可能被篡改或不是本设备签署",
                        "deviceSignature"};
    std::vector<unsigned char> publicKey;
    std::vector<unsigned char> signature;
    if (!fromBase64(publicKeyBase64, publicKey, kPublicKeyBytes) ||
        !fromBase64(signatureBase64, signature, kSignatureBytes))
        return invalid;
    auto key =
        wrap(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, publicKey.data(), publicKey.size()));
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!key || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1)
        return invalid;
    if (EVP_DigestVerify(ctx.get(), signature.data(), signature.size(),
                         reinterpret_cast<const unsigned char *>(message.data()), message.size()) != 1)
        return invalid;
    return okStatus();
}

} // namespace ruhu::evidence
