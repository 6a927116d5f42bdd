#pragma once

#include <ruhu/result.h>
#include <ruhu/sync/mutation.h>
#include <ruhu/sync/record.h>

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

// Sync protocol v1 messages (docs/sync-protocol.md). Both the server and the device encode and decode
// through these types, so the wire format is defined once.
namespace ruhu::protocol {

inline constexpr int kVersion = 1;
inline constexpr size_t kMaxPushMutations = 500;
inline constexpr size_t kMaxPullLimit = 1000;
// skippedSeqs of one push: at most this many, each in 1..kMaxSeq (the server also refuses seqs far beyond
// what the device has sent, see syncserver/api/sequence_gaps.h).
inline constexpr size_t kMaxSkippedSeqs = kMaxPushMutations;
inline constexpr int64_t kMaxSeq = int64_t(1) << 53;
inline constexpr size_t kDefaultPullLimit = 200;

struct Area {
    std::string code;   // 行政区划代码 (6 county, 9 township, 12 village digits)
    std::string name;   // "马家村"
    std::string level;  // "county" | "township" | "village"
    std::string parent; // parent code, empty for the top
};

struct LoginRequest {
    std::string username;
    std::string password;
    // The tablet's device id: the token is bound to it and the first account to log in with it owns it.
    // Without one the session may read but not push.
    std::string deviceId;
    boost::json::value toJson() const;
    static Result<LoginRequest> fromJson(const boost::json::value &json);
};

struct LoginResponse {
    std::string token;
    std::string username;
    std::string displayName;
    std::string role;               // "village" | "township" | "county" | "admin"
    std::vector<std::string> scope; // area codes this user may read and write (prefixes)
    std::vector<Area> areas;        // the named areas inside that scope, for the village list
    int64_t serverTimeMs = 0;
    // An admin reset the password (or it no longer meets the rules): only POST /api/v1/password and
    // /api/v1/logout are answered until it is changed (docs/accounts.md).
    bool mustChangePassword = false;
    boost::json::value toJson() const;
    static Result<LoginResponse> fromJson(const boost::json::value &json);
};

struct PushRequest {
    std::string deviceId;
    std::vector<Mutation> mutations;
    // Optional: sequence numbers this device will never send (mutations it set aside as rejected after a
    // 400/403), so the server stops reporting them as missing.
    std::vector<int64_t> skippedSeqs;
    boost::json::value toJson() const;
    // Validates every mutation; the first bad one is reported with its index and field.
    static Result<PushRequest> fromJson(const boost::json::value &json);
};

// Per-mutation result. status: "applied" | "merged" (some fields kept a newer value or were refused) |
// "queued" (a clash on a review-required field or a delete/edit race waits for a reviewer; reviewIds) |
// "duplicate" (already applied earlier; the effect is not repeated) | "rejected" (code + message say why).
struct PushResult {
    std::string mutationId;
    std::string status;
    std::string code;
    std::string message;
    std::vector<std::string> supersededFields;
    std::vector<std::string> queuedFields;  // held for review ("_delete" for a delete/edit race)
    std::vector<int64_t> reviewIds;         // the review-queue entries this mutation opened
    std::vector<std::string> refusedFields; // immutable or server-computed fields it may not change
    bool hasRecord = false;
    Record record; // the server's record after this mutation, so the device converges without a pull
    boost::json::value toJson() const;
    static Result<PushResult> fromJson(const boost::json::value &json);
};

struct PushResponse {
    std::vector<PushResult> results;
    int64_t serverTimeMs = 0;
    // Sequence numbers of this device the server has not seen (below the highest it has), at most 100:
    // the device should send them again (or list them in skippedSeqs if they will never come).
    std::vector<int64_t> missingSeqs;
    // The central store's incarnation (docs/sync-protocol.md "Restored servers"): it changes when the
    // server is restored from a backup, and the device then sends what the server may have lost.
    std::string incarnation;
    boost::json::value toJson() const;
    static Result<PushResponse> fromJson(const boost::json::value &json);
};

// A record that left the puller's scope (its household moved to another village): the device drops it
// once its own unsynced edits of it are pushed.
struct Departure {
    std::string kind;
    std::string id;
};

struct PullResponse {
    std::vector<Record> changes;     // records changed after the cursor, in version order
    std::vector<Departure> departed; // records that moved out of the scope after the cursor
    int64_t cursor = 0;              // pass back as ?cursor= to continue
    bool hasMore = false;
    int64_t serverTimeMs = 0;
    // The central store's incarnation (docs/sync-protocol.md "Restored servers"): it changes when the
    // server is restored from a backup, and the device then sends what the server may have lost.
    std::string incarnation;
    boost::json::value toJson() const;
    static Result<PullResponse> fromJson(const boost::json::value &json);
};

// Decodes one mutation like Mutation::fromJson, except that a workflowCase may carry a proposed "state"
// (server-computed otherwise): only the state's name is checked here; the server checks the transition.
Result<Mutation> decodeMutation(const boost::json::value &json);

// Every non-2xx answer carries {code, message}; message is Chinese, fit to show a cadre.
boost::json::value errorBody(const std::string &code, const std::string &message);

} // namespace ruhu::protocol
