#pragma once

#include <ruhu/result.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace ruhu::pq {

// A statement parameter, sent as text (NULL when empty).
class Param {
public:
    Param(std::nullptr_t) {}
    Param(std::string text)
        : m_text(std::move(text)) {}
    Param(const char *text)
        : m_text(std::string(text)) {}
    Param(std::string_view text)
        : m_text(std::string(text)) {}
    Param(int64_t value)
        : m_text(std::to_string(value)) {}
    Param(int value)
        : m_text(std::to_string(value)) {}
    Param(size_t value)
        : m_text(std::to_string(value)) {}
    Param(bool value)
        : m_text(value ? "true" : "false") {}
    const char *data() const { return m_text ? m_text->c_str() : nullptr; }

private:
    std::optional<std::string> m_text;
};

// The rows of one statement; columns read as text.
class Rows {
public:
    explicit Rows(pg_result *result);
    ~Rows();
    Rows(Rows &&other) noexcept;
    Rows &operator=(Rows &&) = delete;

    int size() const;
    bool empty() const { return size() == 0; }
    std::string text(int row, int column) const;
    int64_t integer(int row, int column) const;
    bool boolean(int row, int column) const; // "t" or an integer other than 0
    bool isNull(int row, int column) const;
    int64_t affected() const; // rows an INSERT/UPDATE/DELETE touched

private:
    pg_result *m_result;
};

// One libpq connection. exec() runs one statement (parameters $1.. as text); a failure comes back as an
// Error whose code is "retry" (write_retry.h) for a lost race — serialization failure, deadlock, unique
// key taken meanwhile, lock not available — and "storage" otherwise.
class Connection {
public:
    static Result<std::unique_ptr<Connection>> open(const std::string &conninfo);
    ~Connection();

    Result<Rows> exec(const std::string &sql, const std::vector<Param> &params = {});
    // Statements without parameters, several separated by ';' (schema scripts).
    Status run(const std::string &script);
    bool healthy() const;

private:
    explicit Connection(pg_conn *conn)
        : m_conn(conn) {}
    pg_conn *m_conn;
};

} // namespace ruhu::pq
