#pragma once

#include <ruhu/result.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ruhu::sql {

// A thin RAII layer over the SQLite C API. Errors surface as ruhu::Error values with code "storage"
// (or "disk_full" when SQLite reports SQLITE_FULL), never as crashes.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3 *db, sqlite3_stmt *stmt)
        : m_db(db)
        , m_stmt(stmt) {}
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Statement &bind(int index, int64_t value);
    Statement &bind(int index, std::string_view text);
    Statement &bindBlob(int index, const std::vector<unsigned char> &blob);
    Statement &bindNull(int index);

    // Steps once: true when a row is ready, false when done. Errors are kept in lastError().
    bool step();
    Status run(); // steps to completion
    void reset();

    int64_t columnInt(int col) const;
    std::string columnText(int col) const;
    std::vector<unsigned char> columnBlob(int col) const;
    bool columnIsNull(int col) const;

    const std::optional<Error> &lastError() const { return m_error; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::optional<Error> m_error;
};

class Database {
public:
    Database() = default;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    // Opens (creating if needed) a database file with foreign keys on and a busy timeout;
    // wal = true switches the journal to write-ahead logging.
    static Result<Database> open(const std::string &path, bool wal);

    Status exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    int64_t changes() const;
    sqlite3 *handle() const { return m_db; }

private:
    explicit Database(sqlite3 *db)
        : m_db(db) {}
    sqlite3 *m_db = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Status &begun() const { return m_begin; }
    Status commit();

private:
    Database &m_db;
    Status m_begin;
    bool m_done = false;
};

Error storageError(sqlite3 *db, std::string_view what);

} // namespace ruhu::sql
