#pragma once

#include <ruhu/result.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace ruhu::server {

// The query parameters of a request target ("/path?a=1&b=2"), percent-decoded; bad_request if malformed.
Result<std::map<std::string, std::string>> queryParams(std::string_view target);

std::optional<int64_t> parseNonNegative(std::string_view text);

// The path of a request target, without the query.
std::string_view pathOf(std::string_view target);

} // namespace ruhu::server
