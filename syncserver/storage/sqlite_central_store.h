#pragma once

#include "central_store.h"

#include <ruhu/store/sqlite.h>

#include <memory>
#include <mutex>
#include <string>

namespace ruhu::server {

// The default central store: one SQLite file (WAL) in the data directory. One mutex serializes every
// access; a WriteTransaction holds it until it is committed or dropped.
class SqliteCentralStore final : public CentralStore {
public:
    // Opens DIR/central.sqlite3, creating the directory, the file and the schema as needed. Opening an
    // existing data directory keeps everything in it.
    static Result<std::unique_ptr<SqliteCentralStore>> open(const std::string &dataDir);

    static constexpr const char *kFileName = "central.sqlite3";

    Result<std::unique_ptr<WriteTransaction>> beginWrite() override;
    Result<std::vector<protocol::Area>> areas() override;
    Result<std::optional<UserAccount>> findUser(const std::string &username) override;
    Status putToken(const TokenGrant &grant, int64_t nowMs) override;
    Result<std::optional<UserAccount>> userForToken(const std::string &tokenSha256, int64_t nowMs) override;
    Result<ChangePage> changesSince(const std::vector<std::string> &regionPrefixes, int64_t cursor,
                                    size_t limit) override;
    Result<std::optional<Record>> findRecord(const std::string &kind, const std::string &id) override;
    Result<ReviewPage> reviews(const std::vector<std::string> &regionPrefixes, const std::string &status,
                               int64_t cursor, size_t limit) override;
    Result<std::vector<AppliedMutation>> history(const std::string &kind, const std::string &id) override;

private:
    explicit SqliteCentralStore(sql::Database db)
        : m_db(std::move(db)) {}
    class SqliteWriteTransaction;

    std::mutex m_mutex;
    sql::Database m_db; // guarded by m_mutex
};

} // namespace ruhu::server
