#pragma once

#include <cstdint>
#include <string_view>

namespace ruhu::server {

// A single "Range: bytes=..." request against a body of size bytes (RFC 9110 §14): "a-b", "a-" or "-n".
// Whole: no header, or one this server ignores (malformed, several ranges): answer 200 with everything.
// Unsatisfiable (416): a start at or past the end (a number too large to read counts as past the end),
// "a-b" with b < a, "-0".
struct ByteRangeRequest {
    enum class Kind { Whole, Slice, Unsatisfiable };
    Kind kind = Kind::Whole;
    int64_t first = 0;
    int64_t length = 0;
};

ByteRangeRequest parseByteRange(std::string_view header, int64_t size);

} // namespace ruhu::server
