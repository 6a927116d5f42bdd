#pragma once

#include "database_url.h"

#include <ruhu/result.h>

#include <string>

namespace ruhu::server {

// What a backup directory holds (DIR/ruhu-backup.json, written last: a directory without it is not a
// complete backup). docs/operations.md "Backup and restore".
struct BackupSummary {
    std::string incarnation; // of the store when it was copied
    int64_t storeBytes = 0;
    int64_t mediaFiles = 0;
    int64_t mediaBytes = 0;
};

// A consistent copy of the store (SQLite: the online backup API, one read snapshot, while the server
// runs) and then of the media blobs, into DIR, which must be missing or empty.
Result<BackupSummary> backupServer(const DatabaseUrl &database, const std::string &mediaDir,
                                   const std::string &backupDir);

// Brings a backup back. The server must be stopped: the caller holds the data directory's lock. A store
// already there is moved aside (central.sqlite3.before-restore-<time>), never deleted; media blobs are added.
// The restored store gets a new incarnation id, so tablets re-send what it lost (docs/decisions.md D21).
Result<BackupSummary> restoreServer(const DatabaseUrl &database, const std::string &mediaDir,
                                    const std::string &backupDir);

} // namespace ruhu::server
