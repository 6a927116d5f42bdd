#include "simulateddevice.h"

#include "syncclient.h"

#include <QDir>

SimulatedDevice::SimulatedDevice(int index, const QString &dir, const QUrl &server, const QString &username,
                                 const std::string &regionCode, uint32_t seed)
    : m_index(index)
    , m_dir(dir)
    , m_server(server)
    , m_username(username)
    , m_regionCode(regionCode)
    , m_workload(seed, regionCode) {}

SimulatedDevice::~SimulatedDevice() = default;

bool SimulatedDevice::open(QString *error) {
    QDir().mkpath(m_dir);
    auto key = ruhu::loadOrCreateDeviceKey((m_dir + QStringLiteral("/device.key")).toStdString());
    if (!key) {
        *error = QString::fromStdString(key.error().message);
        return false;
    }
    auto replica =
        ruhu::DeviceReplica::open((m_dir + QStringLiteral("/replica.sqlite3")).toStdString(), *key);
    if (!replica) {
        *error = QString::fromStdString(replica.error().message);
        return false;
    }
    m_replica = std::move(*replica);
    m_client = std::make_unique<SyncClient>(*m_replica);
    m_client->setServerUrl(m_server);
    return true;
}
