#pragma once

#include "../api/audit.h"
#include "../storage/central_store.h"
#include "publicity_pdf.h"

#include <string>
#include <vector>

namespace ruhu::server {

class AreaDirectory;

struct PublicityList {
    std::vector<PublicityNoticeRows> notices; // by village code, then 公示 start
    AuditHouseholds households;               // every household listed, for the read audit
};

// The cases in 公示 (exports::isInPublicity) inside the region prefixes, one notice per village and 公示
// period, each household with its 组, 户主, size, proposed category and main risk (publicity_layout.h).
// Reads the store only through CentralStore::recordsOfKind.
Result<PublicityList> collectPublicity(CentralStore &store, const AreaDirectory &areas,
                                       const std::vector<std::string> &prefixes, const std::string &contact);

} // namespace ruhu::server
