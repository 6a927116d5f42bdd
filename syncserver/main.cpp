// ruhu-syncd: parses arguments and wires the store, the API and the network together; `user` and
// `areas` commands are dispatched to admin/.
#include "admin/commands.h"
#include "api/api_types.h"
#include "net/json_log.h"
#include "net/sync_server.h"
#include "storage/database_url.h"
#include "storage/demo_seed.h"
#include "storage/media_blob_store.h"
#include "storage/media_collector.h"
#include "storage/open_central_store.h"

#include <ruhu/demo/demo_county.h>
#include <ruhu/sync/clock.h>

#include <boost/asio/ip/address.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <thread>

namespace {

constexpr const char *kUsage =
    "usage: ruhu-syncd --listen HOST:PORT --data-dir DIR [--database URL] [--demo] [--port-file FILE]\n"
    "                  [--threads N]\n"
    "                  [--media-max-bytes N] [--media-chunk-bytes N] [--media-grace-seconds N]\n"
    "                  [--media-quota-bytes N] [--media-min-free-bytes N]\n"
    "  --listen HOST:PORT  address to listen on; port 0 picks a free port\n"
    "  --data-dir DIR      media blobs, and the central store (central.sqlite3) unless --database says\n"
    "  --database URL      the central store: sqlite:DIR (default: sqlite:<--data-dir>) or\n"
    "                      postgresql://… (docs/storage.md)\n"
    "  --demo              load the demo county into an empty store\n"
    "  --port-file FILE    write the bound port number to FILE once listening\n"
    "  --threads N         I/O threads (default: number of CPUs, at least 2)\n"
    "  --media-max-bytes N        largest photo/signature blob accepted (default 20 MiB)\n"
    "  --media-chunk-bytes N      largest upload chunk, 1 KiB..8 MiB (default 1 MiB)\n"
    "  --media-grace-seconds N    unreferenced blobs and stale partial uploads are deleted after this\n"
    "                             (default 604800 = 7 days)\n"
    "  --tls-cert FILE --tls-key FILE  serve HTTPS only (PEM certificate chain and key; TLS 1.2+)\n"
    "  --console-assets DIR       serve the console's CSS/JS from DIR (syncserver/console/assets) instead\n"
    "                             of the copies compiled in, for editing them without a rebuild\n"
    "  --max-connections N        open connections at once; more are answered 503 (default 1024)\n"
    "  --read-timeout-seconds N   base read/write deadline, grown by body size at 8 KiB/s (default 30)\n"
    "  --rate-limit N             requests per second per user, 0: off (default 20)\n"
    "  --rate-burst N             requests a user may send at once before the rate applies (default 400)\n"
    "  --login-lockout-seconds N  first lockout after too many failed logins; doubles each time\n"
    "                             (default 60; see docs/security.md)\n"
    "  --token-lifetime-hours N   a login token expires after N hours (default 720)\n"
    "  --max-tokens-per-user N    live tokens per user; a new login drops the oldest (default 10)\n"
    "  --clock-offset-days N      run the server's clock N days off (-3650..3650; loopback only): for\n"
    "                             tests and the simulator of the case procedure's time limits\n"
    "  ruhu-syncd user …, ruhu-syncd areas import …: accounts and areas (run `ruhu-syncd user` for help)\n"
    "  --media-quota-bytes N      per account: stored plus in-progress upload bytes (default 2 GiB; 0: "
    "none)\n"
    "  --media-min-free-bytes N   refuse uploads (507) that would leave less free disk than this on the\n"
    "                             data directory's file system (default 1 GiB; 0: no watermark)\n";

struct Arguments {
    ruhu::server::ServerOptions server;
    std::string dataDir;
    std::string databaseUrl; // empty: sqlite:<dataDir>
    bool demo = false;
    int clockOffsetDays = 0;
    ruhu::server::MediaOptions media;
    ruhu::server::AccountOptions accounts;
    std::string consoleAssetsDir;
};

template <class T> std::optional<T> parseNumber(std::string_view text) {
    T value{};
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// "127.0.0.1:8080", "0.0.0.0:0", "[::1]:8080"
bool parseListen(std::string_view text, ruhu::server::ServerOptions &options) {
    auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0)
        return false;
    std::string_view host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    auto port = parseNumber<unsigned short>(text.substr(colon + 1));
    if (!port)
        return false;
    options.host = std::string(host);
    options.port = *port;
    return true;
}

std::optional<Arguments> parseArguments(int argc, char **argv) {
    Arguments args;
    args.server.threads = std::max(2u, std::thread::hardware_concurrency());
    bool haveListen = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        auto value = [&]() -> std::optional<std::string_view> {
            if (i + 1 >= argc)
                return std::nullopt;
            return std::string_view(argv[++i]);
        };
        if (arg == "--listen") {
            auto v = value();
            if (!v || !parseListen(*v, args.server))
                return std::nullopt;
            haveListen = true;
        } else if (arg == "--data-dir") {
            auto v = value();
            if (!v || v->empty())
                return std::nullopt;
            args.dataDir = std::string(*v);
        } else if (arg == "--database") {
            auto v = value();
            if (!v || !ruhu::server::parseDatabaseUrl(*v))
                return std::nullopt;
            args.databaseUrl = std::string(*v);
        } else if (arg == "--port-file") {
            auto v = value();
            if (!v || v->empty())
                return std::nullopt;
            args.server.portFile = std::string(*v);
        } else if (arg == "--threads") {
            auto v = value();
            auto n = v ? parseNumber<unsigned>(*v) : std::nullopt;
            if (!n || *n == 0 || *n > 256)
                return std::nullopt;
            args.server.threads = *n;
        } else if (arg == "--media-max-bytes") {
            auto v = value();
            auto n = v ? parseNumber<int64_t>(*v) : std::nullopt;
            if (!n || *n <= 0)
                return std::nullopt;
            args.media.maxBlobBytes = *n;
        } else if (arg == "--media-chunk-bytes") {
            auto v = value();
            auto n = v ? parseNumber<int64_t>(*v) : std::nullopt;
            // At most the general body limit: a larger header is refused before the media limit applies.
            if (!n || *n < 1024 || *n > 8 * 1024 * 1024)
                return std::nullopt;
            args.media.maxChunkBytes = *n;
        } else if (arg == "--media-grace-seconds") {
            auto v = value();
            auto n = v ? parseNumber<int64_t>(*v) : std::nullopt;
            if (!n || *n < 0)
                return std::nullopt;
            args.media.grace = std::chrono::seconds(*n);
        } else if (arg == "--tls-cert" || arg == "--tls-key") {
            auto v = value();
            if (!v || v->empty())
                return std::nullopt;
            (arg == "--tls-cert" ? args.server.tlsCertFile : args.server.tlsKeyFile) = std::string(*v);
        } else if (arg == "--max-connections") {
            auto v = value();
            auto n = v ? parseNumber<size_t>(*v) : std::nullopt;
            if (!n || *n == 0)
                return std::nullopt;
            args.server.maxConnections = *n;
        } else if (arg == "--read-timeout-seconds") {
            auto v = value();
            auto n = v ? parseNumber<int64_t>(*v) : std::nullopt;
            if (!n || *n <= 0 || *n > 3600)
                return std::nullopt;
            args.server.limits.readTimeout = std::chrono::seconds(*n);
        } else if (arg == "--rate-limit" || arg == "--rate-burst") {
            auto v = value();
            auto n = v ? parseNumber<unsigned>(*v) : std::nullopt;
            if (!n || (arg == "--rate-burst" && *n == 0))
                return std::nullopt;
            (arg == "--rate-limit" ? args.server.userRequestsPerSecond : args.server.userRequestBurst) = *n;
        } else if (arg == "--login-lockout-seconds") {
            auto v = value();
            auto n = v ? parseNumber<int64_t>(*v) : std::nullopt;
            if (!n || *n <= 0)
                return std::nullopt;
            args.server.loginThrottle.baseLockout = std::chrono::seconds(*n);
        } else if (arg == "--token-lifetime-hours") {
            auto v = value();
            auto n = v ? parseNumber<int64_t>(*v) : std::nullopt;
            if (!n || *n <= 0 || *n > 24 * 366)
                return std::nullopt;
            args.accounts.tokenLifetimeMs = *n * 60 * 60 * 1000;
        } else if (arg == "--max-tokens-per-user") {
            auto v = value();
            auto n = v ? parseNumber<unsigned>(*v) : std::nullopt;
            if (!n || *n == 0 || *n > 1000)
                return std::nullopt;
            args.accounts.maxTokensPerUser = *n;
        } else if (arg == "--media-quota-bytes" || arg == "--media-min-free-bytes") {
            auto v = value();
            auto n = v ? parseNumber<int64_t>(*v) : std::nullopt;
            if (!n || *n < 0)
                return std::nullopt;
            (arg == "--media-quota-bytes" ? args.media.quotaBytes : args.media.minFreeBytes) = *n;
        } else if (arg == "--clock-offset-days") {
            auto v = value();
            auto n = v ? parseNumber<int>(*v) : std::nullopt;
            if (!n || *n < -3650 || *n > 3650)
                return std::nullopt;
            args.clockOffsetDays = *n;
        } else if (arg == "--console-assets") {
            auto v = value();
            if (!v)
                return std::nullopt;
            args.consoleAssetsDir = std::string(*v);
        } else if (arg == "--demo") {
            args.demo = true;
        } else {
            return std::nullopt;
        }
    }
    if (!haveListen || args.dataDir.empty())
        return std::nullopt;
    if (args.server.tlsCertFile.empty() != args.server.tlsKeyFile.empty())
        return std::nullopt; // a certificate needs its key and the other way round
    args.accounts.demo = args.demo;
    return args;
}

