// ruhu-sim: N headless devices, built on the tablet's core, edit offline, sync, and are checked against
// the server, optionally under faults (a lossy proxy, server kills, skewed clocks, a racing reviewer).
// Prints one JSON summary on stdout; exit code 0 when converged with no lost write and no mutation
// applied twice, 1 otherwise, 2 on bad arguments.
#include "faultconfig.h"
#include "simulation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ruhu-sim"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Ruhu device simulator"));
    parser.addHelpOption();
    QCommandLineOption server(QStringLiteral("server"),
                              QStringLiteral("Sync server URL (started with --demo)."),
                              QStringLiteral("URL"));
    QCommandLineOption spawnServer(QStringLiteral("spawn-server"),
                                   QStringLiteral("Run an own ruhu-syncd (--demo, temporary data dir)."));
    QCommandLineOption syncd(QStringLiteral("syncd"), QStringLiteral("ruhu-syncd to spawn."),
                             QStringLiteral("PATH"));
    QCommandLineOption devices(QStringLiteral("devices"), QStringLiteral("Number of devices."),
                               QStringLiteral("N"), QStringLiteral("5"));
    QCommandLineOption households(QStringLiteral("households"), QStringLiteral("Households to create."),
                                  QStringLiteral("H"), QStringLiteral("50"));
    QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("S"),
                            QStringLiteral("1"));
    QCommandLineOption rounds(QStringLiteral("rounds"), QStringLiteral("Offline edit rounds."),
                              QStringLiteral("R"), QStringLiteral("6"));
    QCommandLineOption edits(QStringLiteral("edits"), QStringLiteral("Edits per device per round."),
                             QStringLiteral("E"), QStringLiteral("8"));
    QCommandLineOption workDir(QStringLiteral("work-dir"), QStringLiteral("Keep device replicas here."),
                               QStringLiteral("DIR"));
    QCommandLineOption faults(QStringLiteral("faults"),
                              QStringLiteral("Network faults between devices and server, per HTTP exchange: "
                                             "drop=P,dup=P,reorder=P,cut=P,delay=MS."),
                              QStringLiteral("SPEC"));
    QCommandLineOption killEvery(QStringLiteral("kill-server-every"),
                                 QStringLiteral("SIGKILL and restart the spawned server this often."),
                                 QStringLiteral("SECONDS"));
    QCommandLineOption clockSkew(QStringLiteral("clock-skew-days"),
                                 QStringLiteral("Some devices' clocks are off by up to +-D days."),
                                 QStringLiteral("D"), QStringLiteral("0"));
    QCommandLineOption adminEdits(QStringLiteral("admin-edits"),
                                  QStringLiteral("A township reviewer edits households between rounds."));
    parser.addOptions({server, spawnServer, syncd, devices, households, seed, rounds, edits, workDir, faults,
                       killEvery, clockSkew, adminEdits});
    parser.process(app);

    auto usage = [](const QString &message) {
        std::fprintf(stderr, "ruhu-sim: %s\n", message.toLocal8Bit().constData());
        return 2;
    };
    SimulationConfig config;
    config.spawnServer = parser.isSet(spawnServer);
    config.syncdPath = parser.value(syncd);
    if (!config.spawnServer) {
        config.server = QUrl(parser.value(server));
        if (!config.server.isValid() || config.server.host().isEmpty())
            return usage(QStringLiteral("need --server URL or --spawn-server"));
    }
    bool ok = false;
    config.devices = parser.value(devices).toInt(&ok);
    if (!ok || config.devices <= 0 || config.devices > 1000)
        return usage(QStringLiteral("--devices must be 1..1000"));
    config.households = parser.value(households).toInt();
    config.seed = parser.value(seed).toUInt();
    config.rounds = std::max(1, parser.value(rounds).toInt());
    config.editsPerRound = std::max(0, parser.value(edits).toInt());
    config.workDir = parser.value(workDir);
    if (parser.isSet(faults)) {
        QString error;
        if (!FaultConfig::parse(parser.value(faults), &config.faults, &error))
            return usage(error);
    }
    if (parser.isSet(killEvery)) {
        config.killServerEverySeconds = parser.value(killEvery).toDouble(&ok);
        if (!ok || config.killServerEverySeconds <= 0)
            return usage(QStringLiteral("--kill-server-every needs a positive number of seconds"));
        if (!config.spawnServer)
            return usage(QStringLiteral("--kill-server-every needs --spawn-server"));
    }
    config.clockSkewDays = parser.value(clockSkew).toInt(&ok);
    if (!ok || config.clockSkewDays < 0 || config.clockSkewDays > 36500)
        return usage(QStringLiteral("--clock-skew-days must be 0..36500"));
    config.adminEdits = parser.isSet(adminEdits);

    Simulation simulation(config);
    QJsonObject summary = simulation.run();
    std::printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    bool good = summary.value(QStringLiteral("converged")).toBool() &&
                summary.value(QStringLiteral("lostWrites")).toInt(-1) == 0 &&
                summary.value(QStringLiteral("duplicateApplies")).toInt(-1) == 0;
    return good ? 0 : 1;
}
