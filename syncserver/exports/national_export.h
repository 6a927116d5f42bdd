#pragma once

#include "../api/audit.h"
#include "../storage/central_store.h"
#include "table_sink.h"

#include <ruhu/exports/national_layout.h>

#include <string>
#include <vector>

namespace ruhu::server {

class AreaDirectory;

struct NationalExport {
    exports::Sheet sheet = exports::Sheet::Households;
    std::vector<std::string> prefixes; // the area exported, already checked against the user's scope
    exports::Reveal reveal = exports::Reveal::Masked;
};

struct ExportedRows {
    AuditHouseholds households; // every household whose data went out, for the read audit
    size_t rows = 0;            // data rows, without the header
};

// Writes the header row and one row per record of the sheet (national_layout.h) into the sink, reading
// the store through CentralStore::recordsOfKind only: the same on SQLite and PostgreSQL.
Result<ExportedRows> writeNationalSheet(CentralStore &store, const AreaDirectory &areas,
                                        const NationalExport &request, TableSink &sink);

} // namespace ruhu::server
