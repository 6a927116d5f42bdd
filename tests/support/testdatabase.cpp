#include "testdatabase.h"

#include <QCoreApplication>

#include <atomic>
#include <libpq-fe.h>
#include <random>

namespace {

// Runs one statement on the server's maintenance database; empty on success, else the error.
QString runOnServer(const std::string &url, const std::string &sql) {
    PGconn *conn = PQconnectdb(url.c_str());
    QString error;
    if (PQstatus(conn) != CONNECTION_OK) {
        error = QStringLiteral("PostgreSQL at %1 is not reachable (scripts/pg-test-cluster.sh start): %2")
                    .arg(QString::fromStdString(url), QString::fromLocal8Bit(PQerrorMessage(conn)));
    } else {
        PQsetNoticeProcessor(
            conn, [](void *, const char *) {}, nullptr);
        PGresult *result = PQexec(conn, sql.c_str());
        if (PQresultStatus(result) != PGRES_COMMAND_OK)
            error = QString::fromLocal8Bit(PQresultErrorMessage(result));
        PQclear(result);
    }
    PQfinish(conn);
    return error;
}

// The URL with its database (the path after host[:port]) replaced.
std::string withDatabase(const std::string &url, const std::string &database) {
    const size_t scheme = url.find("://");
    const size_t path = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (path == std::string::npos)
        return url + "/" + database;
    const size_t query = url.find('?', path);
    return url.substr(0, path) + "/" + database + (query == std::string::npos ? "" : url.substr(query));
}

} // namespace

bool TestDatabase::postgresRequested() {
    return !qEnvironmentVariableIsEmpty("RUHU_TEST_POSTGRES");
}

TestDatabase::TestDatabase() {
    if (!postgresRequested()) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            m_error = QStringLiteral("no temporary directory");
        m_url = "sqlite:" + m_dir->filePath(QStringLiteral("store")).toStdString();
        return;
    }
    m_maintenanceUrl = qEnvironmentVariable("RUHU_TEST_POSTGRES").toStdString();
    static std::atomic<int> counter{0};
    std::random_device random;
    const std::string name = "ruhu_test_" + std::to_string(QCoreApplication::applicationPid()) + "_" +
                             std::to_string(++counter) + "_" + std::to_string(random() % 100000);
    m_error = runOnServer(m_maintenanceUrl, "CREATE DATABASE " + name);
    if (!m_error.isEmpty())
        return;
    m_database = name;
    m_url = withDatabase(m_maintenanceUrl, name);
}

TestDatabase::~TestDatabase() {
    if (!m_database.empty())
        runOnServer(m_maintenanceUrl, "DROP DATABASE IF EXISTS " + m_database + " WITH (FORCE)");
}
