#include "pq.h"

#include "write_retry.h"

#include <charconv>
#include <libpq-fe.h>

namespace ruhu::pq {
namespace {

// SQLSTATEs that mean "another transaction won a race": run the attempt again.
bool isLostRace(std::string_view state) {
    return state == "40001"     // serialization_failure
           || state == "40P01"  // deadlock_detected
           || state == "23505"  // unique_violation: a row another transaction inserted meanwhile
           || state == "55P03"; // lock_not_available
}

Error failure(pg_conn *conn, pg_result *result) {
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    if (state && isLostRace(state))
        return server::retryError(std::string(state));
    return Error{"storage", "数据库错误：" + message, ""};
}

} // namespace

Rows::Rows(pg_result *result)
    : m_result(result) {}
Rows::~Rows() {
    if (m_result)
        PQclear(m_result);
}
Rows::Rows(Rows &&other) noexcept
    : m_result(other.m_result) {
    other.m_result = nullptr;
}
int Rows::size() const {
    return m_result ? PQntuples(m_result) : 0;
}
std::string Rows::text(int row, int column) const {
    return std::string(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}
int64_t Rows::integer(int row, int column) const {
    int64_t value = 0;
    const char *text = PQgetvalue(m_result, row, column);
    std::from_chars(text, text + PQgetlength(m_result, row, column), value);
    return value;
}
bool Rows::boolean(int row, int column) const {
    const char *text = PQgetvalue(m_result, row, column);
    return text[0] == 't' || (text[0] >= '1' && text[0] <= '9');
}
bool Rows::isNull(int row, int column) const {
    return PQgetisnull(m_result, row, column) != 0;
}
int64_t Rows::affected() const {
    const char *text = m_result ? PQcmdTuples(m_result) : "";
    int64_t value = 0;
    std::from_chars(text, text + std::char_traits<char>::length(text), value);
    return value;
}

Result<std::unique_ptr<Connection>> Connection::open(const std::string &conninfo) {
    pg_conn *conn = PQconnectdb(conninfo.c_str());
    if (!conn)
        return Error{"storage", "无法连接 PostgreSQL（内存不足）", ""};
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn);
        PQfinish(conn);
        while (!message.empty() && message.back() == '\n')
            message.pop_back();
        return Error{"storage", "无法连接 PostgreSQL：" + message, "database"};
    }
    std::unique_ptr<Connection> connection(new Connection(conn));
    // Notices (e.g. "relation already exists, skipping") are not the log's business.
    PQsetNoticeProcessor(
        conn, [](void *, const char *) {}, nullptr);
    return connection;
}

Connection::~Connection() {
    PQfinish(m_conn);
}

Result<Rows> Connection::exec(const std::string &sql, const std::vector<Param> &params) {
    std::vector<const char *> values;
    values.reserve(params.size());
    for (const auto &p : params)
        values.push_back(p.data());
    pg_result *result = PQexecParams(m_conn, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                     values.data(), nullptr, nullptr, 0);
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        Error error = failure(m_conn, result);
        if (result)
            PQclear(result);
        return error;
    }
    return Rows(result);
}

Status Connection::run(const std::string &script) {
    pg_result *result = PQexec(m_conn, script.c_str());
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        Error error = failure(m_conn, result);
        if (result)
            PQclear(result);
        return error;
    }
    PQclear(result);
    return okStatus();
}

bool Connection::healthy() const {
    return PQstatus(m_conn) == CONNECTION_OK && PQtransactionStatus(m_conn) == PQTRANS_IDLE;
}

} // namespace ruhu::pq
