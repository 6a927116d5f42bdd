#pragma once

#include "audit_log.h"

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
    bool disabled = false;           // a disabled account cannot log in and its tokens are gone
    bool mustChangePassword = false; // set by an admin reset: only /password and /logout until changed
    // Filled by userForToken only: the session the request came with (docs/accounts.md).
    std::string sessionDeviceId{}; // the device the token was issued to; empty: a session without device
    std::string sessionToken{};    // the token's SHA-256
};

// Which account a device id belongs to: the first that logged in with it (docs/accounts.md).
struct DeviceOwner {
    std::string deviceId;
    std::string username;
    int64_t boundAtMs = 0;
    int64_t revokedAtMs = 0; // 0 unless a county/admin revoked the device (lost tablet)
    std::string revokedBy;
    // How the tablet has been seen since it was bound (noteDeviceActivity); 0 / "" until then.
    int64_t lastPushAtMs = 0;
    int64_t lastPullAtMs = 0;
    std::string appVersion{};
    int64_t clockOffsetMs = 0; // the tablet's clock minus the server's at its last request that told it
    bool clockKnown = false;
};

// One push or pull of a bound device, as noteDeviceActivity records it.
struct DeviceActivity {
    enum class Kind { Push, Pull };
    std::string deviceId;
    Kind kind = Kind::Pull;
    int64_t atMs = 0;
    std::string appVersion;               // "" when the request did not say
    std::optional<int64_t> clockOffsetMs; // empty when the request did not say
};

// A login token as stored: only its SHA-256, never the token itself.
struct TokenGrant {
    std::string tokenSha256; // lowercase hex
    std::string username;
    int64_t expiresMs = 0;
    std::string deviceId{}; // the device it was issued to (login's deviceId); empty: read-only session
    int64_t createdMs = 0;
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

// Who completed an upload of a blob (docs/media-sync.md "Who may download"): one row per uploader.
struct MediaUpload {
    std::string sha256;
    std::string username;
    std::string deviceId;
    std::vector<std::string> scope; // the uploader's area when the upload completed
    int64_t size = 0;
    int64_t completedAtMs = 0;
};

// A record that references a blob, with where it is now and who pushed the reference.
struct MediaReferenceRow {
    std::string kind;
    std::string recordId;
    std::string householdId;
    std::string regionCode;
    std::string creator; // the user whose push first stored the reference; empty: from before schema 4
    bool deleted = false;
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

// What monitoring asks of a store (GET /metrics, /readyz); reading it is a cheap query.
struct StoreStatus {
    int64_t openReviews = 0; // the review queue's depth
    int64_t bytes = 0;       // on disk (SQLite: database and WAL)
};

struct ChangePage {
    std::vector<Record> records; // change-log order (SQLite: version order)
    bool hasMore = false;
    // Where the next page starts: pass it back to changesSince. Opaque (a position in the backend's
    // change log, not necessarily a record version), never smaller than the cursor asked with, and
    // unchanged when the page is empty.
    int64_t cursor = 0;
    // Records that left the prefixes for a region outside them, with versions after the cursor and, when
    // hasMore, not after the last record's version. Read in the same snapshot as records.
    std::vector<DepartureRow> departed;
};

// The central store behind one interface that SQLite (one writer) and PostgreSQL (many concurrent
// writers, several servers) both honour (docs/storage.md). It only stores and finds; scope checks,
// merging and versioning decisions live in the API handlers. Safe to call from any thread.
// openCentralStore (open_central_store.h) makes one from a database URL.
class CentralStore {
public:
    // All writes of one push (or one seeding) go through one of these: everything it wrote becomes
    // visible at commit(), and nothing if it is destroyed before. A record, a review or a device's
    // sequence row read through it stays the caller's until the end (SQLite: the whole store is; on
    // PostgreSQL: those rows are locked), so read-check-write sequences on them are atomic. Any call,
    // commit() included, may fail with code kRetryCode (write_retry.h) when the transaction lost a race
    // with another one: drop it and run the whole attempt again (withWriteRetry).
    class WriteTransaction {
    public:
        virtual ~WriteTransaction() = default;
        virtual Result<std::optional<AppliedMutation>> findApplied(const std::string &mutationId) = 0;
        virtual Result<std::optional<Record>> findRecord(const std::string &kind, const std::string &id) = 0;
        // A new record version: unique in the store and greater than the version of every record this
        // transaction has read, but neither dense nor in commit order (the pull cursor is the store's
        // business: changesSince).
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
        // The reviews of a household (open and resolved) follow it to its new region: a review is visible
        // where its record now is.
        virtual Status moveReviews(const std::string &householdId, const std::string &regionCode) = 0;

        virtual Status putDeparture(const DepartureRow &departure) = 0;
        virtual Result<std::vector<DepartureRow>> departuresOf(const std::string &kind,
                                                               const std::string &id) = 0;
        // The version at which a pushed record was first stored (from its history, not counting moves
        // with its household or rejections); 0 for a record without such history (seeded) or none.
        virtual Result<int64_t> createdVersion(const std::string &kind, const std::string &id) = 0;

        // Per-device sequence bookkeeping: the highest seq up to which the server has seen every one
        // (applied, duplicate or declared skipped), the seqs seen above a point, and declared skips.
        virtual Result<int64_t> contiguousSeq(const std::string &deviceId) = 0;
        virtual Status putContiguousSeq(const std::string &deviceId, int64_t seq) = 0;
        virtual Result<std::vector<int64_t>> seenSeqsAbove(const std::string &deviceId, int64_t after) = 0;
        virtual Status putSkippedSeqs(const std::string &deviceId, const std::vector<int64_t> &seqs) = 0;
        virtual Result<int64_t> maxSeq(const std::string &deviceId) = 0;

