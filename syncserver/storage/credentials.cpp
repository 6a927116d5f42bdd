#include "credentials.h"

#include <array>
#include <sodium.h>
#include <stdexcept>

namespace ruhu::server {
namespace {

void ensureSodium() {
    static const bool ready = [] {
        if (sodium_init() < 0)
            throw std::runtime_error("libsodium could not be initialised");
        return true;
    }();
    (void)ready;
}

template <size_t N> std::string toHex(const std::array<unsigned char, N> &bytes) {
    std::array<char, N * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    return std::string(hex.data(), N * 2);
}

} // namespace

Result<std::string> hashPassword(std::string_view password) {
    ensureSodium();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error{"internal", "密码哈希失败（内存不足）", ""};
    return std::string(out.data());
}

bool verifyPassword(const std::string &passwordHash, std::string_view password) {
    ensureSodium();
    return crypto_pwhash_str_verify(passwordHash.c_str(), password.data(), password.size()) == 0;
}

std::string makeToken() {
    ensureSodium();
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return toHex(bytes);
}

std::string tokenDigest(std::string_view token) {
    ensureSodium();
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char *>(token.data()), token.size());
    return toHex(digest);
}

} // namespace ruhu::server
