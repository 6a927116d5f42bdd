#include "faultproxy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

namespace {

constexpr int kHeldForMs = 250; // a reordered request waits at most this long for a next one

const char *faultName(int kind) {
    static const char *const names[] = {"drop", "dup", "reorder", "cut", "delay"};
    return names[kind];
}

} // namespace

FaultProxy::FaultProxy(FaultConfig config, uint32_t seed, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_rng(seed) {
    for (int k = 0; k < 5; ++k)
        m_counts[faultName(k)] = 0;
    m_heldTimer.setSingleShot(true);
    connect(&m_heldTimer, &QTimer::timeout, this, [this] {
        quint64 held = std::exchange(m_held, 0);
        if (held != 0)
            forward(held);
    });
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy() {
    for (auto &[id, ex] : m_exchangesById) {
        delete ex->upstream;
        delete ex->client;
    }
}

bool FaultProxy::listen(QString *error) {
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        *error = m_server.errorString();
        return false;
    }
    return true;
}

QUrl FaultProxy::url() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void FaultProxy::setUpstream(const QUrl &server) {
    m_upstream = server;
}

QJsonObject FaultProxy::faultCounts() const {
    QJsonObject out;
    for (const auto &[kind, n] : m_counts)
        out[QString::fromLatin1(kind.c_str())] = n;
    return out;
}

void FaultProxy::count(const char *kind) {
    ++m_counts[kind];
}

FaultProxy::Exchange *FaultProxy::find(quint64 id) {
    auto it = m_exchangesById.find(id);
    return it == m_exchangesById.end() ? nullptr : it->second.get();
}

void FaultProxy::onNewConnection() {
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        const quint64 id = m_nextId++;
        auto ex = std::make_unique<Exchange>();
        ex->client = socket;
        m_exchangesById.emplace(id, std::move(ex));
        connect(socket, &QTcpSocket::readyRead, this, [this, id] { onClientData(id); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::disconnected, this, [this, id] {
            // The client gave up before anything was forwarded: forget the exchange. Once forwarded, it
            // runs to its end so the server's side of it is observed.
            Exchange *ex = find(id);
            if (ex && !ex->request) {
                ex->client = nullptr;
                m_exchangesById.erase(id);
            } else if (ex) {
                ex->client = nullptr;
            }
        });
    }
}

void FaultProxy::onClientData(quint64 id) {
    Exchange *ex = find(id);
    if (!ex || !ex->client || ex->request)
        return; // one request per connection; anything after it is ignored
    ex->clientBuffer += ex->client->readAll();
    bool malformed = false;
    ex->request = HttpMessage::take(ex->clientBuffer, &malformed);
    if (malformed) {
        finish(id, {}, 0);
        return;
    }
    if (!ex->request)
        return;
    ++m_exchanges;

    ex->fault = Fault::None;
    int delayMs = 0;
    if (m_enabled) {
        double r = std::uniform_real_distribution<double>(0, 1)(m_rng);
        if ((r -= m_config.drop) < 0)
            ex->fault = Fault::Drop;
        else if ((r -= m_config.dup) < 0)
            ex->fault = Fault::Dup;
        else if ((r -= m_config.reorder) < 0)
            ex->fault = Fault::Reorder;
        else if ((r -= m_config.cut) < 0)
            ex->fault = Fault::Cut;
        if (m_config.delayMs > 0)
            delayMs = std::uniform_int_distribution<int>(0, m_config.delayMs)(m_rng);
    }
    if (delayMs > 0) {
        count("delay");
        QTimer::singleShot(delayMs, this, [this, id] { dispatch(id); });
    } else {
        dispatch(id);
    }
}

void FaultProxy::dispatch(quint64 id) {
    Exchange *ex = find(id);
    if (!ex)
        return;
    switch (ex->fault) {
    case Fault::Drop:
        count("drop");
        finish(id, {}, 0);
        return;
    case Fault::Reorder:
        if (m_held == 0) {
            count("reorder");
            m_held = id;
            m_heldTimer.start(kHeldForMs);
            return;
        }
        ex->fault = Fault::None; // one request held at a time; this one overtakes it
        break;
    case Fault::Dup:
        ex->forwardsLeft = 2;
        break;
    default:
        break;
    }
    if (m_held != 0 && m_held != id) {
        // This request overtakes the held one, which goes upstream once this one is answered.
        ex->releaseAfterDone = std::exchange(m_held, 0);
        m_heldTimer.stop();
    }
    forward(id);
}

void FaultProxy::forward(quint64 id) {
    Exchange *ex = find(id);
    if (!ex)
        return;
    ex->upstreamBuffer.clear();
    auto *upstream = new QTcpSocket(this);
    ex->upstream = upstream;
    connect(upstream, &QTcpSocket::connected, this,
            [upstream, request = ex->request->withConnectionClose()] { upstream->write(request); });
    connect(upstream, &QTcpSocket::readyRead, this, [this, id, upstream] {
        Exchange *e = find(id);
        if (e && e->upstream == upstream)
            onUpstreamData(id);
    });
    auto closed = [this, id, upstream] {
        Exchange *e = find(id);
        if (e && e->upstream == upstream)
            onUpstreamClosed(id);
    };
    connect(upstream, &QTcpSocket::disconnected, this, closed);
    connect(upstream, &QTcpSocket::errorOccurred, this, closed);
    upstream->connectToHost(m_upstream.host(), static_cast<quint16>(m_upstream.port()));
}

void FaultProxy::onUpstreamData(quint64 id) {
    Exchange *ex = find(id);
    ex->upstreamBuffer += ex->upstream->readAll();
    QByteArray buffer = ex->upstreamBuffer;
    if (auto response = HttpMessage::take(buffer))
        onAnswer(id, ex->upstreamBuffer.left(ex->upstreamBuffer.size() - buffer.size()), response);
}

void FaultProxy::onUpstreamClosed(quint64 id) {
    Exchange *ex = find(id);
    ex->upstreamBuffer += ex->upstream->readAll();
    QByteArray buffer = ex->upstreamBuffer;
    if (auto response = HttpMessage::take(buffer)) {
        onAnswer(id, ex->upstreamBuffer, response);
        return;
    }
    // No complete answer (server down, killed mid-request): the device sees a closed connection.
    ++m_upstreamFailures;
    QTcpSocket *upstream = std::exchange(ex->upstream, nullptr);
    upstream->disconnect(this);
    upstream->deleteLater();
    releaseHeld(ex->releaseAfterDone);
    finish(id, {}, 0);
}

void FaultProxy::onAnswer(quint64 id, const QByteArray &raw, const std::optional<HttpMessage> &response) {
    Exchange *ex = find(id);
    QTcpSocket *upstream = std::exchange(ex->upstream, nullptr);
    upstream->disconnect(this);
    upstream->abort();
    upstream->deleteLater();
    if (ex->request->path().startsWith("/api/v1/push"))
        observePushAnswer(*response);
    if (--ex->forwardsLeft > 0) {
        count("dup");
        forward(id);
        return;
    }
    releaseHeld(std::exchange(ex->releaseAfterDone, 0));
    if (ex->fault == Fault::Cut) {
        count("cut");
        const auto cutAt = std::uniform_int_distribution<qsizetype>(0, raw.size() / 2)(m_rng);
        finish(id, raw, cutAt);
        return;
    }
    finish(id, raw);
}

void FaultProxy::observePushAnswer(const HttpMessage &response) {
    if (response.status() != 200)
        return;
    const QJsonObject json = QJsonDocument::fromJson(response.body).object();
    for (const QJsonValue &v : json.value(QStringLiteral("results")).toArray()) {
        const QJsonObject result = v.toObject();
        const QString status = result.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("duplicate"))
            ++m_duplicatesSeen;
        if (status != QLatin1String("applied") && status != QLatin1String("merged") &&
            status != QLatin1String("queued"))
            continue;
        const std::string mutationId = result.value(QStringLiteral("mutationId")).toString().toStdString();
        if (++m_appliedAnswers[mutationId] > 1)
            m_doubleApplied.insert(mutationId);
    }
}

void FaultProxy::releaseHeld(quint64 held) {
    if (held != 0)
        forward(held);
}

void FaultProxy::finish(quint64 id, const QByteArray &reply, qsizetype cutAt) {
    auto it = m_exchangesById.find(id);
    if (it == m_exchangesById.end())
        return;
    std::unique_ptr<Exchange> ex = std::move(it->second);
    m_exchangesById.erase(it);
    if (m_held == id)
        m_held = 0;
    if (ex->upstream) {
        ex->upstream->disconnect(this);
        ex->upstream->abort();
        ex->upstream->deleteLater();
    }
    if (!ex->client)
        return;
    if (ex->client->state() == QAbstractSocket::ConnectedState) {
        ex->client->write(cutAt < 0 ? reply : reply.left(cutAt));
        if (cutAt >= 0 && cutAt < reply.size()) {
            // Cut short: flush what the client may see, then reset, so it cannot take it for a full answer.
            ex->client->flush();
            ex->client->abort();
            return;
        }
        ex->client->disconnectFromHost();
    } else {
        ex->client->deleteLater();
    }
}
