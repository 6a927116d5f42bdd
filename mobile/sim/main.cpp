// ruhu-sim: N headless devices, built on the tablet's core, edit offline, sync, and are checked against
// the server. Prints one JSON summary on stdout; exit code 0 when converged with no lost write.
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
    parser.addOptions({server, devices, households, seed, rounds, edits, workDir});
    parser.process(app);

    SimulationConfig config;
    config.server = QUrl(parser.value(server));
    bool ok = config.server.isValid() && !config.server.host().isEmpty();
    int deviceCount = parser.value(devices).toInt(&ok);
    ok = ok && deviceCount > 0 && deviceCount <= 1000;
    config.devices = deviceCount;
    config.households = parser.value(households).toInt();
    config.seed = parser.value(seed).toUInt();
    config.rounds = std::max(1, parser.value(rounds).toInt());
    config.editsPerRound = std::max(0, parser.value(edits).toInt());
    config.workDir = parser.value(workDir);
    if (!ok || !config.server.isValid() || config.server.host().isEmpty()) {
        std::fprintf(stderr, "ruhu-sim: need --server URL and --devices 1..1000\n");
        return 2;
    }

    Simulation simulation(config);
    QJsonObject summary = simulation.run();
    std::printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    bool good = summary.value(QStringLiteral("converged")).toBool() &&
                summary.value(QStringLiteral("lostWrites")).toInt(-1) == 0;
    return good ? 0 : 1;
}
