#pragma once

#include <cstdint>
#include <optional>
#include <string>

// Plain, portable SQL on the central store a test server uses (ServerProcess::databaseUrl(): sqlite:DIR
// or postgresql://…), for what no store method is for: checking that the database itself refuses a
// write, or ageing a row on purpose. Everything else goes through CentralStore.
namespace StoreSql {

// True when the statement succeeded.
bool exec(const std::string &databaseUrl, const std::string &sql);
// The first column of the first row as an integer; empty on error or no row.
std::optional<int64_t> queryInt(const std::string &databaseUrl, const std::string &sql);

} // namespace StoreSql
