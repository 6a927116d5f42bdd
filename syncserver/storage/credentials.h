#pragma once

#include <ruhu/result.h>

#include <string>
#include <string_view>

namespace ruhu::server {

// argon2id (libsodium crypto_pwhash_str, interactive limits). Slow on purpose: call it outside any lock.
Result<std::string> hashPassword(std::string_view password);
bool verifyPassword(const std::string &passwordHash, std::string_view password);

// A new bearer token: 32 random bytes as 64 lowercase hex characters.
std::string makeToken();

// What the store keeps instead of the token: its SHA-256 as lowercase hex.
std::string tokenDigest(std::string_view token);

} // namespace ruhu::server
