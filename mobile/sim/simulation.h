#pragma once

#include "faultconfig.h"
#include "simulateddevice.h"

#include <QJsonObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <random>
#include <vector>

class FaultProxy;
class QTemporaryDir;
class SyncdProcess;

struct SimulationConfig {
    QUrl server; // an already running server (started with --demo); unused with spawnServer
    bool spawnServer = false;
    QString syncdPath; // ruhu-syncd to spawn; SyncdProcess::defaultExecutable() when empty
    int devices = 5;
    int households = 50; // households created by the devices, spread over them
    int rounds = 6;      // offline-edit / sync rounds before the final quiet phase
    int editsPerRound = 8;
    uint32_t seed = 1;
    QString workDir; // where device replicas live; a temporary folder when empty
    QString password = QStringLiteral("ruhu2024");
    FaultConfig faults;                // injected by a proxy between devices and server
    double killServerEverySeconds = 0; // SIGKILL + restart the spawned server this often
    int clockSkewDays = 0;             // some devices' clocks are off by up to ± this many days
    bool adminEdits = false;           // a township reviewer edits households on the server between rounds
};

// Runs N devices through rounds of offline edits and concurrent syncs, then syncs until quiet and checks
// every replica against the server (verification.h). Faults hook in between: a proxy on the devices' path
// to the server (drop, dup, reorder, cut, delay), server kills, skewed device clocks and a reviewer racing
// the cadres. Everything random is drawn from the seed.
class Simulation {
public:
    explicit Simulation(SimulationConfig config);
    ~Simulation();

    // Returns the JSON summary; "error" is set when the run itself could not proceed.
    QJsonObject run();

private:
    struct SyncOutcome {
        int failures = 0;
        std::vector<bool> ok; // per client, in order
    };

    bool startServer(QString *error);
    bool setUp(QString *error);
    bool loginAll(QString *error);
    SyncOutcome syncDevices(const std::vector<SimulatedDevice *> &devices);
    bool syncUntilQuiet(QString *error);
    void offlineRound(int round);
    void reviewerRound();
    void killServer();
    std::vector<SimulatedDevice *> participants() const; // cadres' devices and the reviewer
    bool faultsOn() const;

    SimulationConfig m_config;
    std::mt19937 m_rng;
    std::unique_ptr<QTemporaryDir> m_tempDir; // outlives the spawned server, whose data lives in it
    QString m_workDir;
    QUrl m_serverUrl; // the server itself (reviewer, auditor)
    QUrl m_deviceUrl; // where the cadres' devices send requests (the proxy when there is one)
    std::unique_ptr<SyncdProcess> m_syncd;
    std::unique_ptr<FaultProxy> m_proxy;
    QTimer m_killTimer;
    QString m_killError;
    std::vector<std::unique_ptr<SimulatedDevice>> m_devices;
    std::unique_ptr<SimulatedDevice> m_reviewer;
    std::vector<WriteRecord> m_writes;
    int m_householdsCreated = 0;
    int m_pushes = 0;
    int m_syncFailures = 0;
    int m_quietPasses = 0;
    int m_reviewerEdits = 0;
};
