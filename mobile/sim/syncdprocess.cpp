#include "syncdprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

#ifndef RUHU_SYNCD_PATH
#define RUHU_SYNCD_PATH "ruhu-syncd"
#endif

SyncdProcess::SyncdProcess(QString executable, QString workDir)
    : m_executable(std::move(executable))
    , m_workDir(std::move(workDir)) {}

SyncdProcess::~SyncdProcess() {
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
}

QString SyncdProcess::defaultExecutable() {
    const QByteArray fromEnv = qgetenv("RUHU_SYNCD");
    return fromEnv.isEmpty() ? QStringLiteral(RUHU_SYNCD_PATH) : QString::fromLocal8Bit(fromEnv);
}

QString SyncdProcess::logPath() const {
    return QDir(m_workDir).filePath(QStringLiteral("syncd.log"));
}

QUrl SyncdProcess::url() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

bool SyncdProcess::start(QString *error) {
    return launch(0, error);
}

bool SyncdProcess::launch(int port, QString *error) {
    QDir().mkpath(m_workDir);
    const QString portFile = QDir(m_workDir).filePath(QStringLiteral("syncd.port"));
    QFile::remove(portFile);
    m_process = std::make_unique<QProcess>();
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(logPath(), QIODevice::Append);
    m_process->start(m_executable,
                     {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                      QStringLiteral("--data-dir"), QDir(m_workDir).filePath(QStringLiteral("data")),
                      QStringLiteral("--demo"), QStringLiteral("--port-file"), portFile,
                      // The simulated tablets share three accounts: many tablets' rate on one user.
                      QStringLiteral("--rate-limit"), QStringLiteral("0")});
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(m_executable, m_process->errorString());
        return false;
    }
    // The port file appears once the server listens; no event loop is run meanwhile (this may be called
    // from a timer while devices are mid-sync).
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        QFile file(portFile);
        if (file.open(QIODevice::ReadOnly)) {
            int bound = file.readAll().trimmed().toInt();
            if (bound > 0) {
                m_port = bound;
                return true;
            }
        }
        if (m_process->state() == QProcess::NotRunning || m_process->waitForFinished(10)) {
            *error = QStringLiteral("ruhu-syncd exited (code %1); see %2")
                         .arg(m_process->exitCode())
                         .arg(logPath());
            return false;
        }
    }
    *error = QStringLiteral("ruhu-syncd did not report its port in time; see %1").arg(logPath());
    return false;
}

bool SyncdProcess::killAndRestart(QString *error) {
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill(); // SIGKILL: no graceful shutdown, whatever was in flight is cut off
        m_process->waitForFinished(10000);
    }
    ++m_kills;
    const int previous = m_port;
    // Same port first (devices keep their URL); if something else took it meanwhile, any port.
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (launch(previous, error))
            return true;
        QThread::msleep(50);
    }
    return launch(0, error);
}
