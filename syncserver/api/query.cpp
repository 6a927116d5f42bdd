#include "query.h"

#include <boost/url/parse.hpp>

#include <charconv>

namespace ruhu::server {

Result<std::map<std::string, std::string>> queryParams(std::string_view target) {
    auto url = boost::urls::parse_origin_form(boost::core::string_view(target.data(), target.size()));
    if (!url)
        return Error{"bad_request", "请求地址格式不正确", ""};
    std::map<std::string, std::string> params;
    for (const auto &param : url->params())
        params[std::string(param.key)] = std::string(param.value);
    return params;
}

std::optional<int64_t> parseNonNegative(std::string_view text) {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0)
        return std::nullopt;
    return value;
}

std::string_view pathOf(std::string_view target) {
    return target.substr(0, target.find('?'));
}

} // namespace ruhu::server
