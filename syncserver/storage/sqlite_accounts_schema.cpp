#include "sqlite_accounts_schema.h"

namespace ruhu::server {
namespace {

Result<bool> hasColumn(sql::Database &db, const char *table, const char *column) {
    auto info = db.prepare(std::string("SELECT 1 FROM pragma_table_info('") + table + "') WHERE name = ?1");
    if (!info)
        return info.error();
    info->bind(1, std::string_view(column));
    bool found = info->step();
    if (info->lastError())
        return *info->lastError();
    return found;
}

Result<bool> hasTable(sql::Database &db, const char *table) {
    auto stmt = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, std::string_view(table));
    bool found = stmt->step();
    if (stmt->lastError())
        return *stmt->lastError();
    return found;
}

Status addColumn(sql::Database &db, const char *table, const char *column, const char *definition) {
    auto has = hasColumn(db, table, column);
    if (!has)
        return has.error();
    if (*has)
        return okStatus();
    return db.exec(std::string("ALTER TABLE ") + table + " ADD COLUMN " + column + " " + definition);
}

} // namespace

Status migrateAccounts(sql::Database &db) {
    auto hadTokenDevices = hasColumn(db, "tokens", "device_id");
    if (!hadTokenDevices)
        return hadTokenDevices.error();
    struct Column {
        const char *table, *name, *definition;
    };
    for (auto [table, column, definition] :
         {Column{"users", "disabled", "INTEGER NOT NULL DEFAULT 0"},
          Column{"users", "must_change_password", "INTEGER NOT NULL DEFAULT 0"},
          Column{"tokens", "device_id", "TEXT NOT NULL DEFAULT ''"},
          Column{"tokens", "created_at", "INTEGER NOT NULL DEFAULT 0"}}) {
        if (auto st = addColumn(db, table, column, definition); !st)
            return st;
    }
    // Tokens from before device binding name no device: they end, so each tablet logs in again (the
    // tablet asks for the password on 401) and gets a token bound to it.
    if (!*hadTokenDevices) {
        if (auto st = db.exec("DELETE FROM tokens"); !st)
            return st;
    }
    auto existed = hasTable(db, "device_owners");
    if (!existed)
        return existed.error();
    if (auto st = db.exec(R"sql(
CREATE TABLE IF NOT EXISTS device_owners (
    device_id  TEXT PRIMARY KEY,
    username   TEXT NOT NULL,
    bound_at   INTEGER NOT NULL,
    revoked_at INTEGER NOT NULL DEFAULT 0,
    revoked_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS tokens_username ON tokens(username);
CREATE INDEX IF NOT EXISTS tokens_device ON tokens(device_id);
)sql");
        !st)
        return st;
    if (!*existed) {
        // A store from before device binding: each device already seen belongs to the account that
        // pushed (or registered a key) with it first, so no one can claim it by logging in first now.
        if (auto st = db.exec(R"sql(
INSERT OR IGNORE INTO device_owners (device_id, username, bound_at)
    SELECT device_id, json_extract(result, '$.user'), min(received_at) FROM applied_mutations
    WHERE device_id <> 'server' AND json_extract(result, '$.user') IS NOT NULL GROUP BY device_id;
INSERT OR IGNORE INTO device_owners (device_id, username, bound_at)
    SELECT device_id, username, min(registered_at) FROM device_keys GROUP BY device_id;
)sql");
            !st)
            return st;
    }
    return db.exec("UPDATE meta SET value = 4 WHERE key = 'schema_version' AND value < 4");
}

// Schema 6: when each bound tablet last pushed and pulled, its app version and clock offset.
Status migrateDeviceActivity(sql::Database &db) {
    struct Column {
        const char *name, *definition;
    };
    for (auto [column, definition] :
         {Column{"last_push_at", "INTEGER NOT NULL DEFAULT 0"},
          Column{"last_pull_at", "INTEGER NOT NULL DEFAULT 0"},
          Column{"app_version", "TEXT NOT NULL DEFAULT ''"}, Column{"clock_offset_ms", "INTEGER"}}) {
        if (auto st = addColumn(db, "device_owners", column, definition); !st)
            return st;
    }
    return okStatus();
}

} // namespace ruhu::server
