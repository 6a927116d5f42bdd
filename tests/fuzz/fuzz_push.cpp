// libFuzzer target for the push decoder and the merge engine. The input is a push body:
//   parse -> protocol::PushRequest::fromJson -> for each mutation, mergeMutation against the record built
//   from the previous ones (as the server's push path does, without storage).
// Besides "no crash, no UB, no leak" (the sanitizers), it checks what must hold for every accepted push:
//  - an accepted request encodes and decodes again to the same request (canonical JSON);
//  - every merged record and every push result survives its own JSON round trip;
//  - merging a mutation a second time into its own result changes nothing (idempotence);
//  - a merged record over the size limits is refused, not stored (as the server does);
//  - every sensitive value a role receives masked is recognised as masked, so it can never be pushed back
//    as if it were the real one.
// Built with clang by tests/fuzz/project (see tests/fuzz/CMakeLists.txt); the ctest fuzz_push_smoke runs it.
#include <ruhu/json/canonical_json.h>
#include <ruhu/model/field_masking.h>
#include <ruhu/model/record_limits.h>
#include <ruhu/model/schema.h>
#include <ruhu/sync/merge_engine.h>
#include <ruhu/sync/protocol.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace {

constexpr int64_t kServerNowMs = 1800000000000;

// Boost.JSON 1.81 parses some doubles one ulp off (no precise number parsing before 1.83), so canonical text
// holding such a double need not reproduce its own bytes after a parse (found by this fuzzer with
// 2.4000033333333334E100 in an income line). Integers, which records use for money, are exact.
bool hasDouble(const boost::json::value &v) {
    if (v.is_double())
        return true;
    if (v.is_array()) {
        for (const auto &item : v.get_array())
            if (hasDouble(item))
                return true;
    }
    if (v.is_object()) {
        for (const auto &kv : v.get_object())
            if (hasDouble(kv.value()))
                return true;
    }
    return false;
}

[[noreturn]] void fail(const char *what, const std::string &detail) {
    std::fprintf(stderr, "fuzz_push: %s\n%s\n", what, detail.c_str());
    std::abort();
}

// What a township or admin device receives must be recognisable as masked wherever it is not in clear.
void checkMasking(const ruhu::RecordKind &kind, const boost::json::object &fields) {
    for (const char *role : {"township", "admin"}) {
        boost::json::object masked = fields;
        ruhu::maskFieldsForRole(kind.name, masked, role);
        for (const auto &spec : kind.fields) {
            auto it = masked.find(spec.name);
            if (!spec.sensitive || it == masked.end() || it->value().is_null() ||
                ruhu::roleSeesInClear(role, spec))
                continue;
            if (!ruhu::looksMasked(spec, it->value()))
                fail("a masked value is not recognised as masked", spec.name + " for " + role);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    using namespace ruhu;
    // FUZZ_PUSH_VERBOSE=1 says why an input was refused (to check that seed corpus files are valid pushes).
    static const bool verbose = std::getenv("FUZZ_PUSH_VERBOSE") != nullptr;
    auto json = parseJson(std::string_view(reinterpret_cast<const char *>(data), size));
    if (!json) {
        if (verbose)
            std::fprintf(stderr, "fuzz_push: not JSON: %s\n", json.error().message.c_str());
        return 0;
    }
    auto push = protocol::PushRequest::fromJson(*json);
    if (!push) {
        if (verbose)
            std::fprintf(stderr, "fuzz_push: refused: %s: %s\n", push.error().field.c_str(),
                         push.error().message.c_str());
        return 0;
    }
    if (verbose)
        std::fprintf(stderr, "fuzz_push: accepted %zu mutations\n", push->mutations.size());

    // An accepted request is what a device would send: it must survive its own encoding.
    const std::string encoded = toCanonicalJson(push->toJson());
    auto reparsed = parseJson(encoded);
    if (!reparsed)
        fail("re-encoded request does not parse", encoded);
    auto again = protocol::PushRequest::fromJson(*reparsed);
    if (!again)
        fail("re-encoded request is refused", again.error().field + ": " + again.error().message);
    if (!hasDouble(*json) && toCanonicalJson(again->toJson()) != encoded)
        fail("request round trip changed it", encoded);

    std::map<std::pair<std::string, std::string>, Record> records;
    int64_t version = 0;
    protocol::PushResponse response;
    for (const Mutation &m : push->mutations) {
        const auto key = std::pair(m.kind, m.recordId);
        std::optional<Record> current;
        if (auto it = records.find(key); it != records.end())
            current = it->second;
        const MergeContext context{kServerNowMs, 10 * 60 * 1000, version + 1};
        MergeDecision d = mergeMutation(current, m, context);
        const std::string status = d.status();
        const RecordKind *kind = findRecordKind(m.kind);
        if (kind && !checkRecordLimits(*kind, d.record.fields))
            continue; // record_too_large: the server refuses the mutation and stores nothing
        if (kind)
            checkMasking(*kind, d.record.fields);
        if (d.changed) {
            d.record.version = ++version;
            records[key] = d.record;
        }

        // The record as the server would store and send it.
        const std::string recordText = toCanonicalJson(d.record.toJson());
        auto recordJson = parseJson(recordText);
        if (!recordJson)
            fail("merged record does not parse", recordText);
        auto record = Record::fromJson(*recordJson);
        if (!record)
            fail("merged record is refused", record.error().message + "\n" + recordText);

        // The same mutation again, on top of its own result: nothing may change (a resent push).
        if (d.changed && !d.clockAhead) {
            MergeDecision twice =
                mergeMutation(d.record, m, MergeContext{kServerNowMs, 10 * 60 * 1000, version + 1});
            if (twice.changed)
                fail("merging a mutation twice changed the record again", recordText);
        }

        protocol::PushResult result;
        result.mutationId = m.id;
        result.status = status;
        result.supersededFields = d.superseded;
        result.refusedFields = d.refused;
        for (const auto &c : d.conflicts)
            result.queuedFields.push_back(c.field);
        result.hasRecord = true;
        result.record = d.record;
        response.results.push_back(std::move(result));
    }
    response.serverTimeMs = kServerNowMs;
    const std::string answer = toCanonicalJson(response.toJson());
    auto answerJson = parseJson(answer);
    if (!answerJson || !protocol::PushResponse::fromJson(*answerJson))
        fail("push answer does not decode", answer);
    return 0;
}
