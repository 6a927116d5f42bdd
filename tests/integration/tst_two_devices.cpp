// Two headless tablets (the app's own DeviceReplica + SyncClient) against the real ruhu-syncd on loopback:
// offline edits → push → pull → identical replicas, through a server outage.
#include "headless_tablet.h"
#include "serverprocess.h"

namespace {

const std::string kVillage = "429005103201";

using Tablet = HeadlessTablet;

} // namespace

class TestTwoDevices : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void offlineEditsConvergeThroughTheServer() {
        ServerProcess server;
        QVERIFY2(server.start(true), server.log().constData());
        Tablet a, b;
        QVERIFY(a.open(server.url()) && b.open(server.url()));
        QVERIFY(a.login(QStringLiteral("cadre1")));
        QVERIFY(b.login(QStringLiteral("cadre1")));
        QCOMPARE(a.sync(), QString());
        QCOMPARE(b.sync(), QString());
        QCOMPARE(a.replica->households(kVillage).size(), size_t(20));
        QCOMPARE(a.snapshot(), b.snapshot());

        // The server goes down; both cadres keep working offline.
        QCOMPARE(server.stop(), 0);
        auto household = a.replica->households(kVillage).front();
        QVERIFY(
            a.replica->edit("household", household.id, household.id, kVillage, {{"address", "马家村一组8号"}})
                .ok());
        QVERIFY(b.replica->edit("household", household.id, household.id, kVillage, {{"phone", "13900001111"}})
                    .ok());
        std::string newHousehold = ruhu::DeviceReplica::newId("hh");
        std::string newMember = ruhu::DeviceReplica::newId("m");
        QVERIFY(b.replica
                    ->edit("member", newMember, newHousehold, kVillage,
                           {{"name", "新成员"}, {"relationToHead", "户主"}, {"idNo", "11010519491231002X"}})
                    .ok());
        QVERIFY(b.replica
                    ->edit("household", newHousehold, newHousehold, kVillage,
                           {{"regionCode", kVillage},
                            {"householdType", "一般农户"},
                            {"headName", "新成员"},
                            {"headMemberId", newMember}})
                    .ok());
        QString offline = a.sync();
        QVERIFY(offline.contains(QStringLiteral("无法连接服务器")));
        QCOMPARE(a.replica->pendingCount(), int64_t(1)); // nothing lost

        // Back online: push, pull, and both replicas agree field for field.
        QVERIFY2(server.restart(), server.log().constData());
        // A restarted server may come back on another ephemeral port.
        a.client->setServerUrl(server.url());
        b.client->setServerUrl(server.url());
        QCOMPARE(a.sync(), QString());
        QCOMPARE(b.sync(), QString());
        QCOMPARE(a.sync(), QString());
        QCOMPARE(a.replica->pendingCount(), int64_t(0));
        QCOMPARE(b.replica->pendingCount(), int64_t(0));
        QCOMPARE(a.snapshot(), b.snapshot());
        auto merged = a.replica->record("household", household.id);
        QCOMPARE(std::string(merged->fields["address"].as_string()), std::string("马家村一组8号"));
        QCOMPARE(std::string(merged->fields["phone"].as_string()), std::string("13900001111"));
        QCOMPARE(a.replica->households(kVillage).size(), size_t(21));
        QCOMPARE(std::string(a.replica->record("member", newMember)->fields["birthDate"].as_string()),
                 std::string("1949-12-31"));

        // A third tablet of another village sees none of it.
        Tablet c;
        QVERIFY(c.open(server.url()));
        QVERIFY(c.login(QStringLiteral("cadre2")));
        QCOMPARE(c.sync(), QString());
        QVERIFY(!c.replica->record("household", household.id));
        QCOMPARE(c.replica->households("429005103202").size(), size_t(20));
    }

    void wrongPasswordIsAClearMessage() {
        ServerProcess server;
        QVERIFY(server.start(true));
        Tablet a;
        QVERIFY(a.open(server.url()));
        QSignalSpy failed(a.client.get(), &SyncClient::loginFailed);
        a.client->login(QStringLiteral("cadre1"), QStringLiteral("wrong"));
        QVERIFY(QTest::qWaitFor([&] { return failed.count() == 1; }, 20000));
        QCOMPARE(failed.first().first().toString(), QStringLiteral("用户名或密码错误"));
    }
};

QTEST_GUILESS_MAIN(TestTwoDevices)
#include "tst_two_devices.moc"
