#include "sqlite_schema.h"

namespace ruhu::server {
namespace {

// Records keep their body (fields + per-field clocks) as canonical JSON; the columns beside it are the
// ones queries filter on. version is the change-log sequence number of the record's last change.
constexpr const char *kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value NOT NULL
);
CREATE TABLE IF NOT EXISTS areas (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    level  TEXT NOT NULL,
    parent TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS users (
    username      TEXT PRIMARY KEY,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    scope         TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    sha256   TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    expires  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_expires ON tokens(expires);
CREATE TABLE IF NOT EXISTS records (
    kind         TEXT NOT NULL,
    id           TEXT NOT NULL,
    household_id TEXT NOT NULL,
    region_code  TEXT NOT NULL,
    version      INTEGER NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0,
    body         TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS records_version ON records(version);
CREATE INDEX IF NOT EXISTS records_region ON records(region_code);
CREATE INDEX IF NOT EXISTS records_household ON records(household_id);
CREATE TABLE IF NOT EXISTS applied_mutations (
    id          TEXT PRIMARY KEY,
    device_id   TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    mutation    TEXT NOT NULL,
    result      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS applied_mutations_device ON applied_mutations(device_id, seq);
INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', 1), ('last_version', 0);
)sql";

} // namespace

Status createCentralSchema(sql::Database &db) {
    sql::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    if (auto st = db.exec(kSchema); !st)
        return st;
    return tx.commit();
}

} // namespace ruhu::server
