#pragma once

#include <ruhu/result.h>
#include <ruhu/sync/protocol.h>
#include <ruhu/sync/record.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ruhu::server {

struct UserAccount {
    std::string username;
    std::string displayName;
    std::string role;
    std::string passwordHash; // argon2id, crypto_pwhash_str format
    std::vector<std::string> scope;
};

// A login token as stored: only its SHA-256, never the token itself.
struct TokenGrant {
    std::string tokenSha256; // lowercase hex
    std::string username;
    int64_t expiresMs = 0;
};

// One row of the applied-mutations history; the key of push idempotence.
struct AppliedMutation {
    std::string id;
    std::string deviceId;
    int64_t seq = 0;
    int64_t receivedAtMs = 0;
    std::string mutationJson; // canonical JSON of the mutation as received
    std::string resultJson;   // canonical JSON of what the server did with it
};

struct ChangePage {
    std::vector<Record> records; // version order
    bool hasMore = false;
};

// The central store behind one interface, so PostgreSQL can join SQLite later. It only stores and finds;
// scope checks, merging and versioning decisions live in the API handlers. Safe to call from any thread.
class CentralStore {
public:
    // All writes of one push (or one seeding) go through one of these: everything it wrote becomes
    // visible at commit(), and nothing if it is destroyed before. While it lives, the store is exclusively
    // the caller's, so read-check-write sequences inside it are atomic.
    class WriteTransaction {
    public:
        virtual ~WriteTransaction() = default;
        virtual Result<std::optional<AppliedMutation>> findApplied(const std::string &mutationId) = 0;
        virtual Result<std::optional<Record>> findRecord(const std::string &kind, const std::string &id) = 0;
        // The next value of the global change-log sequence.
        virtual Result<int64_t> nextVersion() = 0;
        virtual Status putRecord(const Record &record) = 0;
        virtual Status putApplied(const AppliedMutation &applied) = 0;
        virtual Status putArea(const protocol::Area &area) = 0;
        virtual Status putUser(const UserAccount &user) = 0;
        virtual Status commit() = 0;
    };

    virtual ~CentralStore() = default;

    virtual Result<std::unique_ptr<WriteTransaction>> beginWrite() = 0;

    virtual Result<std::vector<protocol::Area>> areas() = 0;
    virtual Result<std::optional<UserAccount>> findUser(const std::string &username) = 0;
    virtual Status putToken(const TokenGrant &grant, int64_t nowMs) = 0;
    // The user a live (unexpired) token belongs to.
    virtual Result<std::optional<UserAccount>> userForToken(const std::string &tokenSha256,
                                                            int64_t nowMs) = 0;
    // Records with version > cursor whose region code starts with one of the prefixes, at most limit.
    virtual Result<ChangePage> changesSince(const std::vector<std::string> &regionPrefixes, int64_t cursor,
                                            size_t limit) = 0;
};

} // namespace ruhu::server
