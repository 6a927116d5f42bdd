// The --config file: TOML (toml++), one table per section of settings.cpp.
#include "server_config.h"

#include <toml++/toml.h>

namespace ruhu::server {
namespace {

// The value as settings.cpp takes it from a flag, or an error if the TOML type is not the key's type.
std::optional<std::string> valueText(const toml::node &node, std::string_view type) {
    if (type == "integer" && node.is_integer())
        return std::to_string(node.as_integer()->get());
    if (type == "string" && node.is_string())
        return node.as_string()->get();
    if (type == "boolean" && node.is_boolean())
        return std::string(node.as_boolean()->get() ? "true" : "false");
    return std::nullopt;
}

std::string lineOf(const toml::node &node) {
    return "line " + std::to_string(node.source().begin.line);
}

} // namespace

std::optional<ConfigError> applyConfigFile(const std::string &path, ServerConfig &config) {
    toml::table root;
    try {
        root = toml::parse_file(path);
    } catch (const toml::parse_error &e) {
        return ConfigError{path, std::string(e.description()) + " (line " +
                                     std::to_string(e.source().begin.line) + ")"};
    }
    for (const auto &[sectionName, section] : root) {
        const std::string sectionKey(sectionName.str());
        const toml::table *table = section.as_table();
        if (!table)
            return ConfigError{sectionKey, "must be a [section] (" + lineOf(section) + ")"};
        for (const auto &[name, node] : *table) {
            const std::string key = sectionKey + "." + std::string(name.str());
            const std::string_view type = settingType(key);
            if (type.empty())
                return ConfigError{key, "unknown key (" + lineOf(node) + ")"};
            auto text = valueText(node, type);
            if (!text)
                return ConfigError{key, "must be " + std::string(type == "integer" ? "an " : "a ") +
                                            std::string(type) + " (" + lineOf(node) + ")"};
            if (auto error = applySetting(config, key, *text, false)) {
                error->message += " (" + lineOf(node) + ")";
                return error;
            }
        }
    }
    return std::nullopt;
}

} // namespace ruhu::server
