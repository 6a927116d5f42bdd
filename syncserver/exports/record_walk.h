#pragma once

#include "../storage/central_store.h"

#include <functional>
#include <string>
#include <vector>

namespace ruhu::server {

// Calls visit for every live record of a kind inside the region prefixes, in id order, reading the store
// a page at a time (CentralStore::recordsOfKind), so that memory does not grow with the area. Stops at
// the first error, the store's or visit's.
Status forEachRecord(CentralStore &store, const std::string &kind, const std::vector<std::string> &prefixes,
                     const std::function<Status(const Record &)> &visit);

} // namespace ruhu::server
