#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ruhu::server {

// One row of the read audit (docs/privacy.md): who saw which households' sensitive data, how, when and
// from where. Rows are only ever added: the table refuses UPDATE and DELETE (SQLite triggers).
struct AuditEntry {
    int64_t id = 0; // assigned by appendAudit
    int64_t atMs = 0;
    std::string username;
    std::string role;
    std::string deviceId;      // as the request names it (empty when it does not)
    std::string clientAddress; // the peer address of the connection
    std::string action;        // pull | media | pdf | verify | review_list (| export, later)
    std::string target;        // what was read: a blob's sha256, an authorization id, a pull cursor
    std::string result;        // ok | partial | denied | …
    // (householdId, regionCode) of every household whose data the answer carried.
    std::vector<std::pair<std::string, std::string>> households;
};

// GET /api/v1/audit: rows at or after sinceMs with id > afterId that touch a household inside the
// prefixes, optionally of one user or one household, oldest first, at most limit.
struct AuditQuery {
    std::vector<std::string> regionPrefixes;
    int64_t sinceMs = 0;
    int64_t afterId = 0;
    size_t limit = 100;
    std::string username;
    std::string householdId;
};

struct AuditPage {
    std::vector<AuditEntry> entries;
    bool hasMore = false;
};

} // namespace ruhu::server
