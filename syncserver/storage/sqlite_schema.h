#pragma once

#include <ruhu/result.h>
#include <ruhu/store/sqlite.h>

namespace ruhu::server {

inline constexpr int kCentralSchemaVersion = 1;

// Creates the central store's tables and indexes if they are missing; running it again changes nothing.
Status createCentralSchema(sql::Database &db);

} // namespace ruhu::server
