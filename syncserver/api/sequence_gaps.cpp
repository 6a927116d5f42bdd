#include "sequence_gaps.h"

namespace ruhu::server {

Result<std::vector<int64_t>> updateSequenceGaps(CentralStore::WriteTransaction &tx,
                                                const std::string &deviceId,
                                                const std::vector<int64_t> &skippedSeqs) {
    auto contiguous = tx.contiguousSeq(deviceId);
    if (!contiguous)
        return contiguous.error();
    if (!skippedSeqs.empty()) {
        auto highest = tx.maxSeq(deviceId);
        if (!highest)
            return highest.error();
        for (int64_t seq : skippedSeqs) {
            if (seq > *highest + kMaxSkipAhead)
                return Error{"bad_request", "skippedSeqs 中的序号超出本设备已发送的范围", "skippedSeqs"};
        }
    }
    if (auto st = tx.putSkippedSeqs(deviceId, skippedSeqs); !st)
        return st.error();
    auto seen = tx.seenSeqsAbove(deviceId, *contiguous);
    if (!seen)
        return seen.error();

    int64_t mark = *contiguous;
    size_t i = 0;
    while (i < seen->size() && (*seen)[i] == mark + 1) {
        ++mark;
        ++i;
    }
    std::vector<int64_t> missing;
    int64_t next = mark + 1;
    for (; i < seen->size() && missing.size() < kMaxMissingSeqs; ++i) {
        for (int64_t s = next; s < (*seen)[i] && missing.size() < kMaxMissingSeqs; ++s)
            missing.push_back(s);
        next = (*seen)[i] + 1;
    }
    if (mark != *contiguous) {
        if (auto st = tx.putContiguousSeq(deviceId, mark); !st)
            return st.error();
    }
    return missing;
}

} // namespace ruhu::server
