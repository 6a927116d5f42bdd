#include "database_url.h"

namespace ruhu::server {

Result<DatabaseUrl> parseDatabaseUrl(std::string_view text) {
    constexpr std::string_view kSqlite = "sqlite:";
    if (text.starts_with(kSqlite)) {
        std::string_view dir = text.substr(kSqlite.size());
        if (dir.empty())
            return Error{"bad_request", "数据库地址 sqlite: 后面应是数据目录", "database"};
        return DatabaseUrl{DatabaseUrl::Backend::Sqlite, std::string(dir)};
    }
    if (text.starts_with("postgresql://") || text.starts_with("postgres://"))
        return DatabaseUrl{DatabaseUrl::Backend::Postgres, std::string(text)};
    return Error{"bad_request", "数据库地址应为 sqlite:目录 或 postgresql://…", "database"};
}

std::string sqliteDatabaseUrl(const std::string &dataDir) {
    return "sqlite:" + dataDir;
}

std::string printableDatabaseUrl(std::string_view text) {
    std::string out(text);
    if (text.starts_with("sqlite:"))
        return out;
    // scheme://user:password@host…
    if (const auto scheme = out.find("://"); scheme != std::string::npos) {
        const auto at = out.find('@', scheme + 3);
        const auto colon = out.find(':', scheme + 3);
        if (at != std::string::npos && colon != std::string::npos && colon < at)
            out.replace(colon + 1, at - colon - 1, "****");
    }
    // …?password=secret&…
    for (auto key = out.find("password="); key != std::string::npos; key = out.find("password=", key + 1)) {
        const auto value = key + 9;
        const auto end = out.find('&', value);
        out.replace(value, (end == std::string::npos ? out.size() : end) - value, "****");
    }
    return out;
}

} // namespace ruhu::server
