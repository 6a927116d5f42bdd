#pragma once

#include <ruhu/domain/household_document.h>
#include <ruhu/sync/record.h>

#include <vector>

namespace ruhu::evidence {

// The household document an authorization is created and verified against, built straight from the
// synced records (the household and its members; tombstones skipped). Only the fields coveredData() and
// renderConsent() read are filled. Unlike parseHouseholdDocument it never refuses a half-filled survey:
// a household must be signable before its 劳动技能 or income sheet are complete. The tablet and the
// server use this one function, so both hash the same covered data.
domain::HouseholdDocument coveredHouseholdFromRecords(const Record &household,
                                                      const std::vector<Record> &members);

} // namespace ruhu::evidence
