// Backup and restore with tablets (docs/operations.md, docs/decisions.md D21): the real ruhu-syncd is
// backed up while it runs, takes more pushes, is restored to the backup, and the tablets — now newer than
// their server — send again what it lost. Nothing acknowledged before or after the backup is lost.
#include "headless_tablet.h"
#include "serverprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

const std::string kVillage = "429005103201";

SyncdRun runSyncd(const QStringList &args) {
    return ServerProcess::runCommand(args);
}

std::string text(const boost::json::object &fields, const char *name) {
    const auto *v = fields.if_contains(name);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

} // namespace

class TestBackupRestore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tabletsResendWhatTheRestoredServerLost() {
        ServerProcess server;
        QVERIFY2(server.start(true), server.log().constData());
        HeadlessTablet a, b;
        QVERIFY(a.open(server.url()) && b.open(server.url()));
        QVERIFY(a.login(QStringLiteral("cadre1")));
        QVERIFY(b.login(QStringLiteral("cadre1")));
        QCOMPARE(a.sync(), QString());
        QCOMPARE(b.sync(), QString());
        const auto household = a.replica->households(kVillage).front();

        // Acknowledged before the backup.
        QVERIFY(
            a.replica->edit("household", household.id, household.id, kVillage, {{"address", "备份前地址"}})
                .ok());
        QCOMPARE(a.sync(), QString());

        // Online backup while the server runs.
        QTemporaryDir backups;
        const QString backupDir = backups.filePath("2026-12-05");
        SyncdRun backup = runSyncd({"backup", "--to", backupDir, "--data-dir", server.dataDir()});
        QVERIFY2(backup.exitCode == 0, backup.err.constData());
        QVERIFY(QFile::exists(backupDir + "/central.sqlite3"));
        QFile manifestFile(backupDir + "/ruhu-backup.json");
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
        QCOMPARE(manifest.value("format").toInt(), 1);
        const QString backedUpIncarnation = manifest.value("incarnation").toString();
        QCOMPARE(backedUpIncarnation.size(), 32);
        // A second backup into the same directory is refused.
        QCOMPARE(runSyncd({"backup", "--to", backupDir, "--data-dir", server.dataDir()}).exitCode, 1);

        // Acknowledged after the backup: the restore will lose these on the server.
        QVERIFY(a.replica->edit("household", household.id, household.id, kVillage, {{"phone", "13900002222"}})
                    .ok());
        QCOMPARE(a.sync(), QString());
        const std::string newHousehold = ruhu::DeviceReplica::newId("hh");
        const std::string newMember = ruhu::DeviceReplica::newId("m");
        QVERIFY(
            b.replica
                ->edit("member", newMember, newHousehold, kVillage,
                       {{"name", "恢复后成员"}, {"relationToHead", "户主"}, {"idNo", "11010519491231002X"}})
                .ok());
        QVERIFY(b.replica
                    ->edit("household", newHousehold, newHousehold, kVillage,
                           {{"regionCode", kVillage},
                            {"householdType", "一般农户"},
                            {"headName", "恢复后成员"},
                            {"headMemberId", newMember}})
                    .ok());
        QCOMPARE(b.sync(), QString());
        QCOMPARE(a.replica->pendingCount(), int64_t(0));
        QCOMPARE(b.replica->pendingCount(), int64_t(0));

        // Restore: refused while the server runs, done once it is stopped.
        SyncdRun refused = runSyncd({"restore", "--from", backupDir, "--data-dir", server.dataDir()});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("stop the server"), refused.err.constData());
        QCOMPARE(server.stop(), 0);
        SyncdRun restore = runSyncd({"restore", "--from", backupDir, "--data-dir", server.dataDir()});
        QVERIFY2(restore.exitCode == 0, restore.err.constData());
        QVERIFY2(!restore.out.contains(backedUpIncarnation.toLatin1()),
                 "a restored store keeps its incarnation");
        QVERIFY2(server.restart(), server.log().constData());

        // The restored server really lost the later edits: a new tablet does not see them.
        HeadlessTablet witness;
        QVERIFY(witness.open(server.url()));
        QVERIFY(witness.login(QStringLiteral("cadre1")));
        QCOMPARE(witness.sync(), QString());
        QCOMPARE(text(witness.replica->record("household", household.id)->fields, "address"),
                 std::string("备份前地址"));
        QVERIFY(text(witness.replica->record("household", household.id)->fields, "phone") != "13900002222");
        QVERIFY(!witness.replica->record("household", newHousehold));

        // The tablets notice the new incarnation and send their history again.
        a.client->setServerUrl(server.url());
        b.client->setServerUrl(server.url());
        QCOMPARE(a.sync(), QString());
        QCOMPARE(b.sync(), QString());
        QCOMPARE(a.sync(), QString());
        QCOMPARE(witness.sync(), QString());
        QCOMPARE(a.replica->pendingCount(), int64_t(0));
        QCOMPARE(b.replica->pendingCount(), int64_t(0));

        const auto restored = witness.replica->record("household", household.id);
        QCOMPARE(text(restored->fields, "address"), std::string("备份前地址"));
        QCOMPARE(text(restored->fields, "phone"), std::string("13900002222"));
        QVERIFY(witness.replica->record("household", newHousehold));
        QCOMPARE(text(witness.replica->record("member", newMember)->fields, "idNo"),
                 std::string("11010519491231002X"));
        QCOMPARE(a.snapshot(), b.snapshot());
        QCOMPARE(a.snapshot(), witness.snapshot());
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBackupRestore)
#include "tst_backup_restore.moc"
