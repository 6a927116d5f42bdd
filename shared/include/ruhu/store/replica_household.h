#pragma once

#include <ruhu/domain/household_records.h>
#include <ruhu/store/device_replica.h>

#include <string>

namespace ruhu {

// The records of a household the rule engine reads, as a device's replica holds them (the tablet's side of
// ruhu::domain::assessHousehold; the server reads the same kinds from the central store).
domain::HouseholdRecords replicaHouseholdRecords(const DeviceReplica &replica,
                                                 const std::string &householdId);

} // namespace ruhu
