#include "backup.h"

#include "sqlite_central_store.h"
#include "sqlite_schema.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sqlite3.h>

namespace ruhu::server {
namespace {

namespace fs = std::filesystem;

constexpr const char *kManifest = "ruhu-backup.json";
constexpr int kFormat = 1;

// Copies the live database at `from` into a new file `to` with SQLite's online backup API: one read
// transaction, so the copy is the state of one commit while writers carry on (WAL).
Status sqliteCopy(const std::string &from, const std::string &to) {
    auto source = sql::Database::open(from, false);
    if (!source)
        return source.error();
    auto target = sql::Database::open(to, false);
    if (!target)
        return target.error();
    sqlite3_backup *backup = sqlite3_backup_init(target->handle(), "main", source->handle(), "main");
    if (!backup)
        return sql::storageError(target->handle(), "backup");
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return sql::storageError(target->handle(), "backup");
    return okStatus();
}

// The completed blobs under a media directory (partial uploads are left out: tablets resume them).
struct MediaCopy {
    int64_t files = 0;
    int64_t bytes = 0;
};

Result<MediaCopy> copyMedia(const fs::path &from, const fs::path &to, bool skipExisting) {
    MediaCopy copied;
    std::error_code ec;
    if (!fs::exists(from, ec))
        return copied;
    for (auto it = fs::recursive_directory_iterator(from, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path relative = fs::relative(it->path(), from, ec);
        if (ec)
            break;
        if (*relative.begin() == "partial") {
            if (it->is_directory())
                it.disable_recursion_pending();
            continue;
        }
        const fs::path target = to / relative;
        if (it->is_directory(ec)) {
            fs::create_directories(target, ec);
            continue;
        }
        if (!it->is_regular_file(ec))
            continue;
        if (skipExisting && fs::exists(target))
            continue; // content-addressed: the same name is the same bytes
        fs::create_directories(target.parent_path(), ec);
        if (ec)
            break;
        fs::copy_file(it->path(), target, fs::copy_options::overwrite_existing, ec);
        if (ec)
            break;
        ++copied.files;
        copied.bytes += int64_t(fs::file_size(target, ec));
    }
    if (ec)
        return Error{"storage", "media copy failed: " + ec.message(), ""};
    return copied;
}

Result<BackupSummary> readManifest(const fs::path &dir) {
    std::ifstream in(dir / kManifest);
    if (!in)
        return Error{"bad_backup", (dir / kManifest).string() + " is missing: not a complete backup", ""};
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    boost::system::error_code ec;
    auto json = boost::json::parse(text, ec);
    const auto *o = ec ? nullptr : json.if_object();
    if (!o || !o->contains("format") || o->at("format") != kFormat)
        return Error{"bad_backup", (dir / kManifest).string() + " is not a ruhu-syncd backup of format 1",
                     ""};
    BackupSummary summary;
    if (const auto *v = o->if_contains("incarnation"); v && v->is_string())
        summary.incarnation = std::string(v->get_string());
    return summary;
}

Status writeManifest(const fs::path &dir, const BackupSummary &summary) {
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    boost::json::object manifest{{"format", kFormat},
                                 {"engine", "sqlite"},
                                 {"createdAtMs", now},
                                 {"schemaVersion", kCentralSchemaVersion},
                                 {"incarnation", summary.incarnation},
                                 {"storeBytes", summary.storeBytes},
                                 {"mediaFiles", summary.mediaFiles},
                                 {"mediaBytes", summary.mediaBytes}};
    const fs::path temp = dir / (std::string(kManifest) + ".tmp");
    {
        std::ofstream out(temp, std::ios::trunc);
        out << boost::json::serialize(manifest) << '\n';
        if (!out.flush())
            return Error{"storage", "cannot write " + temp.string(), ""};
    }
    std::error_code ec;
    fs::rename(temp, dir / kManifest, ec);
    if (ec)
        return Error{"storage", "cannot write the manifest: " + ec.message(), ""};
    return okStatus();
}

std::string timestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

// A PostgreSQL store is backed up with its own tools (docs/operations.md); the media with `backup`
// once this function learns to call them.
Error postgresNotHere() {
    return Error{"bad_config", "a PostgreSQL store is backed up with pg_dump (docs/operations.md)", ""};
}

} // namespace

Result<BackupSummary> backupServer(const DatabaseUrl &database, const std::string &mediaDir,
                                   const std::string &backupDir) {
    const fs::path dir = backupDir;
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_empty(dir, ec))
        return Error{"bad_backup", backupDir + " is not empty: back up into a new directory", ""};
    fs::create_directories(dir, ec);
    if (ec)
        return Error{"storage", "cannot create " + backupDir + ": " + ec.message(), ""};
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);

    BackupSummary summary;
    switch (database.backend) {
    case DatabaseUrl::Backend::Postgres:
        return postgresNotHere();
    case DatabaseUrl::Backend::Sqlite: {
        const std::string source = (fs::path(database.location) / SqliteCentralStore::kFileName).string();
        if (!fs::exists(source, ec))
            return Error{"storage", "no store at " + source, ""};
        const std::string copy = (dir / SqliteCentralStore::kFileName).string();
        if (auto st = sqliteCopy(source, copy); !st)
            return st.error();
        auto db = sql::Database::open(copy, false);
        if (!db)
            return db.error();
        auto incarnation = readIncarnation(*db);
        if (!incarnation)
            return incarnation.error();
        summary.incarnation = *incarnation;
        summary.storeBytes = int64_t(fs::file_size(copy, ec));
        break;
    }
    }
    // After the store's snapshot: every blob it references is there (the sweep removes only blobs
    // unreferenced for a whole grace period).
    auto media = copyMedia(mediaDir, dir / "media", false);
    if (!media)
        return media.error();
    summary.mediaFiles = media->files;
    summary.mediaBytes = media->bytes;
    if (auto st = writeManifest(dir, summary); !st)
        return st.error();
    return summary;
}

Result<BackupSummary> restoreServer(const DatabaseUrl &database, const std::string &mediaDir,
                                    const std::string &backupDir) {
    const fs::path dir = backupDir;
    auto summary = readManifest(dir);
    if (!summary)
        return summary.error();
    switch (database.backend) {
    case DatabaseUrl::Backend::Postgres:
        return postgresNotHere();
    case DatabaseUrl::Backend::Sqlite: {
        const fs::path target = fs::path(database.location) / SqliteCentralStore::kFileName;
        std::error_code ec;
        if (fs::exists(target, ec)) {
            const std::string aside = target.string() + ".before-restore-" + timestamp();
            for (const char *suffix : {"", "-wal", "-shm"}) {
                if (fs::exists(target.string() + suffix, ec))
                    fs::rename(target.string() + suffix, aside + suffix, ec);
                if (ec)
                    return Error{"storage", "cannot move the current store aside: " + ec.message(), ""};
            }
        }
        if (auto st = sqliteCopy((dir / SqliteCentralStore::kFileName).string(), target.string()); !st)
            return st.error();
        fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace,
                        ec);
        auto db = sql::Database::open(target.string(), false);
        if (!db)
            return db.error();
        if (auto st = renewIncarnation(*db); !st)
            return st.error();
        auto incarnation = readIncarnation(*db);
        if (!incarnation)
            return incarnation.error();
        summary->incarnation = *incarnation;
        summary->storeBytes = int64_t(fs::file_size(target, ec));
        break;
    }
    }
    auto media = copyMedia(dir / "media", mediaDir, true);
    if (!media)
        return media.error();
    summary->mediaFiles = media->files;
    summary->mediaBytes = media->bytes;
    return summary;
}

} // namespace ruhu::server
