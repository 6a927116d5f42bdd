#include <ruhu/store/replica_household.h>

namespace ruhu {

domain::HouseholdRecords replicaHouseholdRecords(const DeviceReplica &replica,
                                                 const std::string &householdId) {
    std::vector<Record> all = replica.members(householdId);
    for (auto &measure : replica.householdRecords("measure", householdId))
        all.push_back(std::move(measure));
    if (auto household = replica.record("household", householdId))
        all.push_back(std::move(*household));
    for (auto &sheet : replica.householdRecords("incomeSheet", householdId)) // this period's and earlier ones
        all.push_back(std::move(sheet));
    return domain::selectHouseholdRecords(all, householdId);
}

} // namespace ruhu
