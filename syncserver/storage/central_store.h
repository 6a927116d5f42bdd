#pragma once

#include <ruhu/result.h>
#include <ruhu/sync/protocol.h>
#include <ruhu/sync/record.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ruhu::server {

struct UserAccount {
    std::string username;
    std::string displayName;
    std::string role;
    std::string passwordHash; // argon2id, crypto_pwhash_str format
    std::vector<std::string> scope;
};

// A login token as stored: only its SHA-256, never the token itself.
struct TokenGrant {
    std::string tokenSha256; // lowercase hex
    std::string username;
    int64_t expiresMs = 0;
};

// One row of the applied-mutations history; the key of push idempotence.
struct AppliedMutation {
    std::string id;
    std::string deviceId;
    int64_t seq = 0;
    int64_t receivedAtMs = 0;
    std::string mutationJson; // canonical JSON of the mutation as received
    std::string resultJson;   // canonical JSON of what the server did with it
    std::string kind;         // the record it targets, for the per-record history
    std::string recordId;
};

// One entry of the review queue: a clash the merge engine would not decide (a review-required field both
// sides changed, or a delete racing an edit; field "_delete"). Both values are kept until a township or
// county reviewer resolves it.
struct ReviewEntry {
    int64_t id = 0; // assigned by putReview
    std::string kind;
    std::string recordId;
    std::string householdId;
    std::string regionCode;
    std::string field;
    boost::json::value baseValue;
    boost::json::value serverValue;
    std::string serverHlc;
    boost::json::value incomingValue;
    std::string incomingHlc;
    std::string mutationId;
    std::string deviceId;
    std::string author;
    int64_t createdAtMs = 0;
    std::string status = "open";   // "open" | "resolved"
    boost::json::value resolution; // null while open
};

struct ReviewPage {
    std::vector<ReviewEntry> reviews; // id order
    bool hasMore = false;
};

// A device's registered signing key (docs/authorization.md "Device key registry"). At most one key per
// device is active; an admin retires it before another can be registered.
struct DeviceKeyRow {
    std::string deviceId;
    std::string publicKey;   // base64 raw Ed25519 public key
    std::string fingerprint; // first 16 hex of SHA-256 of the raw key
    std::string username;    // who registered it
    int64_t registeredAtMs = 0;
    int64_t retiredAtMs = 0; // 0 while active
    std::string retiredBy;
};

// A record that left a region (its household moved) at a version.
struct DepartureRow {
    std::string kind;
    std::string id;
    std::string oldRegion;
    int64_t version = 0;
};

// One loaded rule configuration (docs/rules-config.md). The row with the highest seq is in force; the
// older rows are its history.
struct RuleConfigRow {
    int64_t seq = 0; // assigned by putRuleConfig
    std::string configId;
    int64_t configVersion = 0;
    std::string hash;
    std::string document; // the JSON document as loaded (it carries its hash)
    std::string loadedBy;
    int64_t loadedAtMs = 0;
};

struct ChangePage {
    std::vector<Record> records; // version order
    bool hasMore = false;
    // Records that left the prefixes for a region outside them, with versions after the cursor and, when
    // hasMore, not after the last record's version. Read in the same snapshot as records.
    std::vector<DepartureRow> departed;
};

// The central store behind one interface, so PostgreSQL can join SQLite later. It only stores and finds;
// scope checks, merging and versioning decisions live in the API handlers. Safe to call from any thread.
class CentralStore {
public:
    // All writes of one push (or one seeding) go through one of these: everything it wrote becomes
    // visible at commit(), and nothing if it is destroyed before. While it lives, the store is exclusively
    // the caller's, so read-check-write sequences inside it are atomic.
    class WriteTransaction {
    public:
        virtual ~WriteTransaction() = default;
        virtual Result<std::optional<AppliedMutation>> findApplied(const std::string &mutationId) = 0;
        virtual Result<std::optional<Record>> findRecord(const std::string &kind, const std::string &id) = 0;
        // The next value of the global change-log sequence.
        virtual Result<int64_t> nextVersion() = 0;
        // What nextVersion() will return, without taking it.
        virtual Result<int64_t> peekVersion() = 0;
        virtual Status putRecord(const Record &record) = 0;
        virtual Status putApplied(const AppliedMutation &applied) = 0;
        // Every record (any kind, tombstones too) whose householdId is the given one.
        virtual Result<std::vector<Record>> householdRecords(const std::string &householdId) = 0;

