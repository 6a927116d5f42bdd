#include "simulateddevice.h"

#include "syncclient.h"

#include <QDir>

SimulatedDevice::SimulatedDevice(int index, const QString &dir, const QUrl &server, const QString &username,
                                 const std::string &scope, uint32_t seed, int64_t clockOffsetMs)
    : m_index(index)
    , m_dir(dir)
    , m_server(server)
    , m_username(username)
    , m_regionCode(scope)
    , m_clockOffsetMs(clockOffsetMs)
    , m_workload(seed, scope) {}

SimulatedDevice::~SimulatedDevice() = default;

bool SimulatedDevice::open(QString *error) {
    QDir().mkpath(m_dir);
    auto key = ruhu::loadOrCreateDeviceKey((m_dir + QStringLiteral("/device.key")).toStdString());
    if (!key) {
        *error = QString::fromStdString(key.error().message);
        return false;
    }
    if (m_clockOffsetMs != 0)
        m_clock = std::make_unique<ruhu::SkewedClock>(m_clockOffsetMs);
    const ruhu::Clock &clock =
        m_clock ? *m_clock : static_cast<const ruhu::Clock &>(ruhu::SystemClock::instance());
    auto replica =
        ruhu::DeviceReplica::open((m_dir + QStringLiteral("/replica.sqlite3")).toStdString(), *key, clock);
    if (!replica) {
        *error = QString::fromStdString(replica.error().message);
        return false;
    }
    m_replica = std::move(*replica);
    m_client = std::make_unique<SyncClient>(*m_replica);
    m_client->setServerUrl(m_server);
    return true;
}

void SimulatedDevice::setServerUrl(const QUrl &url) {
    m_server = url;
    if (m_client)
        m_client->setServerUrl(url);
}
