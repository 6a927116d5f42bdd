// Every setting of ruhu-syncd once: its key in the configuration file, its flag, its type, how it is
// checked and set, how it is printed. The usage text and --check-config are generated from this table.
#include "../storage/database_url.h"
#include "server_config.h"

#include <boost/asio/ip/address.hpp>

#include <charconv>
#include <functional>
#include <limits>
#include <thread>

namespace ruhu::server {
namespace {

using Check = std::optional<std::string>; // an error message, or nothing

struct Setting {
    std::string_view key;  // section.name in the file
    std::string_view flag; // on the command line
    std::string_view type; // "integer", "string", "boolean"
    std::string_view help;
    std::function<Check(ServerConfig &, std::string_view)> set;
    std::function<std::string(const ServerConfig &)> show; // as a TOML value
    bool secret = false;
};

std::optional<int64_t> parseInteger(std::string_view text) {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out.push_back('\\');
        out.push_back(c);
    }
    return out + "\"";
}

constexpr int64_t KiB = 1024;
constexpr int64_t MiB = 1024 * KiB;
constexpr int64_t GiB = 1024 * MiB;
// Byte counts main.cpp always took without a ceiling (a test sets an unreachable watermark).
constexpr int64_t kNoUpperBound = std::numeric_limits<int64_t>::max();

Setting integer(std::string_view key, std::string_view flag, std::string_view help, int64_t min, int64_t max,
                std::function<void(ServerConfig &, int64_t)> set,
                std::function<int64_t(const ServerConfig &)> get) {
    return Setting{key,
                   flag,
                   "integer",
                   help,
                   [=](ServerConfig &c, std::string_view text) -> Check {
                       auto n = parseInteger(text);
                       if (!n)
                           return "must be a whole number, not \"" + std::string(text) + "\"";
                       if (*n < min || *n > max)
                           return "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                                  ", not " + std::to_string(*n);
                       set(c, *n);
                       return std::nullopt;
                   },
                   [=](const ServerConfig &c) { return std::to_string(get(c)); }};
}

Setting text(std::string_view key, std::string_view flag, std::string_view help,
             std::function<Check(ServerConfig &, std::string_view)> set,
             std::function<std::string(const ServerConfig &)> get, bool secret = false) {
    return Setting{key,
                   flag,
                   "string",
                   help,
                   std::move(set),
                   [=](const ServerConfig &c) {
                       const std::string value = get(c);
                       return quoted(secret && !value.empty() ? "****" : value);
                   },
                   secret};
}

// A path or name that may not be empty.
std::function<Check(ServerConfig &, std::string_view)>
nonEmpty(std::function<void(ServerConfig &, std::string)> set) {
    return [set](ServerConfig &c, std::string_view v) -> Check {
        if (v.empty())
            return "must not be empty";
        set(c, std::string(v));
        return std::nullopt;
    };
}

Check setListen(ServerConfig &c, std::string_view v) {
    if (!parseListenAddress(v, c.server.host, c.server.port))
        return "must be HOST:PORT, e.g. 0.0.0.0:8443 or [::1]:8080";
    c.listen = std::string(v);
    return std::nullopt;
}

Check setMetricsListen(ServerConfig &c, std::string_view v) {
    if (v.empty()) {
        c.server.metricsHost.clear();
        c.server.metricsPort = 0;
        return std::nullopt;
    }
    if (!parseListenAddress(v, c.server.metricsHost, c.server.metricsPort))
        return "must be HOST:PORT, e.g. 127.0.0.1:9464";
    return std::nullopt;
}

std::string showMetricsListen(const ServerConfig &c) {
    if (c.server.metricsHost.empty())
        return "";
    const bool v6 = c.server.metricsHost.find(':') != std::string::npos;
    return (v6 ? "[" + c.server.metricsHost + "]" : c.server.metricsHost) + ":" +
           std::to_string(c.server.metricsPort);
}

Check setLogLevel(ServerConfig &c, std::string_view v) {
    if (v != "debug" && v != "info" && v != "warning" && v != "error")
        return "must be one of debug, info, warning, error";
    c.logLevel = std::string(v);
    return std::nullopt;
}

Check setDatabase(ServerConfig &c, std::string_view v) {
    auto url = parseDatabaseUrl(v);
    if (!url)
        return url.error().message;
    c.database = std::string(v);
    return std::nullopt;
}

Check setMetricsToken(ServerConfig &c, std::string_view v) {
    if (!v.empty() && v.size() < 16)
        return "must be at least 16 characters (or empty: no token)";
    c.server.metricsToken = std::string(v);
    return std::nullopt;
}

const std::vector<Setting> &settings() {
    static const std::vector<Setting> table{
        // [server]
        text("server.listen", "--listen", "HOST:PORT to serve on; port 0 picks a free port", setListen,
             [](const ServerConfig &c) { return c.listen; }),
        integer(
            "server.threads", "--threads", "I/O threads (default: CPUs, at least 2)", 1, 256,
            [](ServerConfig &c, int64_t v) { c.server.threads = unsigned(v); },
            [](const ServerConfig &c) { return int64_t(c.server.threads); }),
        integer(
            "server.max_connections", "--max-connections", "open connections at once; more get 503", 1,
            1000000, [](ServerConfig &c, int64_t v) { c.server.maxConnections = size_t(v); },
            [](const ServerConfig &c) { return int64_t(c.server.maxConnections); }),
        text("server.port_file", "--port-file", "write the bound port here once listening",
             nonEmpty([](ServerConfig &c, std::string v) { c.server.portFile = std::move(v); }),
             [](const ServerConfig &c) { return c.server.portFile; }),
        text("server.log_level", "--log-level", "debug, info, warning or error (JSON lines on stderr)",
             setLogLevel, [](const ServerConfig &c) { return c.logLevel; }),
        Setting{"server.demo", "--demo", "boolean",
                "load the demo county into an empty store (loopback only)",
                [](ServerConfig &c, std::string_view v) -> Check {
                    if (v != "true" && v != "false")
                        return "must be true or false";
                    c.demo = v == "true";
                    return std::nullopt;
                },
                [](const ServerConfig &c) { return std::string(c.demo ? "true" : "false"); }},
        integer(
            "server.clock_offset_days", "--clock-offset-days",
            "run the server's clock this many days off (loopback only): tests and the simulator of the case "
            "procedure's time limits",
            -3650, 3650, [](ServerConfig &c, int64_t v) { c.clockOffsetDays = int(v); },
            [](const ServerConfig &c) { return int64_t(c.clockOffsetDays); }),
        // [tls]
        text("tls.cert", "--tls-cert", "PEM certificate chain: serve HTTPS only (with tls.key)",
             nonEmpty([](ServerConfig &c, std::string v) { c.server.tlsCertFile = std::move(v); }),
             [](const ServerConfig &c) { return c.server.tlsCertFile; }),
        text("tls.key", "--tls-key", "PEM private key of tls.cert",
             nonEmpty([](ServerConfig &c, std::string v) { c.server.tlsKeyFile = std::move(v); }),
             [](const ServerConfig &c) { return c.server.tlsKeyFile; }),
        // [storage]
        text("storage.data_dir", "--data-dir", "the server's directory (store and media by default)",
             nonEmpty([](ServerConfig &c, std::string v) { c.dataDir = std::move(v); }),
             [](const ServerConfig &c) { return c.dataDir; }),
        text("storage.database", "--database",
             "database URL: sqlite:DIR (default sqlite:<data_dir>) or postgresql://…", setDatabase,
             [](const ServerConfig &c) { return printableDatabaseUrl(c.database); }),
        text("storage.media_dir", "--media-dir", "photo and signature blobs (default <data_dir>/media)",
             nonEmpty([](ServerConfig &c, std::string v) { c.mediaDir = std::move(v); }),
             [](const ServerConfig &c) { return c.mediaDir; }),
        // [limits]
        integer(
            "limits.body_bytes", "--body-bytes", "largest request body", 64 * KiB, 64 * MiB,
            [](ServerConfig &c, int64_t v) { c.server.limits.bodyLimit = size_t(v); },
            [](const ServerConfig &c) { return int64_t(c.server.limits.bodyLimit); }),
        integer(
            "limits.unauthenticated_body_bytes", "--unauthenticated-body-bytes",
            "largest body of a request without a valid token (login)", 1 * KiB, 1 * MiB,
            [](ServerConfig &c, int64_t v) { c.server.limits.unauthenticatedBodyLimit = size_t(v); },
            [](const ServerConfig &c) { return int64_t(c.server.limits.unauthenticatedBodyLimit); }),
        integer(
            "limits.push_mutations", "--push-max-mutations",
            "mutations per push (tablets send 200 at a time; protocol maximum 500)", 200,
            int64_t(protocol::kMaxPushMutations),
            [](ServerConfig &c, int64_t v) { c.push.maxMutations = size_t(v); },
            [](const ServerConfig &c) { return int64_t(c.push.maxMutations); }),
        integer(
            "limits.record_bytes", "--record-max-bytes", "one record's fields, serialized", 16 * KiB,
            int64_t(kMaxRecordBytes), [](ServerConfig &c, int64_t v) { c.push.maxRecordBytes = size_t(v); },
            [](const ServerConfig &c) { return int64_t(c.push.maxRecordBytes); }),
        integer(
            "limits.read_timeout_seconds", "--read-timeout-seconds",
            "read/write deadline, grown by body size at 8 KiB/s; also the idle keep-alive time", 1, 3600,
            [](ServerConfig &c, int64_t v) { c.server.limits.readTimeout = std::chrono::seconds(v); },
            [](const ServerConfig &c) { return int64_t(c.server.limits.readTimeout.count()); }),
        integer(
            "limits.drain_timeout_seconds", "--drain-timeout-seconds",
            "after SIGTERM, how long requests in flight may take", 1, 600,
            [](ServerConfig &c, int64_t v) { c.server.drainTimeout = std::chrono::seconds(v); },
            [](const ServerConfig &c) { return int64_t(c.server.drainTimeout.count()); }),
        integer(
            "limits.rate_limit", "--rate-limit", "requests per second per user; 0: off", 0, 100000,
            [](ServerConfig &c, int64_t v) { c.server.userRequestsPerSecond = double(v); },
            [](const ServerConfig &c) { return int64_t(c.server.userRequestsPerSecond); }),
        integer(
            "limits.rate_burst", "--rate-burst", "requests a user may send at once before the rate applies",
            1, 1000000, [](ServerConfig &c, int64_t v) { c.server.userRequestBurst = double(v); },
            [](const ServerConfig &c) { return int64_t(c.server.userRequestBurst); }),
        integer(
            "limits.login_lockout_seconds", "--login-lockout-seconds",
            "first lockout after too many failed logins; doubles each time", 1, 86400,
            [](ServerConfig &c, int64_t v) { c.server.loginThrottle.baseLockout = std::chrono::seconds(v); },
            [](const ServerConfig &c) { return int64_t(c.server.loginThrottle.baseLockout.count()); }),
        integer(
            "limits.login_account_failures", "--login-account-failures",
            "failed logins of one account within 15 minutes before a lockout", 1, 1000,
            [](ServerConfig &c, int64_t v) { c.server.loginThrottle.accountFailures = int(v); },
            [](const ServerConfig &c) { return int64_t(c.server.loginThrottle.accountFailures); }),
        integer(
            "limits.login_address_failures", "--login-address-failures",
            "failed logins from one address within 15 minutes before a lockout", 1, 100000,
            [](ServerConfig &c, int64_t v) { c.server.loginThrottle.addressFailures = int(v); },
            [](const ServerConfig &c) { return int64_t(c.server.loginThrottle.addressFailures); }),
        integer(
            "limits.max_clock_ahead_seconds", "--max-clock-ahead-seconds",
            "an edit stamped further ahead of the server clock does not win a clash", 60, 86400,
            [](ServerConfig &c, int64_t v) { c.maxClockAheadMs = v * 1000; },
            [](const ServerConfig &c) { return c.maxClockAheadMs / 1000; }),
        // [accounts]
        integer(
            "accounts.token_lifetime_hours", "--token-lifetime-hours", "a login token expires after this", 1,
            24 * 366, [](ServerConfig &c, int64_t v) { c.accounts.tokenLifetimeMs = v * 60 * 60 * 1000; },
            [](const ServerConfig &c) { return c.accounts.tokenLifetimeMs / (60 * 60 * 1000); }),
        integer(
            "accounts.max_tokens_per_user", "--max-tokens-per-user",
            "live tokens per user; a new login drops the oldest", 1, 1000,
            [](ServerConfig &c, int64_t v) { c.accounts.maxTokensPerUser = size_t(v); },
            [](const ServerConfig &c) { return int64_t(c.accounts.maxTokensPerUser); }),
        // [media]
        integer(
            "media.max_bytes", "--media-max-bytes", "largest photo/signature blob", 1, 1 * GiB,
            [](ServerConfig &c, int64_t v) { c.media.maxBlobBytes = v; },
            [](const ServerConfig &c) { return c.media.maxBlobBytes; }),
        integer(
            "media.chunk_bytes", "--media-chunk-bytes", "largest upload chunk", 1 * KiB, 8 * MiB,
            [](ServerConfig &c, int64_t v) { c.media.maxChunkBytes = v; },
            [](const ServerConfig &c) { return c.media.maxChunkBytes; }),
        integer(
            "media.grace_seconds", "--media-grace-seconds",
            "unreferenced blobs and stale partial uploads are deleted after this", 0, 366LL * 86400,
            [](ServerConfig &c, int64_t v) { c.media.grace = std::chrono::seconds(v); },
            [](const ServerConfig &c) { return int64_t(c.media.grace.count()); }),
        integer(
            "media.quota_bytes", "--media-quota-bytes",
            "per account: stored plus in-progress upload bytes; 0: none", 0, kNoUpperBound,
            [](ServerConfig &c, int64_t v) { c.media.quotaBytes = v; },
            [](const ServerConfig &c) { return c.media.quotaBytes; }),
        integer(
            "media.min_free_bytes", "--media-min-free-bytes",
            "disk watermark: uploads that would leave less free space get 507, /readyz fails below it; 0: "
            "none",
            0, kNoUpperBound, [](ServerConfig &c, int64_t v) { c.media.minFreeBytes = v; },
            [](const ServerConfig &c) { return c.media.minFreeBytes; }),
        // [console]
        text("console.assets_dir", "--console-assets",
             "serve the console's CSS/JS from this directory (syncserver/console/assets) instead of the "
             "copies compiled in, for editing them without a rebuild",
             nonEmpty([](ServerConfig &c, std::string v) { c.consoleAssetsDir = std::move(v); }),
             [](const ServerConfig &c) { return c.consoleAssetsDir; }),
        // [metrics]
        text(
            "metrics.token", "--metrics-token",
            "bearer token for /metrics and /readyz detail on the main listener (16+ characters)",
            setMetricsToken, [](const ServerConfig &c) { return c.server.metricsToken; }, true),
        text("metrics.listen", "--metrics-listen",
             "HOST:PORT of a separate listener serving /metrics, /healthz, /readyz without a token",
             setMetricsListen, showMetricsListen),
        text("metrics.port_file", "--metrics-port-file", "write the metrics listener's bound port here",
             nonEmpty([](ServerConfig &c, std::string v) { c.server.metricsPortFile = std::move(v); }),
             [](const ServerConfig &c) { return c.server.metricsPortFile; }),
    };
    return table;
}

const Setting *findSetting(std::string_view name, bool isFlag) {
    for (const auto &s : settings()) {
        if ((isFlag ? s.flag : s.key) == name)
            return &s;
    }
    return nullptr;
}

bool isLoopback(const std::string &host) {
    if (host == "localhost")
        return true;
    boost::system::error_code ec;
    auto address = boost::asio::ip::make_address(host, ec);
    return !ec && address.is_loopback();
}

} // namespace

