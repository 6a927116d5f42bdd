#include "pg_schema.h"

namespace ruhu::server {
namespace {

// The tables of sqlite_schema.cpp with PostgreSQL types, plus what many writers need: record versions
// from a sequence, and each record's and departure's position in the change log (`pos`, the writing
// transaction's xid8 and the write's ordinal in it: pg_central_store.cpp "The pull cursor").
constexpr const char *kSchemaV1 = R"sql(
CREATE TABLE IF NOT EXISTS meta (
    key   text PRIMARY KEY,
    value bigint NOT NULL
);
CREATE SEQUENCE IF NOT EXISTS record_versions;
CREATE TABLE IF NOT EXISTS areas (
    code   text PRIMARY KEY,
    name   text NOT NULL,
    level  text NOT NULL,
    parent text NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS users (
    username             text PRIMARY KEY,
    display_name         text NOT NULL,
    role                 text NOT NULL,
    password_hash        text NOT NULL,
    scope                text NOT NULL,
    disabled             boolean NOT NULL DEFAULT false,
    must_change_password boolean NOT NULL DEFAULT false
);
CREATE TABLE IF NOT EXISTS tokens (
    sha256     text PRIMARY KEY,
    username   text NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    expires    bigint NOT NULL,
    device_id  text NOT NULL DEFAULT '',
    created_at bigint NOT NULL DEFAULT 0,
    issued     bigserial NOT NULL -- issue order, for keeping a user's newest tokens
);
CREATE INDEX IF NOT EXISTS tokens_expires ON tokens(expires);
CREATE INDEX IF NOT EXISTS tokens_username ON tokens(username);
CREATE INDEX IF NOT EXISTS tokens_device ON tokens(device_id);
CREATE TABLE IF NOT EXISTS device_owners (
    device_id  text PRIMARY KEY,
    username   text NOT NULL,
    bound_at   bigint NOT NULL,
    revoked_at bigint NOT NULL DEFAULT 0,
    revoked_by text NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS records (
    kind         text NOT NULL,
    id           text NOT NULL,
    household_id text NOT NULL,
    region_code  text NOT NULL,
    version      bigint NOT NULL,
    deleted      boolean NOT NULL DEFAULT false,
    body         text NOT NULL,
    pos          bigint NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS records_version ON records(version);
CREATE INDEX IF NOT EXISTS records_pos ON records(pos);
CREATE INDEX IF NOT EXISTS records_region_pos ON records(region_code text_pattern_ops, pos);
CREATE INDEX IF NOT EXISTS records_household ON records(household_id);
CREATE TABLE IF NOT EXISTS applied_mutations (
    id          text PRIMARY KEY,
    device_id   text NOT NULL,
    seq         bigint NOT NULL,
    received_at bigint NOT NULL,
    mutation    text NOT NULL,
    result      text NOT NULL,
    kind        text NOT NULL DEFAULT '',
    record_id   text NOT NULL DEFAULT '',
    applied     bigserial NOT NULL
);
CREATE INDEX IF NOT EXISTS applied_mutations_device ON applied_mutations(device_id, seq);
CREATE INDEX IF NOT EXISTS applied_mutations_record ON applied_mutations(kind, record_id);
CREATE TABLE IF NOT EXISTS reviews (
    id             bigserial PRIMARY KEY,
    kind           text NOT NULL,
    record_id      text NOT NULL,
    household_id   text NOT NULL,
    region_code    text NOT NULL,
    field          text NOT NULL,
    base_value     text NOT NULL,
    server_value   text NOT NULL,
    server_hlc     text NOT NULL,
    incoming_value text NOT NULL,
    incoming_hlc   text NOT NULL,
    mutation_id    text NOT NULL,
    device_id      text NOT NULL,
    author         text NOT NULL,
    created_at     bigint NOT NULL,
    status         text NOT NULL DEFAULT 'open',
    resolution     text
);
CREATE INDEX IF NOT EXISTS reviews_region ON reviews(region_code text_pattern_ops);
CREATE INDEX IF NOT EXISTS reviews_household ON reviews(household_id);
CREATE TABLE IF NOT EXISTS departures (
    kind       text NOT NULL,
    id         text NOT NULL,
    old_region text NOT NULL,
    version    bigint NOT NULL,
    pos        bigint NOT NULL,
    PRIMARY KEY (kind, id, version)
);
CREATE INDEX IF NOT EXISTS departures_pos ON departures(pos);
CREATE TABLE IF NOT EXISTS device_sequences (
    device_id  text PRIMARY KEY,
    contiguous bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS skipped_seqs (
    device_id text NOT NULL,
    seq       bigint NOT NULL,
    PRIMARY KEY (device_id, seq)
);
CREATE TABLE IF NOT EXISTS media_refs (
    sha256    text NOT NULL,
    kind      text NOT NULL,
    record_id text NOT NULL,
    creator   text NOT NULL DEFAULT '',
    PRIMARY KEY (sha256, kind, record_id)
);
CREATE TABLE IF NOT EXISTS media_uploads (
    sha256       text NOT NULL,
    username     text NOT NULL,
    device_id    text NOT NULL,
    scope        text NOT NULL,
    size         bigint NOT NULL,
    completed_at bigint NOT NULL,
    PRIMARY KEY (sha256, username)
);
CREATE INDEX IF NOT EXISTS media_uploads_user ON media_uploads(username);
CREATE TABLE IF NOT EXISTS audit_log (
    id             bigserial PRIMARY KEY,
    at_ms          bigint NOT NULL,
    username       text NOT NULL,
    role           text NOT NULL,
    device_id      text NOT NULL,
    client_address text NOT NULL,
    action         text NOT NULL,
    target         text NOT NULL,
    result         text NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log(at_ms);
CREATE INDEX IF NOT EXISTS audit_log_user ON audit_log(username);
CREATE TABLE IF NOT EXISTS audit_households (
    audit_id     bigint NOT NULL REFERENCES audit_log(id),
    household_id text NOT NULL,
    region_code  text NOT NULL,
    PRIMARY KEY (audit_id, household_id)
);
CREATE INDEX IF NOT EXISTS audit_households_household ON audit_households(household_id);
CREATE INDEX IF NOT EXISTS audit_households_region ON audit_households(region_code text_pattern_ops);
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE OR REPLACE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE OR REPLACE TRIGGER audit_households_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
    ON audit_households FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TABLE IF NOT EXISTS device_keys (
    device_id     text NOT NULL,
    public_key    text NOT NULL,
    fingerprint   text NOT NULL,
    username      text NOT NULL,
    registered_at bigint NOT NULL,
    retired_at    bigint NOT NULL DEFAULT 0,
    retired_by    text NOT NULL DEFAULT '',
    PRIMARY KEY (device_id, public_key, registered_at)
);
CREATE UNIQUE INDEX IF NOT EXISTS device_keys_active ON device_keys(device_id) WHERE retired_at = 0;
CREATE TABLE IF NOT EXISTS rule_configs (
    seq            bigserial PRIMARY KEY,
    config_id      text NOT NULL,
    config_version bigint NOT NULL,
    hash           text NOT NULL,
    document       text NOT NULL,
    loaded_by      text NOT NULL,
    loaded_at      bigint NOT NULL
);
)sql";

// Schema 2: when each bound tablet last pushed and pulled, its app version and clock offset.
constexpr const char *kSchemaV2 = R"sql(
ALTER TABLE device_owners ADD COLUMN IF NOT EXISTS last_push_at bigint NOT NULL DEFAULT 0;
ALTER TABLE device_owners ADD COLUMN IF NOT EXISTS last_pull_at bigint NOT NULL DEFAULT 0;
ALTER TABLE device_owners ADD COLUMN IF NOT EXISTS app_version text NOT NULL DEFAULT '';
ALTER TABLE device_owners ADD COLUMN IF NOT EXISTS clock_offset_ms bigint;
)sql";

} // namespace

Status createPgSchema(pq::Connection &db) {
    if (auto st = db.run("BEGIN; SELECT pg_advisory_xact_lock(7216001)"); !st)
        return st;
    auto result = [&]() -> Status {
        if (auto st = db.run("CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value bigint NOT NULL)");
            !st)
            return st;
        auto version = db.exec("SELECT value FROM meta WHERE key = 'schema_version'");
        if (!version)
            return version.error();
        const int64_t current = version->empty() ? 0 : version->integer(0, 0);
        if (current > kPgSchemaVersion)
            return Error{"storage",
                         "数据库结构版本（" + std::to_string(current) + "）比本程序新，请升级 ruhu-syncd",
                         ""};
        // Migrations from one version to the next go here, each guarded by `current < N`.
        if (current < 1) {
            if (auto st = db.run(kSchemaV1); !st)
                return st;
        }
        if (current < 2) {
            if (auto st = db.run(kSchemaV2); !st)
                return st;
        }
        return db.exec("INSERT INTO meta (key, value) VALUES ('schema_version', $1) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       {int64_t(kPgSchemaVersion)})
                       .ok()
                   ? okStatus()
                   : Status(Error{"storage", "无法记录数据库结构版本", ""});
    }();
    if (!result) {
        db.run("ROLLBACK");
        return result;
    }
    return db.run("COMMIT");
}

} // namespace ruhu::server
