#include "household_move.h"

#include "server_mutation.h"

namespace ruhu::server {

Status moveHouseholdRecords(CentralStore::WriteTransaction &tx, const Record &household,
                            const std::string &oldRegion, const std::string &causeMutationId,
                            const std::string &user, int64_t nowMs) {
    if (auto st = tx.putDeparture({household.kind, household.id, oldRegion, household.version}); !st)
        return st;
    auto records = tx.householdRecords(household.id);
    if (!records)
        return records.error();
    for (Record &r : *records) {
        if ((r.kind == household.kind && r.id == household.id) || r.regionCode == household.regionCode)
            continue;
        const std::string from = r.regionCode;
        backfillVersions(r);
        auto m = makeServerMutation(tx, r, user, nowMs);
        if (!m)
            return m.error();
        auto version = tx.nextVersion();
        if (!version)
            return version.error();
        r.regionCode = household.regionCode;
        r.version = *version;
        if (auto st = tx.putRecord(r); !st)
            return st;
        if (auto st = tx.putDeparture({r.kind, r.id, from, r.version}); !st)
            return st;
        m->regionCode = r.regionCode;
        boost::json::object mutationJson = m->toJson().as_object();
        mutationJson["movedWithHousehold"] = household.id;
        boost::json::object result{{"status", "moved"},        {"fromRegion", from},
                                   {"toRegion", r.regionCode}, {"version", r.version},
                                   {"cause", causeMutationId}, {"user", user}};
        if (auto st = putHistory(tx, *m, mutationJson, result, nowMs); !st)
            return st;
    }
    return tx.moveReviews(household.id, household.regionCode);
}

} // namespace ruhu::server
