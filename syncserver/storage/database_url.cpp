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

} // namespace ruhu::server
