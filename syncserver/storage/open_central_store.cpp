#include "open_central_store.h"

#include "database_url.h"
#include "pg_central_store.h"
#include "sqlite_central_store.h"

namespace ruhu::server {

Result<std::unique_ptr<CentralStore>> openCentralStore(const std::string &databaseUrl) {
    auto url = parseDatabaseUrl(databaseUrl);
    if (!url)
        return url.error();
    switch (url->backend) {
    case DatabaseUrl::Backend::Sqlite: {
        auto store = SqliteCentralStore::open(url->location);
        if (!store)
            return store.error();
        return std::unique_ptr<CentralStore>(std::move(*store));
    }
    case DatabaseUrl::Backend::Postgres: {
        auto store = PgCentralStore::open(url->location);
        if (!store)
            return store.error();
        return std::unique_ptr<CentralStore>(std::move(*store));
    }
    }
    return Error{"storage", "未知的数据库类型", "database"};
}

} // namespace ruhu::server
