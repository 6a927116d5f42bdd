#include "metrics.h"

#include <boost/json/object.hpp>

#include <cstdio>

namespace ruhu::server {
namespace {

void header(std::string &out, std::string_view name, std::string_view type, std::string_view help) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

std::string number(double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", value);
    return buf;
}

void sample(std::string &out, std::string_view name, std::string_view labels, double value) {
    out.append(name);
    if (!labels.empty())
        out.append("{").append(labels).append("}");
    out.append(" ").append(number(value)).append("\n");
}

// Label values here come from fixed sets (routes, methods, outcomes); escaped anyway.
std::string label(std::string_view name, std::string_view value) {
    std::string out(name);
    out += "=\"";
    for (char c : value) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out + "\"";
}

std::string pushOutcome(unsigned status) {
    if (status == 200)
        return "accepted";
    return status >= 500 ? "failed" : "refused";
}

} // namespace

void Metrics::recordRequest(std::string_view route, std::string_view method, unsigned status,
                            double seconds) {
    std::lock_guard lock(m_mutex);
    ++m_requests[{std::string(route), std::string(method), status}];
    Histogram &h = m_latency[std::string(route)];
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++h.buckets[i];
            break;
        }
    }
    ++h.count;
    h.sum += seconds;
}

void Metrics::recordPush(unsigned status, const boost::json::value &body) {
    std::lock_guard lock(m_mutex);
    ++m_pushes[pushOutcome(status)];
    if (status != 200 || !body.is_object())
        return;
    const auto *results = body.get_object().if_contains("results");
    if (!results || !results->is_array())
        return;
    for (const auto &result : results->get_array()) {
        const auto *outcome = result.is_object() ? result.get_object().if_contains("status") : nullptr;
        if (outcome && outcome->is_string())
            ++m_mutations[std::string(outcome->get_string())];
    }
}

std::string Metrics::render(const MetricsGauges &g) const {
    std::string out;
    {
        std::lock_guard lock(m_mutex);
        header(out, "ruhu_http_requests_total", "counter",
               "HTTP requests answered, by route, method and status.");
        for (const auto &[key, count] : m_requests) {
            const auto &[route, method, status] = key;
            sample(out, "ruhu_http_requests_total",
                   label("route", route) + "," + label("method", method) + "," +
                       label("status", std::to_string(status)),
                   double(count));
        }
        header(out, "ruhu_http_request_duration_seconds", "histogram",
               "Time from a request's arrival to its answer being written, by route.");
        for (const auto &[route, h] : m_latency) {
            uint64_t cumulative = 0;
            for (size_t i = 0; i < kBuckets.size(); ++i) {
                cumulative += h.buckets[i];
                sample(out, "ruhu_http_request_duration_seconds_bucket",
                       label("route", route) + "," + label("le", number(kBuckets[i])), double(cumulative));
            }
            sample(out, "ruhu_http_request_duration_seconds_bucket", label("route", route) + ",le=\"+Inf\"",
                   double(h.count));
            sample(out, "ruhu_http_request_duration_seconds_sum", label("route", route), h.sum);
            sample(out, "ruhu_http_request_duration_seconds_count", label("route", route), double(h.count));
        }
        header(out, "ruhu_pushes_total", "counter",
               "Push requests by outcome: accepted (200), refused (4xx, nothing written), failed (5xx).");
        for (const auto &[outcome, count] : m_pushes)
            sample(out, "ruhu_pushes_total", label("outcome", outcome), double(count));
        header(out, "ruhu_push_mutations_total", "counter",
               "Mutations of accepted pushes by result: applied, merged, queued, duplicate, rejected.");
        for (const auto &[outcome, count] : m_mutations)
            sample(out, "ruhu_push_mutations_total", label("outcome", outcome), double(count));
    }
    header(out, "ruhu_login_failures_total", "counter", "Logins refused for a wrong username or password.");
    sample(out, "ruhu_login_failures_total", "", double(m_loginFailures.load()));
    header(out, "ruhu_login_throttled_total", "counter",
           "Logins refused by the lockout after repeated failures.");
    sample(out, "ruhu_login_throttled_total", "", double(m_loginThrottled.load()));
    header(out, "ruhu_rate_limited_total", "counter", "Requests refused by the per-user rate limit (429).");
    sample(out, "ruhu_rate_limited_total", "", double(m_rateLimited.load()));

    header(out, "ruhu_open_connections", "gauge", "Open client connections.");
    sample(out, "ruhu_open_connections", "", double(g.openConnections));
    header(out, "ruhu_store_up", "gauge", "1 if the central store answered the last status query.");
    sample(out, "ruhu_store_up", "", g.storeUp ? 1 : 0);
    if (g.storeUp) {
        header(out, "ruhu_review_queue_open", "gauge", "Open entries in the review queue.");
        sample(out, "ruhu_review_queue_open", "", double(g.openReviews));
        header(out, "ruhu_store_size_bytes", "gauge", "Bytes of the central store on disk.");
        sample(out, "ruhu_store_size_bytes", "", double(g.storeBytes));
    }
    header(out, "ruhu_media_size_bytes", "gauge", "Bytes of stored photo and signature blobs.");
    sample(out, "ruhu_media_size_bytes", "", double(g.mediaBytes));
    header(out, "ruhu_media_files", "gauge", "Stored photo and signature blobs.");
    sample(out, "ruhu_media_files", "", double(g.mediaFiles));
    header(out, "ruhu_disk_free_bytes", "gauge",
           "Free bytes on the file system of the data and of the media directory.");
    if (g.dataFreeBytes >= 0)
        sample(out, "ruhu_disk_free_bytes", label("volume", "data"), double(g.dataFreeBytes));
    if (g.mediaFreeBytes >= 0)
        sample(out, "ruhu_disk_free_bytes", label("volume", "media"), double(g.mediaFreeBytes));
    header(out, "ruhu_disk_min_free_bytes", "gauge",
           "The disk watermark (media.min_free_bytes): uploads stop and /readyz fails below it.");
    sample(out, "ruhu_disk_min_free_bytes", "", double(g.minFreeBytes));
    return out;
}

} // namespace ruhu::server
