#include "media_collector.h"

#include "../net/json_log.h"

#include <algorithm>

namespace ruhu::server {

MediaCollector::MediaCollector(MediaBlobStore &media, CentralStore &store)
    : m_media(media)
    , m_store(store)
    , m_interval(intervalFor(media.options().grace)) {
    m_thread = std::thread([this] { run(); });
}

MediaCollector::~MediaCollector() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

std::chrono::milliseconds MediaCollector::intervalFor(std::chrono::seconds grace) {
    using namespace std::chrono;
    return std::clamp<milliseconds>(duration_cast<milliseconds>(grace) / 2, seconds(1), hours(1));
}

void MediaCollector::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_wake.wait_for(lock, m_interval, [this] { return m_stopping; }))
            return;
        lock.unlock();
        sweepOnce();
        lock.lock();
    }
}

void MediaCollector::sweepOnce() {
    const auto started = std::chrono::steady_clock::now();
    const int64_t startedMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count();
    // Kept: blobs a live record references, and blobs of records (tombstoned too) whose record or
    // household has an open review, refreshed so they outlive the review by a whole grace period.
    auto counts = m_media.sweep([this](const std::vector<std::string> &shas) -> Result<SweepKeep> {
        auto live = m_store.referencedMedia(shas);
        if (!live)
            return live.error();
        auto underReview = m_store.mediaUnderReview(shas);
        if (!underReview)
            return underReview.error();
        return SweepKeep{std::move(*live), std::move(*underReview)};
    });
    if (!counts) {
        logError("media_sweep_failed", {{"code", counts.error().code}, {"message", counts.error().message}});
        return;
    }
    if (counts->blobsDeleted == 0 && counts->partialsDeleted == 0)
        return;
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
            .count();
    logInfo("media_swept", {{"blobsDeleted", counts->blobsDeleted},
                            {"bytesDeleted", counts->bytesDeleted},
                            {"partialsDeleted", counts->partialsDeleted},
                            {"blobsKept", counts->blobsKept},
                            {"ms", ms}});
    // A swept blob no longer counts against its uploaders' quota, nor as their completed upload.
    if (auto st = m_store.forgetMediaUploads(counts->deleted, startedMs); !st)
        logError("media_sweep_failed", {{"code", st.error().code}, {"message", st.error().message}});
}

} // namespace ruhu::server
