#pragma once

#include <ruhu/result.h>
#include <ruhu/store/sqlite.h>

namespace ruhu::server {

// Schema 4 (docs/accounts.md): disabled accounts and forced password changes, tokens bound to a device,
// and the device_owners table. Run inside createCentralSchema's transaction; idempotent.
Status migrateAccounts(sql::Database &db);
// Schema 6: when each bound tablet last pushed and pulled, its app version and clock offset. Idempotent.
Status migrateDeviceActivity(sql::Database &db);

} // namespace ruhu::server
