#pragma once

#include "../storage/central_store.h"

#include <ruhu/sync/mutation.h>

#include <boost/json/object.hpp>

#include <string>

namespace ruhu::server {

inline constexpr const char *kServerDeviceId = "server";

// A stamp of node "server" at the server's clock, or just after the newest stamp in the record if that is
// ahead: the server's own changes (review decisions) win over everything the record has seen.
std::string serverStampAfter(const Record &record, int64_t nowMs);

// A mutation of the server's own (review decision, record moved with its household): device "server",
// the next seq of the server's sequence, stamped after every stamp in the record, fields empty.
// Write its history row (putServerHistory) before making the next one.
Result<Mutation> makeServerMutation(CentralStore::WriteTransaction &tx, const Record &record,
                                    const std::string &author, int64_t nowMs);

// Stores a history row (applied_mutations) for a mutation and what became of it.
Status putHistory(CentralStore::WriteTransaction &tx, const Mutation &mutation,
                  const boost::json::object &mutationJson, const boost::json::object &result, int64_t nowMs);

// Sets one server-computed field of a stored record through a server mutation with its history row (`why`
// goes into the history's result). The record gets a new version, so the value reaches devices by pull.
Status writeServerField(CentralStore::WriteTransaction &tx, Record &record, const std::string &field,
                        const boost::json::value &value, const boost::json::object &why,
                        const std::string &user, int64_t nowMs);
// Several server-computed fields in one new version.
Status writeServerFields(CentralStore::WriteTransaction &tx, Record &record,
                         const boost::json::object &values, const boost::json::object &why,
                         const std::string &user, int64_t nowMs);

// The record as devices get it: without the server's per-field version bookkeeping.
Record forDevice(Record record);

// Fills Record.versions for fields written before versions were kept (or seeded without them): a field
// changed at the latest at the record's version.
void backfillVersions(Record &record);

} // namespace ruhu::server
