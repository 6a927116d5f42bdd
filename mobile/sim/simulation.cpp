#include "simulation.h"

#include "faultproxy.h"
#include "syncclient.h"
#include "syncdprocess.h"
#include "verification.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTemporaryDir>

#include <functional>

namespace {

struct Account {
    const char *username;
    const char *regionCode;
};
// The demo county's village accounts (ruhu::makeDemoCounty); devices share villages so they collide.
constexpr Account kAccounts[] = {
    {"cadre1", "429005103201"}, {"cadre2", "429005103202"}, {"cadre3", "429005103203"}};
// The township reviewer (--admin-edits) sees all three villages.
constexpr const char *kTownship = "429005103";

constexpr int64_t kDayMs = 24LL * 3600 * 1000;
constexpr int kLoginAttempts = 30;
constexpr int kQuietPasses = 6;        // enough without faults: push, pull what others pushed, confirm
constexpr int kQuietPassesFaulty = 80; // with faults every sync may fail; give up after this many

enum class WaitFor { Login, Sync };

// Starts an operation on every client at once and waits for all of them; ok[i] tells whether client i
// succeeded.
std::vector<bool> waitAll(const std::vector<SyncClient *> &clients, const std::function<void(size_t)> &start,
                          WaitFor what, QStringList *errors) {
    QEventLoop loop;
    int remaining = static_cast<int>(clients.size());
    std::vector<bool> ok(clients.size(), false);
    std::vector<bool> answered(clients.size(), false);
    auto settle = [&](size_t i, bool success, const QString &message) {
        if (answered[i])
            return;
        answered[i] = true;
        ok[i] = success;
        if (!success)
            errors->append(message);
        if (--remaining == 0)
            loop.quit();
    };
    std::vector<QMetaObject::Connection> connections;
    for (size_t i = 0; i < clients.size(); ++i) {
        SyncClient *c = clients[i];
        auto done = [&settle, i] { settle(i, true, {}); };
        auto failed = [&settle, i](const QString &message) { settle(i, false, message); };
        if (what == WaitFor::Login) {
            connections.push_back(QObject::connect(c, &SyncClient::loggedIn, &loop, done));
            connections.push_back(QObject::connect(c, &SyncClient::loginFailed, &loop, failed));
        } else {
            connections.push_back(QObject::connect(c, &SyncClient::syncFinished, &loop, done));
            connections.push_back(QObject::connect(c, &SyncClient::syncFailed, &loop, failed));
        }
    }
    for (size_t i = 0; i < clients.size(); ++i)
        start(i);
    if (remaining > 0)
        loop.exec();
    for (auto &conn : connections)
        QObject::disconnect(conn);
    return ok;
}

} // namespace

Simulation::Simulation(SimulationConfig config)
    : m_config(std::move(config))
    , m_rng(m_config.seed * 2654435761u + 1) {
    m_killTimer.callOnTimeout([this] { killServer(); });
}

Simulation::~Simulation() = default;

bool Simulation::faultsOn() const {
    return m_config.faults.any() || m_config.killServerEverySeconds > 0;
}

std::vector<SimulatedDevice *> Simulation::participants() const {
    std::vector<SimulatedDevice *> out;
    for (const auto &d : m_devices)
        out.push_back(d.get());
    if (m_reviewer)
        out.push_back(m_reviewer.get());
    return out;
}

bool Simulation::startServer(QString *error) {
    m_workDir = m_config.workDir;
    if (m_workDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        m_workDir = m_tempDir->path();
    }
    m_serverUrl = m_config.server;
    if (m_config.spawnServer) {
        m_syncd = std::make_unique<SyncdProcess>(
            m_config.syncdPath.isEmpty() ? SyncdProcess::defaultExecutable() : m_config.syncdPath,
            m_workDir + QStringLiteral("/syncd"));
        if (!m_syncd->start(error))
            return false;
        m_serverUrl = m_syncd->url();
    }
    m_deviceUrl = m_serverUrl;
    if (faultsOn()) {
        // Also with server kills alone: the devices keep one address while the server may move, and the
        // proxy sees every push answer (to catch a mutation applied twice).
        m_proxy = std::make_unique<FaultProxy>(m_config.faults, m_config.seed * 40503u + 7);
        if (!m_proxy->listen(error))
            return false;
        m_proxy->setUpstream(m_serverUrl);
        m_deviceUrl = m_proxy->url();
    }
    return true;
}

