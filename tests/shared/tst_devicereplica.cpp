#include <ruhu/demo/demo_county.h>
#include <ruhu/store/device_replica.h>
#include <ruhu/sync/merge.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

const std::string kVillage = "429005103201";

std::unique_ptr<ruhu::DeviceReplica> openReplica(const QTemporaryDir &dir, const ruhu::Clock &clock) {
    auto key = ruhu::loadOrCreateDeviceKey(dir.filePath("device.key").toStdString());
    if (!key)
        return nullptr;
    auto replica = ruhu::DeviceReplica::open(dir.filePath("replica.sqlite3").toStdString(), *key, clock);
    return replica ? std::move(*replica) : nullptr;
}

// What the sync server does with a batch, reduced to the merge: applies each mutation to its record.
ruhu::protocol::PushResponse serverAccepts(const ruhu::protocol::PushRequest &batch,
                                           std::map<std::string, ruhu::Record> &server, int64_t &version) {
    ruhu::protocol::PushResponse response;
    for (const auto &m : batch.mutations) {
        auto it = server.find(m.recordId);
        auto out = ruhu::applyMutation(it == server.end() ? std::nullopt : std::optional(it->second), m);
        out.record.version = ++version;
        server[m.recordId] = out.record;
        ruhu::protocol::PushResult result;
        result.mutationId = m.id;
        result.status = "applied";
        result.hasRecord = true;
        result.record = out.record;
        response.results.push_back(result);
    }
    return response;
}

boost::json::object memberFields(const std::string &name, const std::string &idNo) {
    return {{"name", name}, {"relationToHead", "户主"}, {"idNo", idNo}, {"seq", 1}, {"status", "正常"}};
}

} // namespace

