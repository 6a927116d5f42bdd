#include "area_directory.h"

namespace ruhu::server {
namespace {

std::string field(const boost::json::object *household, const char *key) {
    const auto *value = household ? household->if_contains(key) : nullptr;
    return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

} // namespace

Result<AreaDirectory> AreaDirectory::load(CentralStore &store) {
    auto areas = store.areas();
    if (!areas)
        return areas.error();
    AreaDirectory directory;
    for (const auto &area : *areas)
        directory.m_names[area.code] = area.name;
    return directory;
}

std::string AreaDirectory::nameOf(const std::string &code) const {
    auto it = m_names.find(code);
    return it == m_names.end() ? std::string() : it->second;
}

exports::AreaNames AreaDirectory::namesOf(const std::string &regionCode,
                                          const boost::json::object *household) const {
    auto level = [&](size_t digits, const char *key) {
        std::string name = regionCode.size() >= digits ? nameOf(regionCode.substr(0, digits)) : std::string();
        return name.empty() ? field(household, key) : name;
    };
    return {level(6, "county"), level(9, "township"), level(12, "village")};
}

} // namespace ruhu::server
