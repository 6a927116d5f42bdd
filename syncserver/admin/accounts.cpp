#include "accounts.h"

#include "../api/scope.h"
#include "../storage/credentials.h"
#include "password_rules.h"

#include <algorithm>
#include <set>

namespace ruhu::server {

Status checkUsername(std::string_view username) {
    const bool valid = !username.empty() && username.size() <= kMaxUsernameBytes &&
                       std::all_of(username.begin(), username.end(), [](char c) {
                           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                  (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                       });
    if (!valid)
        return Error{"bad_request", "用户名应为 1–64 个字母、数字、-、_ 或 .", "username"};
    return okStatus();
}

Status checkRole(std::string_view role) {
    if (role == "village" || role == "township" || role == "county" || role == "admin")
        return okStatus();
    return Error{"bad_request", "角色应为 village、township、county 或 admin", "role"};
}

Status checkAreas(CentralStore &store, const std::vector<std::string> &areas) {
    if (areas.empty())
        return Error{"bad_request", "至少需要一个行政区划代码", "areas"};
    auto known = store.areas();
    if (!known)
        return known.error();
    std::set<std::string> codes;
    for (const auto &area : *known)
        codes.insert(area.code);
    for (const auto &code : areas) {
        if (!codes.contains(code))
            return Error{"unknown_area",
                         "行政区划代码“" + code.substr(0, 20) + "”不在区划表中（可用 areas import 导入）",
                         "areas"};
    }
    return okStatus();
}

std::vector<std::string> splitAreas(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        auto comma = text.find(',');
        std::string_view part = text.substr(0, comma);
        while (!part.empty() && part.front() == ' ')
            part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ')
            part.remove_suffix(1);
        if (!part.empty())
            out.emplace_back(part);
        if (comma == std::string_view::npos)
            break;
        text.remove_prefix(comma + 1);
    }
    return out;
}

Result<UserAccount> createAccount(CentralStore &store, const NewAccount &account, bool demo) {
    if (auto st = checkUsername(account.username); !st)
        return st.error();
    if (auto st = checkRole(account.role); !st)
        return st.error();
    if (auto st = checkAreas(store, account.areas); !st)
        return st.error();
    if (account.displayName.size() > 200)
        return Error{"bad_request", "显示名称过长", "displayName"};
    if (auto st = checkPasswordRules(account.username, account.password, demo); !st)
        return st.error();
    auto hash = hashPassword(account.password);
    if (!hash)
        return hash.error();
    UserAccount user{account.username, account.displayName.empty() ? account.username : account.displayName,
                     account.role, *hash, account.areas};
    user.mustChangePassword = account.mustChangePassword;
    auto added = store.addUser(user);
    if (!added)
        return added.error();
    if (!*added)
        return Error{"user_exists", "用户名“" + account.username + "”已存在", "username"};
    user.passwordHash.clear();
    return user;
}

Status resetPassword(CentralStore &store, const std::string &username, std::string_view password,
                     bool mustChange, bool demo) {
    if (auto st = checkPasswordRules(username, password, demo); !st)
        return st;
    auto hash = hashPassword(password);
    if (!hash)
        return hash.error();
    return store.setPassword(username, *hash, mustChange, {});
}

bool mayManage(const UserAccount &actor, const UserAccount &target) {
    if (actor.role == "admin")
        return true;
    if (actor.role != "county" || target.role == "admin" || target.scope.empty())
        return false;
    return std::all_of(target.scope.begin(), target.scope.end(),
                       [&](const std::string &code) { return inScope(code, actor.scope); });
}

} // namespace ruhu::server
