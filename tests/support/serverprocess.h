#pragma once

#include "httpclient.h"
#include "testdatabase.h"

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

// The real ruhu-syncd as a child process on 127.0.0.1 with an ephemeral port, for integration tests.
// Its central store is SQLite in the data directory, or in the pg runs a fresh PostgreSQL database
// (TestDatabase) that also lives as long as this object.
// The data directory is a QTemporaryDir that lives as long as this object, so restart() finds the same
// store. stderr (the JSON-lines log) is appended to a file beside it, across restarts.
// One `ruhu-syncd ARGS…` command run to its end (--check-config, backup, restore, a refused start).
struct SyncdRun {
    int exitCode = -1; // -1: crashed or still running after 60 s (then killed)
    QByteArray out;
    QByteArray err;
};

class ServerProcess {
public:
    ServerProcess();
    ~ServerProcess(); // kills a server still running

    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts the server (with --demo unless told otherwise) and waits until GET /healthz answers 200
    // (at most 20 s). False if it exited or did not answer; log() then tells why.
    bool start(bool demo = true, const QStringList &extraArgs = {});
    // Starts it again on the same data directory with the same arguments.
    bool restart();
    // SIGTERM, wait for the exit; the exit code, or -1 if it crashed or did not exit within 30 s.
    int stop();
    // SIGKILL, wait for the exit.
    void kill();
    // Waits for a server told to stop some other way (e.g. ::kill(pid(), SIGTERM)); stop()'s return value.
    int waitForExit(int timeoutMs = 30000);

    bool isRunning() const;
    QUrl url() const; // http://127.0.0.1:<port> (https:// when started with --tls-cert)
    QUrl
    url(const QString &path) const; // url() with a path (and query) appended, e.g. "/api/v1/pull?cursor=0"
    QString dataDir() const;
    // sqlite:<dataDir> or the PostgreSQL database's URL (for `ruhu-syncd user … --database`).
    std::string databaseUrl() const;
    int port() const { return m_port; }
    QByteArray log() const; // everything the server wrote to stderr so far, all runs
    QString logPath() const;
    qint64 pid() const;

    static QString executablePath();
    static SyncdRun runCommand(const QStringList &args);

private:
    bool waitUntilReady(int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<QProcess> m_process;
    bool m_demo = true;
    QStringList m_extraArgs;
    int m_port = 0;
    bool m_tls = false;
};
