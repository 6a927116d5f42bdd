#pragma once

#include "../storage/central_store.h"

#include <ruhu/result.h>

#include <string>
#include <string_view>
#include <vector>

namespace ruhu::server {

// Account management shared by the `ruhu-syncd user …` commands and the admin API (docs/accounts.md).

inline constexpr size_t kMaxUsernameBytes = 64;

struct NewAccount {
    std::string username;
    std::string displayName; // defaults to the username
    std::string role;        // village | township | county | admin
    std::vector<std::string> areas;
    std::string password;
    bool mustChangePassword = false;
};

// 1..64 of [A-Za-z0-9._-].
Status checkUsername(std::string_view username);
Status checkRole(std::string_view role);
// Every code is in the store's area table (areas import, or --demo), and there is at least one.
Status checkAreas(CentralStore &store, const std::vector<std::string> &areas);
// "a,b , c" → {"a","b","c"}.
std::vector<std::string> splitAreas(std::string_view text);

// Validates (username, role, areas, password rules), hashes and inserts; "user_exists" (409) if taken.
Result<UserAccount> createAccount(CentralStore &store, const NewAccount &account, bool demo);
// Validates the new password and stores it; mustChange for an admin reset. Deletes the user's tokens.
Status resetPassword(CentralStore &store, const std::string &username, std::string_view password,
                     bool mustChange, bool demo);

// Whether `actor` may manage `target`: an admin anyone; a county user accounts (not admins) whose areas
// all lie inside its own.
bool mayManage(const UserAccount &actor, const UserAccount &target);

} // namespace ruhu::server