        // Review queue. putReview inserts an entry with id 0 (returning its new id) or updates status and
        // resolution of an existing one.
        virtual Result<int64_t> putReview(const ReviewEntry &review) = 0;
        virtual Result<std::optional<ReviewEntry>> findReview(int64_t id) = 0;
        // Open reviews of a household follow it to its new region.
        virtual Status moveReviews(const std::string &householdId, const std::string &regionCode) = 0;

        virtual Status putDeparture(const DepartureRow &departure) = 0;
        virtual Result<std::vector<DepartureRow>> departuresOf(const std::string &kind,
                                                               const std::string &id) = 0;

        // Per-device sequence bookkeeping: the highest seq up to which the server has seen every one
        // (applied, duplicate or declared skipped), the seqs seen above a point, and declared skips.
        virtual Result<int64_t> contiguousSeq(const std::string &deviceId) = 0;
        virtual Status putContiguousSeq(const std::string &deviceId, int64_t seq) = 0;
        virtual Result<std::vector<int64_t>> seenSeqsAbove(const std::string &deviceId, int64_t after) = 0;
        virtual Status putSkippedSeqs(const std::string &deviceId, const std::vector<int64_t> &seqs) = 0;
        virtual Result<int64_t> maxSeq(const std::string &deviceId) = 0;

        // The media blobs (sha256) a photo/authorization record references (api/media_references.h).
        // Add-only: the referencing fields are immutable; a tombstoned record no longer counts.
        virtual Status putMediaRefs(const std::string &kind, const std::string &recordId,
                                    const std::vector<std::string> &sha256s) = 0;

        // Device signing keys: the active key of a device, registering one, retiring the active one.
        virtual Result<std::optional<DeviceKeyRow>> findDeviceKey(const std::string &deviceId) = 0;
        virtual Status putDeviceKey(const DeviceKeyRow &key) = 0;
        virtual Status retireDeviceKey(const std::string &deviceId, const std::string &by, int64_t nowMs) = 0;

        // Rule configurations: the one in force (none loaded yet: empty), the history newest first, and
        // loading another (it is in force from then on).
        virtual Result<std::optional<RuleConfigRow>> ruleConfigInForce() = 0;
        virtual Result<std::vector<RuleConfigRow>> ruleConfigHistory(size_t limit) = 0;
        virtual Result<int64_t> putRuleConfig(const RuleConfigRow &row) = 0;

        virtual Status putArea(const protocol::Area &area) = 0;
        virtual Status putUser(const UserAccount &user) = 0;
        virtual Status commit() = 0;
    };

    virtual ~CentralStore() = default;

    virtual Result<std::unique_ptr<WriteTransaction>> beginWrite() = 0;

    virtual Result<std::vector<protocol::Area>> areas() = 0;
    virtual Result<std::optional<UserAccount>> findUser(const std::string &username) = 0;
    virtual Status putToken(const TokenGrant &grant, int64_t nowMs) = 0;
    // The user a live (unexpired) token belongs to.
    virtual Result<std::optional<UserAccount>> userForToken(const std::string &tokenSha256,
                                                            int64_t nowMs) = 0;
    // Records with version > cursor whose region code starts with one of the prefixes, at most limit.
    virtual Result<ChangePage> changesSince(const std::vector<std::string> &regionPrefixes, int64_t cursor,
                                            size_t limit) = 0;
    virtual Result<std::optional<Record>> findRecord(const std::string &kind, const std::string &id) = 0;
    // Reviews with id > cursor in the prefixes; status "open", "resolved" or "all".
    virtual Result<ReviewPage> reviews(const std::vector<std::string> &regionPrefixes,
                                       const std::string &status, int64_t cursor, size_t limit) = 0;
    // The applied-mutations rows of one record, in the order they were applied.
    virtual Result<std::vector<AppliedMutation>> history(const std::string &kind, const std::string &id) = 0;

    // Region codes of the live (not deleted) records that reference a media blob: who may download it.
    virtual Result<std::vector<std::string>> mediaRegions(const std::string &sha256) = 0;
    // Which of the given blobs a live record references (the media sweep keeps those).
    virtual Result<std::set<std::string>> referencedMedia(const std::vector<std::string> &sha256s) = 0;
};

} // namespace ruhu::server
