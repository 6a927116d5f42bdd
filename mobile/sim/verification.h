#pragma once

#include "simulateddevice.h"
#include "workload.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <set>
#include <string>
#include <vector>

// What the final check needs: the server (read directly, not through the fault proxy), every device
// that synced, every write they made, and the mutation ids the proxy saw the server apply twice.
struct VerificationInput {
    QUrl server;
    QString workDir;
    QString password;
    uint32_t seed = 1;
    std::vector<SimulatedDevice *> devices;
    const std::vector<WriteRecord> *writes = nullptr;
    std::set<std::string> doubleAppliedSeen;
};

// Reads the server back through a county-wide account and checks:
// * convergence: every device holds exactly the server's records of its scope, field for field;
// * lost writes: every acknowledged write is current on the server, in its record's history, or held by a
//   review item as the incoming value ("verification":"full"); when the server has no history/review
//   endpoints yet (404) the newest write of every field must be current ("verification":"lww-only");
// * duplicate applies: no mutation id applied more than once (server history, and what the proxy saw).
// Returns the summary fields; "error" when the server could not be read.
QJsonObject verifyAgainstServer(const VerificationInput &input);