bool isLoopback(const std::string &host) {
    if (host == "localhost")
        return true;
    boost::system::error_code ec;
    auto address = boost::asio::ip::make_address(host, ec);
    return !ec && address.is_loopback();
}

} // namespace

int main(int argc, char **argv) {
    using namespace ruhu::server;
    if (argc > 1 && isAdminCommand(argv[1]))
        return std::string_view(argv[1]) == "user" ? runUserCommand(argc - 1, argv + 1)
                                                   : runAreasCommand(argc - 1, argv + 1);
    auto args = parseArguments(argc, argv);
    if (!args) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    // The demo accounts' password is published: they must never be reachable from another machine.
    if (args->demo && !isLoopback(args->server.host)) {
        std::fputs("ruhu-syncd: --demo only listens on loopback (127.0.0.1 or ::1): the demo accounts' "
                   "password is public\n",
                   stderr);
        return 2;
    }

    // Everything the server creates (database, WAL, media blobs, directories) is its own account's only.
    ::umask(077);
    // The media blobs live in it whichever backend holds the store (umask 077: owner only).
    std::error_code dirError;
    std::filesystem::create_directories(args->dataDir, dirError);
    const bool sqlite = args->databaseUrl.empty();
    auto store = openCentralStore(sqlite ? sqliteDatabaseUrl(args->dataDir) : args->databaseUrl);
    if (!store) {
        logError("store_open_failed", {{"message", store.error().message}});
        return 1;
    }
    // Never the PostgreSQL URL itself: it may carry a password.
    logInfo("store_opened", {{"dataDir", args->dataDir}, {"backend", sqlite ? "sqlite" : "postgresql"}});

    if (args->demo) {
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
                                          args->dataDir + " (areas: ruhu-syncd areas import FILE.csv)"}});
        std::fprintf(stderr,
                     "ruhu-syncd: 还没有任何账号。创建管理员账号：\n"
                     "  ruhu-syncd areas import 区划.csv --data-dir %s\n"
                     "  ruhu-syncd user add 用户名 --role admin --area 县级代码 --data-dir %s\n",
                     args->dataDir.c_str(), args->dataDir.c_str());
    }

    auto media = MediaBlobStore::open(args->dataDir, args->media);
    if (!media) {
        logError("media_open_failed", {{"message", media.error().message}});
        return 1;
    }

    // A shifted clock is for tests and simulation only, so, like --demo, only on loopback.
    if (args->clockOffsetDays != 0 && !isLoopback(args->server.host)) {
        std::fputs("ruhu-syncd: --clock-offset-days only listens on loopback (127.0.0.1 or ::1)\n", stderr);
        return 2;
    }
    static const ruhu::SkewedClock shifted(int64_t(args->clockOffsetDays) * 24 * 60 * 60 * 1000);
    const ruhu::Clock &clock = args->clockOffsetDays != 0 ? static_cast<const ruhu::Clock &>(shifted)
                                                          : ruhu::SystemClock::instance();
    ApiContext context{.store = **store, .clock = clock, .clientAddress = {}};
    context.media = media->get();
    context.accounts = args->accounts;
    context.secureTransport = !args->server.tlsCertFile.empty();
    context.consoleAssetsDir = args->consoleAssetsDir;
    MediaCollector collector(**media, **store);
    return SyncServer(args->server, context).run();
}
