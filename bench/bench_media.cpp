// Media upload benchmark: the real ruhu-syncd (a child process, loopback, temporary data directory,
// --demo) receiving photos over the resumable chunk protocol (docs/media-sync.md). Targets: total upload
// throughput >= 50 MB/s and server peak RSS (VmHWM) < 100 MB while 20 devices send 2 GB at once.
//
// Phase 1: one device alone uploads its photos (single-device throughput). Phase 2: all devices at once,
// each on its own kept-alive connection (plain Boost.Beast sync client, one thread per device), each
// uploading --blobs photos of --blob-mib MiB in --chunk-kib chunks: GET .../upload?size=N, then PUTs.
// Every byte the server acknowledges has been fsynced, and each completed photo verified (SHA-256) and
// renamed into place. Blobs are random bytes generated and hashed before the clock starts (a 16-byte
// header makes each one distinct). Chunk latency is client-side: writing the PUT to reading its answer.
// MB = 10^6 bytes.
//
//   bench_media [--devices N] [--blobs N] [--blob-mib N] [--chunk-kib N] [--threads N] [--server PATH]
//               [--dir DIR] [--keep]
#include "spawn_server.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <openssl/evp.h>
#include <random>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#ifndef RUHU_SYNCD_PATH
#define RUHU_SYNCD_PATH "ruhu-syncd"
#endif

namespace net = boost::asio;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

namespace {

// One kept-alive HTTP/1.1 connection to the server.
class Connection {
public:
    explicit Connection(int port) {
        m_socket.connect(
            tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)));
        m_socket.set_option(tcp::no_delay(true));
    }

    // Sends one request and reads its answer; status 0 on a transport error.
    unsigned call(http::verb verb, const std::string &target, std::string_view body, const std::string &token,
                  std::string &answer) {
        http::request<http::string_body> request{verb, target, 11};
        request.set(http::field::host, "127.0.0.1");
        request.set(http::field::content_type,
                    verb == http::verb::put ? "application/octet-stream" : "application/json");
        if (!token.empty())
            request.set(http::field::authorization, "Bearer " + token);
        request.keep_alive(true);
        request.body().assign(body.data(), body.size());
        request.prepare_payload();
        boost::system::error_code ec;
        http::write(m_socket, request, ec);
        if (ec)
            return 0;
        http::response_parser<http::string_body> parser;
        m_buffer.clear();
        http::read(m_socket, m_buffer, parser, ec);
        if (ec)
            return 0;
        answer = std::move(parser.get().body());
        return parser.get().result_int();
    }

private:
    net::io_context m_io;
    tcp::socket m_socket{m_io};
    boost::beast::flat_buffer m_buffer;
};

std::string sha256Hex(const std::string &bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned i = 0; i < length; ++i) {
        hex += kDigits[digest[i] >> 4];
        hex += kDigits[digest[i] & 0xf];
    }
    return hex;
}

long serverKb(pid_t pid, const char *key) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(key, 0) == 0)
            return std::strtol(line.c_str() + std::strlen(key) + 1, nullptr, 10);
    }
    return -1;
}

// CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat.
double processCpuSeconds(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return -1;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
        if (i == 14 || i == 15)
            ticks += std::strtod(field.c_str(), nullptr);
    }
    return ticks / double(sysconf(_SC_CLK_TCK));
}

double percentile(std::vector<double> sorted, double p) {
    if (sorted.empty())
        return 0;
    return sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()))];
}

// A device's photos: one random body per device, each photo distinct by a 16-byte header.
struct Photos {
    std::string body;
    std::vector<std::string> sha256; // of the body with photo i's header
};

Photos makePhotos(size_t device, size_t count, size_t bytes) {
    Photos photos;
    std::mt19937_64 rng(0x5eed0000 + device);
    photos.body.resize(bytes);
    for (size_t i = 0; i + 8 <= bytes; i += 8) {
        const uint64_t v = rng();
        std::memcpy(photos.body.data() + i, &v, 8);
    }
    for (size_t i = 0; i < count; ++i) {
        std::snprintf(photos.body.data(), 16, "%015zu", device * 100000 + i);
        photos.sha256.push_back(sha256Hex(photos.body));
    }
    return photos;
}

struct DeviceResult {
    std::vector<double> chunkMs;
    uint64_t bytes = 0;
    double seconds = 0;
    std::string error;
};

