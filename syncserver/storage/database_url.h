#pragma once

#include <ruhu/result.h>

#include <string>
#include <string_view>

namespace ruhu::server {

// Where the central store lives, from `--database URL` (docs/storage.md):
//   sqlite:DIR                 the embedded default: DIR/central.sqlite3
//   postgresql://…, postgres://…  a PostgreSQL database, the URL handed to libpq as it is
struct DatabaseUrl {
    enum class Backend { Sqlite, Postgres };
    Backend backend = Backend::Sqlite;
    std::string location; // Sqlite: the data directory; Postgres: the libpq connection URI
};

Result<DatabaseUrl> parseDatabaseUrl(std::string_view text);

// "sqlite:DIR": the store a bare --data-dir has always meant.
std::string sqliteDatabaseUrl(const std::string &dataDir);

// The URL as it may be printed or logged (--check-config, the start-up line): a password in it, as
// user:password@ or password=…, is replaced by ****.
std::string printableDatabaseUrl(std::string_view text);

} // namespace ruhu::server
