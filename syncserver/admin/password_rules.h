#pragma once

#include <ruhu/result.h>

#include <string_view>

namespace ruhu::server {

inline constexpr size_t kMinPasswordLength = 10; // characters (UTF-8 code points)
inline constexpr size_t kMaxPasswordBytes = 256;
inline constexpr std::string_view kDemoPassword = "ruhu2024";

// A new password for `username` (docs/accounts.md "Password rules"): at least kMinPasswordLength
// characters, at most kMaxPasswordBytes bytes, not the username, and, outside --demo, not containing the
// published demo password. Error "weak_password" (400) with a Chinese message naming the rule.
Status checkPasswordRules(std::string_view username, std::string_view password, bool demo);

} // namespace ruhu::server
