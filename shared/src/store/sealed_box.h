#pragma once

#include <ruhu/result.h>

#include <boost/json/value.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace ruhu {

// Authenticated encryption of a record body with the device key (XSalsa20-Poly1305, libsodium secretbox).
// Layout: nonce || ciphertext. Tampering or a wrong key is an Error, never garbage data.
std::vector<unsigned char> sealBytes(std::string_view plain, const std::array<unsigned char, 32> &key);
Result<std::string> openBytes(const std::vector<unsigned char> &sealed,
                              const std::array<unsigned char, 32> &key);
// openBytes, then the plain text parsed as JSON.
Result<boost::json::value> openJson(const std::vector<unsigned char> &sealed,
                                    const std::array<unsigned char, 32> &key);

} // namespace ruhu
