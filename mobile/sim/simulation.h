#pragma once

#include "simulateddevice.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <vector>

struct SimulationConfig {
    QUrl server;
    int devices = 5;
    int households = 50; // households created by the devices, spread over them
    int rounds = 6;      // offline-edit / sync rounds before the final quiet phase
    int editsPerRound = 8;
    uint32_t seed = 1;
    QString workDir; // where device replicas live; a temporary folder when empty
    QString password = QStringLiteral("ruhu2024");
};

// Runs N devices through rounds of offline edits and concurrent syncs, then syncs until quiet and checks
// every replica against the server (read back through a county-wide account). Later fault kinds (proxy,
// kills, clock skew) hook in between the rounds and the transport.
class Simulation {
public:
    explicit Simulation(SimulationConfig config);
    ~Simulation();

    // Returns the JSON summary; "error" is set when the run itself could not proceed.
    QJsonObject run();

private:
    bool setUp(QString *error);
    bool loginAll(QString *error);
    bool syncAll(QString *error);
    bool syncUntilQuiet(QString *error);
    void offlineRound(int round);
    QJsonObject verify();

    SimulationConfig m_config;
    QString m_workDir;
    std::vector<std::unique_ptr<SimulatedDevice>> m_devices;
    std::vector<WriteRecord> m_writes;
    int m_householdsCreated = 0;
    int m_pushes = 0;
    int m_syncFailures = 0;
};
