// ruhu-syncd: reads the configuration (config/) and wires the store, the API and the network together;
// `user` and `areas` commands are dispatched to admin/.
#include "admin/commands.h"
#include "api/api_types.h"
#include "config/server_config.h"
#include "net/json_log.h"
#include "net/sync_server.h"
#include "net/tls_context.h"
#include "storage/backup.h"
#include "storage/data_dir_lock.h"
#include "storage/database_url.h"
#include "storage/demo_seed.h"
#include "storage/media_blob_store.h"
#include "storage/media_collector.h"
#include "storage/open_central_store.h"

#include <ruhu/demo/demo_county.h>
#include <ruhu/sync/clock.h>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <vector>

namespace {

// A configuration that names resources the server cannot use is refused before anything starts.
std::optional<ruhu::server::ConfigError> checkResources(const ruhu::server::ServerConfig &config) {
    using namespace ruhu::server;
    if (!config.server.tlsCertFile.empty()) {
        if (auto tls = makeServerTlsContext(config.server.tlsCertFile, config.server.tlsKeyFile); !tls)
            return ConfigError{"tls.cert", tls.error().message};
    }
    return std::nullopt;
}

void printConfigError(const ruhu::server::ConfigError &problem) {
    std::fprintf(stderr, "ruhu-syncd: configuration error: %s: %s\n", problem.key.c_str(),
                 problem.message.c_str());
    if (problem.message == "unknown option")
        std::fputs(ruhu::server::usageText().c_str(), stderr);
}

// `ruhu-syncd backup --to DIR …` and `ruhu-syncd restore --from DIR …`, with the server's own options
// for where the store and media are (docs/operations.md "Backup and restore").
int runBackupCommand(int argc, char **argv) {
    using namespace ruhu::server;
    const bool backup = std::string_view(argv[0]) == "backup";
    const std::string_view dirFlag = backup ? "--to" : "--from";
    std::string dir;
    std::vector<char *> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) == dirFlag && i + 1 < argc)
            dir = argv[++i];
        else
            rest.push_back(argv[i]);
    }
    if (dir.empty()) {
        std::fprintf(stderr,
                     "usage: ruhu-syncd %s %.*s DIR [--config FILE | --data-dir DIR | --database URL]\n",
                     argv[0], int(dirFlag.size()), dirFlag.data());
        return 2;
    }
    ServerConfig config;
    ConfigRequest request;
    request.needsListen = false;
    if (auto problem = loadConfig(int(rest.size()), rest.data(), config, request)) {
        printConfigError(*problem);
        return 2;
    }
    ::umask(077);
    auto url = parseDatabaseUrl(config.database);
    if (!url) {
        printConfigError({"storage.database", url.error().message});
        return 2;
    }
    std::optional<DataDirLock> lock;
    if (!backup) {
        auto locked = DataDirLock::acquire(config.dataDir);
        if (!locked) {
            std::fprintf(stderr, "ruhu-syncd restore: %s: stop the server before restoring\n",
                         locked.error().message.c_str());
            return 1;
        }
        lock.emplace(std::move(*locked));
    }
    auto done = backup ? backupServer(*url, config.mediaDir, dir) : restoreServer(*url, config.mediaDir, dir);
    if (!done) {
        std::fprintf(stderr, "ruhu-syncd %s: %s\n", argv[0], done.error().message.c_str());
        return 1;
    }
    std::printf("%s %s: store %lld bytes, %lld media files (%lld bytes), incarnation %s\n",
                backup ? "backed up to" : "restored from", dir.c_str(), (long long)done->storeBytes,
                (long long)done->mediaFiles, (long long)done->mediaBytes, done->incarnation.c_str());
    if (!backup)
        std::printf("start ruhu-syncd now: tablets send again what the store lost since the backup\n");
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    using namespace ruhu::server;
    if (argc > 1 && isAdminCommand(argv[1]))
        return std::string_view(argv[1]) == "user" ? runUserCommand(argc - 1, argv + 1)
                                                   : runAreasCommand(argc - 1, argv + 1);
    if (argc > 1 && (std::string_view(argv[1]) == "backup" || std::string_view(argv[1]) == "restore"))
        return runBackupCommand(argc - 1, argv + 1);
    if (argc > 1 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h")) {
        std::fputs(usageText().c_str(), stdout);
        return 0;
    }
    ServerConfig config;
    ConfigRequest request;
    auto problem = loadConfig(argc, argv, config, request);
    if (!problem)
        problem = checkResources(config);
    if (problem) {
        printConfigError(*problem);
        return 2;
    }
    if (request.checkOnly) {
        std::fputs(printConfig(config).c_str(), stdout);
        std::fputs("ruhu-syncd: configuration OK\n", stderr);
        return 0;
    }
    setLogLevel(config.logLevel);

    // Everything the server creates (database, WAL, media blobs, directories) is its own account's only.
    ::umask(077);
    // One server per data directory; a restore waits for it to stop.
    auto lock = DataDirLock::acquire(config.dataDir);
    if (!lock) {
        logError("data_dir_locked", {{"message", lock.error().message}});
        return 1;
    }
    auto store = openCentralStore(config.database);
    if (!store) {
        logError("store_open_failed", {{"message", store.error().message}});
        return 1;
    }
    // Never a PostgreSQL URL as given: it may carry a password.
    logInfo("store_opened", {{"database", printableDatabaseUrl(config.database)}});

    if (config.demo) {
        auto seeded = seedDemoCounty(**store, ruhu::makeDemoCounty());
        if (!seeded) {
            logError("demo_load_failed", {{"message", seeded.error().message}});
            return 1;
        }
        if (seeded->loaded)
            logInfo("demo_loaded", {{"records", seeded->records}, {"users", seeded->users}});
    }

    if (auto users = (*store)->users(); users && users->empty()) {
        logInfo("no_users", {{"hint", "ruhu-syncd user add NAME --role admin --area CODE --data-dir " +
                                          config.dataDir + " (areas: ruhu-syncd areas import FILE.csv)"}});
        std::fprintf(stderr,
                     "ruhu-syncd: 还没有任何账号。创建管理员账号：\n"
                     "  ruhu-syncd areas import 区划.csv --data-dir %s\n"
                     "  ruhu-syncd user add 用户名 --role admin --area 县级代码 --data-dir %s\n",
                     config.dataDir.c_str(), config.dataDir.c_str());
    }

    auto media = MediaBlobStore::openRoot(config.mediaDir, config.media);
    if (!media) {
        logError("media_open_failed", {{"message", media.error().message}});
        return 1;
    }

    // A shifted clock is for tests and simulation only (loopback only, checked by finishConfig).
    static const ruhu::SkewedClock shifted(int64_t(config.clockOffsetDays) * 24 * 60 * 60 * 1000);
    const ruhu::Clock &clock = config.clockOffsetDays != 0 ? static_cast<const ruhu::Clock &>(shifted)
                                                           : ruhu::SystemClock::instance();
    ApiContext context{.store = **store, .clock = clock, .clientAddress = {}};
    context.media = media->get();
    context.accounts = config.accounts;
    context.accounts.demo = config.demo;
    context.push = config.push;
    context.maxClockAheadMs = config.maxClockAheadMs;
    context.secureTransport = !config.server.tlsCertFile.empty();
    context.consoleAssetsDir = config.consoleAssetsDir;
    MediaCollector collector(**media, **store);
    return SyncServer(config.server, context).run();
}
