#pragma once

#include <string_view>

namespace ruhu {

// True when some object in the (already validated) JSON text names the same key twice. Boost.JSON keeps the
// last one; Qt's parser and Python's need not agree, so a request relying on either is refused.
bool hasDuplicateKeys(std::string_view text);

} // namespace ruhu
