#pragma once

#include <boost/json/value.hpp>

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace ruhu::server {

// What GET /metrics reports besides the counters, read when it is asked (docs/operations.md).
struct MetricsGauges {
    int64_t openConnections = 0;
    bool storeUp = false;
    int64_t openReviews = 0;
    int64_t storeBytes = 0;
    int64_t mediaBytes = 0;
    int64_t mediaFiles = 0;
    int64_t dataFreeBytes = -1; // on the data directory's file system; -1 unknown
    int64_t mediaFreeBytes = -1;
    int64_t minFreeBytes = 0; // the disk watermark
};

// The server's counters and latency histograms, in the Prometheus text format. Labels are routes (the
// router's patterns, never a path with an id in it), methods, statuses and outcomes: a fixed, small set.
// No household, device or user id is ever a label. Thread-safe.
class Metrics {
public:
    static constexpr std::array<double, 12> kBuckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                     0.5,   1,    2.5,   5,    10,  30};

    void recordRequest(std::string_view route, std::string_view method, unsigned status, double seconds);
    // A push answer: the batch's HTTP status, and for a 200 each result's status (applied, merged, …).
    void recordPush(unsigned status, const boost::json::value &body);
    void recordLoginFailure() { ++m_loginFailures; }
    void recordLoginThrottled() { ++m_loginThrottled; }
    void recordRateLimited() { ++m_rateLimited; }

    std::string render(const MetricsGauges &gauges) const;

private:
    struct Histogram {
        std::array<uint64_t, kBuckets.size()> buckets{}; // cumulative on output
        uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex m_mutex;
    std::map<std::tuple<std::string, std::string, unsigned>, uint64_t> m_requests; // route, method, status
    std::map<std::string, Histogram> m_latency;                                    // by route
    std::map<std::string, uint64_t> m_pushes;                                      // by outcome
    std::map<std::string, uint64_t> m_mutations;                                   // by outcome
    std::atomic<uint64_t> m_loginFailures = 0;
    std::atomic<uint64_t> m_loginThrottled = 0;
    std::atomic<uint64_t> m_rateLimited = 0;
};

} // namespace ruhu::server
