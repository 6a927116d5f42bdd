#pragma once

#include "api_types.h"

#include <ruhu/sync/protocol.h>

#include <vector>

namespace ruhu::server {

struct PushOutcome {
    std::vector<protocol::PushResult> results; // one per mutation, in request order
    std::vector<int64_t> missingSeqs;          // the device's sequence gaps (see sequence_gaps.h)
};

// Applies one push in one write transaction (docs/sync-protocol.md "How the server applies a batch"):
// scope, idempotence, the policy-driven merge (ruhu::mergeMutation), the review queue, workflow
// transitions, households moving with their records, history rows and sequence gaps. A scope violation
// aborts the whole batch (nothing is written); everything else is decided per mutation.
Result<PushOutcome> applyPushBatch(const protocol::PushRequest &push, const UserAccount &user,
                                   const ApiContext &context, int64_t nowMs);

} // namespace ruhu::server