bool parseListenAddress(std::string_view text, std::string &host, unsigned short &port) {
    auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0)
        return false;
    std::string_view h = text.substr(0, colon);
    if (h.size() > 2 && h.front() == '[' && h.back() == ']')
        h = h.substr(1, h.size() - 2);
    auto p = parseInteger(text.substr(colon + 1));
    if (!p || *p < 0 || *p > 65535)
        return false;
    host = std::string(h);
    port = static_cast<unsigned short>(*p);
    return true;
}

std::optional<ConfigError> applySetting(ServerConfig &config, std::string_view name, std::string_view value,
                                        bool isFlag) {
    const Setting *setting = findSetting(name, isFlag);
    if (!setting)
        return ConfigError{std::string(name), isFlag ? "unknown option" : "unknown key"};
    if (auto problem = setting->set(config, value))
        return ConfigError{std::string(isFlag ? setting->flag : setting->key), *problem};
    return std::nullopt;
}

std::string_view settingType(std::string_view key) {
    const Setting *setting = findSetting(key, false);
    return setting ? setting->type : std::string_view();
}

bool isSwitchFlag(std::string_view flag) {
    const Setting *setting = findSetting(flag, true);
    return setting && setting->type == "boolean";
}

std::optional<ConfigError> loadConfig(int argc, char **argv, ServerConfig &config, ConfigRequest &request) {
    config.server.threads = std::max(2u, std::thread::hardware_concurrency());
    // --config first wherever it stands: the flags override the file.
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--check-config") {
            request.checkOnly = true;
        } else if (arg == "--config") {
            if (i + 1 >= argc || std::string_view(argv[i + 1]).empty())
                return ConfigError{"--config", "needs a file"};
            request.configFile = argv[++i];
        } else if (!isSwitchFlag(arg)) {
            ++i; // skip the value of any other flag
        }
    }
    if (!request.configFile.empty()) {
        if (auto error = applyConfigFile(request.configFile, config))
            return error;
    }
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--check-config")
            continue;
        if (arg == "--config") {
            ++i;
            continue;
        }
        if (isSwitchFlag(arg)) {
            if (auto error = applySetting(config, arg, "true", true))
                return error;
            continue;
        }
        if (!findSetting(arg, true))
            return ConfigError{std::string(arg), "unknown option"};
        if (i + 1 >= argc)
            return ConfigError{std::string(arg), "needs a value"};
        if (auto error = applySetting(config, arg, argv[++i], true))
            return error;
    }
    if (!request.needsListen && config.listen.empty())
        config.listen = "127.0.0.1:0"; // not used: backup and restore do not serve
    return finishConfig(config);
}

