#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

CommandLine CommandLine::parse(const QCoreApplication &app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("入户 — 防止返贫动态监测 入户采集（平板端）"));
    parser.addHelpOption();
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Sync server address."),
                                    QStringLiteral("url"));
    const QCommandLineOption pinCert(
        QStringLiteral("pin-cert"),
        QStringLiteral("Trust only the server certificate with this SHA-256 (hex, colons allowed)."),
        QStringLiteral("sha256"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Where the replica, device key and settings live."),
                                     QStringLiteral("dir"));
    const QCommandLineOption screenshotDir(
        QStringLiteral("screenshot-dir"),
        QStringLiteral("Load demo data into a temporary replica, save a PNG of every page there and exit."),
        QStringLiteral("dir"));
    const QCommandLineOption selfTest(QStringLiteral("self-test"),
                                      QStringLiteral("Load the QML and exit 0 if it loaded without errors."));
    const QCommandLineOption window(
        QStringLiteral("window"),
        QStringLiteral("Window size, e.g. 800x1280 (portrait) or 1280x800 (landscape)."),
        QStringLiteral("WxH"));
    const QCommandLineOption scriptedEntry(
        QStringLiteral("scripted-entry"),
        QStringLiteral("Test: enter N survey fields of the demo household into --data-dir, printing each."),
        QStringLiteral("n"));
    const QCommandLineOption reportEntry(
        QStringLiteral("report-entry"),
        QStringLiteral("Test: print the scripted fields' stored values and exit."));
    parser.addOptions(
        {server, pinCert, dataDir, screenshotDir, selfTest, window, scriptedEntry, reportEntry});
    parser.process(app);

    CommandLine cl;
    cl.serverUrl = parser.value(server);
    cl.pinnedCertificate = parser.value(pinCert);
    cl.dataDir = parser.value(dataDir);
    cl.screenshotDir = parser.value(screenshotDir);
    cl.selfTest = parser.isSet(selfTest);
    cl.scriptedEntry = parser.value(scriptedEntry).toInt();
    cl.reportEntry = parser.isSet(reportEntry);
    if (parser.isSet(window)) {
        const QStringList parts = parser.value(window).split(QLatin1Char('x'));
        bool okWidth = false;
        bool okHeight = false;
        if (parts.size() == 2)
            cl.windowSize = QSize(parts[0].toInt(&okWidth), parts[1].toInt(&okHeight));
        if (!okWidth || !okHeight || cl.windowSize.width() < 320 || cl.windowSize.height() < 320) {
            std::fprintf(stderr, "ruhu: --window expects WIDTHxHEIGHT, e.g. 800x1280\n");
            std::exit(2);
        }
    }
    return cl;
}
