#pragma once

#include <ruhu/result.h>
#include <ruhu/store/sqlite.h>

#include <string>

namespace ruhu::server {

// The schema this build writes (meta.schema_version). Older stores are migrated at start; a store of a
// newer schema (written by a newer ruhu-syncd) is refused, not opened (docs/operations.md "Upgrade").
inline constexpr int kCentralSchemaVersion = 6;

// Creates the central store's tables and indexes if they are missing and migrates an older schema;
// running it again changes nothing. Error schema_too_new for a store of a newer schema.
Status createCentralSchema(sql::Database &db);

// The store's incarnation id (StoreStatus, docs/decisions.md D21), and a fresh one for a restored copy.
Result<std::string> readIncarnation(sql::Database &db);
Status renewIncarnation(sql::Database &db);

} // namespace ruhu::server
