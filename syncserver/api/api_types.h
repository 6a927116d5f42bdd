#pragma once

#include "../storage/central_store.h"
#include "../storage/media_blob_store.h"

#include <ruhu/model/record_limits.h>
#include <ruhu/sync/clock.h>
#include <ruhu/sync/protocol.h>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/value.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ruhu::server {

namespace http = boost::beast::http;

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

// Sessions and passwords (docs/accounts.md).
struct AccountOptions {
    int64_t tokenLifetimeMs = 720LL * 60 * 60 * 1000; // --token-lifetime-hours
    size_t maxTokensPerUser = 10;                     // --max-tokens-per-user; the oldest are dropped
    bool demo = false;                                // --demo: the published demo password is allowed
};

// Push limits the admin may lower (limits.push_mutations, limits.record_bytes); the protocol's maxima are the
// defaults and upper bounds.
struct PushLimits {
    size_t maxMutations = protocol::kMaxPushMutations;
    size_t maxRecordBytes = kMaxRecordBytes;
};

// What handlers may use: the store and the time. No sockets.
struct ApiContext {
    CentralStore &store;
    const Clock &clock;
    // A mutation stamped further ahead of the server clock than this does not win a concurrent clash.
    int64_t maxClockAheadMs = 10 * 60 * 1000;
    // Photo and signature blobs (docs/media-sync.md); null: the media endpoints answer 404.
    MediaBlobStore *media = nullptr;
    AccountOptions accounts;
    PushLimits push;
    // Per request: the peer address of the connection ("127.0.0.1"), for the read audit. The session
    // copies the context for each request and sets it; empty where no socket is involved.
    std::string clientAddress;
    // The console (docs/console.md): whether clients reach the server over TLS (its cookies are then
    // Secure), and a directory to serve the console's assets from instead of the embedded copies.
    bool secureTransport = false;
    std::string consoleAssetsDir;
};

// Bytes of an open blob that the session streams back (GET /api/v1/media/{sha256}), never read whole.
struct FileSlice {
    std::shared_ptr<BlobReader> reader;
    int64_t offset = 0;
    int64_t length = 0;
    bool partial = false; // a Range answer: 206 with Content-Range
    std::string etag;
};

// A handler's answer before it becomes HTTP: status, JSON body, and what the access log may say.
struct ApiReply {
    http::status status = http::status::ok;
    boost::json::value body;
    std::string user;              // the authenticated user, for the log
    std::string allow;             // for 405: the methods the path accepts
    std::string contentRange;      // for 206/416
    std::string retryAfter;        // for 429/503: seconds
    std::optional<FileSlice> file; // set: the answer is these bytes, not body
    // Set: an in-memory non-JSON answer (the printable PDF), sent as rawBody instead of body.
    std::string contentType;
    std::string rawBody;
    // Further response headers (the console's cookies, redirects, Content-Security-Policy); set last,
    // so they replace a default of the same name.
    std::vector<std::pair<std::string, std::string>> headers;
    // For the access log only, never sent: why a 5xx happened (an exception, a storage error).
    std::string cause;
    // Sent as X-Request-Id and logged with the request (set by the session).
    std::string requestId;
};

} // namespace ruhu::server
