#include "sqlite_schema.h"

#include "sqlite_accounts_schema.h"

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
    result      TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT '',
    record_id   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS applied_mutations_device ON applied_mutations(device_id, seq);
CREATE TABLE IF NOT EXISTS reviews (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    kind           TEXT NOT NULL,
    record_id      TEXT NOT NULL,
    household_id   TEXT NOT NULL,
    region_code    TEXT NOT NULL,
    field          TEXT NOT NULL,
    base_value     TEXT NOT NULL,
    server_value   TEXT NOT NULL,
    server_hlc     TEXT NOT NULL,
    incoming_value TEXT NOT NULL,
    incoming_hlc   TEXT NOT NULL,
    mutation_id    TEXT NOT NULL,
    device_id      TEXT NOT NULL,
    author         TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    status         TEXT NOT NULL DEFAULT 'open',
    resolution     TEXT
);
CREATE INDEX IF NOT EXISTS reviews_region ON reviews(region_code);
CREATE INDEX IF NOT EXISTS reviews_household ON reviews(household_id);
CREATE TABLE IF NOT EXISTS departures (
    kind       TEXT NOT NULL,
    id         TEXT NOT NULL,
    old_region TEXT NOT NULL,
    version    INTEGER NOT NULL,
    PRIMARY KEY (kind, id, version)
);
CREATE INDEX IF NOT EXISTS departures_version ON departures(version);
CREATE TABLE IF NOT EXISTS device_sequences (
    device_id  TEXT PRIMARY KEY,
    contiguous INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS skipped_seqs (
    device_id TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    PRIMARY KEY (device_id, seq)
);
-- Which media blobs (photos, signature images) a photo/authorization record references. Region and
-- liveness come from the record itself, so a household move or a tombstone needs no update here.
-- creator: the user whose push stored the reference ('' for references from before schema 4).
CREATE TABLE IF NOT EXISTS media_refs (
    sha256    TEXT NOT NULL,
    kind      TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (sha256, kind, record_id)
) WITHOUT ROWID;
-- Who completed an upload of a blob (one row per user): a download is granted only through a record
-- whose reference one of them vouches for (docs/media-sync.md), and the rows count against the quota.
CREATE TABLE IF NOT EXISTS media_uploads (
    sha256       TEXT NOT NULL,
    username     TEXT NOT NULL,
    device_id    TEXT NOT NULL,
    scope        TEXT NOT NULL,
    size         INTEGER NOT NULL,
    completed_at INTEGER NOT NULL,
    PRIMARY KEY (sha256, username)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS media_uploads_user ON media_uploads(username);
-- The read audit (docs/privacy.md): append-only, enforced by the triggers below.
CREATE TABLE IF NOT EXISTS audit_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms          INTEGER NOT NULL,
    username       TEXT NOT NULL,
    role           TEXT NOT NULL,
    device_id      TEXT NOT NULL,
    client_address TEXT NOT NULL,
    action         TEXT NOT NULL,
    target         TEXT NOT NULL,
    result         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log(at_ms);
CREATE INDEX IF NOT EXISTS audit_log_user ON audit_log(username);
CREATE TABLE IF NOT EXISTS audit_households (
    audit_id     INTEGER NOT NULL REFERENCES audit_log(id),
    household_id TEXT NOT NULL,
    region_code  TEXT NOT NULL,
    PRIMARY KEY (audit_id, household_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS audit_households_household ON audit_households(household_id);
CREATE INDEX IF NOT EXISTS audit_households_region ON audit_households(region_code);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_households_no_update BEFORE UPDATE ON audit_households
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_households_no_delete BEFORE DELETE ON audit_households
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- Each device's Ed25519 signing key (授权承诺书). A retired key stays for the record; at most one active.
CREATE TABLE IF NOT EXISTS device_keys (
    device_id     TEXT NOT NULL,
    public_key    TEXT NOT NULL,
    fingerprint   TEXT NOT NULL,
    username      TEXT NOT NULL,
    registered_at INTEGER NOT NULL,
    retired_at    INTEGER NOT NULL DEFAULT 0,
    retired_by    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (device_id, public_key, registered_at)
);
CREATE UNIQUE INDEX IF NOT EXISTS device_keys_active ON device_keys(device_id) WHERE retired_at = 0;
-- Rule configurations a county loaded (PUT /api/v1/rules/config); the highest seq is in force.
CREATE TABLE IF NOT EXISTS rule_configs (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    config_id      TEXT NOT NULL,
    config_version INTEGER NOT NULL,
    hash           TEXT NOT NULL,
    document       TEXT NOT NULL,
    loaded_by      TEXT NOT NULL,
    loaded_at      INTEGER NOT NULL
);
INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', 3), ('last_version', 0);
INSERT OR IGNORE INTO meta(key, value) VALUES ('incarnation', lower(hex(randomblob(16))));
)sql";

// The schema_version of an existing store; 0 for a new file (no meta table yet).
Result<int64_t> existingSchemaVersion(sql::Database &db) {
    auto table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
    if (!table)
        return table.error();
    if (!table->step())
        return int64_t(0);
    auto version = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    if (!version)
        return version.error();
    return version->step() ? version->columnInt(0) : int64_t(0);
}

// Schema 1 kept no record identity beside the history rows: add it, filled from the stored mutations.
Status migrateAppliedMutations(sql::Database &db) {
    bool hasRecordId = false;
    {
        auto info =
            db.prepare("SELECT 1 FROM pragma_table_info('applied_mutations') WHERE name = 'record_id'");
        if (!info)
            return info.error();
        hasRecordId = info->step();
        if (info->lastError())
            return *info->lastError();
    }
    if (!hasRecordId) {
        for (const char *statement :
             {"ALTER TABLE applied_mutations ADD COLUMN kind TEXT NOT NULL DEFAULT ''",
              "ALTER TABLE applied_mutations ADD COLUMN record_id TEXT NOT NULL DEFAULT ''",
              "UPDATE applied_mutations SET kind = coalesce(json_extract(mutation, '$.kind'), ''), "
              "record_id = coalesce(json_extract(mutation, '$.recordId'), '')",
              "UPDATE meta SET value = 2 WHERE key = 'schema_version'"}) {
            if (auto st = db.exec(statement); !st)
                return st;
        }
    }
    return db.exec(
        "CREATE INDEX IF NOT EXISTS applied_mutations_record ON applied_mutations(kind, record_id)");
}

// Schema 4 records who pushed each media reference (docs/media-sync.md "Who may download").
Status migrateMediaRefsCreator(sql::Database &db) {
    auto info = db.prepare("SELECT 1 FROM pragma_table_info('media_refs') WHERE name = 'creator'");
    if (!info)
        return info.error();
    const bool hasCreator = info->step();
    if (info->lastError())
        return *info->lastError();
    if (hasCreator)
        return okStatus();
    return db.exec("ALTER TABLE media_refs ADD COLUMN creator TEXT NOT NULL DEFAULT ''");
}

} // namespace

Status createCentralSchema(sql::Database &db) {
    sql::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    auto existing = existingSchemaVersion(db);
    if (!existing)
        return existing.error();
    if (*existing > kCentralSchemaVersion)
        return Error{"schema_too_new",
                     "the store has schema " + std::to_string(*existing) + ", newer than the " +
                         std::to_string(kCentralSchemaVersion) +
                         " this ruhu-syncd knows: run the newer ruhu-syncd (or restore a backup made with "
                         "this version)",
                     ""};
    if (auto st = db.exec(kSchema); !st)
        return st;
    if (auto st = migrateAppliedMutations(db); !st)
        return st;
    // Schema 3 added device_keys (created above by IF NOT EXISTS); only the number needs moving on.
    if (auto st = db.exec("UPDATE meta SET value = 3 WHERE key = 'schema_version' AND value < 3"); !st)
        return st;
    if (auto st = migrateAccounts(db); !st)
        return st;
    if (auto st = migrateMediaRefsCreator(db); !st)
        return st;
    // Schema 4 (accounts: tokens bound to devices, device_owners) and schema 4 of the media branch
    // (media_refs.creator, media_uploads, audit_log) met as schema 5; both migrations are idempotent.
    if (auto st = db.exec("UPDATE meta SET value = 5 WHERE key = 'schema_version' AND value < 5"); !st)
        return st;
    if (auto st = migrateDeviceActivity(db); !st)
        return st;
    if (auto st = db.exec("UPDATE meta SET value = 6 WHERE key = 'schema_version' AND value < 6"); !st)
        return st;
    static_assert(kCentralSchemaVersion == 6, "a new schema version needs its migration above");
    return tx.commit();
}

Result<std::string> readIncarnation(sql::Database &db) {
    auto stmt = db.prepare("SELECT value FROM meta WHERE key = 'incarnation'");
    if (!stmt)
        return stmt.error();
    if (!stmt->step())
        return stmt->lastError().value_or(Error{"storage", "the store has no incarnation id", ""});
    return stmt->columnText(0);
}

Status renewIncarnation(sql::Database &db) {
    return db.exec(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('incarnation', lower(hex(randomblob(16))))");
}

} // namespace ruhu::server
