#include "simulation.h"

#include "syncclient.h"

#include <ruhu/json/canonical_json.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTimer>

#include <map>
#include <set>

namespace {

struct Account {
    const char *username;
    const char *regionCode;
};
// The demo county's village accounts (ruhu::makeDemoCounty); devices share villages so they collide.
constexpr Account kAccounts[] = {
    {"cadre1", "429005103201"}, {"cadre2", "429005103202"}, {"cadre3", "429005103203"}};

enum class WaitFor { Login, Sync };

// Starts an operation on every client at once and waits for all of them; returns the number of failures.
int waitAll(const std::vector<SyncClient *> &clients, const std::function<void(SyncClient *)> &start,
            WaitFor what, QStringList *errors) {
    QEventLoop loop;
    int remaining = static_cast<int>(clients.size());
    int failures = 0;
    auto done = [&] {
        if (--remaining == 0)
            loop.quit();
    };
    auto failed = [&](const QString &message) {
        ++failures;
        errors->append(message);
        done();
    };
    std::vector<QMetaObject::Connection> connections;
    for (SyncClient *c : clients) {
        if (what == WaitFor::Login) {
            connections.push_back(QObject::connect(c, &SyncClient::loggedIn, &loop, done));
            connections.push_back(QObject::connect(c, &SyncClient::loginFailed, &loop, failed));
        } else {
            connections.push_back(QObject::connect(c, &SyncClient::syncFinished, &loop, done));
            connections.push_back(QObject::connect(c, &SyncClient::syncFailed, &loop, failed));
        }
    }
    for (SyncClient *c : clients)
        start(c);
    if (remaining > 0)
        loop.exec();
    for (auto &conn : connections)
        QObject::disconnect(conn);
    return failures;
}

} // namespace

Simulation::Simulation(SimulationConfig config)
    : m_config(std::move(config)) {}

Simulation::~Simulation() = default;

bool Simulation::setUp(QString *error) {
    m_workDir = m_config.workDir;
    static QTemporaryDir tempDir;
    if (m_workDir.isEmpty())
        m_workDir = tempDir.path();
    for (int i = 0; i < m_config.devices; ++i) {
        const Account &account = kAccounts[i % 3];
        auto device = std::make_unique<SimulatedDevice>(
            i, m_workDir + QStringLiteral("/device-%1").arg(i), m_config.server,
            QString::fromLatin1(account.username), account.regionCode,
            m_config.seed * 7919u + static_cast<uint32_t>(i));
        if (!device->open(error))
            return false;
        m_devices.push_back(std::move(device));
    }
    return true;
}

bool Simulation::loginAll(QString *error) {
    std::vector<SyncClient *> clients;
    for (auto &d : m_devices)
        clients.push_back(&d->client());
    QStringList errors;
    int failures = waitAll(
        clients,
        [this](SyncClient *c) {
            for (auto &d : m_devices) {
                if (&d->client() == c)
                    c->login(d->username(), m_config.password);
            }
        },
        WaitFor::Login, &errors);
    if (failures > 0) {
        *error = QStringLiteral("登录失败: ") + errors.join(QStringLiteral("; "));
        return false;
    }
    return true;
}

bool Simulation::syncAll(QString *error) {
    std::vector<SyncClient *> clients;
    for (auto &d : m_devices)
        clients.push_back(&d->client());
    QStringList errors;
    int failures = waitAll(
        clients, [](SyncClient *c) { c->sync(); }, WaitFor::Sync, &errors);
    m_pushes += static_cast<int>(clients.size());
    m_syncFailures += failures;
    if (failures > 0) {
        *error = errors.join(QStringLiteral("; "));
        return false;
    }
    return true;
}

void Simulation::offlineRound(int round) {
    int householdsPerRound = (m_config.households + m_config.rounds - 1) / m_config.rounds;
    for (auto &d : m_devices) {
        auto &workload = d->workload();
        // Spread household creation over devices and rounds until the target is reached.
        int quota = householdsPerRound / m_config.devices +
                    ((d->index() < householdsPerRound % m_config.devices) ? 1 : 0);
        for (int i = 0; i < quota && m_householdsCreated < m_config.households; ++i) {
            auto writes = workload.createHousehold(d->replica());
            m_writes.insert(m_writes.end(), writes.begin(), writes.end());
            ++m_householdsCreated;
        }
        if (round == 0)
            continue;
        for (int e = 0; e < m_config.editsPerRound; ++e) {
            auto writes = workload.editSomething(d->replica());
            m_writes.insert(m_writes.end(), writes.begin(), writes.end());
        }
    }
}

bool Simulation::syncUntilQuiet(QString *error) {
    // Two full passes: the first pushes everything and pulls; the second pulls what others pushed after.
    for (int pass = 0; pass < 3; ++pass) {
        if (!syncAll(error))
            return false;
        int64_t pending = 0;
        for (auto &d : m_devices)
            pending += d->replica().pendingCount();
        if (pending == 0 && pass >= 1)
            return true;
    }
    *error = QStringLiteral("设备在多轮同步后仍有待同步数据");
    return false;
}

