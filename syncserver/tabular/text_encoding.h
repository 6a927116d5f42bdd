#pragma once

#include <ruhu/result.h>

#include <string>
#include <string_view>

namespace ruhu::server::tabular {

bool isValidUtf8(std::string_view bytes);

// The text as UTF-8: without a UTF-8 byte-order mark; GB18030 converted (iconv) when it is not UTF-8.
// file_encoding when it is neither (or UTF-16, which the message asks to save again).
Result<std::string> textAsUtf8(std::string_view bytes);

} // namespace ruhu::server::tabular
