#include "serverprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess() {
    if (isRunning())
        kill();
}

QString ServerProcess::executablePath() {
    const QByteArray fromEnv = qgetenv("RUHU_SYNCD");
    return fromEnv.isEmpty() ? QStringLiteral(RUHU_SYNCD_PATH) : QString::fromLocal8Bit(fromEnv);
}

SyncdRun ServerProcess::runCommand(const QStringList &args) {
    QProcess process;
    process.start(executablePath(), args);
    SyncdRun run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

bool ServerProcess::start(bool demo, const QStringList &extraArgs) {
    if (isRunning())
        return false;
    if (!m_dir) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            return false;
        m_database = std::make_unique<TestDatabase>();
    }
    if (!m_database->ok()) {
        QFile file(logPath());
        if (file.open(QIODevice::Append))
            file.write("ServerProcess: " + m_database->error().toLocal8Bit() + '\n');
        return false;
    }
    m_demo = demo;
    m_extraArgs = extraArgs;
    m_port = 0;
    m_tls = extraArgs.contains(QStringLiteral("--tls-cert"));

    const QString portFile = QDir(m_dir->path()).filePath(QStringLiteral("syncd.port"));
    QFile::remove(portFile);
    QStringList args{QStringLiteral("--listen"),    QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--data-dir"),  QDir(m_dir->path()).filePath(QStringLiteral("data")),
                     QStringLiteral("--port-file"), portFile};
    if (m_database->isPostgres())
        args << QStringLiteral("--database") << QString::fromStdString(m_database->url());
    if (demo)
        args << QStringLiteral("--demo");
    args << extraArgs;

    // stderr goes to a file, not a pipe: a pipe nobody drains would block the server once it is full.
    m_process = std::make_unique<QProcess>();
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(logPath(), QIODevice::Append);
    m_process->start(executablePath(), args);
    if (!m_process->waitForStarted(10000)) {
        QFile file(logPath());
        if (file.open(QIODevice::Append))
            file.write("ServerProcess: cannot start " + executablePath().toLocal8Bit() + ": " +
                       m_process->errorString().toLocal8Bit() + '\n');
        return false;
    }

    QDeadlineTimer deadline(20000);
    while (m_port == 0 && !deadline.hasExpired()) {
        QFile file(portFile);
        if (file.open(QIODevice::ReadOnly))
            m_port = file.readAll().trimmed().toInt();
        if (m_port == 0) {
            if (m_process->waitForFinished(50))
                return false;
        }
    }
    if (m_port == 0)
        return false;
    return waitUntilReady(static_cast<int>(deadline.remainingTime()));
}

bool ServerProcess::waitUntilReady(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!isRunning())
            return false;
        HttpResult health = httpRequest(QStringLiteral("GET"), url(QStringLiteral("/healthz")), {}, {}, 2000);
        if (health.status == 200)
            return true;
        QThread::msleep(50);
    }
    return false;
}

bool ServerProcess::restart() {
    if (isRunning())
        return false;
    return start(m_demo, m_extraArgs);
}

int ServerProcess::stop() {
    if (!m_process)
        return -1;
    if (isRunning()) {
        m_process->terminate();
        if (!m_process->waitForFinished(30000)) {
            kill();
            return -1;
        }
    }
    return waitForExit();
}

int ServerProcess::waitForExit(int timeoutMs) {
    if (!m_process)
        return -1;
    if (isRunning() && !m_process->waitForFinished(timeoutMs))
        return -1;
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void ServerProcess::kill() {
    if (!m_process || !isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
}

bool ServerProcess::isRunning() const {
    return m_process && m_process->state() != QProcess::NotRunning;
}

QUrl ServerProcess::url() const {
    return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(m_tls ? "https" : "http").arg(m_port));
}

QUrl ServerProcess::url(const QString &path) const {
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(m_tls ? "https" : "http").arg(m_port).arg(path));
}

QString ServerProcess::dataDir() const {
    return m_dir ? QDir(m_dir->path()).filePath(QStringLiteral("data")) : QString();
}

std::string ServerProcess::databaseUrl() const {
    if (m_database && m_database->isPostgres())
        return m_database->url();
    return "sqlite:" + dataDir().toStdString();
}

QString ServerProcess::logPath() const {
    return m_dir ? QDir(m_dir->path()).filePath(QStringLiteral("syncd.log")) : QString();
}

QByteArray ServerProcess::log() const {
    QFile file(logPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qint64 ServerProcess::pid() const {
    return m_process ? m_process->processId() : 0;
}
