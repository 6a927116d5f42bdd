#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

CommandLine CommandLine::parse(const QCoreApplication &app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("入户 — 防止返贫动态监测 入户采集（平板端）"));
    parser.addHelpOption();
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Sync server address."),
                                    QStringLiteral("url"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Where the replica, device key and settings live."),
                                     QStringLiteral("dir"));
    const QCommandLineOption screenshotDir(
        QStringLiteral("screenshot-dir"),
        QStringLiteral("Load demo data into a temporary replica, save a PNG of every page there and exit."),
        QStringLiteral("dir"));
    const QCommandLineOption selfTest(QStringLiteral("self-test"),
                                      QStringLiteral("Load the QML and exit 0 if it loaded without errors."));
    parser.addOptions({server, dataDir, screenshotDir, selfTest});
    parser.process(app);

    CommandLine cl;
    cl.serverUrl = parser.value(server);
    cl.dataDir = parser.value(dataDir);
    cl.screenshotDir = parser.value(screenshotDir);
    cl.selfTest = parser.isSet(selfTest);
    return cl;
}
