#pragma once

#include "central_store.h"

#include <ruhu/demo/demo_county.h>

namespace ruhu::server {

struct SeedReport {
    bool loaded = false; // false when the store already had areas and was left alone
    size_t records = 0;
    size_t users = 0;
};

// Loads the demo county (areas, users with hashed passwords, records with change-log versions) into a
// store that has no areas yet, in one transaction. Idempotent: a store that has areas is not touched.
Result<SeedReport> seedDemoCounty(CentralStore &store, const DemoCounty &county);

} // namespace ruhu::server
