#pragma once

#include "central_store.h"
#include "pg_connection_pool.h"

#include <memory>

namespace ruhu::server {

// PgCentralStore's write transaction (pg_central_store.h): BEGIN on a leased connection.
Result<std::unique_ptr<CentralStore::WriteTransaction>> beginPgWrite(PgConnectionPool::Lease lease);

} // namespace ruhu::server
