#include "../storage/database_url.h"
#include "../storage/open_central_store.h"
#include "accounts.h"
#include "commands.h"
#include "terminal_password.h"

#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ruhu::server {
namespace {

constexpr const char *kUsage =
    "usage: ruhu-syncd user add NAME --role village|township|county|admin --area CODE[,CODE...]\n"
    "                           --data-dir DIR [--display-name TEXT] [--password-stdin] [--must-change]\n"
    "       ruhu-syncd user passwd NAME --data-dir DIR [--password-stdin] [--no-must-change]\n"
    "       ruhu-syncd user disable|enable NAME --data-dir DIR\n"
    "       ruhu-syncd user list --data-dir DIR\n"
    "  (everywhere: --database URL instead of --data-dir DIR, e.g. postgresql://…; docs/storage.md)\n"
    "  Without --password-stdin the password is asked twice on the terminal (not echoed).\n"
    "  user passwd is an admin reset: the user must change the password at the next login unless\n"
    "  --no-must-change. Passwords: at least 10 characters, not the username, not the demo password.\n";

struct Options {
    std::string command;
    std::string name;
    std::map<std::string, std::string> values; // --role, --area, --data-dir, --display-name
    bool passwordStdin = false;
    bool mustChange = false;
    bool noMustChange = false;
};

std::optional<Options> parse(int argc, char **argv) {
    if (argc < 2)
        return std::nullopt;
    Options o;
    o.command = argv[1];
    int i = 2;
    if (o.command != "list") {
        if (argc < 3 || std::string_view(argv[2]).starts_with("--"))
            return std::nullopt;
        o.name = argv[2];
        i = 3;
    }
    for (; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--password-stdin") {
            o.passwordStdin = true;
        } else if (arg == "--must-change") {
            o.mustChange = true;
        } else if (arg == "--no-must-change") {
            o.noMustChange = true;
        } else if ((arg == "--role" || arg == "--area" || arg == "--data-dir" || arg == "--database" ||
                    arg == "--display-name") &&
                   i + 1 < argc) {
            o.values[std::string(arg)] = argv[++i];
        } else {
            return std::nullopt;
        }
    }
    if (o.values["--data-dir"].empty() == o.values["--database"].empty())
        return std::nullopt; // one of them

    return o;
}

int fail(const Error &error) {
    std::fprintf(stderr, "ruhu-syncd: %s\n", error.message.c_str());
    return 1;
}

std::string join(const std::vector<std::string> &items) {
    std::string text;
    for (const auto &item : items)
        text += (text.empty() ? "" : ",") + item;
    return text;
}

int list(CentralStore &store) {
    auto users = store.users();
    if (!users)
        return fail(users.error());
    std::printf("%-20s %-9s %-8s %s\n", "USERNAME", "ROLE", "STATUS", "AREAS");
    for (const auto &u : *users) {
        const char *status = u.disabled ? "disabled" : u.mustChangePassword ? "must-chg" : "active";
        std::printf("%-20s %-9s %-8s %s\n", u.username.c_str(), u.role.c_str(), status,
                    join(u.scope).c_str());
    }
    return 0;
}

Result<UserAccount> existing(CentralStore &store, const std::string &name) {
    auto user = store.findUser(name);
    if (!user)
        return user.error();
    if (!*user)
        return Error{"not_found", "用户“" + name + "”不存在", "username"};
    return std::move(**user);
}

} // namespace

int runUserCommand(int argc, char **argv) {
    auto options = parse(argc, argv);
    if (!options) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string &command = options->command;
    if (command != "add" && command != "passwd" && command != "disable" && command != "enable" &&
        command != "list") {
        std::fputs(kUsage, stderr);
        return 2;
    }
    auto store = openCentralStore(options->values["--database"].empty()
                                      ? sqliteDatabaseUrl(options->values["--data-dir"])
                                      : options->values["--database"]);
    if (!store)
        return fail(store.error());
    CentralStore &central = **store;

    if (command == "list")
        return list(central);
    if (command == "add") {
        if (options->values["--role"].empty() || options->values["--area"].empty()) {
            std::fputs(kUsage, stderr);
            return 2;
        }
        NewAccount account{options->name,
                           options->values["--display-name"],
                           options->values["--role"],
                           splitAreas(options->values["--area"]),
                           {},
                           options->mustChange};
        // Checked before the password is asked for, so a typo in an area code costs no typing.
        if (auto st = checkUsername(account.username); !st)
            return fail(st.error());
        if (auto st = checkRole(account.role); !st)
            return fail(st.error());
        if (auto st = checkAreas(central, account.areas); !st)
            return fail(st.error());
        auto password = readNewPassword(options->passwordStdin);
        if (!password)
            return 1;
        account.password = *password;
        auto created = createAccount(central, account, false);
        if (!created)
            return fail(created.error());
        std::printf("已创建用户 %s（%s，%s）\n", created->username.c_str(), created->role.c_str(),
                    join(created->scope).c_str());
        return 0;
    }

    auto user = existing(central, options->name);
    if (!user)
        return fail(user.error());
    if (command == "passwd") {
        auto password = readNewPassword(options->passwordStdin);
        if (!password)
            return 1;
        if (auto st = resetPassword(central, user->username, *password, !options->noMustChange, false); !st)
            return fail(st.error());
        std::printf("已重置 %s 的密码%s\n", user->username.c_str(),
                    options->noMustChange ? "" : "（下次登录须修改密码）");
        return 0;
    }
    const bool disable = command == "disable";
    if (auto st = central.setUserDisabled(user->username, disable); !st)
        return fail(st.error());
    std::printf(disable ? "已停用用户 %s（其登录均已失效）\n" : "已启用用户 %s\n", user->username.c_str());
    return 0;
}

bool isAdminCommand(std::string_view first) {
    return first == "user" || first == "areas";
}

} // namespace ruhu::server
