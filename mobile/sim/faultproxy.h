#pragma once

#include "faultconfig.h"
#include "httpmessage.h"

#include <QJsonObject>
#include <QObject>
#include <QTcpServer>
#include <QTimer>
#include <QUrl>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>

class QTcpSocket;

// A loopback HTTP proxy between the simulated devices and the sync server that injects faults per HTTP
// exchange (FaultConfig), seeded. One request per client connection: the request is parsed (request line,
// headers, Content-Length body), sent upstream with "Connection: close", and the answer relayed, after
// which the client connection is closed. Every push answer passing through is read, so the proxy can tell
// when the server applied one mutation id twice, whatever the device got to see.
class FaultProxy : public QObject {
    Q_OBJECT
public:
    FaultProxy(FaultConfig config, uint32_t seed, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen(QString *error); // on 127.0.0.1, an ephemeral port
    QUrl url() const;
    void setUpstream(const QUrl &server); // where requests go (re-pointed after a server restart)
    // Faults on or off (off: a plain relay). The counters keep what was injected while on.
    void setFaultsEnabled(bool enabled) { m_enabled = enabled; }

    QJsonObject faultCounts() const; // {"drop":n,"dup":n,"reorder":n,"cut":n,"delay":n}
    int exchanges() const { return m_exchanges; }
    int upstreamFailures() const { return m_upstreamFailures; }
    // Mutation ids the server answered as applied/merged/queued more than once.
    const std::set<std::string> &doubleApplied() const { return m_doubleApplied; }
    // Distinct mutation ids the proxy saw the server apply (proves the push answers were read).
    int appliedSeen() const { return static_cast<int>(m_appliedAnswers.size()); }
    // "duplicate" results seen: a mutation re-sent after its first answer was lost, dropped or cut.
    int duplicatesSeen() const { return m_duplicatesSeen; }

private:
    enum class Fault { None, Drop, Dup, Reorder, Cut };
    struct Exchange {
        QTcpSocket *client = nullptr;
        QByteArray clientBuffer;
        std::optional<HttpMessage> request;
        Fault fault = Fault::None;
        int forwardsLeft = 1;         // 2 for a duplicated request
        quint64 releaseAfterDone = 0; // a held (reordered) exchange to forward once this one is answered
        QTcpSocket *upstream = nullptr;
        QByteArray upstreamBuffer;
        bool finished = false;
    };

    void onNewConnection();
    void onClientData(quint64 id);
    void dispatch(quint64 id);
    void forward(quint64 id);
    void onUpstreamData(quint64 id);
    void onUpstreamClosed(quint64 id);
    void onAnswer(quint64 id, const QByteArray &raw, const std::optional<HttpMessage> &response);
    void observePushAnswer(const HttpMessage &response);
    void releaseHeld(quint64 id);
    void finish(quint64 id, const QByteArray &reply, qsizetype cutAt = -1);
    Exchange *find(quint64 id);
    void count(const char *kind);

    FaultConfig m_config;
    std::mt19937 m_rng;
    QTcpServer m_server;
    QUrl m_upstream;
    bool m_enabled = true;
    quint64 m_nextId = 1;
    std::map<quint64, std::unique_ptr<Exchange>> m_exchangesById;
    quint64 m_held = 0; // the exchange held back for reordering, 0 if none
    QTimer m_heldTimer; // forwards a held exchange when no next request comes in time
    std::map<std::string, int> m_counts;
    std::map<std::string, int> m_appliedAnswers;
    std::set<std::string> m_doubleApplied;
    int m_exchanges = 0;
    int m_upstreamFailures = 0;
    int m_duplicatesSeen = 0;
};
