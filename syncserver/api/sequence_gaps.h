#pragma once

#include "../storage/central_store.h"

#include <vector>

namespace ruhu::server {

inline constexpr size_t kMaxMissingSeqs = 100;
// A declared skip may lie at most this far above the highest seq the server has of the device: a device
// only skips mutations it made, and it never gets that far ahead of what it sent.
inline constexpr int64_t kMaxSkipAhead = 10000;

// After a push: records the seqs the device declared skipped, advances the device's contiguous mark over
// every seq seen (applied, duplicate or skipped) and returns the gaps below the highest seq seen, at most
// kMaxMissingSeqs, lowest first. Error bad_request for a skipped seq beyond kMaxSkipAhead.
Result<std::vector<int64_t>> updateSequenceGaps(CentralStore::WriteTransaction &tx,
                                                const std::string &deviceId,
                                                const std::vector<int64_t> &skippedSeqs);

} // namespace ruhu::server
