#pragma once

#include "../storage/central_store.h"

#include <ruhu/sync/mutation.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

// The checks the push path makes before and after merging a mutation that are not the merge itself:
// who wrote it, what it may reference, which records a user may still edit after they left the user's
// area, what a stamp may claim about time. Every client-supplied claim the server cannot verify is
// replaced or bounded here (docs/sync-protocol.md "What the server does not take from a device").
namespace ruhu::server {

using Tx = CentralStore::WriteTransaction;

// The mutation as the server will apply it: author is the authenticated user; a baseVersion above the
// record's current version (a base the server never gave out) is unknown, i.e. 0: everything since is
// concurrent; a new record has no base.
Mutation normalizedMutation(const Mutation &m, const std::string &username,
                            const std::optional<Record> &current);

// A record now outside the user's scope (its household moved away) may still take an edit the device
// made while it was the user's: 0 < baseVersion <= the departure's version from a region in scope, and the
// record already existed at that base. Never a delete, never a move (regionCode).
// nullopt: allowed. Otherwise the reason to refuse the one mutation (Error record_moved), or, when the
// record was never in the user's scope, forbidden_area (the whole batch).
Result<std::optional<Error>> checkDepartedEdit(Tx &tx, const Mutation &m,
                                               const std::vector<std::string> &scope);

// A new record: a household in a known area; anything else references an existing, live household inside
// the user's scope (possibly created earlier in the same push), and its own householdId field, if any,
// names that household (applyPushBatch applies a push's household mutations first, so one created in the
// same push counts). On success, the region the record belongs to (its household's).
// Error forbidden_area: the household is in someone else's area (aborts the batch); any other code
// refuses the one mutation.
Result<std::string> admitNewRecord(Tx &tx, const Mutation &m, const std::vector<std::string> &scope,
                                   const std::set<std::string> &knownAreas);

// A household's regionCode (field or envelope) must be an area the server knows.
std::optional<Error> checkKnownArea(const Mutation &m, const std::set<std::string> &knownAreas);

// Deleting a workflow case: a village account only while it is still a lead (LEAD); past that only the
// role that may end a case by 清退 (county or above). Other kinds: no role rule here.
std::optional<Error> checkDeleteRole(const Mutation &m, const Record &current, const std::string &role);

// A stamp no further ahead than the server allows: the mutation's own stamp if its wall time is at most
// nowMs + maxAheadMs, otherwise one at the server's now (after every stamp the record holds), on the
// mutation's node. The merge still sees the original stamp (and reports clock_ahead); only this is stored.
std::string boundedStamp(const std::string &hlc, const std::optional<Record> &current, int64_t nowMs,
                         int64_t maxAheadMs);

// Replaces every clock of `record` equal to `from` by `to`.
void replaceClocks(Record &record, const std::string &from, const std::string &to);

} // namespace ruhu::server