        // The media blobs (sha256) a photo/authorization record references (api/media_references.h).
        // Add-only: the referencing fields are immutable; a tombstoned record no longer counts. creator:
        // the user whose push stores them (kept from the first push that named the blob).
        virtual Status putMediaRefs(const std::string &kind, const std::string &recordId,
                                    const std::vector<std::string> &sha256s, const std::string &creator) = 0;

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
    // The user a live (unexpired) token belongs to, with the session fields filled; none when the user
    // is disabled.
    virtual Result<std::optional<UserAccount>> userForToken(const std::string &tokenSha256,
                                                            int64_t nowMs) = 0;
    // Records changed after the cursor (0: from the start; then the page's cursor) whose region code
    // starts with one of the prefixes, at most limit. A change that commits after a page was read is in
    // a later page: no cursor ever skips a change (docs/storage.md "The pull cursor").
    virtual Result<ChangePage> changesSince(const std::vector<std::string> &regionPrefixes, int64_t cursor,
                                            size_t limit) = 0;
    virtual Result<std::optional<Record>> findRecord(const std::string &kind, const std::string &id) = 0;
    // Live records of one kind inside the region prefixes, ordered by id, ids after `afterId`, at most
    // `limit` (the reviewer's case list). The default walks changesSince; a store may answer from an index.
    virtual Result<std::vector<Record>> recordsOfKind(const std::string &kind,
                                                      const std::vector<std::string> &regionPrefixes,
                                                      const std::string &afterId, size_t limit);
    // Reviews with id > cursor in the prefixes; status "open", "resolved" or "all".
    virtual Result<ReviewPage> reviews(const std::vector<std::string> &regionPrefixes,
                                       const std::string &status, int64_t cursor, size_t limit) = 0;
    // The applied-mutations rows of one record, in the order they were applied.
    virtual Result<std::vector<AppliedMutation>> history(const std::string &kind, const std::string &id) = 0;

    // Accounts, sessions and device binding (docs/accounts.md). Not pure, so that decorators written
    // before them still compile; the SQLite store implements them all.
    virtual Result<std::vector<UserAccount>> users();
    // Inserts a new account; false when the username is taken.
    virtual Result<bool> addUser(const UserAccount &user);
    // A new password hash; every token of the user but keepToken (a SHA-256, may be empty) is deleted.
    virtual Status setPassword(const std::string &username, const std::string &passwordHash, bool mustChange,
                               const std::string &keepToken);
    // Disabling deletes the user's tokens.
    virtual Status setUserDisabled(const std::string &username, bool disabled);
    virtual Status deleteToken(const std::string &tokenSha256);
    // Keeps the user's `keep` newest live tokens and deletes the rest.
    virtual Status trimTokens(const std::string &username, size_t keep);
    // Binds the device to the user if it is unbound; returns the device's owner after the call.
    virtual Result<DeviceOwner> claimDevice(const std::string &deviceId, const std::string &username,
                                            int64_t nowMs);
    virtual Result<std::optional<DeviceOwner>> findDeviceOwner(const std::string &deviceId);
    virtual Result<std::vector<DeviceOwner>> deviceOwners();
    // A lost tablet: deletes its tokens, retires its signing key and marks it revoked (no more logins
    // with it until released), in one transaction.
    virtual Status revokeDevice(const std::string &deviceId, const std::string &by, int64_t nowMs);
    // Forgets the device's owner (and a revocation): the next login with it binds it again.
    virtual Status releaseDevice(const std::string &deviceId);
    // Records a push or pull of a bound device (nothing for an unbound one). A pull within a minute of
    // the last one that changes nothing else is not written again, so pulling stays a read.
    virtual Status noteDeviceActivity(const DeviceActivity &activity);

    // Region codes of the live (not deleted) records that reference a media blob: who may download it.
    virtual Result<std::vector<std::string>> mediaRegions(const std::string &sha256) = 0;
    // Which of the given blobs a live record references (the media sweep keeps those).
    virtual Result<std::set<std::string>> referencedMedia(const std::vector<std::string> &sha256s) = 0;
    // Which of the given blobs a record (live or tombstoned) references whose record or household has an
    // open review: a reviewer may still restore it, so the sweep keeps the evidence.
    virtual Result<std::set<std::string>> mediaUnderReview(const std::vector<std::string> &sha256s) = 0;
    // Every record referencing a blob (tombstones too), for the download check.
    virtual Result<std::vector<MediaReferenceRow>> mediaReferenceRows(const std::string &sha256) = 0;

    // Completed uploads: one row per (blob, user); the bytes a user's rows account for (their quota);
    // forgetting the rows of swept blobs completed before a time.
    virtual Status putMediaUpload(const MediaUpload &upload) = 0;
    virtual Result<std::vector<MediaUpload>> mediaUploads(const std::string &sha256) = 0;
    virtual Result<int64_t> mediaUploadBytes(const std::string &username) = 0;
    virtual Status forgetMediaUploads(const std::vector<std::string> &sha256s, int64_t completedBeforeMs) = 0;

    // The read audit (audit_log.h): append-only.
    virtual Result<int64_t> appendAudit(const AuditEntry &entry) = 0;
    virtual Result<AuditPage> auditEntries(const AuditQuery &query) = 0;

    // Operations (docs/operations.md). Not pure, like the account methods. health(): an error means the
    // store is not usable (/readyz fails). incarnation(): a random id the store got when it was created,
    // and a new one at every restore from a backup; pushes and pulls carry it so that a tablet notices
    // a server that lost its latest changes (docs/decisions.md D21).
    virtual Result<StoreStatus> health();
    virtual std::string incarnation() const;
};

} // namespace ruhu::server
