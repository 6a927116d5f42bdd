#include "password_rules.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace ruhu::server {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

size_t codePoints(std::string_view text) {
    return static_cast<size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Error weak(const std::string &message) {
    return Error{"weak_password", message, "password"};
}

} // namespace

Status checkPasswordRules(std::string_view username, std::string_view password, bool demo) {
    if (demo && password == kDemoPassword)
        return okStatus();
    if (codePoints(password) < kMinPasswordLength)
        return weak("密码至少需要" + std::to_string(kMinPasswordLength) + "个字符");
    if (password.size() > kMaxPasswordBytes)
        return weak("密码过长（最多" + std::to_string(kMaxPasswordBytes) + "字节）");
    if (password.find('\0') != std::string_view::npos)
        return weak("密码不能包含空字符");
    const std::string lowered = lower(password);
    if (!username.empty() && lowered == lower(username))
        return weak("密码不能与用户名相同");
    if (!demo && lowered.find(kDemoPassword) != std::string::npos)
        return weak("不能使用演示密码");
    return okStatus();
}

} // namespace ruhu::server
