#include "storesql.h"

#include <ruhu/store/sqlite.h>

#include <QDir>

#include <charconv>
#include <libpq-fe.h>

namespace {

constexpr std::string_view kSqlite = "sqlite:";

std::optional<ruhu::sql::Database> openSqlite(const std::string &url) {
    auto db = ruhu::sql::Database::open(
        QDir(QString::fromStdString(url.substr(kSqlite.size()))).filePath("central.sqlite3").toStdString(),
        true);
    if (!db)
        return std::nullopt;
    db->exec("PRAGMA busy_timeout = 5000");
    return std::move(*db);
}

// Runs sql on PostgreSQL; the text of the first cell when asked for, else "".
std::optional<std::string> runPostgres(const std::string &url, const std::string &sql) {
    PGconn *conn = PQconnectdb(url.c_str());
    std::optional<std::string> out;
    if (PQstatus(conn) == CONNECTION_OK) {
        PGresult *result = PQexec(conn, sql.c_str());
        const auto status = PQresultStatus(result);
        if (status == PGRES_COMMAND_OK)
            out = "";
        else if (status == PGRES_TUPLES_OK && PQntuples(result) > 0)
            out = PQgetvalue(result, 0, 0);
        PQclear(result);
    }
    PQfinish(conn);
    return out;
}

} // namespace

namespace StoreSql {

bool exec(const std::string &url, const std::string &sql) {
    if (url.starts_with(kSqlite)) {
        auto db = openSqlite(url);
        return db && db->exec(sql).ok();
    }
    return runPostgres(url, sql).has_value();
}

std::optional<int64_t> queryInt(const std::string &url, const std::string &sql) {
    std::string text;
    if (url.starts_with(kSqlite)) {
        auto db = openSqlite(url);
        if (!db)
            return std::nullopt;
        auto stmt = db->prepare(sql);
        if (!stmt || !stmt->step())
            return std::nullopt;
        return stmt->columnInt(0);
    }
    auto cell = runPostgres(url, sql);
    if (!cell)
        return std::nullopt;
    int64_t value = 0;
    auto [end, ec] = std::from_chars(cell->data(), cell->data() + cell->size(), value);
    if (ec != std::errc() || end != cell->data() + cell->size())
        return std::nullopt;
    return value;
}

} // namespace StoreSql
