#include "byte_range.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>

namespace ruhu::server {
namespace {

bool allDigits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// A position: digits only; one too large for int64 is past the end of any blob (INT64_MAX).
std::optional<int64_t> digits(std::string_view text) {
    if (!allDigits(text))
        return std::nullopt;
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range)
        return std::numeric_limits<int64_t>::max();
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

} // namespace

ByteRangeRequest parseByteRange(std::string_view header, int64_t size) {
    using Kind = ByteRangeRequest::Kind;
    header = trim(header);
    constexpr std::string_view kUnit = "bytes=";
    if (!header.starts_with(kUnit))
        return {};
    std::string_view spec = trim(header.substr(kUnit.size()));
    if (spec.find(',') != std::string_view::npos)
        return {};
    const auto dash = spec.find('-');
    if (dash == std::string_view::npos)
        return {};
    const std::string_view firstText = trim(spec.substr(0, dash));
    const std::string_view lastText = trim(spec.substr(dash + 1));
    if (firstText.empty()) { // suffix: the last n bytes
        auto n = digits(lastText);
        if (!n)
            return {};
        if (*n == 0 || size == 0)
            return {Kind::Unsatisfiable, 0, 0};
        const int64_t length = std::min(*n, size);
        return {Kind::Slice, size - length, length};
    }
    auto first = digits(firstText);
    if (!first)
        return {};
    int64_t last = size - 1;
    if (!lastText.empty()) {
        auto parsed = digits(lastText);
        if (!parsed)
            return {};
        if (*parsed < *first) // a range that ends before it starts is out of range, not ignored
            return {Kind::Unsatisfiable, 0, 0};
        last = std::min(*parsed, size - 1);
    }
    if (*first >= size)
        return {Kind::Unsatisfiable, 0, 0};
    return {Kind::Slice, *first, last - *first + 1};
}

} // namespace ruhu::server
