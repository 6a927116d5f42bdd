#pragma once

#include <string_view>

namespace ruhu::server {

// `ruhu-syncd user add|passwd|disable|enable|list …` (user_command.cpp) and `ruhu-syncd areas import …`
// (areas_command.cpp), run against the data directory directly (docs/accounts.md). args[0] is "user" or
// "areas". Exit code: 0 done, 1 refused or failed (message on stderr), 2 usage.
int runUserCommand(int argc, char **argv);
int runAreasCommand(int argc, char **argv);

// Whether argv names one of the commands above rather than the server's options.
bool isAdminCommand(std::string_view first);

} // namespace ruhu::server