// Uploads every photo of a device; the photo bytes are re-made from the device's body (same header).
DeviceResult uploadPhotos(int port, const std::string &token, size_t device, Photos &photos, size_t chunk) {
    DeviceResult result;
    try {
        Connection connection(port);
        const auto started = SteadyClock::now();
        for (size_t i = 0; i < photos.sha256.size(); ++i) {
            std::snprintf(photos.body.data(), 16, "%015zu", device * 100000 + i);
            const std::string &bytes = photos.body;
            const std::string &sha = photos.sha256[i];
            const std::string size = std::to_string(bytes.size());
            std::string answer;
            if (connection.call(http::verb::get, "/api/v1/media/" + sha + "/upload?size=" + size, {}, token,
                                answer) != 200) {
                result.error = "status: " + answer;
                return result;
            }
            auto state = boost::json::parse(answer).as_object();
            size_t offset = size_t(state.at("received").as_int64());
            bool complete = state.at("complete").as_bool();
            while (!complete) {
                const size_t n = std::min(chunk, bytes.size() - offset);
                const auto t0 = SteadyClock::now();
                const unsigned status = connection.call(
                    http::verb::put,
                    "/api/v1/media/" + sha + "?size=" + size + "&offset=" + std::to_string(offset),
                    std::string_view(bytes).substr(offset, n), token, answer);
                result.chunkMs.push_back(
                    std::chrono::duration<double, std::milli>(SteadyClock::now() - t0).count());
                if (status != 200) {
                    result.error = "PUT HTTP " + std::to_string(status) + " " + answer;
                    return result;
                }
                auto reply = boost::json::parse(answer).as_object();
                offset = size_t(reply.at("received").as_int64());
                complete = reply.at("complete").as_bool();
                result.bytes += n;
            }
        }
        result.seconds = std::chrono::duration<double>(SteadyClock::now() - started).count();
    } catch (const std::exception &e) {
        result.error = e.what();
    }
    return result;
}

struct PhaseFigures {
    double seconds = 0;
    uint64_t bytes = 0;
    std::vector<double> chunkMs; // sorted
    std::vector<double> deviceMBs;
    size_t errors = 0;
};

PhaseFigures runPhase(int port, const std::string &token, std::vector<Photos> &fleet, size_t first,
                      size_t count, size_t chunk) {
    PhaseFigures figures;
    std::vector<DeviceResult> results(count);
    std::barrier start(std::ptrdiff_t(count + 1));
    std::vector<std::thread> threads;
    for (size_t d = 0; d < count; ++d) {
        threads.emplace_back([&, d] {
            start.arrive_and_wait();
            results[d] = uploadPhotos(port, token, first + d, fleet[first + d], chunk);
        });
    }
    start.arrive_and_wait();
    const auto t0 = SteadyClock::now();
    for (auto &t : threads)
        t.join();
    figures.seconds = std::chrono::duration<double>(SteadyClock::now() - t0).count();
    for (const auto &r : results) {
        if (!r.error.empty()) {
            ++figures.errors;
            std::fprintf(stderr, "device error: %s\n", r.error.c_str());
            continue;
        }
        figures.bytes += r.bytes;
        figures.chunkMs.insert(figures.chunkMs.end(), r.chunkMs.begin(), r.chunkMs.end());
        figures.deviceMBs.push_back(double(r.bytes) / 1e6 / r.seconds);
    }
    std::sort(figures.chunkMs.begin(), figures.chunkMs.end());
    std::sort(figures.deviceMBs.begin(), figures.deviceMBs.end());
    return figures;
}

void printPhase(const char *title, const PhaseFigures &f) {
    std::printf("%s\n", title);
    std::printf("  uploaded          %.1f MB in %.2f s = %.1f MB/s total\n", double(f.bytes) / 1e6, f.seconds,
                double(f.bytes) / 1e6 / f.seconds);
    if (!f.deviceMBs.empty())
        std::printf("  per device        min %.1f / median %.1f / max %.1f MB/s\n", f.deviceMBs.front(),
                    percentile(f.deviceMBs, 0.5), f.deviceMBs.back());
    std::printf("  chunk latency     p50 %.1f ms, p99 %.1f ms, max %.1f ms (%zu chunks)\n",
                percentile(f.chunkMs, 0.5), percentile(f.chunkMs, 0.99),
                f.chunkMs.empty() ? 0 : f.chunkMs.back(), f.chunkMs.size());
    if (f.errors)
        std::printf("  ERRORS            %zu devices failed\n", f.errors);
}

} // namespace

