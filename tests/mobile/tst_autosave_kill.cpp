// Never lose a keystroke that was left: the real `ruhu` app enters survey fields one by one (each saved as
// its field is left, --scripted-entry), is SIGKILLed mid-entry, and a fresh start (--report-entry) must
// show every field it had reported as saved. Runs the real binary on a real replica in a temp directory.
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

QString appPath() {
    return qEnvironmentVariable("RUHU_BINARY_DIR") + QStringLiteral("/mobile/ruhu");
}

QProcessEnvironment appEnvironment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

// "tag path\tvalue" lines → path → value.
QHash<QString, QString> parse(const QByteArray &output, const QByteArray &tag) {
    QHash<QString, QString> values;
    for (const QByteArray &line : output.split('\n')) {
        if (!line.startsWith(tag + ' '))
            continue;
        const QString rest = QString::fromUtf8(line.mid(tag.size() + 1));
        const int tab = rest.indexOf(QLatin1Char('\t'));
        if (tab > 0)
            values.insert(rest.left(tab), rest.mid(tab + 1));
    }
    return values;
}

} // namespace

class TestAutosaveKill : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killedMidEntryKeepsEveryLeftField() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY2(QFile::exists(appPath()), qPrintable(appPath()));

        QProcess app;
        app.setProcessEnvironment(appEnvironment());
        app.start(appPath(), {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--scripted-entry"),
                              QStringLiteral("12")});
        QVERIFY(app.waitForStarted(10000));

        // Kill after the 7th field is reported saved, while the app goes on typing.
        QByteArray output;
        QElapsedTimer timer;
        timer.start();
        while (output.count("committed ") < 7 && timer.elapsed() < 60000) {
            app.waitForReadyRead(200);
            output += app.readAllStandardOutput();
            QVERIFY2(!output.contains("failed "), output.constData());
            QVERIFY2(app.state() == QProcess::Running, app.readAllStandardError().constData());
        }
        ::kill(pid_t(app.processId()), SIGKILL);
        QVERIFY(app.waitForFinished(10000));
        output += app.readAllStandardOutput();
        QCOMPARE(app.exitStatus(), QProcess::CrashExit);
        QVERIFY2(!output.contains("done "), "killed before it finished the script");

        const QHash<QString, QString> committed = parse(output, "committed");
        QVERIFY2(committed.size() >= 7, output.constData());

        // The next start reads the replica the killed process left behind.
        QProcess again;
        again.setProcessEnvironment(appEnvironment());
        again.start(appPath(), {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--report-entry")});
        QVERIFY(again.waitForFinished(60000));
        QCOMPARE(again.exitCode(), 0);
        const QHash<QString, QString> stored = parse(again.readAllStandardOutput(), "value");
        for (auto it = committed.cbegin(); it != committed.cend(); ++it)
            QVERIFY2(stored.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("%1: saved %2, after restart %3")
                                    .arg(it.key(), it.value(), stored.value(it.key()))));
    }
};

QTEST_GUILESS_MAIN(TestAutosaveKill)
#include "tst_autosave_kill.moc"
