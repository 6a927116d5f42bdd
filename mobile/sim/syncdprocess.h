#pragma once

#include <QProcess>
#include <QString>
#include <QUrl>

#include <memory>

// The simulator's own ruhu-syncd (--spawn-server): started on 127.0.0.1 with an ephemeral port, a data
// directory and --demo, and SIGKILLed and restarted on the same data directory (and, when the port is
// still free, the same port) by the server-kill fault. stderr goes to a log file beside the data.
class SyncdProcess {
public:
    SyncdProcess(QString executable, QString workDir);
    ~SyncdProcess();

    bool start(QString *error);
    // SIGKILL, then start again on the same data directory. The URL may change if the port was taken.
    bool killAndRestart(QString *error);
    QUrl url() const;
    int kills() const { return m_kills; }
    QString logPath() const;

    // RUHU_SYNCD_PATH from the build, or $RUHU_SYNCD when set.
    static QString defaultExecutable();

private:
    bool launch(int port, QString *error);

    QString m_executable;
    QString m_workDir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    int m_kills = 0;
};
