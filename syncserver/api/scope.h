#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ruhu::server {

// Whether a 行政区划代码 lies inside a user's scope, a list of area-code prefixes (county 6 digits, township
// 9, village 12). Empty prefixes grant nothing.
bool inScope(std::string_view regionCode, const std::vector<std::string> &scope);

} // namespace ruhu::server
