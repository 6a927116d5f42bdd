#pragma once

#include "../api/audit.h"
#include "../storage/central_store.h"
#include "table_sink.h"

#include <string>
#include <vector>

namespace ruhu::server {

class AreaDirectory;

// The 三一致 list (exports::consistencyMismatches) of the households inside the prefixes: a header row and
// one row per mismatch (村, 组, 户编号, 户主姓名, 问题代码, 问题). Reads the store only through
// recordsOfKind; returns the households listed, for the read audit.
Result<AuditHouseholds> writeConsistencySheet(CentralStore &store, const AreaDirectory &areas,
                                              const std::vector<std::string> &prefixes, TableSink &sink);

} // namespace ruhu::server