std::optional<ConfigError> finishConfig(ServerConfig &config) {
    if (config.listen.empty())
        return ConfigError{"server.listen", "is required (--listen HOST:PORT or listen in [server])"};
    if (config.dataDir.empty()) {
        // A SQLite URL names a directory that serves as the data directory.
        auto url = parseDatabaseUrl(config.database);
        if (config.database.empty() || !url || url->backend != DatabaseUrl::Backend::Sqlite)
            return ConfigError{"storage.data_dir", "is required (--data-dir DIR or data_dir in [storage])"};
        config.dataDir = url->location;
    }
    if (config.database.empty())
        config.database = sqliteDatabaseUrl(config.dataDir);
    if (config.mediaDir.empty())
        config.mediaDir = config.dataDir + "/media";
    config.server.dataDir = config.dataDir;
    if (config.server.tlsCertFile.empty() != config.server.tlsKeyFile.empty())
        return ConfigError{config.server.tlsCertFile.empty() ? "tls.cert" : "tls.key",
                           "tls.cert and tls.key go together"};
    if (size_t(config.media.maxChunkBytes) > config.server.limits.bodyLimit)
        return ConfigError{"media.chunk_bytes", "must not exceed limits.body_bytes (" +
                                                    std::to_string(config.server.limits.bodyLimit) + ")"};
    if (config.demo && !isLoopback(config.server.host))
        return ConfigError{"server.demo", "only listens on loopback (127.0.0.1 or ::1): the demo accounts' "
                                          "password is public"};
    if (config.clockOffsetDays != 0 && !isLoopback(config.server.host))
        return ConfigError{"server.clock_offset_days", "only listens on loopback (127.0.0.1 or ::1)"};
    if (!config.server.metricsHost.empty() && config.server.metricsHost == config.server.host &&
        config.server.metricsPort == config.server.port && config.server.port != 0)
        return ConfigError{"metrics.listen", "must differ from server.listen"};
    return std::nullopt;
}

