#pragma once

#include <QString>

class QCoreApplication;

// ruhu [--server URL] [--data-dir DIR] [--screenshot-dir DIR] [--self-test]
struct CommandLine {
    QString serverUrl;
    QString dataDir;
    QString screenshotDir;
    bool selfTest = false;

    static CommandLine parse(const QCoreApplication &app);
};
