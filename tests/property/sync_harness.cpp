#include "sync_harness.h"

#include "api/router.h"
#include "storage/credentials.h"
#include "storage/database_url.h"
#include "storage/open_central_store.h"

#include <ruhu/json/canonical_json.h>
#include <ruhu/sync/protocol.h>

using namespace ruhu;
using namespace ruhu::server;

bool SyncHarness::init(int devices, const std::vector<int64_t> &clockOffsetsMs) {
    auto store = openCentralStore(sqliteDatabaseUrl(m_dir.filePath("server").toStdString()));
    if (!store)
        return false;
    m_store = std::move(*store);
    {
        // The write transaction holds the store until it is destroyed.
        auto tx = m_store->beginWrite();
        if (!tx)
            return false;
        (*tx)->putArea({kVillage, "马家村", "village", "429005103"});
        for (int i = 0; i < devices; ++i) {
            std::string user = "cadre" + std::to_string(i);
            (*tx)->putUser(UserAccount{user, user, "village", "unused", {kVillage}});
        }
        (*tx)->putUser(UserAccount{"auditor", "auditor", "county", "unused", {"429005"}});
        if (!(*tx)->commit())
            return false;
    }
    for (int i = 0; i < devices; ++i) {
        Device d;
        d.clock =
            std::make_unique<ManualClock>(m_serverClock.nowMs() + clockOffsetsMs[static_cast<size_t>(i)]);
        auto key = loadOrCreateDeviceKey(m_dir.filePath(QStringLiteral("d%1.key").arg(i)).toStdString());
        if (!key)
            return false;
        auto replica = DeviceReplica::open(m_dir.filePath(QStringLiteral("d%1.sqlite3").arg(i)).toStdString(),
                                           *key, *d.clock);
        if (!replica)
            return false;
        d.replica = std::move(*replica);
        d.token = makeToken();
        // Bound to the replica's device, as a login from it would be (docs/accounts.md).
        m_store->putToken({tokenDigest(d.token), "cadre" + std::to_string(i),
                           m_serverClock.nowMs() + 86400000, d.replica->deviceId(), m_serverClock.nowMs()},
                          m_serverClock.nowMs());
        protocol::LoginResponse login;
        login.token = d.token;
        login.username = "cadre" + std::to_string(i);
        login.scope = {kVillage};
        if (!d.replica->saveSession(login))
            return false;
        m_devices.push_back(std::move(d));
    }
    return true;
}

SyncHarness::Reply SyncHarness::call(const char *method, const std::string &target, const std::string &body,
                                     const std::string &token) {
    Request request{http::string_to_verb(method), target, 11};
    request.set(http::field::authorization, "Bearer " + token);
    request.set(http::field::content_type, "application/json");
    request.body() = body;
    request.prepare_payload();
    ApiContext context{*m_store, m_serverClock};
    Response response = handleRequest(request, context);
    Reply reply;
    reply.status = response.result_int();
    if (auto json = parseJson(response.body()))
        reply.json = *json;
    return reply;
}

bool SyncHarness::edit(int device, const std::string &householdId, boost::json::object fields) {
    auto &d = m_devices[static_cast<size_t>(device)];
    auto result = d.replica->edit("household", householdId, householdId, kVillage, fields);
    if (!result)
        return false;
    auto batch = d.replica->nextPushBatch(100000);
    const std::string mutationId = batch.mutations.back().id;
    for (const auto &kv : fields)
        m_writes.push_back({mutationId, householdId, std::string(kv.key()), kv.value(),
                            std::string(result->clocks.at(kv.key()).as_string())});
    d.clock->advance(1000);
    m_serverClock.advance(1000);
    return true;
}

bool SyncHarness::pushBatch(Device &d, const protocol::PushRequest &batch,
                            std::vector<std::string> *statuses) {
    Reply reply = call("POST", "/api/v1/push", toCanonicalJson(batch.toJson()), d.token);
    if (reply.status != 200)
        return false;
    auto response = protocol::PushResponse::fromJson(reply.json);
    if (!response)
        return false;
    for (const auto &r : response->results) {
        if (r.status != "duplicate")
            m_statuses[r.mutationId] = r.status;
        if (statuses)
            statuses->push_back(r.status);
    }
    return static_cast<bool>(d.replica->applyPushResponse(*response));
}

bool SyncHarness::sync(int device) {
    auto &d = m_devices[static_cast<size_t>(device)];
    for (int guard = 0; d.replica->pendingCount() > 0; ++guard) {
        if (guard > 100 || !pushBatch(d, d.replica->nextPushBatch(50), nullptr))
            return false;
    }
    for (int guard = 0; guard < 1000; ++guard) {
        Reply reply = call("GET", "/api/v1/pull?cursor=" + std::to_string(d.replica->cursor()) + "&limit=7",
                           "", d.token);
        if (reply.status != 200)
            return false;
        auto pull = protocol::PullResponse::fromJson(reply.json);
        if (!pull || !d.replica->applyPull(*pull))
            return false;
        if (!pull->hasMore)
            return true;
    }
    return false;
}

bool SyncHarness::duplicatePushIsHarmless(int device) {
    auto &d = m_devices[static_cast<size_t>(device)];
    auto batch = d.replica->nextPushBatch(50);
    if (batch.mutations.empty())
        return true;
    if (!pushBatch(d, batch, nullptr))
        return false;
    auto before = serverRecords();
    std::vector<std::string> statuses;
    if (!pushBatch(d, batch, &statuses))
        return false;
    for (const auto &s : statuses) {
        if (s != "duplicate")
            return false;
    }
    auto after = serverRecords();
    if (before.size() != after.size())
        return false;
    for (const auto &[id, record] : before) {
        if (after[id].version != record.version || after[id].fields != record.fields)
            return false;
    }
    return true;
}

std::map<std::string, Record> SyncHarness::serverRecords() {
    std::map<std::string, Record> out;
    auto page = m_store->changesSince({"42"}, 0, 100000);
    if (page) {
        for (auto &r : page->records)
            out[r.id] = r;
    }
    return out;
}

std::map<std::string, boost::json::value> SyncHarness::reviewedValues(bool *available) {
    std::map<std::string, boost::json::value> out;
    Reply reply = call("GET", "/api/v1/reviews?status=all&limit=1000", "", m_devices.front().token);
    *available = reply.status == 200 && reply.json.is_object();
    if (!*available)
        return out;
    const auto &o = reply.json.get_object();
    if (auto it = o.find("reviews"); it != o.end() && it->value().is_array()) {
        for (const auto &item : it->value().get_array()) {
            if (!item.is_object())
                continue;
            const auto &r = item.get_object();
            auto id = r.find("mutationId");
            auto value = r.find("incomingValue");
            if (id != r.end() && id->value().is_string() && value != r.end())
                out[std::string(id->value().get_string())] = value->value();
        }
    }
    return out;
}

std::string SyncHarness::historyOf(const std::string &kind, const std::string &recordId) {
    auto rows = m_store->history(kind, recordId);
    if (!rows)
        return " (unreadable)";
    std::string out;
    for (size_t i = 0; i < rows->size(); ++i)
        out += " #" + std::to_string(i + 1) + " " + (*rows)[i].mutationJson + " -> " + (*rows)[i].resultJson;
    return out;
}
