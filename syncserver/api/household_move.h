#pragma once

#include "../storage/central_store.h"

#include <string>

namespace ruhu::server {

// A household's region changed (already stored at its new version): its other records (members, income
// sheets, cases …) follow it in the same transaction, each at a new version, and every record that left
// `oldRegion` gets a departure row so devices of the old village are told to drop it (PullResponse
// "departed"). Each moved record gets a history row of the server's own ("moved"), naming the cause.
// Open reviews of the household follow it too.
Status moveHouseholdRecords(CentralStore::WriteTransaction &tx, const Record &household,
                            const std::string &oldRegion, const std::string &causeMutationId,
                            const std::string &user, int64_t nowMs);

} // namespace ruhu::server
