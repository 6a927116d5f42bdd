#pragma once

#include <boost/json/object.hpp>

#include <string_view>

namespace ruhu::server {

// JSON-lines logging on stderr: one object per line with ts (UTC, ISO 8601), level and event first.
// Callers pass only what is safe to keep: never request bodies, tokens, passwords or ID numbers.
// Lines below the level set here (debug < info < warning < error; default info) are not written.
void logEvent(std::string_view level, std::string_view event, boost::json::object fields = {});
// "debug", "info", "warning" or "error"; false (and no change) for anything else.
bool setLogLevel(std::string_view level);

inline void logInfo(std::string_view event, boost::json::object fields = {}) {
    logEvent("info", event, std::move(fields));
}
inline void logWarning(std::string_view event, boost::json::object fields = {}) {
    logEvent("warning", event, std::move(fields));
}
inline void logError(std::string_view event, boost::json::object fields = {}) {
    logEvent("error", event, std::move(fields));
}

} // namespace ruhu::server
