#pragma once

#include "../storage/central_store.h"

#include <ruhu/exports/national_layout.h>

#include <map>
#include <string>

namespace ruhu::server {

// Names of the county, township and village a region code lies in, from the store's area registry
// (county 6, township 9, village 12 digits); a level the registry does not know takes the household's own
// text field (county / township / village).
class AreaDirectory {
public:
    static Result<AreaDirectory> load(CentralStore &store);

    exports::AreaNames namesOf(const std::string &regionCode, const boost::json::object *household) const;
    // The registry's name of an area code, empty when unknown.
    std::string nameOf(const std::string &code) const;

private:
    std::map<std::string, std::string> m_names;
};

} // namespace ruhu::server
