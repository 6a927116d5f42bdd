#pragma once

#include "central_store.h"

#include <memory>
#include <string>

namespace ruhu::server {

// The one place that knows which backends exist: opens (creating or migrating the schema as needed)
// the store a database URL names (database_url.h). Everything else sees only CentralStore.
Result<std::unique_ptr<CentralStore>> openCentralStore(const std::string &databaseUrl);

} // namespace ruhu::server
