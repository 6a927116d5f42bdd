// ruhu-sim against the real server: devices editing offline and syncing must converge, losing nothing.
#include "serverprocess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestSimulator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fiveDevicesConverge() {
        ServerProcess server;
        QVERIFY2(server.start(true), server.log().constData());
        QProcess sim;
        sim.start(QStringLiteral(RUHU_SIM_PATH),
                  {QStringLiteral("--server"), server.url().toString(), QStringLiteral("--devices"),
                   QStringLiteral("5"), QStringLiteral("--households"), QStringLiteral("50"),
                   QStringLiteral("--seed"), QStringLiteral("7")});
        QVERIFY(sim.waitForFinished(300000));
        QByteArray out = sim.readAllStandardOutput();
        QJsonObject summary = QJsonDocument::fromJson(out).object();
        QVERIFY2(!summary.isEmpty(), (out + sim.readAllStandardError()).constData());
        QVERIFY2(summary.value(QStringLiteral("converged")).toBool(), out.constData());
        QCOMPARE(summary.value(QStringLiteral("lostWrites")).toInt(-1), 0);
        QCOMPARE(summary.value(QStringLiteral("devices")).toInt(), 5);
        QCOMPARE(summary.value(QStringLiteral("households")).toInt(), 50);
        QVERIFY(summary.value(QStringLiteral("mutations")).toInt() > 200);
        QVERIFY(summary.value(QStringLiteral("conflicts")).toInt() > 0); // devices did collide
        QCOMPARE(sim.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
