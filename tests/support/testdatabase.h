#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <string>

// Where a test's central store lives (docs/storage.md "Tests on PostgreSQL"): a temporary SQLite
// directory, or — when RUHU_TEST_POSTGRES names a PostgreSQL server (the ctest runs labelled pg) — a
// fresh database on that server, dropped again by the destructor. The pg runs must not pass without
// PostgreSQL: ok() is false and error() says why when the server cannot be reached.
class TestDatabase {
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    // For openCentralStore / ruhu-syncd --database: sqlite:DIR or postgresql://…/ruhu_test_…
    std::string url() const { return m_url; }
    bool isPostgres() const { return !m_database.empty(); }

    // The pg runs: RUHU_TEST_POSTGRES is set.
    static bool postgresRequested();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::string m_maintenanceUrl;
    std::string m_database;
    std::string m_url;
    QString m_error;
};
