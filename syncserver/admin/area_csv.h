#pragma once

#include <ruhu/result.h>
#include <ruhu/sync/protocol.h>

#include <string_view>
#include <vector>

namespace ruhu::server {

inline constexpr size_t kMaxAreaRows = 100000;

// The areas of a CSV "行政区划代码,名称,上级" (read by tabular::readCsv: RFC 4180, UTF-8 with or without
// BOM or GB18030, LF or CRLF; an optional header row). Codes are 2, 4, 6, 9 or 12 digits (province … village,
// the level follows from the length); a parent, when given, must be a shorter code that the code starts with,
// because scopes are code prefixes. Checks every row; the first bad one is the error (its line).
Result<std::vector<protocol::Area>> parseAreaCsv(std::string_view text);

} // namespace ruhu::server
