#pragma once

#include "../api/api_types.h"
#include "metrics.h"

#include <boost/json/object.hpp>

#include <string>

namespace ruhu::server {

// GET /metrics and /readyz (docs/operations.md "Monitoring"). Who may read them is the session's call.
class SessionRegistry;

struct ObservabilityOptions {
    std::string metricsToken; // Bearer token on the main listener; empty: /metrics is not served there
    std::string dataDir;      // whose disk /readyz and ruhu_disk_free_bytes watch
    const SessionRegistry *clients = nullptr; // the main listener's connections
};

MetricsGauges readGauges(const ApiContext &context, const ObservabilityOptions &options);

// Ready: the store answers and both the data and the media disk have at least the watermark free.
// detail: each check's result, for the admin (not for anonymous callers).
struct Readiness {
    bool ready = false;
    boost::json::object detail;
};
Readiness checkReadiness(const ApiContext &context, const ObservabilityOptions &options);

} // namespace ruhu::server
