// Load benchmark: the real ruhu-syncd (a child process, loopback, temporary data directory, --demo) and
// many simulated tablets pushing at once over HTTP/1.1 keep-alive. Targets: p99 push latency < 100 ms.
//
// Every demo user (cadre1..3, township, county) logs in once (argon2id is slow on purpose); devices share
// their user's token, each with its own deviceId. Each device is a thread with a plain Boost.Beast sync
// client on one kept-alive connection. Round 0 creates households and members; later rounds edit the
// device's own households with the base version the previous answer gave (and add members). Latency is
// client-side: from writing the request to having read the whole answer. Building the next push and
// reading the answer's versions happen outside it.
//
// --interval-ms T makes each device wait about T ms (uniform 0.5T..1.5T) between its pushes, for an
// offered load below saturation; 0 (the default) is a closed loop: every device pushes again as soon as
// it has its answer, which measures the server's capacity and the queueing it causes.
//
//   bench_load [--devices N] [--rounds N] [--batch N] [--threads N] [--interval-ms T] [--server PATH]
//              [--dir DIR] [--keep]
#include "spawn_server.h"

#include <ruhu/json/canonical_json.h>
#include <ruhu/model/id_number.h>
#include <ruhu/sync/hlc.h>
#include <ruhu/sync/protocol.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/serialize.hpp>

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
#include <map>
#include <mutex>
#include <random>
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
using namespace ruhu;

namespace {

int64_t wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// One kept-alive HTTP/1.1 connection to the server.
class Connection {
public:
    explicit Connection(int port) {
        m_socket.connect(
            tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)));
        m_socket.set_option(tcp::no_delay(true));
    }

    // Sends one request and reads its answer; status 0 on a transport error (in error).
    unsigned call(http::verb verb, const std::string &target, std::string body, const std::string &token,
                  std::string &answer, std::string &error) {
        http::request<http::string_body> request{verb, target, 11};
        request.set(http::field::host, "127.0.0.1");
        request.set(http::field::content_type, "application/json");
        if (!token.empty())
            request.set(http::field::authorization, "Bearer " + token);
        request.keep_alive(true);
        request.body() = std::move(body);
        request.prepare_payload();
        boost::system::error_code ec;
        http::write(m_socket, request, ec);
        if (ec) {
            error = "write: " + ec.message();
            return 0;
        }
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        m_buffer.clear();
        http::read(m_socket, m_buffer, parser, ec);
        if (ec) {
            error = "read: " + ec.message();
            return 0;
        }
        answer = std::move(parser.get().body());
        return parser.get().result_int();
    }

private:
    net::io_context m_io;
    tcp::socket m_socket{m_io};
    boost::beast::flat_buffer m_buffer;
};

struct Session {
    std::string username;
    std::string token;
    std::vector<std::string> villages;
};

// A simulated tablet: its own households, their latest known versions, its sequence and clock.
class Device {
public:
    Device(std::string id, const Session &session, uint64_t seed)
        : m_id(std::move(id))
        , m_session(session)
        , m_random(seed) {}

    std::string nextPush(size_t size, size_t &fieldMutations);
    void observe(const std::string &answer);
    const std::string &id() const { return m_id; }
    const Session &session() const { return m_session; }
    // Its own login: a token is bound to one device (docs/accounts.md).
    std::string token;

private:
    struct Household {
        std::string id;
        std::string village;
        int64_t version = 0;
        int members = 0;
    };
    Mutation envelope(const std::string &kind, const std::string &recordId, const Household &h);

    std::string m_id;
    const Session &m_session;
    std::mt19937_64 m_random;
    std::vector<Household> m_households;
    std::map<std::string, size_t> m_index;
    int64_t m_seq = 0;
    HlcStamp m_last;
};

Mutation Device::envelope(const std::string &kind, const std::string &recordId, const Household &h) {
    const int64_t now = wallMs();
    m_last = now > m_last.wallMs ? HlcStamp{now, 0, m_id} : HlcStamp{m_last.wallMs, m_last.counter + 1, m_id};
    Mutation m;
    m.deviceId = m_id;
    m.seq = ++m_seq;
    m.id = Mutation::makeId(m_id, m.seq);
    m.kind = kind;
    m.recordId = recordId;
    m.householdId = h.id;
    m.regionCode = h.village;
    m.baseVersion = kind == "household" ? h.version : 0;
    m.hlc = m_last.encode();
    m.author = m_session.username;
    return m;
}

