// Media protocol v1 (docs/media-sync.md): resumable chunked upload of content-addressed blobs, each
// user's upload their own, and downloads with Range for users inside the area of a record whose
// reference to the blob is trusted (media_access.h), each download audited.
#include "audit.h"
#include "auth.h"
#include "byte_range.h"
#include "handlers.h"
#include "media_access.h"
#include "query.h"
#include "replies.h"
#include "scope.h"

#include <boost/beast/http/field.hpp>

#include <algorithm>

namespace ruhu::server {
namespace {

constexpr std::string_view kPrefix = "/api/v1/media/";
constexpr std::string_view kUploadSuffix = "/upload";

// Error bodies carry the project's "code" and, as protocol v1 spells it, "error" (same value).
ApiReply mediaError(const MediaError &error) {
    http::status status = http::status::bad_request;
    if (error.code == "offset_mismatch")
        status = http::status::conflict;
    else if (error.code == "media_too_large")
        status = http::status::payload_too_large;
    else if (error.code == "hash_mismatch")
        status = http::status::unprocessable_entity;
    else if (error.code == "media_quota_exceeded" || error.code == "storage_low")
        status = http::status::insufficient_storage;
    else if (error.code != "bad_request")
        status = statusForError(error.code);
    ApiReply reply = errorReply(status, error.code, error.message);
    auto &body = reply.body.as_object();
    body["error"] = error.code;
    if (error.received >= 0)
        body["received"] = error.received;
    if (error.limit >= 0)
        body["limit"] = error.limit;
    return reply;
}

ApiReply badRequest(const std::string &message) {
    return mediaError(MediaError{"bad_request", message, -1, -1});
}

ApiReply notFound() {
    ApiReply reply = errorReply(http::status::not_found, "not_found", "照片不存在或不在您的管辖范围内");
    reply.body.as_object()["error"] = "not_found";
    return reply;
}

// size (and offset, when asked for) from the query string.
struct UploadQuery {
    int64_t size = 0;
    int64_t offset = 0;
};

std::optional<UploadQuery> parseUploadQuery(std::string_view target, bool withOffset) {
    auto params = queryParams(target);
    if (!params)
        return std::nullopt;
    UploadQuery query;
    auto size = params->find("size");
    if (size == params->end())
        return std::nullopt;
    auto sizeValue = parseNonNegative(size->second);
    if (!sizeValue || *sizeValue == 0)
        return std::nullopt;
    query.size = *sizeValue;
    if (withOffset) {
        auto offset = params->find("offset");
        if (offset == params->end())
            return std::nullopt;
        auto offsetValue = parseNonNegative(offset->second);
        if (!offsetValue)
            return std::nullopt;
        query.offset = *offsetValue;
    }
    return query;
}

ApiReply uploadState(const MediaResult<UploadState> &result, const std::string &sha256, bool withSha) {
    if (auto *error = std::get_if<MediaError>(&result))
        return mediaError(*error);
    const auto &state = std::get<UploadState>(result);
    boost::json::object body;
    if (withSha) {
        body["sha256"] = sha256;
        body["size"] = state.size;
    }
    body["received"] = state.received;
    body["complete"] = state.complete;
    return jsonReply(std::move(body));
}

// Uploads are field work: village, township and county accounts, each for their own area.
bool mayUpload(const UserAccount &user) {
    const bool role = user.role == "village" || user.role == "township" || user.role == "county";
    return role &&
           std::any_of(user.scope.begin(), user.scope.end(), [](const auto &a) { return !a.empty(); });
}

// The blob as this user completed it earlier (and it is still stored): their upload is done.
Result<std::optional<UploadState>> ownCompleted(const ApiContext &context, const UserAccount &user,
                                                const std::string &sha256) {
    auto uploads = context.store.mediaUploads(sha256);
    if (!uploads)
        return uploads.error();
    for (const auto &upload : *uploads) {
        if (upload.username == user.username && context.media->hasBlob(sha256))
            return std::optional<UploadState>(UploadState{upload.size, upload.size, true});
    }
    return std::optional<UploadState>();
}

ApiReply uploadStatus(const ApiContext &context, const UserAccount &user, const std::string &sha256,
                      int64_t size) {
    auto own = ownCompleted(context, user, sha256);
    if (!own)
        return errorReply(own.error());
    if (*own)
        return uploadState(**own, sha256, true);
    // Someone else's copy of the same blob is not this user's: it looks not started until they upload it.
    return uploadState(context.media->status(user.username, sha256, size), sha256, true);
}

ApiReply uploadChunk(const Request &request, const ApiContext &context, const UserAccount &user,
                     const std::string &sha256, int64_t size, int64_t offset) {
    auto own = ownCompleted(context, user, sha256);
    if (!own)
        return errorReply(own.error());
    if (*own) // a retried last chunk, or a second device of the same user: stored nothing again
        return uploadState(**own, sha256, false);
    auto stored = context.store.mediaUploadBytes(user.username);
    if (!stored)
        return errorReply(stored.error());
    auto result = context.media->append(user.username, sha256, size, offset, request.body(), *stored);
    if (auto *state = std::get_if<UploadState>(&result); state && state->complete) {
        MediaUpload upload{sha256,     user.username, requestDevice(request),
                           user.scope, size,          context.clock.nowMs()};
        if (auto st = context.store.putMediaUpload(upload); !st)
            return errorReply(st.error());
    }
    return uploadState(result, sha256, false);
}

ApiReply download(const Request &request, const ApiContext &context, const UserAccount &user,
                  const std::string &sha256) {
    auto access = mediaAccess(context.store, user.scope, sha256);
    if (!access)
        return errorReply(access.error());
    if (!access->allowed) {
        // A refused attempt on a blob that an in-area record names (a forged photo record) is audited.
        if (!access->households.empty()) {
            if (auto st = auditRead(request, context, user, "media", sha256, "denied", access->households);
                !st)
                return errorReply(st.error());
        }
        return notFound();
    }
    auto reader = context.media->openBlob(sha256);
    if (!reader)
        return errorReply(reader.error());
    if (!*reader)
        return notFound();

    const int64_t size = (*reader)->size();
    auto rangeHeader = request[http::field::range];
    const ByteRangeRequest range =
        parseByteRange(std::string_view(rangeHeader.data(), rangeHeader.size()), size);
    ApiReply reply;
    if (range.kind == ByteRangeRequest::Kind::Unsatisfiable) {
        reply = errorReply(http::status::range_not_satisfiable, "range_not_satisfiable",
                           "请求的范围超出照片大小");
        reply.body.as_object()["error"] = "range_not_satisfiable";
        reply.contentRange = "bytes */" + std::to_string(size);
        return reply;
    }
    if (auto st =
            auditRead(request, context, user, "media", sha256,
                      range.kind == ByteRangeRequest::Kind::Slice ? "partial" : "ok", access->households);
        !st)
        return errorReply(st.error());
    FileSlice slice{*reader, 0, size, false, "\"" + sha256 + "\""};
    if (range.kind == ByteRangeRequest::Kind::Slice) {
        slice.offset = range.first;
        slice.length = range.length;
        slice.partial = true;
        reply.status = http::status::partial_content;
        reply.contentRange = "bytes " + std::to_string(range.first) + "-" +
                             std::to_string(range.first + range.length - 1) + "/" + std::to_string(size);
    }
    reply.file = std::move(slice);
    return reply;
}

ApiReply dispatch(const Request &request, const ApiContext &context, const UserAccount &user) {
    const std::string_view target(request.target().data(), request.target().size());
    std::string_view rest = pathOf(target).substr(kPrefix.size());
    const bool upload = rest.ends_with(kUploadSuffix);
    if (upload)
        rest.remove_suffix(kUploadSuffix.size());
    const std::string sha256(rest);
    if (!MediaBlobStore::isSha256(sha256)) {
        if (rest.find('/') != std::string_view::npos)
            return errorReply(http::status::not_found, "not_found", "请求的地址不存在");
        return badRequest("照片标识应为 64 位小写十六进制 SHA-256");
    }
    auto wrongMethod = [&](http::verb allowed) {
        ApiReply reply = errorReply(http::status::method_not_allowed, "method_not_allowed",
                                    "该地址不支持 " + std::string(request.method_string()) + " 请求");
        reply.allow = std::string(http::to_string(allowed));
        return reply;
    };

    if ((upload || request.method() == http::verb::put) && !mayUpload(user))
        return errorReply(http::status::forbidden, "forbidden_role",
                          "您的账号不能上传照片（仅村、乡镇、县级账号可以上传）");
    if (upload) {
        if (request.method() != http::verb::get)
            return wrongMethod(http::verb::get);
        auto query = parseUploadQuery(target, false);
        if (!query)
            return badRequest("size 应为正整数（照片字节数）");
        return uploadStatus(context, user, sha256, query->size);
    }
    if (request.method() == http::verb::put) {
        auto query = parseUploadQuery(target, true);
        if (!query)
            return badRequest("size 应为正整数，offset 应为非负整数");
        return uploadChunk(request, context, user, sha256, query->size, query->offset);
    }
    if (request.method() == http::verb::get)
        return download(request, context, user, sha256);
    ApiReply reply = wrongMethod(http::verb::get);
    reply.allow = "GET, PUT";
    return reply;
}

} // namespace

bool isMediaUpload(http::verb method, std::string_view target) {
    return method == http::verb::put && target.starts_with(kPrefix);
}

ApiReply handleMedia(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    ApiReply reply = context.media ? dispatch(request, context, *user) : notFound();
    reply.user = user->username;
    return reply;
}

ApiReply mediaChunkTooLarge(const ApiContext &context) {
    const int64_t limit = context.media ? context.media->options().maxChunkBytes : 0;
    return mediaError(MediaError{"media_too_large",
                                 "单次上传的数据块超过服务器上限（" + std::to_string(limit / 1024) +
                                     " KiB），请分成更小的块上传",
                                 -1, limit});
}

} // namespace ruhu::server
