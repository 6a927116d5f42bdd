#include "demo_seed.h"

#include "credentials.h"
#include "write_retry.h"

namespace ruhu::server {
namespace {

Result<SeedReport> seedOnce(CentralStore &store, const DemoCounty &county,
                            const std::vector<UserAccount> &users) {
    SeedReport report;
    auto tx = store.beginWrite();
    if (!tx)
        return tx.error();
    for (const auto &area : county.areas) {
        if (auto st = (*tx)->putArea(area); !st)
            return st.error();
    }
    for (const auto &user : users) {
        if (auto st = (*tx)->putUser(user); !st)
            return st.error();
    }
    for (Record record : county.records) {
        auto version = (*tx)->nextVersion();
        if (!version)
            return version.error();
        record.version = *version;
        if (auto st = (*tx)->putRecord(record); !st)
            return st.error();
    }
    if (auto st = (*tx)->commit(); !st)
        return st.error();
    report.loaded = true;
    report.records = county.records.size();
    report.users = users.size();
    return report;
}

} // namespace

Result<SeedReport> seedDemoCounty(CentralStore &store, const DemoCounty &county) {
    SeedReport report;
    auto existing = store.areas();
    if (!existing)
        return existing.error();
    if (!existing->empty())
        return report;

    // Hash before taking the store: argon2id is slow.
    std::vector<UserAccount> users;
    for (const auto &demoUser : county.users) {
        auto hash = hashPassword(demoUser.password);
        if (!hash)
            return hash.error();
        users.push_back({demoUser.username, demoUser.displayName, demoUser.role, *hash, demoUser.scope});
    }

    // Several servers starting on one PostgreSQL at once: the one that loses the race retries and then
    // finds the areas the winner loaded.
    return withWriteRetry([&]() -> Result<SeedReport> {
        auto again = store.areas();
        if (!again)
            return again.error();
        if (!again->empty())
            return report;
        return seedOnce(store, county, users);
    });
}

} // namespace ruhu::server
