// ruhu-sim under injected faults, each kind on its own and all at once, against a server it spawns:
// devices must converge, no acknowledged write may be lost and no mutation applied twice. Each run also
// checks that its faults really happened, so a simulator that stops injecting them fails here.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestSimulatorFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void convergesUnderFaults_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("counters"); // summary paths that must be > 0 ("faults.drop")

        QTest::newRow("drop") << QStringList{"--faults", "drop=0.25"} << QStringList{"faults.drop"};
        QTest::newRow("dup") << QStringList{"--faults", "dup=0.3"}
                             << QStringList{"faults.dup", "duplicatesSeen", "appliedSeen"};
        QTest::newRow("reorder") << QStringList{"--faults", "reorder=0.3"} << QStringList{"faults.reorder"};
        QTest::newRow("cut") << QStringList{"--faults", "cut=0.25"} << QStringList{"faults.cut"};
        QTest::newRow("delay") << QStringList{"--faults", "delay=40"} << QStringList{"faults.delay"};
        QTest::newRow("kill-server") << QStringList{"--kill-server-every", "0.1", "--rounds", "6"}
                                     << QStringList{"serverKills", "appliedSeen"};
        QTest::newRow("clock-skew") << QStringList{"--clock-skew-days", "365"}
                                    << QStringList{"faults.skewedClocks"};
        QTest::newRow("admin-edits") << QStringList{"--admin-edits"} << QStringList{"reviewerEdits"};
        QTest::newRow("everything") << QStringList{"--faults",
                                                   "drop=0.1,dup=0.1,reorder=0.1,cut=0.1,delay=30",
                                                   "--kill-server-every",
                                                   "0.15",
                                                   "--clock-skew-days",
                                                   "365",
                                                   "--admin-edits",
                                                   "--rounds",
                                                   "6"}
                                    << QStringList{"faults.drop",         "faults.dup",    "faults.reorder",
                                                   "faults.cut",          "faults.delay",  "serverKills",
                                                   "faults.skewedClocks", "reviewerEdits", "appliedSeen"};
    }

    void convergesUnderFaults() {
        QFETCH(QStringList, args);
        QFETCH(QStringList, counters);
        QProcess sim;
        QStringList all{QStringLiteral("--spawn-server"),
                        QStringLiteral("--devices"),
                        QStringLiteral("4"),
                        QStringLiteral("--households"),
                        QStringLiteral("20"),
                        QStringLiteral("--rounds"),
                        QStringLiteral("4"),
                        QStringLiteral("--seed"),
                        QStringLiteral("5")};
        all << args; // a later --rounds wins
        sim.start(QStringLiteral(RUHU_SIM_PATH), all);
        QVERIFY(sim.waitForFinished(240000));
        const QByteArray out = sim.readAllStandardOutput();
        const QByteArray err = sim.readAllStandardError();
        const QJsonObject summary = QJsonDocument::fromJson(out).object();
        QVERIFY2(!summary.isEmpty(), (out + err).constData());
        QVERIFY2(!summary.contains(QStringLiteral("error")), out.constData());
        QVERIFY2(summary.value(QStringLiteral("converged")).toBool(), out.constData());
        QCOMPARE(summary.value(QStringLiteral("lostWrites")).toInt(-1), 0);
        QCOMPARE(summary.value(QStringLiteral("duplicateApplies")).toInt(-1), 0);
        QCOMPARE(summary.value(QStringLiteral("households")).toInt(), 20);
        QVERIFY(summary.value(QStringLiteral("mutations")).toInt() > 100);
        const QString verification = summary.value(QStringLiteral("verification")).toString();
        QVERIFY2(verification == QLatin1String("full") || verification == QLatin1String("history") ||
                     verification == QLatin1String("lww-only"),
                 out.constData());
        for (const QString &path : counters) {
            const QStringList parts = path.split(QLatin1Char('.'));
            QJsonValue value = summary.value(parts.first());
            if (parts.size() == 2)
                value = value.toObject().value(parts.last());
            QVERIFY2(value.toInt() > 0,
                     qPrintable(path + QStringLiteral(" not > 0 in ") + QString::fromUtf8(out)));
        }
        QCOMPARE(sim.exitCode(), 0);
    }

    void refusesBadArguments() {
        QProcess sim;
        sim.start(QStringLiteral(RUHU_SIM_PATH),
                  {QStringLiteral("--spawn-server"), QStringLiteral("--faults"), QStringLiteral("drop=2")});
        QVERIFY(sim.waitForFinished(30000));
        QCOMPARE(sim.exitCode(), 2);
        sim.start(QStringLiteral(RUHU_SIM_PATH),
                  {QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:1"),
                   QStringLiteral("--kill-server-every"), QStringLiteral("1")});
        QVERIFY(sim.waitForFinished(30000));
        QCOMPARE(sim.exitCode(), 2); // killing needs a server of its own
    }
};

QTEST_GUILESS_MAIN(TestSimulatorFaults)
#include "tst_simulator_faults.moc"