class TestDeviceReplica : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void editWritesRecordAndMutationTogether() {
        QTemporaryDir dir;
        ruhu::ManualClock clock(1700000000000);
        auto replica = openReplica(dir, clock);
        QVERIFY(replica);
        std::string idNo = ruhu::makeIdNumber("429005", "19750302", 123);
        auto member = replica->edit("member", "m-1", "hh-1", kVillage, memberFields("张三", idNo));
        QVERIFY2(member.ok(), member.ok() ? "" : member.error().message.c_str());
        // Sex and birth date come from the ID number.
        QCOMPARE(std::string(member->fields["birthDate"].as_string()), std::string("1975-03-02"));
        QCOMPARE(std::string(member->fields["sex"].as_string()), std::string("男"));
        auto household =
            replica->edit("household", "hh-1", "hh-1", kVillage,
                          {{"regionCode", kVillage}, {"householdType", "一般农户"}, {"headName", "张三"}});
        QVERIFY(household.ok());
        QCOMPARE(replica->pendingCount(), int64_t(2));
        auto batch = replica->nextPushBatch(10);
        QCOMPARE(batch.mutations.size(), size_t(2));
        QCOMPARE(batch.mutations[0].seq, int64_t(1));
        QCOMPARE(batch.mutations[1].seq, int64_t(2));
        QCOMPARE(batch.mutations[0].id, replica->deviceId() + ":1");
        QVERIFY(batch.mutations[0].hlc < batch.mutations[1].hlc);
        QCOMPARE(replica->households(kVillage).size(), size_t(1));
        QCOMPARE(replica->households(kVillage, "张").size(), size_t(1));
        QCOMPARE(replica->households(kVillage, "李").size(), size_t(0));
    }

    void invalidEditIsRefusedAndNothingWritten() {
        QTemporaryDir dir;
        ruhu::ManualClock clock(1700000000000);
        auto replica = openReplica(dir, clock);
        auto bad =
            replica->edit("member", "m-1", "hh-1", kVillage, memberFields("张三", "429005197503021235"));
        QVERIFY(!bad.ok());
        QCOMPARE(QString::fromStdString(bad.error().field), QStringLiteral("idNo"));
        QVERIFY(QString::fromStdString(bad.error().message).contains(QStringLiteral("校验位")));
        QCOMPARE(replica->pendingCount(), int64_t(0));
        QVERIFY(!replica->record("member", "m-1"));
        auto missing = replica->edit("household", "hh-1", "hh-1", kVillage, {{"group", "一组"}});
        QVERIFY(!missing.ok()); // 户类型 and 行政区划代码 are required for a new household
        QCOMPARE(replica->pendingCount(), int64_t(0));
    }

    void sensitiveDataIsEncryptedAtRest() {
        QTemporaryDir dir;
        ruhu::ManualClock clock(1700000000000);
        std::string idNo = ruhu::makeIdNumber("429005", "19750302", 123);
        {
            auto replica = openReplica(dir, clock);
            QVERIFY(replica->edit("member", "m-1", "hh-1", kVillage, memberFields("张三", idNo)).ok());
            ruhu::protocol::LoginResponse login;
            login.token = "secret-token-value";
            login.username = "cadre1";
            QVERIFY(replica->saveSession(login).ok());
        }
        for (const char *file : {"replica.sqlite3", "replica.sqlite3-wal"}) {
            QFile f(dir.filePath(file));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            QByteArray bytes = f.readAll();
            QVERIFY(!bytes.contains(QByteArray::fromStdString(idNo)));
            QVERIFY(!bytes.contains("secret-token-value"));
        }
        auto reopened = openReplica(dir, clock);
        QCOMPARE(std::string(reopened->record("member", "m-1")->fields["idNo"].as_string()), idNo);
        QCOMPARE(reopened->session()->token, std::string("secret-token-value"));
    }

    void identityAndSequenceSurviveRestart() {
        QTemporaryDir dir;
        ruhu::ManualClock clock(1700000000000);
        std::string deviceId;
        {
            auto replica = openReplica(dir, clock);
            deviceId = replica->deviceId();
            QVERIFY(replica->edit("member", "m-1", "hh-1", kVillage, memberFields("张三", "")).ok());
        }
        auto replica = openReplica(dir, clock);
        QCOMPARE(replica->deviceId(), deviceId);
        QVERIFY(replica->edit("member", "m-1", "hh-1", kVillage, {{"name", "张三丰"}}).ok());
        auto batch = replica->nextPushBatch(10);
        QCOMPARE(batch.mutations.size(), size_t(2));
        QCOMPARE(batch.mutations[1].seq, int64_t(2));
    }

    void twoDevicesConvergeThroughAServer() {
        QTemporaryDir dirA, dirB;
        ruhu::ManualClock clockA(1700000000000), clockB(1700000000500);
        auto a = openReplica(dirA, clockA);
        auto b = openReplica(dirB, clockB);
        std::map<std::string, ruhu::Record> server;
        int64_t version = 0;

        QVERIFY(a->edit("household", "hh-1", "hh-1", kVillage,
                        {{"regionCode", kVillage}, {"householdType", "一般农户"}, {"address", "一号"}})
                    .ok());
        QVERIFY(a->applyPushResponse(serverAccepts(a->nextPushBatch(100), server, version)).ok());
        QCOMPARE(a->pendingCount(), int64_t(0));

        auto pullAll = [&]() {
            ruhu::protocol::PullResponse pull;
            for (const auto &kv : server)
                pull.changes.push_back(kv.second);
            pull.cursor = version;
            return pull;
        };
        QVERIFY(b->applyPull(pullAll()).ok());
        QCOMPARE(b->cursor(), version);

        // Both edit offline: A the address, B the address and the group. B's stamp is later.
        clockA.advance(1000);
        clockB.advance(2000);
        QVERIFY(a->edit("household", "hh-1", "hh-1", kVillage, {{"address", "A改"}}).ok());
        QVERIFY(b->edit("household", "hh-1", "hh-1", kVillage, {{"address", "B改"}, {"group", "二组"}}).ok());

        // B pushes first, then A pulls before pushing: A's unsynced edit is replayed on the pulled record by
        // the same rule the server applies, and stays in the outbox to be pushed.
        QVERIFY(b->applyPushResponse(serverAccepts(b->nextPushBatch(100), server, version)).ok());
        QVERIFY(a->applyPull(pullAll()).ok());
        QCOMPARE(a->pendingCount(), int64_t(1));
        QCOMPARE(std::string(a->record("household", "hh-1")->fields["group"].as_string()),
                 std::string("二组"));
        QVERIFY(a->applyPushResponse(serverAccepts(a->nextPushBatch(100), server, version)).ok());
        QVERIFY(b->applyPull(pullAll()).ok());

        // B's write was later by clock, so it wins on the server and on both devices.
        auto ra = a->record("household", "hh-1");
        auto rb = b->record("household", "hh-1");
        QCOMPARE(ra->fields, rb->fields);
        QCOMPARE(ra->fields, server["hh-1"].fields);
        QCOMPARE(std::string(ra->fields["address"].as_string()), std::string("B改"));
    }

    void unsyncedEditSurvivesAnOlderPull() {
        QTemporaryDir dirA, dirB;
        ruhu::ManualClock clockA(1700000005000), clockB(1700000000000);
        auto a = openReplica(dirA, clockA);
        auto b = openReplica(dirB, clockB);
        std::map<std::string, ruhu::Record> server;
        int64_t version = 0;
        QVERIFY(b->edit("household", "hh-1", "hh-1", kVillage,
                        {{"regionCode", kVillage}, {"householdType", "一般农户"}, {"address", "旧址"}})
                    .ok());
        QVERIFY(b->applyPushResponse(serverAccepts(b->nextPushBatch(100), server, version)).ok());
        ruhu::protocol::PullResponse first;
        first.changes.push_back(server["hh-1"]);
        first.cursor = version;
        QVERIFY(a->applyPull(first).ok());
        // A (later clock) edits the address offline; B (earlier clock) edits it too and pushes first.
        QVERIFY(a->edit("household", "hh-1", "hh-1", kVillage, {{"address", "新址"}}).ok());
        clockB.advance(100);
        QVERIFY(b->edit("household", "hh-1", "hh-1", kVillage, {{"address", "B的地址"}}).ok());
        QVERIFY(b->applyPushResponse(serverAccepts(b->nextPushBatch(100), server, version)).ok());
        ruhu::protocol::PullResponse pull;
        pull.changes.push_back(server["hh-1"]);
        pull.cursor = version;
        QVERIFY(a->applyPull(pull).ok());
        auto local = a->record("household", "hh-1");
        QCOMPARE(std::string(local->fields["address"].as_string()), std::string("新址"));
        QCOMPARE(std::string(local->fields["householdType"].as_string()), std::string("一般农户"));
        QCOMPARE(local->version, version);
    }

    void departedRecordLeavesOnlyAfterItsEditsArePushed() {
        QTemporaryDir dir;
        ruhu::ManualClock clock(1700000000000);
        auto replica = openReplica(dir, clock);
        std::map<std::string, ruhu::Record> server;
        int64_t version = 0;
        QVERIFY(replica
                    ->edit("household", "hh-1", "hh-1", kVillage,
                           {{"regionCode", kVillage}, {"householdType", "一般农户"}, {"address", "一号"}})
                    .ok());
        QVERIFY(replica->applyPushResponse(serverAccepts(replica->nextPushBatch(100), server, version)).ok());
        QVERIFY(replica->edit("household", "hh-1", "hh-1", kVillage, {{"address", "离开前的修改"}}).ok());

        ruhu::protocol::PullResponse pull;
        pull.departed.push_back({"household", "hh-1"});
        pull.cursor = version + 1;
        QVERIFY(replica->applyPull(pull).ok());
        QVERIFY(replica->record("household", "hh-1")); // still here: an edit is unsynced
        QCOMPARE(replica->pendingCount(), int64_t(1));

        QVERIFY(replica->applyPushResponse(serverAccepts(replica->nextPushBatch(100), server, version)).ok());
        QVERIFY(!replica->record("household", "hh-1")); // pushed, so it may go
        QCOMPARE(std::string(server["hh-1"].fields["address"].as_string()), std::string("离开前的修改"));
    }

    void cadreProposesWorkflowStepsButCannotApprove() {
        QTemporaryDir dir;
        ruhu::ManualClock clock(1700000000000);
        auto replica = openReplica(dir, clock);
        ruhu::protocol::LoginResponse login;
        login.token = "t";
        login.username = "cadre1";
        login.role = "village";
        QVERIFY(replica->saveSession(login).ok());
        auto lead = replica->edit("workflowCase", "wf-1", "hh-1", kVillage,
                                  {{"state", "LEAD"}, {"householdId", "hh-1"}, {"caseType", "识别"}});
        QVERIFY2(lead.ok(), lead.ok() ? "" : lead.error().message.c_str());
        QVERIFY(replica->edit("workflowCase", "wf-1", "hh-1", kVillage, {{"state", "TRIAGED"}}).ok());
        auto approve =
            replica->edit("workflowCase", "wf-1", "hh-1", kVillage, {{"state", "TOWNSHIP_APPROVED"}});
        QVERIFY(!approve.ok());
        QCOMPARE(QString::fromStdString(approve.error().code), QStringLiteral("invalid_transition"));
        QCOMPARE(replica->pendingCount(), int64_t(2));
        QCOMPARE(replica->nextPushBatch(10).mutations.size(),
                 size_t(2)); // proposals are pushed like any edit
        auto bogus = replica->edit("workflowCase", "wf-1", "hh-1", kVillage, {{"state", "DONE"}});
        QVERIFY(!bogus.ok());
    }

    void rejectedEditIsSetAsideAndRecordRestored() {
        QTemporaryDir dir;
        ruhu::ManualClock clock(1700000000000);
        auto replica = openReplica(dir, clock);
        std::map<std::string, ruhu::Record> server;
        int64_t version = 0;
        QVERIFY(replica
                    ->edit("household", "hh-1", "hh-1", kVillage,
                           {{"regionCode", kVillage}, {"householdType", "一般农户"}, {"address", "一号"}})
                    .ok());
        QVERIFY(replica->applyPushResponse(serverAccepts(replica->nextPushBatch(100), server, version)).ok());
        clock.advance(10);
        QVERIFY(replica->edit("household", "hh-1", "hh-1", kVillage, {{"address", "被拒绝的地址"}}).ok());
        auto batch = replica->nextPushBatch(100);
        QVERIFY(replica->markRejected(batch.mutations[0].id, "forbidden_area", "没有该区域的权限").ok());
        QCOMPARE(replica->pendingCount(), int64_t(0));
        QCOMPARE(replica->rejected().size(), size_t(1));
        QCOMPARE(QString::fromStdString(replica->rejected()[0].message), QStringLiteral("没有该区域的权限"));
        QCOMPARE(std::string(replica->record("household", "hh-1")->fields["address"].as_string()),
                 std::string("一号"));
    }
};

QTEST_APPLESS_MAIN(TestDeviceReplica)
#include "tst_devicereplica.moc"
