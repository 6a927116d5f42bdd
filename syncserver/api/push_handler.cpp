#include "auth.h"
#include "device_activity.h"
#include "handlers.h"
#include "masking.h"
#include "push_batch.h"
#include "replies.h"
#include "server_mutation.h"
#include "session.h"

#include <ruhu/json/canonical_json.h>
#include <ruhu/sync/protocol.h>

namespace ruhu::server {

ApiReply handlePush(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    auto json = parseJson(request.body());
    if (!json)
        return errorReply(json.error());
    auto push = protocol::PushRequest::fromJson(*json);
    if (!push)
        return errorReply(push.error());
    ApiReply reply;
    if (push->mutations.size() > context.push.maxMutations) {
        // The admin's limits.push_mutations, below the protocol's maximum.
        reply =
            errorReply(http::status::bad_request, "batch_too_large",
                       "一次最多推送" + std::to_string(context.push.maxMutations) + "条变更", "mutations");
        reply.user = user->username;
        return reply;
    }
    if (push->deviceId == kServerDeviceId) {
        // The server's own mutations (review decisions) use this device id.
        reply =
            errorReply(http::status::bad_request, "bad_request", "设备编号“server”为服务器保留", "deviceId");
        reply.user = user->username;
        return reply;
    }

    if (auto owned = checkPushDevice(*push, *user); !owned) {
        reply = errorReply(owned.error());
        reply.user = user->username;
        return reply;
    }

    // A masked value pulled by this role must never come back as if it were the real one.
    if (auto clean = checkNoMaskedWrites(push->mutations, user->role); !clean) {
        reply = errorReply(clean.error());
        reply.user = user->username;
        return reply;
    }

    noteDeviceActivity(request, context, *user, DeviceActivity::Kind::Push);
    const int64_t now = context.clock.nowMs();
    auto outcome = applyPushBatch(*push, *user, context, now);
    if (outcome) {
        protocol::PushResponse response;
        response.results = std::move(outcome->results);
        response.missingSeqs = std::move(outcome->missingSeqs);
        response.serverTimeMs = now;
        response.incarnation = context.store.incarnation();
        reply = jsonReply(response.toJson());
    } else {
        reply = errorReply(outcome.error());
    }
    reply.user = user->username;
    return reply;
}

} // namespace ruhu::server
