#include "duplicate_keys.h"

#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace ruhu {
namespace {

// A SAX handler that only collects each open object's keys and checks them when the object closes.
struct DuplicateKeyFinder {
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);

    std::vector<std::vector<std::string>> openObjects;
    std::string keyPart;
    bool duplicate = false;

    using ec_t = boost::json::error_code;
    using sv = boost::json::string_view;

    bool on_document_begin(ec_t &) { return true; }
    bool on_document_end(ec_t &) { return true; }
    bool on_array_begin(ec_t &) { return true; }
    bool on_array_end(std::size_t, ec_t &) { return true; }
    bool on_object_begin(ec_t &) {
        openObjects.emplace_back();
        return true;
    }
    bool on_object_end(std::size_t, ec_t &ec) {
        auto &keys = openObjects.back();
        std::sort(keys.begin(), keys.end());
        if (std::adjacent_find(keys.begin(), keys.end()) != keys.end()) {
            duplicate = true;
            ec = boost::json::error::extra_data; // stops the parse; the flag says why
            return false;
        }
        openObjects.pop_back();
        return true;
    }
    bool on_string_part(sv, std::size_t, ec_t &) { return true; }
    bool on_string(sv, std::size_t, ec_t &) { return true; }
    bool on_key_part(sv s, std::size_t, ec_t &) {
        keyPart.append(s.data(), s.size());
        return true;
    }
    bool on_key(sv s, std::size_t, ec_t &) {
        keyPart.append(s.data(), s.size());
        openObjects.back().push_back(std::move(keyPart));
        keyPart.clear();
        return true;
    }
    bool on_number_part(sv, ec_t &) { return true; }
    bool on_int64(int64_t, sv, ec_t &) { return true; }
    bool on_uint64(uint64_t, sv, ec_t &) { return true; }
    bool on_double(double, sv, ec_t &) { return true; }
    bool on_bool(bool, ec_t &) { return true; }
    bool on_null(ec_t &) { return true; }
    bool on_comment_part(sv, ec_t &) { return true; }
    bool on_comment(sv, ec_t &) { return true; }
};

} // namespace

bool hasDuplicateKeys(std::string_view text) {
    boost::json::parse_options options;
    options.max_depth = 64;
    boost::json::basic_parser<DuplicateKeyFinder> parser(options);
    boost::json::error_code ec;
    parser.write_some(false, text.data(), text.size(), ec);
    return parser.handler().duplicate;
}

} // namespace ruhu
