#pragma once

#include "workload.h"

#include <ruhu/store/device_replica.h>

#include <QString>
#include <QUrl>

#include <memory>

class SyncClient;

// One headless tablet: its own replica file and key in a folder, the real SyncClient, a seeded workload.
class SimulatedDevice {
public:
    SimulatedDevice(int index, const QString &dir, const QUrl &server, const QString &username,
                    const std::string &regionCode, uint32_t seed);
    ~SimulatedDevice();

    bool open(QString *error);
    ruhu::DeviceReplica &replica() { return *m_replica; }
    SyncClient &client() { return *m_client; }
    Workload &workload() { return m_workload; }
    const QString &username() const { return m_username; }
    const std::string &regionCode() const { return m_regionCode; }
    int index() const { return m_index; }

private:
    int m_index;
    QString m_dir;
    QUrl m_server;
    QString m_username;
    std::string m_regionCode;
    Workload m_workload;
    std::unique_ptr<ruhu::DeviceReplica> m_replica;
    std::unique_ptr<SyncClient> m_client;
};
