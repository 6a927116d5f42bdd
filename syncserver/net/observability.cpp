#include "observability.h"

#include "../storage/disk_space.h"
#include "session_registry.h"

namespace ruhu::server {

MetricsGauges readGauges(const ApiContext &context, const ObservabilityOptions &options) {
    MetricsGauges g;
    g.openConnections = options.clients ? int64_t(options.clients->size()) : 0;
    if (auto status = context.store.health()) {
        g.storeUp = true;
        g.openReviews = status->openReviews;
        g.storeBytes = status->bytes;
    }
    g.dataFreeBytes = freeDiskBytes(options.dataDir);
    if (context.media) {
        const auto usage = directoryUsage(context.media->root(), "partial");
        g.mediaFiles = usage.files;
        g.mediaBytes = usage.bytes;
        g.mediaFreeBytes = freeDiskBytes(context.media->root());
        g.minFreeBytes = context.media->options().minFreeBytes;
    }
    return g;
}

Readiness checkReadiness(const ApiContext &context, const ObservabilityOptions &options) {
    Readiness r;
    r.ready = true;
    if (auto status = context.store.health()) {
        r.detail["store"] = "ok";
    } else {
        r.ready = false;
        r.detail["store"] = status.error().message;
    }
    const int64_t watermark = context.media ? context.media->options().minFreeBytes : 0;
    r.detail["minFreeBytes"] = watermark;
    auto disk = [&](const char *name, const std::string &path) {
        const int64_t free = freeDiskBytes(path);
        r.detail[name] = free;
        if (free < 0 || free < watermark)
            r.ready = false;
    };
    disk("dataFreeBytes", options.dataDir);
    if (context.media)
        disk("mediaFreeBytes", context.media->root());
    return r;
}

} // namespace ruhu::server
