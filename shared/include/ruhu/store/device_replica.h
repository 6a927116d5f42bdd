#pragma once

#include <ruhu/result.h>
#include <ruhu/store/household_index.h>
#include <ruhu/store/sqlite.h>
#include <ruhu/sync/clock.h>
#include <ruhu/sync/hlc.h>
#include <ruhu/sync/protocol.h>
#include <ruhu/sync/record.h>

#include <boost/json/object.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ruhu {

using DeviceKey = std::array<unsigned char, 32>;

// Reads the device's 32-byte storage key from a file, creating it (mode 0600) with fresh random bytes
// the first time. On Android the key would come from the Keystore; the file stands in for it here.
Result<DeviceKey> loadOrCreateDeviceKey(const std::string &path);

struct DeviceSession {
    std::string token;
    std::string username;
    std::string displayName;
    std::string role;
    std::vector<std::string> scope;
};

// A mutation the server refused or queued for review, kept so the cadre can see which edit and why.
struct RejectedMutation {
    std::string mutationId;
    std::string kind;
    std::string recordId;
    std::string code;
    std::string message;
};

// What became of one pushed edit, for the Today page: "merged" (applied, some fields overtaken by newer
// edits), "queued" (for a township reviewer) or "rejected".
struct EditOutcome {
    std::string mutationId;
    std::string kind;
    std::string recordId;
    std::string householdId;
    std::string headName;
    std::string outcome;
    std::string code;
    std::string message;
};

// The tablet's replica: its own SQLite file holding records (bodies encrypted with the device key),
// the outbox of unsynced mutations, the pull cursor and the session. Every local edit writes the record
// and its mutation in one transaction. Offline first: nothing here touches the network; a transport
// (mobile/core SyncClient) moves PushRequest/PullResponse messages.
class DeviceReplica {
public:
    // deviceId is created on first open and kept; clock drives the hybrid logical clock.
    static Result<std::unique_ptr<DeviceReplica>> open(const std::string &dbPath, const DeviceKey &key,
                                                       const Clock &clock = SystemClock::instance());

    const std::string &deviceId() const { return m_deviceId; }
    const Clock &clock() const { return m_clock; }

    // Session (after login). Stored encrypted so the app can work offline after a restart.
    Status saveSession(const protocol::LoginResponse &login);
    std::optional<DeviceSession> session() const;
    Status clearSession();

    // Named areas from the last login (villages for the village list).
    std::vector<protocol::Area> areas() const;

    // Reads. households(): live households of a village whose head name contains nameFilter, by group.
    std::vector<Record> households(const std::string &regionCode, const std::string &nameFilter = {}) const;
    std::vector<Record> members(const std::string &householdId) const;
    // Live records of one kind belonging to a household (photos, authorizations), by id.
    std::vector<Record> householdRecords(const std::string &kind, const std::string &householdId) const;
    std::optional<Record> record(const std::string &kind, const std::string &id) const;
    // Live records of one kind in every village on the device (the cases for the Today page), by id.
    std::vector<Record> recordsOfKind(const std::string &kind) const;
    int64_t householdCount(const std::string &regionCode) const;
    std::vector<Record> allRecords() const; // every record including tombstones, ordered by kind, id

    // The household index (household_index.h): lists, search, filters and counts without decrypting.
    std::vector<HouseholdIndexRow> findHouseholds(const HouseholdQuery &query) const;
    // The same search as keys only (cheap for 10,000 rows); householdRows() reads the rows of some keys,
    // in the keys' order. Keys are valid until the next write (LocalStore::changed).
    std::vector<int64_t> findHouseholdKeys(const HouseholdQuery &query) const;
    std::vector<HouseholdIndexRow> householdRows(const std::vector<int64_t> &keys) const;
    std::optional<HouseholdIndexRow> householdSummary(const std::string &householdId) const;
    std::vector<VillageCounts> villageCounts(const std::string &today) const;
    // The latest merged / queued / rejected edits, newest first.
    std::vector<EditOutcome> editOutcomes(int64_t limit) const;

    // A new offline id such as "hh-3f2a…" (random, collision-free across devices).
    static std::string newId(const std::string &prefix);

    // Local edit: validates the fields against the declared record kind, applies them to the record and
    // appends the mutation to the outbox, in one transaction. Derived member fields (sex, birthDate) are
    // filled from idNo. Returns the record as it now stands locally.
    Result<Record> edit(const std::string &kind, const std::string &recordId, const std::string &householdId,
                        const std::string &regionCode, const boost::json::object &fields,
                        bool deleteRecord = false);

    // Outbox.
    int64_t pendingCount() const;
    protocol::PushRequest nextPushBatch(size_t maxMutations) const;
    Status applyPushResponse(const protocol::PushResponse &response);
    // The server refused a whole batch because of this mutation (HTTP 400 naming it): keep it as rejected
    // so the rest of the outbox can flow, and put the record back to its last server state plus the
    // remaining unsynced edits.
    Status markRejected(const std::string &mutationId, const std::string &code, const std::string &message);
    std::vector<RejectedMutation> rejected() const;
    // Edits the server accepted but put in front of a reviewer (a real clash on an eligibility field).
    std::vector<RejectedMutation> queuedForReview() const;

    // Pull. Server records are applied, then this device's unsynced edits are kept on top of them.
    // Records that departed the scope (household moved away) are dropped once their edits are pushed.
    int64_t cursor() const;
    Status applyPull(const protocol::PullResponse &response);

    // Every push and pull answer names the server store's incarnation. A different one than the last
    // seen means the server was restored from a backup and may have lost what this device sent since:
    // every acknowledged edit goes back to pending (the server answers `duplicate` for those it has) and
    // the pull starts again from 0. Returns whether that happened (docs/decisions.md D21). The first
    // incarnation seen, or none (an older server), only gets remembered.
    Result<bool> noteServerIncarnation(const std::string &incarnation);

    // Sync bookkeeping for the status line.
    int64_t lastSyncMs() const;
    Status setLastSync(int64_t ms);

    // The rule configuration the server has in force (GET /api/v1/rules/config), as pulled; empty until
    // the first sync. The tablet evaluates with it instead of the built-in one (docs/decisions.md D13).
    std::string ruleConfigDocument() const;
    Status setRuleConfigDocument(const std::string &document);

private:
    DeviceReplica(sql::Database db, const DeviceKey &key, const Clock &clock);
    Status migrate();
    Status loadIdentity();
    std::string meta(const std::string &key, const std::string &fallback = {}) const;
    Status setMeta(const std::string &key, const std::string &value);
    std::optional<Record> readRecord(const std::string &kind, const std::string &id) const;
    Status writeRecord(const Record &record);
    Record recordFromRow(const sql::Statement &stmt, int firstCol) const;
    Result<Mutation> openMutation(const std::vector<unsigned char> &sealed) const;
    Status rebasePending(Record &serverRecord);
    Status storeServerRecord(Record server);
    Status writeServerBase(const Record &server);
    Status dropDeparted();
    Status recomputeFromBase(const std::string &kind, const std::string &id);
    // Index upkeep, inside the writing transaction: writeRecord marks the household dirty, and
    // refreshHouseholdIndex rebuilds the dirty rows before commit.
    Status markHouseholdDirty(const std::string &householdId);
    Status refreshHouseholdIndex();
    Status buildHouseholdIndexIfMissing();

    mutable sql::Database m_db;
    DeviceKey m_key;
    const Clock &m_clock;
    std::string m_deviceId;
    std::unique_ptr<HybridLogicalClock> m_hlc;
};

} // namespace ruhu
