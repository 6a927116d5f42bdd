#include <ruhu/model/field_text.h>

#include <boost/json/parse.hpp>

#include <charconv>

namespace ruhu {

Result<boost::json::value> fieldValueFromText(const FieldSpec &spec, std::string_view text) {
    switch (spec.type) {
    case FieldType::Integer: {
        int64_t n = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec != std::errc() || end != text.data() + text.size())
            return Error{"bad_request", "“" + spec.label + "”应为整数", "value"};
        return boost::json::value(n);
    }
    case FieldType::Boolean:
        if (text == "true" || text == "是")
            return boost::json::value(true);
        if (text == "false" || text == "否")
            return boost::json::value(false);
        return Error{"bad_request", "“" + spec.label + "”应为 是 或 否", "value"};
    case FieldType::Json: {
        boost::system::error_code ec;
        auto value = boost::json::parse(text, ec);
        if (ec)
            return Error{"bad_request", "“" + spec.label + "”应为 JSON", "value"};
        return value;
    }
    default:
        return boost::json::value(std::string(text));
    }
}

} // namespace ruhu
