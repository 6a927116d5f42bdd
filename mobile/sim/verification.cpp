#include "verification.h"

#include "auditclient.h"
#include "syncclient.h"

#include <ruhu/json/canonical_json.h>
#include <ruhu/model/field_masking.h>

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <map>
#include <tuple>

namespace {

using RecordKey = std::pair<std::string, std::string>; // kind, id

// Runs one login or sync on the auditor's client and waits for it; empty string on success.
QString runAndWait(SyncClient &client, bool login, const QString &password) {
    QEventLoop loop;
    QString error;
    auto ok = [&] { loop.quit(); };
    auto failed = [&](const QString &message) {
        error = message.isEmpty() ? QStringLiteral("failed") : message;
        loop.quit();
    };
    std::vector<QMetaObject::Connection> connections;
    if (login) {
        connections.push_back(QObject::connect(&client, &SyncClient::loggedIn, &loop, ok));
        connections.push_back(QObject::connect(&client, &SyncClient::loginFailed, &loop, failed));
        client.login(QStringLiteral("county"), password);
    } else {
        connections.push_back(QObject::connect(&client, &SyncClient::syncFinished, &loop, ok));
        connections.push_back(QObject::connect(&client, &SyncClient::syncFailed, &loop, failed));
        client.sync();
    }
    if (client.isBusy())
        loop.exec();
    for (auto &c : connections)
        QObject::disconnect(c);
    return error;
}

boost::json::value toBoost(const QJsonValue &v) {
    QByteArray wrapped = QJsonDocument(QJsonObject{{QStringLiteral("v"), v}}).toJson(QJsonDocument::Compact);
    auto parsed = ruhu::parseJson(wrapped.toStdString());
    if (!parsed || !parsed->is_object())
        return nullptr;
    return parsed->get_object()["v"];
}

struct ReviewIndex {
    bool available = false;
    int count = 0;
    int open = 0;
    // mutation id -> (field, incoming value)
    std::multimap<std::string, std::pair<std::string, boost::json::value>> incoming;
};

ReviewIndex readReviews(AuditClient &audit) {
    ReviewIndex index;
    qint64 cursor = 0;
    for (int page = 0; page < 1000; ++page) {
        auto reply = audit.get(QStringLiteral("/api/v1/reviews?status=all&cursor=%1&limit=500").arg(cursor));
        if (reply.status != 200)
            return index; // 404: not there yet (available stays false unless an earlier page came back)
        index.available = true;
        for (const QJsonValue &v : reply.json.value(QStringLiteral("reviews")).toArray()) {
            const QJsonObject r = v.toObject();
            ++index.count;
            if (r.value(QStringLiteral("status")).toString() == QLatin1String("open"))
                ++index.open;
            index.incoming.emplace(r.value(QStringLiteral("mutationId")).toString().toStdString(),
                                   std::make_pair(r.value(QStringLiteral("field")).toString().toStdString(),
                                                  toBoost(r.value(QStringLiteral("incomingValue")))));
        }
        qint64 next = reply.json.value(QStringLiteral("cursor")).toVariant().toLongLong();
        if (!reply.json.value(QStringLiteral("hasMore")).toBool() || next == cursor)
            break;
        cursor = next;
    }
    return index;
}

struct HistoryIndex {
    bool available = false;
    std::set<std::string> applied;       // mutation ids in some record's history (not rejected)
    std::set<std::string> doubleApplied; // ids applied (not as "duplicate") more than once
};

QString historyPath(const RecordKey &key) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("kind"), QString::fromStdString(key.first));
    query.addQueryItem(QStringLiteral("id"), QString::fromStdString(key.second));
    return QStringLiteral("/api/v1/history?") + query.toString(QUrl::FullyEncoded);
}

