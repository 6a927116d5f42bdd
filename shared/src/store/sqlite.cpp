#include <ruhu/store/sqlite.h>

#include <sqlite3.h>
#include <utility>

namespace ruhu::sql {

Error storageError(sqlite3 *db, std::string_view what) {
    int code = db ? sqlite3_errcode(db) : SQLITE_ERROR;
    std::string detail = db ? sqlite3_errmsg(db) : "no database";
    if (code == SQLITE_FULL)
        return Error{"disk_full", "存储空间已满，数据未写入，请清理空间后重试（" + std::string(what) + "）",
                     ""};
    return Error{"storage", "数据库错误（" + std::string(what) + "）：" + detail, ""};
}

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_error(std::move(other.m_error)) {}

Statement &Statement::operator=(Statement &&other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_error = std::move(other.m_error);
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindBlob(int index, const std::vector<unsigned char> &blob) {
    sqlite3_bind_blob(m_stmt, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = storageError(m_db, "step");
    return false;
}

Status Statement::run() {
    m_error.reset();
    while (step()) {
    }
    if (m_error)
        return *m_error;
    return okStatus();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_error.reset();
}

int64_t Statement::columnInt(int col) const {
    return sqlite3_column_int64(m_stmt, col);
}

std::string Statement::columnText(int col) const {
    const auto *text = sqlite3_column_text(m_stmt, col);
    int size = sqlite3_column_bytes(m_stmt, col);
    return text ? std::string(reinterpret_cast<const char *>(text), static_cast<size_t>(size))
                : std::string();
}

std::vector<unsigned char> Statement::columnBlob(int col) const {
    const auto *data = static_cast<const unsigned char *>(sqlite3_column_blob(m_stmt, col));
    int size = sqlite3_column_bytes(m_stmt, col);
    return data ? std::vector<unsigned char>(data, data + size) : std::vector<unsigned char>();
}

bool Statement::columnIsNull(int col) const {
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)) {}

Database &Database::operator=(Database &&other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

Database::~Database() {
    sqlite3_close_v2(m_db);
}

Result<Database> Database::open(const std::string &path, bool wal) {
    sqlite3 *raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK)
        return storageError(raw, "open " + path);
    sqlite3_busy_timeout(raw, 5000);
    auto st = db.exec(wal ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                          : "PRAGMA foreign_keys=ON;");
    if (!st)
        return st.error();
    return db;
}

Status Database::exec(std::string_view sql) {
    std::string text(sql);
    char *message = nullptr;
    int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return storageError(m_db, "exec");
    return okStatus();
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        return storageError(m_db, "prepare");
    return Statement(m_db, stmt);
}

int64_t Database::changes() const {
    return sqlite3_changes64(m_db);
}

Transaction::Transaction(Database &db)
    : m_db(db)
    , m_begin(db.exec("BEGIN IMMEDIATE")) {}

Transaction::~Transaction() {
    if (!m_done && m_begin)
        m_db.exec("ROLLBACK");
}

Status Transaction::commit() {
    auto st = m_db.exec("COMMIT");
    if (st)
        m_done = true;
    return st;
}

} // namespace ruhu::sql