bool Simulation::setUp(QString *error) {
    // Seeded choice of skewed devices: each with even odds, at least one when skew is asked for.
    std::vector<int64_t> offsets(m_config.devices, 0);
    if (m_config.clockSkewDays > 0) {
        const int64_t range = m_config.clockSkewDays * kDayMs;
        std::uniform_int_distribution<int64_t> offset(-range, range);
        for (auto &o : offsets) {
            if (m_rng() % 2 == 0)
                o = offset(m_rng);
        }
        if (std::all_of(offsets.begin(), offsets.end(), [](int64_t o) { return o == 0; }))
            offsets[std::uniform_int_distribution<size_t>(0, offsets.size() - 1)(m_rng)] = offset(m_rng);
        for (auto &o : offsets) {
            if (o != 0 && std::llabs(o) < kDayMs) // a skew worth the name: at least a day
                o = o < 0 ? -kDayMs : kDayMs;
        }
    }
    for (int i = 0; i < m_config.devices; ++i) {
        const Account &account = kAccounts[i % 3];
        auto device =
            std::make_unique<SimulatedDevice>(i, m_workDir + QStringLiteral("/device-%1").arg(i), m_deviceUrl,
                                              QString::fromLatin1(account.username), account.regionCode,
                                              m_config.seed * 7919u + static_cast<uint32_t>(i), offsets[i]);
        if (!device->open(error))
            return false;
        m_devices.push_back(std::move(device));
    }
    if (m_config.adminEdits) {
        // The reviewer works on the server side (the admin console's path): straight to the server.
        m_reviewer = std::make_unique<SimulatedDevice>(
            m_config.devices, m_workDir + QStringLiteral("/reviewer"), m_serverUrl,
            QStringLiteral("township"), kTownship, m_config.seed * 7919u + 104729u);
        if (!m_reviewer->open(error))
            return false;
    }
    return true;
}

bool Simulation::loginAll(QString *error) {
    std::vector<SimulatedDevice *> waiting = participants();
    QStringList errors;
    for (int attempt = 0; attempt < kLoginAttempts && !waiting.empty(); ++attempt) {
        std::vector<SyncClient *> clients;
        for (auto *d : waiting)
            clients.push_back(&d->client());
        errors.clear();
        auto ok = waitAll(
            clients, [&](size_t i) { clients[i]->login(waiting[i]->username(), m_config.password); },
            WaitFor::Login, &errors);
        std::vector<SimulatedDevice *> again;
        for (size_t i = 0; i < waiting.size(); ++i) {
            if (!ok[i])
                again.push_back(waiting[i]);
        }
        waiting = std::move(again);
    }
    if (!waiting.empty()) {
        *error = QStringLiteral("登录失败: ") + errors.join(QStringLiteral("; "));
        return false;
    }
    return true;
}

