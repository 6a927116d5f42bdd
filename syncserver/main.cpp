// ruhu-syncd: parses arguments and wires the store, the API and the network together.
#include "api/api_types.h"
#include "net/json_log.h"
#include "net/sync_server.h"
#include "storage/demo_seed.h"
#include "storage/media_blob_store.h"
#include "storage/media_collector.h"
#include "storage/sqlite_central_store.h"

#include <ruhu/demo/demo_county.h>
#include <ruhu/sync/clock.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace {

constexpr const char *kUsage =
    "usage: ruhu-syncd --listen HOST:PORT --data-dir DIR [--demo] [--port-file FILE] [--threads N]\n"
    "                  [--media-max-bytes N] [--media-chunk-bytes N] [--media-grace-seconds N]\n"
    "                  [--media-quota-bytes N] [--media-min-free-bytes N]\n"
    "  --listen HOST:PORT  address to listen on; port 0 picks a free port\n"
    "  --data-dir DIR      where the central store (central.sqlite3) lives\n"
    "  --demo              load the demo county into an empty store\n"
    "  --port-file FILE    write the bound port number to FILE once listening\n"
    "  --threads N         I/O threads (default: number of CPUs, at least 2)\n"
    "  --media-max-bytes N        largest photo/signature blob accepted (default 20 MiB)\n"
    "  --media-chunk-bytes N      largest upload chunk, 1 KiB..8 MiB (default 1 MiB)\n"
    "  --media-grace-seconds N    unreferenced blobs and stale partial uploads are deleted after this\n"
    "                             (default 604800 = 7 days)\n"
    "  --media-quota-bytes N      per account: stored plus in-progress upload bytes (default 2 GiB; 0: "
    "none)\n"
    "  --media-min-free-bytes N   refuse uploads (507) that would leave less free disk than this on the\n"
    "                             data directory's file system (default 1 GiB; 0: no watermark)\n";

struct Arguments {
    ruhu::server::ServerOptions server;
    std::string dataDir;
    bool demo = false;
    ruhu::server::MediaOptions media;
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
        } else if (arg == "--media-quota-bytes" || arg == "--media-min-free-bytes") {
            auto v = value();
            auto n = v ? parseNumber<int64_t>(*v) : std::nullopt;
            if (!n || *n < 0)
                return std::nullopt;
            (arg == "--media-quota-bytes" ? args.media.quotaBytes : args.media.minFreeBytes) = *n;
        } else if (arg == "--demo") {
            args.demo = true;
        } else {
            return std::nullopt;
        }
    }
    if (!haveListen || args.dataDir.empty())
        return std::nullopt;
    return args;
}

} // namespace

int main(int argc, char **argv) {
    using namespace ruhu::server;
    auto args = parseArguments(argc, argv);
    if (!args) {
        std::fputs(kUsage, stderr);
        return 2;
    }

    auto store = SqliteCentralStore::open(args->dataDir);
    if (!store) {
        logError("store_open_failed", {{"message", store.error().message}});
        return 1;
    }
    logInfo("store_opened", {{"dataDir", args->dataDir}});

    if (args->demo) {
        auto seeded = seedDemoCounty(**store, ruhu::makeDemoCounty());
        if (!seeded) {
            logError("demo_load_failed", {{"message", seeded.error().message}});
            return 1;
        }
        if (seeded->loaded)
            logInfo("demo_loaded", {{"records", seeded->records}, {"users", seeded->users}});
    }

    auto media = MediaBlobStore::open(args->dataDir, args->media);
    if (!media) {
        logError("media_open_failed", {{"message", media.error().message}});
        return 1;
    }

    ApiContext context{.store = **store, .clock = ruhu::SystemClock::instance(), .clientAddress = {}};
    context.media = media->get();
    MediaCollector collector(**media, **store);
    return SyncServer(args->server, context).run();
}