std::string Device::nextPush(size_t size, size_t &fieldMutations) {
    static const std::vector<std::string> kNames{"王秀英", "李建国", "张桂兰", "刘志强", "陈玉珍", "杨德明"};
    static const std::vector<std::string> kGroups{"一组", "二组", "三组", "四组", "五组"};
    protocol::PushRequest push;
    push.deviceId = m_id;
    const bool first = m_households.empty();
    for (size_t i = 0; i < size; ++i) {
        const unsigned r = m_random() % 100;
        if (first ? r < 40 : r < 10) {
            Household h;
            h.id = m_id + "-hh" + std::to_string(m_households.size() + 1);
            h.village = m_session.villages[m_random() % m_session.villages.size()];
            m_index[h.id] = m_households.size();
            m_households.push_back(h);
            Mutation m = envelope("household", h.id, h);
            m.fields = {{"regionCode", h.village},
                        {"householdType", "一般农户"},
                        {"headName", kNames[m_random() % kNames.size()]},
                        {"group", kGroups[m_random() % kGroups.size()]},
                        {"address", "测试村" + std::to_string(m_random() % 200) + "号"},
                        {"phone", "13" + std::to_string(100000000 + m_random() % 899999999)}};
            push.mutations.push_back(std::move(m));
        } else if (m_households.empty() || (first ? true : r < 40)) {
            if (m_households.empty()) {
                --i;
                continue;
            }
            auto &h = m_households[m_random() % m_households.size()];
            const std::string id = h.id + "-m" + std::to_string(++h.members);
            Mutation m = envelope("member", id, h);
            const int year = 1950 + static_cast<int>(m_random() % 60);
            char first17[18];
            std::snprintf(first17, sizeof first17, "429005%04d0101%03d", year,
                          static_cast<int>(m_random() % 1000));
            char birth[11];
            std::snprintf(birth, sizeof birth, "%04d-01-01", year);
            m.fields = {{"name", kNames[m_random() % kNames.size()]},
                        {"relationToHead", h.members == 1 ? "户主" : "之女"},
                        {"idNo", std::string(first17) + idNumberCheckDigit(first17)},
                        {"sex", m_random() % 2 ? "男" : "女"},
                        {"birthDate", birth},
                        {"seq", h.members}};
            push.mutations.push_back(std::move(m));
        } else {
            const auto &h = m_households[m_random() % m_households.size()];
            Mutation m = envelope("household", h.id, h);
            m.fields = {{"headName", kNames[m_random() % kNames.size()]},
                        {"phone", "13" + std::to_string(100000000 + m_random() % 899999999)},
                        {"group", kGroups[m_random() % kGroups.size()]}};
            push.mutations.push_back(std::move(m));
        }
        fieldMutations += push.mutations.back().fields.size();
    }
    return boost::json::serialize(push.toJson());
}

void Device::observe(const std::string &answer) {
    auto json = parseJson(answer);
    if (!json || !json->is_object())
        return;
    const auto *results = json->as_object().if_contains("results");
    if (!results || !results->is_array())
        return;
    for (const auto &r : results->as_array()) {
        const auto *record = r.as_object().if_contains("record");
        if (!record || !record->is_object())
            continue;
        const auto &o = record->as_object();
        if (o.at("kind").as_string() != "household")
            continue;
        auto it = m_index.find(std::string(o.at("id").as_string()));
        if (it != m_index.end())
            m_households[it->second].version =
                std::max(m_households[it->second].version, o.at("version").as_int64());
    }
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

double percentile(std::vector<double> sorted, double p) {
    if (sorted.empty())
        return 0;
    return sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()))];
}

} // namespace