Simulation::SyncOutcome Simulation::syncDevices(const std::vector<SimulatedDevice *> &devices) {
    std::vector<SyncClient *> clients;
    for (auto *d : devices)
        clients.push_back(&d->client());
    QStringList errors;
    SyncOutcome outcome;
    outcome.ok = waitAll(
        clients, [&](size_t i) { clients[i]->sync(); }, WaitFor::Sync, &errors);
    outcome.failures = static_cast<int>(std::count(outcome.ok.begin(), outcome.ok.end(), false));
    m_pushes += static_cast<int>(clients.size());
    m_syncFailures += outcome.failures;
    return outcome;
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

void Simulation::reviewerRound() {
    // Fresh server state first, then edits to households the cadres are editing offline right now; the
    // reviewer's push then races theirs in the next concurrent sync.
    syncDevices({m_reviewer.get()});
    const std::vector<std::string> villages{kAccounts[0].regionCode, kAccounts[1].regionCode,
                                            kAccounts[2].regionCode};
    const int edits = std::max(1, m_config.editsPerRound / 2);
    for (int e = 0; e < edits; ++e) {
        auto writes = m_reviewer->workload().reviewerEdit(m_reviewer->replica(), villages);
        m_reviewerEdits += writes.empty() ? 0 : 1;
        m_writes.insert(m_writes.end(), writes.begin(), writes.end());
    }
}

void Simulation::killServer() {
    if (!m_syncd)
        return;
    QString error;
    if (!m_syncd->killAndRestart(&error)) {
        m_killError = error;
        m_killTimer.stop();
        return;
    }
    if (m_syncd->url() != m_serverUrl) {
        // The old port was taken: point everything that talks to the server at the new one.
        m_serverUrl = m_syncd->url();
        if (m_proxy)
            m_proxy->setUpstream(m_serverUrl);
        if (m_reviewer)
            m_reviewer->setServerUrl(m_serverUrl);
    }
}

bool Simulation::syncUntilQuiet(QString *error) {
    // A device is quiet once it synced successfully with nothing to push while nobody else pushed in the
    // same pass: then it pulled the final state. Any pass in which something was pushed (even a failed
    // push: a cut answer may still have been applied) makes everyone sync again.
    const std::vector<SimulatedDevice *> all = participants();
    std::vector<bool> quiet(all.size(), false);
    const int maxPasses = faultsOn() ? kQuietPassesFaulty : kQuietPasses;
    for (int pass = 0; pass < maxPasses; ++pass) {
        std::vector<SimulatedDevice *> todo;
        std::vector<size_t> index;
        std::vector<int64_t> pendingBefore;
        for (size_t i = 0; i < all.size(); ++i) {
            if (!quiet[i]) {
                todo.push_back(all[i]);
                index.push_back(i);
                pendingBefore.push_back(all[i]->replica().pendingCount());
            }
        }
        if (todo.empty())
            return true;
        SyncOutcome outcome = syncDevices(todo);
        ++m_quietPasses;
        bool pushed = false;
        for (size_t k = 0; k < todo.size(); ++k) {
            pushed = pushed || pendingBefore[k] > 0;
            quiet[index[k]] =
                outcome.ok[k] && pendingBefore[k] == 0 && todo[k]->replica().pendingCount() == 0;
        }
        if (pushed)
            std::fill(quiet.begin(), quiet.end(), false);
    }
    if (std::all_of(quiet.begin(), quiet.end(), [](bool q) { return q; }))
        return true;
    *error = QStringLiteral("设备在 %1 轮同步后仍未全部同步完成").arg(maxPasses);
    return false;
}

QJsonObject Simulation::run() {
    QElapsedTimer timer;
    timer.start();
    QString error;
    QJsonObject summary;
    auto fail = [&](const QString &message) {
        summary[QStringLiteral("converged")] = false;
        summary[QStringLiteral("error")] = message;
        summary[QStringLiteral("seed")] = static_cast<qint64>(m_config.seed);
        return summary;
    };
    if (!startServer(&error) || !setUp(&error) || !loginAll(&error))
        return fail(error);

    if (m_config.killServerEverySeconds > 0 && m_syncd)
        m_killTimer.start(static_cast<int>(m_config.killServerEverySeconds * 1000));
    for (int round = 0; round < m_config.rounds; ++round) {
        offlineRound(round);
        if (m_reviewer && round > 0)
            reviewerRound();
        syncDevices(participants());
    }
    const bool quiet = syncUntilQuiet(&error);
    if (!quiet)
        summary[QStringLiteral("lastSyncError")] = error;
    m_killTimer.stop();
    if (!m_killError.isEmpty())
        return fail(QStringLiteral("server restart failed: ") + m_killError);

    VerificationInput input;
    input.server = m_serverUrl;
    input.workDir = m_workDir;
    input.password = m_config.password;
    input.seed = m_config.seed;
    input.devices = participants();
    input.writes = &m_writes;
    if (m_proxy)
        input.doubleAppliedSeen = m_proxy->doubleApplied();
    QJsonObject verified = verifyAgainstServer(input);
    for (auto it = verified.begin(); it != verified.end(); ++it)
        summary[it.key()] = it.value();
    summary[QStringLiteral("converged")] = quiet && verified.value(QStringLiteral("converged")).toBool();

    summary[QStringLiteral("devices")] = m_config.devices;
    summary[QStringLiteral("households")] = m_householdsCreated;
    summary[QStringLiteral("pushes")] = m_pushes;
    summary[QStringLiteral("syncFailures")] = m_syncFailures;
    summary[QStringLiteral("quietPasses")] = m_quietPasses;
    QJsonObject faults = m_proxy ? m_proxy->faultCounts()
                                 : QJsonObject{{QStringLiteral("drop"), 0},
                                               {QStringLiteral("dup"), 0},
                                               {QStringLiteral("reorder"), 0},
                                               {QStringLiteral("cut"), 0},
                                               {QStringLiteral("delay"), 0}};
    int skewed = 0;
    QJsonArray skewDays;
    for (const auto &d : m_devices) {
        if (d->clockOffsetMs() != 0) {
            ++skewed;
            skewDays.append(static_cast<double>(d->clockOffsetMs() / (kDayMs / 100)) / 100.0);
        }
    }
    faults[QStringLiteral("skewedClocks")] = skewed;
    summary[QStringLiteral("faults")] = faults;
    if (!skewDays.isEmpty())
        summary[QStringLiteral("clockSkewDays")] = skewDays;
    summary[QStringLiteral("serverKills")] = m_syncd ? m_syncd->kills() : 0;
    if (m_proxy) {
        summary[QStringLiteral("exchanges")] = m_proxy->exchanges();
        summary[QStringLiteral("upstreamFailures")] = m_proxy->upstreamFailures();
        summary[QStringLiteral("appliedSeen")] = m_proxy->appliedSeen();
        summary[QStringLiteral("duplicatesSeen")] = m_proxy->duplicatesSeen();
    }
    if (m_reviewer)
        summary[QStringLiteral("reviewerEdits")] = m_reviewerEdits;
    summary[QStringLiteral("seed")] = static_cast<qint64>(m_config.seed);
    summary[QStringLiteral("elapsedS")] = static_cast<double>(timer.elapsed()) / 1000.0;
    return summary;
}