int main(int argc, char **argv) {
    size_t devices = 20;
    size_t blobs = 20;
    size_t blobMib = 5;
    size_t chunkKib = 1024;
    int threads = 0;
    std::string server = RUHU_SYNCD_PATH;
    std::string baseDir = std::filesystem::temp_directory_path().string();
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (!std::strcmp(argv[i], "--devices") && hasValue)
            devices = std::max<size_t>(1, std::strtoull(argv[++i], nullptr, 10));
        else if (!std::strcmp(argv[i], "--blobs") && hasValue)
            blobs = std::max<size_t>(1, std::strtoull(argv[++i], nullptr, 10));
        else if (!std::strcmp(argv[i], "--blob-mib") && hasValue)
            blobMib = std::clamp<size_t>(std::strtoull(argv[++i], nullptr, 10), 1, 20);
        else if (!std::strcmp(argv[i], "--chunk-kib") && hasValue)
            chunkKib = std::clamp<size_t>(std::strtoull(argv[++i], nullptr, 10), 1, 8192);
        else if (!std::strcmp(argv[i], "--threads") && hasValue)
            threads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--server") && hasValue)
            server = argv[++i];
        else if (!std::strcmp(argv[i], "--dir") && hasValue)
            baseDir = argv[++i];
        else if (!std::strcmp(argv[i], "--keep"))
            keep = true;
        else {
            std::fprintf(stderr,
                         "usage: bench_media [--devices N] [--blobs N] [--blob-mib N] [--chunk-kib N] "
                         "[--threads N] [--server PATH] [--dir DIR] [--keep]\n");
            return 2;
        }
    }
    const size_t chunk = chunkKib * 1024;
    std::string pattern = (std::filesystem::path(baseDir) / "bench_media.XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        std::perror("mkdtemp");
        return 2;
    }
    const std::filesystem::path root = pattern;
    const std::string portFile = (root / "port").string();
    const std::string logFile = (root / "server.log").string();

    // --- The photos, made and hashed before any clock runs (device 0 is the solo device). ---------------
    std::printf("preparing %zu + 1 devices x %zu photos x %zu MiB ...\n", devices, blobs, blobMib);
    std::fflush(stdout);
    std::vector<Photos> fleet(devices + 1);
    {
        std::vector<std::thread> makers;
        const size_t workers = std::max(1u, std::thread::hardware_concurrency());
        for (size_t w = 0; w < workers; ++w) {
            makers.emplace_back([&, w] {
                for (size_t d = w; d < fleet.size(); d += workers)
                    fleet[d] = makePhotos(d, blobs, blobMib * 1024 * 1024);
            });
        }
        for (auto &t : makers)
            t.join();
    }

    // --- Start the server. -----------------------------------------------------------------------------
    std::vector<std::string> args{server,
                                  "--listen",
                                  "127.0.0.1:0",
                                  "--data-dir",
                                  (root / "data").string(),
                                  "--demo",
                                  "--port-file",
                                  portFile,
                                  "--media-chunk-bytes",
                                  std::to_string(std::max<size_t>(chunk, 1024)),
                                  "--rate-limit", // capacity, not policy: devices share the demo accounts
                                  "0"};
    if (threads > 0) {
        args.push_back("--threads");
        args.push_back(std::to_string(threads));
    }
    pid_t pid = spawnServer(args, logFile);
    if (pid < 0)
        return 2;
    auto stopServer = [&] {
        if (pid <= 0)
            return;
        kill(pid, SIGTERM);
        int status = 0;
        waitpid(pid, &status, 0);
        pid = -1;
    };
    int port = 0;
    for (int i = 0; i < 400 && port == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::ifstream in(portFile);
        in >> port;
    }
    if (port == 0) {
        std::fprintf(stderr, "server did not write its port within 20 s, log: %s\n", logFile.c_str());
        stopServer();
        return 2;
    }

    // --- Log in once (argon2id is slow on purpose); every device uses the token. -------------------------
    std::string token;
    try {
        Connection connection(port);
        std::string answer;
        if (connection.call(http::verb::post, "/api/v1/login",
                            R"({"username":"cadre1","password":"ruhu2024","deviceId":"bench-media"})", {},
                            answer) != 200) {
            std::fprintf(stderr, "login failed: %s\n", answer.c_str());
            stopServer();
            return 2;
        }
        token = std::string(boost::json::parse(answer).as_object().at("token").as_string());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "login: %s\n", e.what());
        stopServer();
        return 2;
    }
    const long rssBeforeKb = serverKb(pid, "VmRSS:");
    // argon2id takes 64 MiB for the login above and gives it back: reset the peak (VmHWM) so that it
    // measures the uploads only (Linux >= 4.0: "5" to clear_refs). The login peak is printed apart.
    const long loginHwmKb = serverKb(pid, "VmHWM:");
    bool hwmReset = false;
    {
        std::ofstream clear("/proc/" + std::to_string(pid) + "/clear_refs");
        clear << "5" << std::flush;
        hwmReset = bool(clear);
    }

    // --- Phase 1: one device alone; phase 2: all at once, RSS polled meanwhile. ---------------------------
    const PhaseFigures solo = runPhase(port, token, fleet, 0, 1, chunk);
    const long hwmAfterSoloKb = serverKb(pid, "VmHWM:");
    std::atomic<bool> polling{true};
    long maxRssKb = 0;
    std::thread poller([&] {
        while (polling) {
            maxRssKb = std::max(maxRssKb, serverKb(pid, "VmRSS:"));
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    const double serverCpu0 = processCpuSeconds(pid);
    const double clientCpu0 = processCpuSeconds(getpid());
    const PhaseFigures crowd = runPhase(port, token, fleet, 1, devices, chunk);
    const double serverCpu = processCpuSeconds(pid) - serverCpu0;
    const double clientCpu = processCpuSeconds(getpid()) - clientCpu0;
    polling = false;
    poller.join();
    const long hwmKb = serverKb(pid, "VmHWM:");
    stopServer();

    // --- What landed on disk. ---------------------------------------------------------------------------
    size_t blobFiles = 0, partialFiles = 0;
    uint64_t blobBytes = 0;
    for (auto &e : std::filesystem::recursive_directory_iterator(root / "data" / "media")) {
        if (!e.is_regular_file())
            continue;
        if (e.path().parent_path().filename() == "partial")
            ++partialFiles;
        else {
            ++blobFiles;
            blobBytes += e.file_size();
        }
    }

    std::printf(
        "\nbench_media: real ruhu-syncd on loopback, %s server threads, chunk %zu KiB, photo %zu MiB\n",
        threads > 0 ? std::to_string(threads).c_str() : "default", chunkKib, blobMib);
    printPhase("\n1. one device alone", solo);
    char title[160];
    std::snprintf(title, sizeof title, "\n2. %zu devices at once (%zu photos each, %.2f GB in all)", devices,
                  blobs, double(devices * blobs * blobMib * 1024 * 1024) / 1e9);
    printPhase(title, crowd);
    std::printf("\nserver memory (MiB)  login peak %.1f (argon2id), RSS after login %.1f; during uploads%s: "
                "peak after solo %.1f, peak overall (VmHWM) %.1f, max polled RSS %.1f\n",
                loginHwmKb / 1024.0, rssBeforeKb / 1024.0,
                hwmReset ? "" : " (PEAK NOT RESET, includes login)", hwmAfterSoloKb / 1024.0, hwmKb / 1024.0,
                maxRssKb / 1024.0);
    double load[1] = {0};
    getloadavg(load, 1);
    std::printf(
        "CPU during phase 2   server %.1f s (%.2f s per GB), this client %.1f s, over %.1f s wall on %u "
        "CPUs; load average now %.1f\n",
        serverCpu, serverCpu / (double(crowd.bytes) / 1e9), clientCpu, crowd.seconds,
        std::thread::hardware_concurrency(), load[0]);
    std::printf("on disk              %zu complete blobs (%.1f MB), %zu partial files\n", blobFiles,
                double(blobBytes) / 1e6, partialFiles);
    const double total = double(crowd.bytes) / 1e6 / crowd.seconds;
    const bool throughputOk = total >= 50 && crowd.errors == 0;
    const bool memoryOk = hwmKb > 0 && hwmKb / 1024.0 < 100;
    const bool diskOk = blobFiles == (devices + 1) * blobs && partialFiles == 0;
    std::printf("\ntargets\n  total upload >= 50 MB/s       %.1f MB/s  %s\n", total,
                throughputOk ? "MET" : "MISSED");
    std::printf("  server peak RSS < 100 MB      %.1f MiB   %s\n", hwmKb / 1024.0,
                memoryOk ? "MET" : "MISSED");
    std::printf("  every photo stored once       %s\n", diskOk ? "yes" : "NO");

    if (!keep)
        std::filesystem::remove_all(root);
    else
        std::printf("\nkept %s\n", root.c_str());
    return throughputOk && memoryOk && diskOk ? 0 : 1;
}