int main(int argc, char **argv) {
    size_t devices = 100;
    size_t rounds = 5;
    size_t batch = 200;
    int threads = 0;
    int intervalMs = 0;
    std::string server = RUHU_SYNCD_PATH;
    std::string baseDir = std::filesystem::temp_directory_path().string();
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        bool hasValue = i + 1 < argc;
        if (!std::strcmp(argv[i], "--devices") && hasValue)
            devices = std::max<size_t>(1, std::strtoull(argv[++i], nullptr, 10));
        else if (!std::strcmp(argv[i], "--rounds") && hasValue)
            rounds = std::max<size_t>(1, std::strtoull(argv[++i], nullptr, 10));
        else if (!std::strcmp(argv[i], "--batch") && hasValue)
            batch = std::clamp<size_t>(std::strtoull(argv[++i], nullptr, 10), 1, protocol::kMaxPushMutations);
        else if (!std::strcmp(argv[i], "--threads") && hasValue)
            threads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--interval-ms") && hasValue)
            intervalMs = std::max(0, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--server") && hasValue)
            server = argv[++i];
        else if (!std::strcmp(argv[i], "--dir") && hasValue)
            baseDir = argv[++i];
        else if (!std::strcmp(argv[i], "--keep"))
            keep = true;
        else {
            std::fprintf(stderr, "usage: bench_load [--devices N] [--rounds N] [--batch N] [--threads N] "
                                 "[--interval-ms T] [--server PATH] [--dir DIR] [--keep]\n");
            return 2;
        }
    }
    std::string pattern = (std::filesystem::path(baseDir) / "bench_load.XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        std::perror("mkdtemp");
        return 2;
    }
    const std::filesystem::path root = pattern;
    const std::string portFile = (root / "port").string();
    const std::string logFile = (root / "server.log").string();

    // --- Start the server. -----------------------------------------------------------------------------
    std::vector<std::string> args{server, "--listen", "127.0.0.1:0", "--data-dir", (root / "data").string(),
                                  "--demo", "--port-file", portFile,
                                  // Capacity, not policy: the simulated devices share five accounts, far over
                                  // a real user's rate and token cap.
                                  "--rate-limit", "0", "--max-tokens-per-user", "1000"};
    if (threads > 0) {
        args.push_back("--threads");
        args.push_back(std::to_string(threads));
    }
    pid_t pid = spawnServer(args, logFile);
    if (pid < 0)
        return 2;
    auto stopServer = [&](bool quiet) {
        if (pid <= 0)
            return -1;
        kill(pid, SIGTERM);
        int status = 0;
        waitpid(pid, &status, 0);
        pid = -1;
        if (!quiet && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
            std::fprintf(stderr, "server did not exit cleanly (status %d), log: %s\n", status,
                         logFile.c_str());
        return status;
    };
    int port = 0;
    for (int i = 0; i < 400 && port == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::ifstream in(portFile);
        in >> port;
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            std::fprintf(stderr, "server exited at start, log: %s\n", logFile.c_str());
            return 2;
        }
    }
    if (port == 0) {
        std::fprintf(stderr, "server did not write its port within 20 s, log: %s\n", logFile.c_str());
        stopServer(true);
        return 2;
    }

    // --- Log in once per user. --------------------------------------------------------------------------
    std::vector<Session> sessions;
    auto loginStart = SteadyClock::now();
    try {
        Connection connection(port);
        for (const char *user : {"cadre1", "cadre2", "cadre3", "township", "county"}) {
            std::string answer, error;
            unsigned status = connection.call(
                http::verb::post, "/api/v1/login",
                boost::json::serialize(protocol::LoginRequest{user, "ruhu2024", "bench-load"}.toJson()), {},
                answer, error);
            auto json = parseJson(answer);
            auto login = json ? protocol::LoginResponse::fromJson(*json)
                              : Result<protocol::LoginResponse>(json.error());
            if (status != 200 || !login) {
                std::fprintf(stderr, "login %s: HTTP %u %s %s\n", user, status, error.c_str(),
                             answer.c_str());
                stopServer(true);
                return 2;
            }
            Session s{user, login->token, {}};
            for (const auto &area : login->areas) {
                if (area.level == "village")
                    s.villages.push_back(area.code);
            }
            if (s.villages.empty()) {
                std::fprintf(stderr, "login %s: no village in scope\n", user);
                stopServer(true);
                return 2;
            }
            sessions.push_back(std::move(s));
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "login: %s\n", e.what());
        stopServer(true);
        return 2;
    }
    const double loginSeconds = std::chrono::duration<double>(SteadyClock::now() - loginStart).count();

    // --- The devices. -----------------------------------------------------------------------------------
    std::vector<std::unique_ptr<Device>> fleet;
    for (size_t d = 0; d < devices; ++d) {
        char id[32];
        std::snprintf(id, sizeof id, "load-dev-%03zu", d);
        fleet.push_back(std::make_unique<Device>(id, sessions[d % sessions.size()], 1000 + d));
    }
    // Each device logs in with its own id (argon2id: not part of the measured pushes).
    try {
        Connection connection(port);
        for (auto &device : fleet) {
            std::string answer, error;
            unsigned status = connection.call(
                http::verb::post, "/api/v1/login",
                boost::json::serialize(
                    protocol::LoginRequest{device->session().username, "ruhu2024", device->id()}.toJson()),
                {}, answer, error);
            auto json = parseJson(answer);
            if (status != 200 || !json || !json->is_object() || !json->as_object().contains("token")) {
                std::fprintf(stderr, "login %s: HTTP %u %s\n", device->id().c_str(), status, error.c_str());
                stopServer(true);
                return 2;
            }
            device->token = std::string(json->as_object().at("token").as_string());
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "login: %s\n", e.what());
        stopServer(true);
        return 2;
    }
    std::mutex resultsMutex;
    std::vector<double> latenciesMs;
    std::map<std::string, size_t> statuses;
    std::atomic<size_t> failures{0};
    std::atomic<size_t> fieldMutations{0};
    std::atomic<long> peakRssKb{0};
    std::string firstError;
    std::barrier start(static_cast<std::ptrdiff_t>(devices + 1));
    std::vector<std::thread> workers;
    for (size_t d = 0; d < devices; ++d) {
        workers.emplace_back([&, d] {
            Device &device = *fleet[d];
            std::unique_ptr<Connection> connection;
            std::string connectError;
            try {
                connection = std::make_unique<Connection>(port);
            } catch (const std::exception &e) {
                connectError = e.what();
            }
            std::mt19937 jitter(static_cast<unsigned>(d));
            std::vector<double> mine;
            std::map<std::string, size_t> myStatuses;
            start.arrive_and_wait();
            if (!connection) {
                failures += rounds;
                std::lock_guard lock(resultsMutex);
                if (firstError.empty())
                    firstError = "connect: " + connectError;
                return;
            }
            if (intervalMs > 0) // spread the first pushes over one interval
                std::this_thread::sleep_for(std::chrono::milliseconds(jitter() % intervalMs));
            for (size_t round = 0; round < rounds; ++round) {
                size_t fields = 0;
                std::string body = device.nextPush(batch, fields);
                std::string answer, error;
                auto t0 = SteadyClock::now();
                unsigned status = connection->call(http::verb::post, "/api/v1/push", std::move(body),
                                                   device.token, answer, error);
                auto t1 = SteadyClock::now();
                if (status != 200) {
                    ++failures;
                    std::lock_guard lock(resultsMutex);
                    if (firstError.empty())
                        firstError = "push: HTTP " + std::to_string(status) + " " + error + " " +
                                     answer.substr(0, 300);
                    if (status == 0)
                        return;
                    continue;
                }
                mine.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
                fieldMutations += fields;
                device.observe(answer);
                if (intervalMs > 0) {
                    std::uniform_int_distribution<int> wait(intervalMs / 2, intervalMs * 3 / 2);
                    std::this_thread::sleep_for(std::chrono::milliseconds(wait(jitter)));
                }
            }
            std::lock_guard lock(resultsMutex);
            latenciesMs.insert(latenciesMs.end(), mine.begin(), mine.end());
        });
    }
    // Sample the server's resident set while the load runs (VmHWM is the kernel's own peak).
    std::atomic<bool> done{false};
    std::thread sampler([&] {
        while (!done) {
            peakRssKb = std::max(peakRssKb.load(), serverKb(pid, "VmRSS:"));
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    start.arrive_and_wait();
    auto t0 = SteadyClock::now();
    for (auto &w : workers)
        w.join();
    const double elapsed = std::chrono::duration<double>(SteadyClock::now() - t0).count();
    done = true;
    sampler.join();
    const long hwmKb = serverKb(pid, "VmHWM:");
    stopServer(false);

    std::sort(latenciesMs.begin(), latenciesMs.end());
    const size_t pushes = latenciesMs.size();
    double load[3] = {0, 0, 0};
    getloadavg(load, 3);
    std::printf("server:        %s%s, data dir %s\n", server.c_str(),
                threads > 0 ? (" --threads " + std::to_string(threads)).c_str() : " (default threads)",
                (root / "data").c_str());
    std::printf(
        "devices:       %zu (%zu users, one login each: %.2f s), %zu pushes x %zu mutations each, %s\n",
        devices, sessions.size(), loginSeconds, rounds, batch,
        intervalMs > 0 ? ("~" + std::to_string(intervalMs) + " ms between a device's pushes").c_str()
                       : "closed loop (push again at once)");
    std::printf("load average:  %.2f %.2f %.2f (2 shared cores; clients and server share them)\n", load[0],
                load[1], load[2]);
    std::printf("pushes:        %zu ok, %zu failed in %.2f s: %.1f pushes/s, %.0f mutations/s, %.0f field "
                "mutations/s\n",
                pushes, failures.load(), elapsed, pushes / elapsed, pushes * batch / elapsed,
                fieldMutations.load() / elapsed);
    if (pushes) {
        std::printf("latency (ms):  p50 %.1f, p90 %.1f, p99 %.1f, max %.1f, mean %.1f\n",
                    percentile(latenciesMs, 0.5), percentile(latenciesMs, 0.9), percentile(latenciesMs, 0.99),
                    latenciesMs.back(), [&] {
                        double sum = 0;
                        for (double v : latenciesMs)
                            sum += v;
                        return sum / pushes;
                    }());
    }
    std::printf("server memory: peak RSS (VmHWM) %.1f MB, highest sampled VmRSS %.1f MB\n", hwmKb / 1024.0,
                peakRssKb.load() / 1024.0);
    if (!firstError.empty())
        std::printf("first error:   %s\n", firstError.c_str());
    const bool ok = failures == 0 && pushes > 0 && percentile(latenciesMs, 0.99) < 100.0;
    std::printf("target (p99 < 100 ms, no failures): %s\n", ok ? "met" : "NOT MET");
    if (!keep) {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
    } else {
        std::printf("kept:          %s (server log: %s)\n", root.c_str(), logFile.c_str());
    }
    return ok ? 0 : 1;
}
