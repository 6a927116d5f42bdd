#pragma once

#include "pq.h"

namespace ruhu::server {

// Creates the PostgreSQL schema or brings an older one forward (docs/storage.md "Schema and
// migrations"), in one transaction under an advisory lock, so servers starting together do it once.
Status createPgSchema(pq::Connection &db);

inline constexpr int kPgSchemaVersion = 2;

} // namespace ruhu::server