QJsonObject Simulation::verify() {
    QJsonObject summary;
    // Read the server's state back through a county-wide account on a fresh replica.
    SimulatedDevice auditor(-1, m_workDir + QStringLiteral("/auditor"), m_config.server,
                            QStringLiteral("county"), "", m_config.seed);
    QString error;
    if (!auditor.open(&error)) {
        summary[QStringLiteral("error")] = error;
        return summary;
    }
    QStringList errors;
    waitAll(
        {&auditor.client()}, [this](SyncClient *c) { c->login(QStringLiteral("county"), m_config.password); },
        WaitFor::Login, &errors);
    waitAll(
        {&auditor.client()}, [](SyncClient *c) { c->sync(); }, WaitFor::Sync, &errors);
    if (!errors.isEmpty()) {
        summary[QStringLiteral("error")] =
            QStringLiteral("读取服务器数据失败: ") + errors.join(QStringLiteral("; "));
        return summary;
    }
    std::map<std::pair<std::string, std::string>, ruhu::Record> server;
    for (auto &r : auditor.replica().allRecords())
        server.emplace(std::make_pair(r.kind, r.id), r);

    int diverged = 0;
    QJsonArray divergedDevices;
    for (auto &d : m_devices) {
        int deviceDiff = 0;
        size_t inScope = 0;
        for (const auto &kv : server) {
            if (kv.second.regionCode == d->regionCode())
                ++inScope;
        }
        auto local = d->replica().allRecords();
        for (const auto &r : local) {
            auto it = server.find({r.kind, r.id});
            if (it == server.end() || it->second.fields != r.fields || it->second.deleted != r.deleted)
                ++deviceDiff;
        }
        if (local.size() != inScope)
            deviceDiff += static_cast<int>(std::max(local.size(), inScope) - std::min(local.size(), inScope));
        if (deviceDiff > 0) {
            ++diverged;
            divergedDevices.append(QJsonObject{{QStringLiteral("device"), d->index()},
                                               {QStringLiteral("differences"), deviceDiff}});
        }
    }

    // A write is lost when, among all writes to the same field, the newest one is not what the server holds.
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<const WriteRecord *>> byField;
    for (const auto &w : m_writes)
        byField[{w.kind, w.recordId, w.field}].push_back(&w);
    std::set<std::string> rejectedIds;
    int rejected = 0;
    for (auto &d : m_devices)
        rejected += static_cast<int>(d->replica().rejected().size());
    int lostWrites = 0;
    int conflicts = 0;
    for (const auto &[key, writes] : byField) {
        const WriteRecord *newest = writes.front();
        std::set<std::string> nodes;
        for (const auto *w : writes) {
            if (w->hlc > newest->hlc)
                newest = w;
            nodes.insert(w->hlc.substr(26));
        }
        if (nodes.size() > 1)
            ++conflicts;
        auto it = server.find({std::get<0>(key), std::get<1>(key)});
        if (it == server.end()) {
            ++lostWrites;
            continue;
        }
        auto value = it->second.fields.find(std::get<2>(key));
        if (value == it->second.fields.end() || value->value() != newest->value)
            ++lostWrites;
    }

    summary[QStringLiteral("converged")] = diverged == 0 && m_syncFailures == 0;
    summary[QStringLiteral("devices")] = m_config.devices;
    summary[QStringLiteral("households")] = m_householdsCreated;
    summary[QStringLiteral("serverRecords")] = static_cast<int>(server.size());
    summary[QStringLiteral("mutations")] = static_cast<int>(m_writes.size());
    summary[QStringLiteral("conflicts")] = conflicts;
    summary[QStringLiteral("lostWrites")] = lostWrites;
    summary[QStringLiteral("rejected")] = rejected;
    summary[QStringLiteral("syncFailures")] = m_syncFailures;
    summary[QStringLiteral("pushes")] = m_pushes;
    if (!divergedDevices.isEmpty())
        summary[QStringLiteral("divergedDevices")] = divergedDevices;
    return summary;
}

QJsonObject Simulation::run() {
    QElapsedTimer timer;
    timer.start();
    QString error;
    QJsonObject summary;
    if (!setUp(&error) || !loginAll(&error)) {
        summary[QStringLiteral("converged")] = false;
        summary[QStringLiteral("error")] = error;
        return summary;
    }
    for (int round = 0; round < m_config.rounds; ++round) {
        offlineRound(round);
        if (!syncAll(&error))
            summary[QStringLiteral("lastSyncError")] = error;
    }
    if (!syncUntilQuiet(&error))
        summary[QStringLiteral("lastSyncError")] = error;
    QJsonObject verified = verify();
    for (auto it = verified.begin(); it != verified.end(); ++it)
        summary[it.key()] = it.value();
    summary[QStringLiteral("seed")] = static_cast<qint64>(m_config.seed);
    summary[QStringLiteral("elapsedS")] = static_cast<double>(timer.elapsed()) / 1000.0;
    return summary;
}