std::string printConfig(const ServerConfig &config) {
    std::string out = "# ruhu-syncd effective configuration (defaults, then --config, then flags)\n";
    std::string_view section;
    for (const auto &s : settings()) {
        const auto dot = s.key.find('.');
        if (s.key.substr(0, dot) != section) {
            section = s.key.substr(0, dot);
            out += "\n[" + std::string(section) + "]\n";
        }
        const std::string value = s.show(config);
        if (s.type == "string" && value == "\"\"")
            out += "# " + std::string(s.key.substr(dot + 1)) + " = (not set)\n";
        else
            out += std::string(s.key.substr(dot + 1)) + " = " + value + "\n";
    }
    return out;
}

std::string usageText() {
    std::string out =
        "usage: ruhu-syncd [--config FILE] [--check-config] [options]\n"
        "       ruhu-syncd backup --to DIR [--config FILE | --data-dir DIR | --database URL]\n"
        "       ruhu-syncd restore --from DIR [--config FILE | --data-dir DIR | --database URL]\n"
        "       ruhu-syncd user …, ruhu-syncd areas import …  (accounts and areas)\n"
        "Options override the same key of the --config file (packaging/ruhu-syncd.toml):\n";
    for (const auto &s : settings()) {
        std::string left = "  " + std::string(s.flag) + (s.type == "boolean" ? "" : " VALUE");
        left.resize(std::max<size_t>(left.size() + 1, 34), ' ');
        out += left + std::string(s.help) + " [" + std::string(s.key) + "]\n";
    }
    out += "  --check-config                  validate, print the effective configuration and exit\n";
    return out;
}

} // namespace ruhu::server
