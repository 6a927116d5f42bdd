#pragma once

#include "central_store.h"
#include "media_blob_store.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace ruhu::server {

// The background sweep of the media store: every interval (half the grace period, between 1 s and 1 h)
// it deletes complete blobs that no live photo/authorization record references and partial uploads that
// nobody continued, both once older than the grace period, and logs the counts (never file contents).
class MediaCollector {
public:
    MediaCollector(MediaBlobStore &media, CentralStore &store);
    ~MediaCollector(); // stops and joins the thread

    MediaCollector(const MediaCollector &) = delete;
    MediaCollector &operator=(const MediaCollector &) = delete;

    static std::chrono::milliseconds intervalFor(std::chrono::seconds grace);

private:
    void run();
    void sweepOnce();

    MediaBlobStore &m_media;
    CentralStore &m_store;
    std::chrono::milliseconds m_interval;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false; // guarded by m_mutex
    std::thread m_thread;
};

} // namespace ruhu::server
