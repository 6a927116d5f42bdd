#pragma once

#include "../api/api_types.h"
#include "../net/sync_server.h"
#include "../storage/media_blob_store.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ruhu::server {

// Everything ruhu-syncd runs with: built-in defaults, then the --config file, then command-line flags
// (settings.cpp lists every key and flag; packaging/ruhu-syncd.toml is the annotated example).
struct ServerConfig {
    ServerOptions server;
    MediaOptions media;
    AccountOptions accounts;
    PushLimits push;
    int64_t maxClockAheadMs = 10 * 60 * 1000;
    std::string listen;   // HOST:PORT as given
    std::string dataDir;  // storage.data_dir
    std::string database; // storage.database; empty: sqlite:<data_dir>
    std::string mediaDir; // storage.media_dir; empty: <data_dir>/media
    std::string logLevel = "info";
    bool demo = false;
    int clockOffsetDays = 0;      // server.clock_offset_days: tests and simulation, loopback only
    std::string consoleAssetsDir; // console.assets_dir: the console's CSS/JS from a directory
};

// A configuration that cannot be used: the key (or flag) at fault and why, for the admin.
struct ConfigError {
    std::string key;
    std::string message;
};

// What the command line asks for, besides settings: --config FILE, --check-config.
struct ConfigRequest {
    std::string configFile;
    bool checkOnly = false;
    bool needsListen = true; // false for backup and restore, which do not serve
};

// Reads --config and the flags of argv (argv[0] is skipped): defaults, then the file, then the flags,
// then checks that the whole is complete and consistent (finishConfig). nullopt error = usable.
std::optional<ConfigError> loadConfig(int argc, char **argv, ServerConfig &config, ConfigRequest &request);

// Applies a TOML file (config_file.cpp). Unknown keys and wrongly typed values are errors.
std::optional<ConfigError> applyConfigFile(const std::string &path, ServerConfig &config);

// Sets one setting by its file key ("limits.body_bytes") or flag ("--body-bytes") from text.
// isFlag selects which name `name` is. Unknown name: error naming it.
std::optional<ConfigError> applySetting(ServerConfig &config, std::string_view name, std::string_view value,
                                        bool isFlag);
// For the file reader: the value type a key wants ("integer", "string", "boolean"), or empty if unknown.
std::string_view settingType(std::string_view key);
// Whether a flag takes no value (--demo).
bool isSwitchFlag(std::string_view flag);

// After file and flags: required settings present, defaults derived from others filled in (database,
// media dir), cross-setting rules (TLS certificate and key together, chunk within body limit, --demo and
// --clock-offset-days on loopback only).
std::optional<ConfigError> finishConfig(ServerConfig &config);

// The effective configuration as TOML, secrets masked (--check-config).
std::string printConfig(const ServerConfig &config);

// "127.0.0.1:8080", "0.0.0.0:0", "[::1]:8080" into host and port.
bool parseListenAddress(std::string_view text, std::string &host, unsigned short &port);

// The usage text for ruhu-syncd (every flag).
std::string usageText();

} // namespace ruhu::server