HistoryIndex readHistory(AuditClient &audit, const std::set<RecordKey> &records, const RecordKey &probe) {
    HistoryIndex index;
    // The probe is a record the server certainly has, so a 404 there means "no such endpoint".
    if (audit.get(historyPath(probe)).status != 200)
        return index;
    index.available = true;
    for (const RecordKey &key : records) {
        auto reply = audit.get(historyPath(key));
        if (reply.status != 200)
            continue;
        std::map<std::string, int> appliedTimes;
        for (const QJsonValue &v : reply.json.value(QStringLiteral("entries")).toArray()) {
            const QJsonObject entry = v.toObject();
            const std::string id = entry.value(QStringLiteral("mutation"))
                                       .toObject()
                                       .value(QStringLiteral("id"))
                                       .toString()
                                       .toStdString();
            const QString status =
                entry.value(QStringLiteral("result")).toObject().value(QStringLiteral("status")).toString();
            if (id.empty() || status == QLatin1String("rejected"))
                continue;
            index.applied.insert(id);
            if (status != QLatin1String("duplicate") && ++appliedTimes[id] > 1)
                index.doubleApplied.insert(id);
        }
    }
    return index;
}

} // namespace

QJsonObject verifyAgainstServer(const VerificationInput &input) {
    QJsonObject summary;
    SimulatedDevice auditor(-1, input.workDir + QStringLiteral("/auditor"), input.server,
                            QStringLiteral("county"), "", input.seed);
    QString error;
    if (!auditor.open(&error)) {
        summary[QStringLiteral("error")] = error;
        return summary;
    }
    error = runAndWait(auditor.client(), true, input.password);
    if (error.isEmpty())
        error = runAndWait(auditor.client(), false, input.password);
    if (!error.isEmpty()) {
        summary[QStringLiteral("error")] = QStringLiteral("读取服务器数据失败: ") + error;
        return summary;
    }
    std::map<RecordKey, ruhu::Record> server;
    for (auto &r : auditor.replica().allRecords())
        server.emplace(RecordKey{r.kind, r.id}, r);

    // Convergence: each device holds exactly the server's records of its scope.
    int diverged = 0;
    QJsonArray divergedDevices;
    for (SimulatedDevice *d : input.devices) {
        int differences = 0;
        size_t inScope = 0;
        for (const auto &kv : server)
            inScope += d->inScope(kv.second.regionCode) ? 1 : 0;
        auto local = d->replica().allRecords();
        // The server masks sensitive fields per role (docs/privacy.md): a township device holds the
        // masked 身份证号, the county auditor the clear one.
        const auto session = d->replica().session();
        const std::string role = session ? session->role : std::string();
        for (const auto &r : local) {
            auto it = server.find({r.kind, r.id});
            if (it == server.end() || it->second.deleted != r.deleted) {
                ++differences;
                continue;
            }
            boost::json::object expected = it->second.fields;
            ruhu::maskFieldsForRole(r.kind, expected, role);
            if (expected != r.fields)
                ++differences;
        }
        differences += static_cast<int>(std::max(local.size(), inScope) - std::min(local.size(), inScope));
        if (differences > 0) {
            ++diverged;
            divergedDevices.append(QJsonObject{{QStringLiteral("device"), d->index()},
                                               {QStringLiteral("differences"), differences}});
        }
    }

    // What each device's outbox says about its mutations.
    std::set<std::string> rejectedIds, pendingIds;
    int queuedOnDevices = 0;
    for (SimulatedDevice *d : input.devices) {
        for (const auto &r : d->replica().rejected())
            rejectedIds.insert(r.mutationId);
        for (const auto &m : d->replica().nextPushBatch(1u << 30).mutations)
            pendingIds.insert(m.id);
        queuedOnDevices += static_cast<int>(d->replica().queuedForReview().size());
    }

    const auto &writes = *input.writes;
    std::set<RecordKey> touched;
    for (const auto &w : writes)
        touched.insert({w.kind, w.recordId});

    AuditClient audit(input.server, QByteArray::fromStdString(auditor.replica().session()->token));
    ReviewIndex reviews = readReviews(audit);
    HistoryIndex history;
    if (!server.empty())
        history = readHistory(audit, touched, server.begin()->first);

    auto acknowledged = [&](const WriteRecord &w) {
        return history.applied.contains(w.mutationId) ||
               (!rejectedIds.contains(w.mutationId) && !pendingIds.contains(w.mutationId));
    };
    auto currentValue = [&](const WriteRecord &w) -> const boost::json::value * {
        auto it = server.find({w.kind, w.recordId});
        if (it == server.end())
            return nullptr;
        auto value = it->second.fields.find(w.field);
        return value == it->second.fields.end() ? nullptr : &value->value();
    };

    int lostWrites = 0;
    QJsonArray lostSamples;
    auto noteLost = [&](const WriteRecord &w) {
        ++lostWrites;
        if (lostSamples.size() < 5)
            lostSamples.append(
                QJsonObject{{QStringLiteral("mutationId"), QString::fromStdString(w.mutationId)},
                            {QStringLiteral("record"), QString::fromStdString(w.recordId)},
                            {QStringLiteral("field"), QString::fromStdString(w.field)}});
    };
    if (history.available) {
        // Kept = current on the server, or in the record's history, or the incoming value of a review.
        for (const auto &w : writes) {
            if (!acknowledged(w))
                continue;
            const boost::json::value *current = currentValue(w);
            if ((current && *current == w.value) || history.applied.contains(w.mutationId))
                continue;
            bool inReview = false;
            auto [from, to] = reviews.incoming.equal_range(w.mutationId);
            for (auto it = from; it != to && !inReview; ++it)
                inReview = it->second.first == w.field && it->second.second == w.value;
            if (!inReview)
                noteLost(w);
        }
    } else {
        // Last-writer-wins: among the acknowledged writes to a field, the newest stamp must be current.
        std::map<std::tuple<std::string, std::string, std::string>, const WriteRecord *> newest;
        for (const auto &w : writes) {
            if (!acknowledged(w))
                continue;
            auto &slot = newest[{w.kind, w.recordId, w.field}];
            if (!slot || w.hlc > slot->hlc)
                slot = &w;
        }
        for (const auto &[key, w] : newest) {
            const boost::json::value *current = currentValue(*w);
            if (!current || *current != w->value)
                noteLost(*w);
        }
    }

    // Fields written by more than one device (a real concurrent clash).
    std::map<std::tuple<std::string, std::string, std::string>, std::set<std::string>> writers;
    for (const auto &w : writes)
        writers[{w.kind, w.recordId, w.field}].insert(w.hlc.size() > 26 ? w.hlc.substr(26) : w.hlc);
    int conflicts = 0;
    for (const auto &kv : writers)
        conflicts += kv.second.size() > 1 ? 1 : 0;

    std::set<std::string> doubleApplied = input.doubleAppliedSeen;
    doubleApplied.insert(history.doubleApplied.begin(), history.doubleApplied.end());
    QJsonArray doubleSamples;
    for (const auto &id : doubleApplied) {
        if (doubleSamples.size() < 5)
            doubleSamples.append(QString::fromStdString(id));
    }

    summary[QStringLiteral("converged")] = diverged == 0 && pendingIds.empty();
    summary[QStringLiteral("verification")] =
        history.available ? (reviews.available ? QStringLiteral("full") : QStringLiteral("history"))
                          : QStringLiteral("lww-only");
    summary[QStringLiteral("serverRecords")] = static_cast<int>(server.size());
    summary[QStringLiteral("mutations")] = static_cast<int>(writes.size());
    summary[QStringLiteral("conflicts")] = conflicts;
    summary[QStringLiteral("lostWrites")] = lostWrites;
    summary[QStringLiteral("duplicateApplies")] = static_cast<int>(doubleApplied.size());
    summary[QStringLiteral("rejected")] = static_cast<int>(rejectedIds.size());
    summary[QStringLiteral("reviewQueued")] = reviews.available ? reviews.count : queuedOnDevices;
    if (reviews.available)
        summary[QStringLiteral("reviewsOpen")] = reviews.open;
    if (!pendingIds.empty())
        summary[QStringLiteral("pendingMutations")] = static_cast<int>(pendingIds.size());
    if (!divergedDevices.isEmpty())
        summary[QStringLiteral("divergedDevices")] = divergedDevices;
    if (!lostSamples.isEmpty())
        summary[QStringLiteral("lostSamples")] = lostSamples;
    if (!doubleSamples.isEmpty())
        summary[QStringLiteral("duplicateSamples")] = doubleSamples;
    return summary;
}
