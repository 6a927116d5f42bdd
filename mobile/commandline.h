#pragma once

#include <QSize>
#include <QString>

class QCoreApplication;

// ruhu [--server URL] [--pin-cert SHA256] [--data-dir DIR] [--screenshot-dir DIR] [--self-test] [--window
// WxH]
struct CommandLine {
    QString serverUrl;
    QString pinnedCertificate; // --pin-cert SHA256: the server certificate's SHA-256, saved in the settings
    QString dataDir;
    QString screenshotDir;
    bool selfTest = false;
    QSize windowSize; // invalid: the window's own default (1280×800 landscape)
    // Kill test (scriptedentry.h): enter this many survey fields into --data-dir, or report them.
    int scriptedEntry = 0;
    bool reportEntry = false;

    static CommandLine parse(const QCoreApplication &app);
};
