#pragma once

#include "workload.h"

#include <ruhu/store/device_replica.h>

#include <QString>
#include <QUrl>

#include <memory>

class SyncClient;

// One headless tablet: its own replica file and key in a folder, the real SyncClient, a seeded workload,
// and a wall clock that may be off by a fixed amount (clock-skew fault). scope is the area-code prefix
// the user sees: the village for a cadre, the township for the reviewer, empty for the county auditor.
class SimulatedDevice {
public:
    SimulatedDevice(int index, const QString &dir, const QUrl &server, const QString &username,
                    const std::string &scope, uint32_t seed, int64_t clockOffsetMs = 0);
    ~SimulatedDevice();

    bool open(QString *error);
    ruhu::DeviceReplica &replica() { return *m_replica; }
    SyncClient &client() { return *m_client; }
    Workload &workload() { return m_workload; }
    const QString &username() const { return m_username; }
    const std::string &regionCode() const { return m_regionCode; }
    bool inScope(const std::string &regionCode) const { return regionCode.starts_with(m_regionCode); }
    int index() const { return m_index; }
    int64_t clockOffsetMs() const { return m_clockOffsetMs; }
    void setServerUrl(const QUrl &url);

private:
    int m_index;
    QString m_dir;
    QUrl m_server;
    QString m_username;
    std::string m_regionCode;
    int64_t m_clockOffsetMs;
    Workload m_workload;
    std::unique_ptr<ruhu::Clock> m_clock;
    std::unique_ptr<ruhu::DeviceReplica> m_replica;
    std::unique_ptr<SyncClient> m_client;
};
