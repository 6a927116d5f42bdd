// The admin's toolkit against the real ruhu-syncd (docs/operations.md): the --config file and
// --check-config, /metrics checked by promtool, /readyz, request ids and what the log may not contain,
// the data directory lock, and refusing a store of a newer schema.
#include "serverprocess.h"

#include <ruhu/sync/hlc.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kVillage1 = QStringLiteral("429005103201");
const QString kIdNumber = QStringLiteral("11010519491231002X");
const QString kSecretName = QStringLiteral("欧阳秘密");

SyncdRun runSyncd(const QStringList &args) {
    return ServerProcess::runCommand(args);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(content);
    return path;
}

QByteArray loginBody(const QString &user, const QString &password, const QString &device) {
    return QJsonDocument(QJsonObject{{"username", user}, {"password", password}, {"deviceId", device}})
        .toJson(QJsonDocument::Compact);
}

QByteArray login(const ServerProcess &server, const QString &user, const QString &device) {
    auto reply = httpRequest("POST", server.url("/api/v1/login"), loginBody(user, "ruhu2024", device));
    return reply.json.value("token").toString().toLatin1();
}

QJsonObject mutation(const QString &device, int seq, const QString &kind, const QString &id,
                     const QString &hh, const QJsonObject &fields) {
    return QJsonObject{{"id", QStringLiteral("%1:%2").arg(device).arg(seq)},
                       {"deviceId", device},
                       {"seq", seq},
                       {"kind", kind},
                       {"recordId", id},
                       {"householdId", hh},
                       {"regionCode", kVillage1},
                       {"baseVersion", 0},
                       {"hlc", QString::fromStdString(
                                   ruhu::HlcStamp{1800000000000 + seq, 0, device.toStdString()}.encode())},
                       {"author", "test"},
                       {"fields", fields}};
}

QByteArray pushBody(const QString &device, const QJsonArray &mutations) {
    return QJsonDocument(QJsonObject{{"protocol", 1}, {"deviceId", device}, {"mutations", mutations}})
        .toJson(QJsonDocument::Compact);
}

// A new household with a member carrying a name and an ID number: what the log must never show.
QByteArray sensitivePush(const QString &device, int firstSeq) {
    const QString hh = QStringLiteral("hh-ops-%1").arg(firstSeq);
    return pushBody(
        device,
        {mutation(device, firstSeq, "household", hh, hh,
                  {{"regionCode", kVillage1}, {"householdType", "一般农户"}, {"headName", kSecretName}}),
         mutation(device, firstSeq + 1, "member", hh + "-m1", hh,
                  {{"name", kSecretName}, {"relationToHead", "户主"}, {"idNo", kIdNumber}})});
}

int readPortFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toInt() : 0;
}

} // namespace

class TestOperations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void checkConfigPrintsEffectiveSettingsFlagsWin();
    void badConfigurationNamesTheKeyAndStartsNothing_data();
    void badConfigurationNamesTheKeyAndStartsNothing();
    void packagedExampleIsValid();
    void configFileSettingsReachTheServer();
    void metricsPassPromtoolAndCarryNoIds();
    void readyzFailsBelowTheWatermark();
    void requestIdsAndLogsWithoutPersonalData();
    void oneServerPerDataDirectory();
    void newerSchemaIsRefused();
};

void TestOperations::checkConfigPrintsEffectiveSettingsFlagsWin() {
    QTemporaryDir dir;
    const QString config = writeFile(dir, "ruhu.toml",
                                     "[server]\nlisten = \"127.0.0.1:8080\"\nlog_level = \"warning\"\n"
                                     "[storage]\ndata_dir = \"/srv/ruhu\"\n"
                                     "[limits]\nrate_limit = 5\nbody_bytes = 1048576\n"
                                     "[metrics]\ntoken = \"s3cret-metrics-token-0123\"\n");
    SyncdRun run = runSyncd({"--config", config, "--rate-limit", "7", "--check-config"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QByteArray out = run.out;
    QVERIFY2(out.contains("listen = \"127.0.0.1:8080\""), out.constData());
    QVERIFY(out.contains("log_level = \"warning\""));
    QVERIFY(out.contains("rate_limit = 7")); // the flag overrides the file
    QVERIFY(out.contains("body_bytes = 1048576"));
    QVERIFY(out.contains("database = \"sqlite:/srv/ruhu\"")); // derived from data_dir
    QVERIFY(out.contains("media_dir = \"/srv/ruhu/media\""));
    QVERIFY(out.contains("token_lifetime_hours = 720")); // a default
    QVERIFY(out.contains("token = \"****\""));
    QVERIFY2(!out.contains("s3cret"), "the metrics token is printed");
}

void TestOperations::badConfigurationNamesTheKeyAndStartsNothing_data() {
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QByteArray>("key");
    const QByteArray base = "[server]\nlisten = \"127.0.0.1:0\"\n";
    QTest::newRow("out of range") << base + "[limits]\nbody_bytes = 10\n"
                                  << QStringList{} << QByteArray("limits.body_bytes: must be between");
    QTest::newRow("wrong type") << base + "[limits]\nrate_limit = \"fast\"\n"
                                << QStringList{} << QByteArray("limits.rate_limit: must be an integer");
    QTest::newRow("unknown key") << base + "[limits]\nbody_size = 1\n"
                                 << QStringList{} << QByteArray("limits.body_size: unknown key");
    QTest::newRow("unknown section") << base + "[limit]\nbody_bytes = 1\n"
                                     << QStringList{} << QByteArray("limit.body_bytes: unknown key");
    QTest::newRow("database") << base + "[storage]\ndatabase = \"mysql://x\"\n"
                              << QStringList{} << QByteArray("storage.database: 数据库地址应为");
    QTest::newRow("log level") << base << QStringList{"--log-level", "loud"}
                               << QByteArray("--log-level: must be one of");
    QTest::newRow("toml syntax") << QByteArray("[server\nlisten = 1\n") << QStringList{}
                                 << QByteArray("ruhu.toml: ");
    QTest::newRow("tls half") << base + "[tls]\ncert = \"/nonexistent/cert.pem\"\n"
                              << QStringList{} << QByteArray("tls.key: tls.cert and tls.key go together");
    QTest::newRow("tls missing files")
        << base + "[tls]\ncert = \"/nonexistent/c.pem\"\nkey = \"/nonexistent/k.pem\"\n"
        << QStringList{} << QByteArray("tls.cert: ");
    QTest::newRow("chunk over body") << base +
                                            "[limits]\nbody_bytes = 65536\n[media]\nchunk_bytes = 1048576\n"
                                     << QStringList{} << QByteArray("media.chunk_bytes: must not exceed");
    QTest::newRow("demo off loopback")
        << QByteArray("[server]\nlisten = \"0.0.0.0:0\"\ndemo = true\n") << QStringList{}
        << QByteArray("server.demo: only listens on loopback");
    QTest::newRow("short token") << base + "[metrics]\ntoken = \"short\"\n"
                                 << QStringList{} << QByteArray("metrics.token: must be at least 16");
    QTest::newRow("push batch") << base << QStringList{"--push-max-mutations", "50"}
                                << QByteArray("--push-max-mutations: must be between 200 and 500");
}

void TestOperations::badConfigurationNamesTheKeyAndStartsNothing() {
    QFETCH(QByteArray, file);
    QFETCH(QStringList, flags);
    QFETCH(QByteArray, key);
    QTemporaryDir dir;
    const QString config = writeFile(dir, "ruhu.toml", file);
    const QString dataDir = dir.filePath("data");
    // Started for real (not --check-config): it must refuse before creating or opening anything.
    SyncdRun run = runSyncd(QStringList{"--config", config, "--data-dir", dataDir} + flags);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("configuration error: ") && run.err.contains(key), run.err.constData());
    QVERIFY2(!QFileInfo::exists(dataDir), "a refused configuration created the data directory");
    SyncdRun check =
        runSyncd(QStringList{"--config", config, "--data-dir", dataDir, "--check-config"} + flags);
    QCOMPARE(check.exitCode, 2);
    QVERIFY(check.err.contains(key));
}

void TestOperations::packagedExampleIsValid() {
    const QString example = qEnvironmentVariable("RUHU_SOURCE_DIR") + "/packaging/ruhu-syncd.toml";
    QVERIFY(QFileInfo::exists(example));
    QTemporaryDir dir;
    SyncdRun run = runSyncd({"--config", example, "--data-dir", dir.filePath("data"), "--check-config"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("listen = \"0.0.0.0:8443\""));
    QVERIFY(run.out.contains("min_free_bytes = 1073741824"));
}

void TestOperations::configFileSettingsReachTheServer() {
    QTemporaryDir dir;
    // The file sets a smaller push batch and a listen address the test's --listen overrides.
    const QString config = writeFile(dir, "ruhu.toml",
                                     "[server]\nlisten = \"127.0.0.1:1\"\n"
                                     "[limits]\npush_mutations = 200\n");
    ServerProcess server;
    QVERIFY2(server.start(true, {"--config", config}), server.log().constData());
    const QByteArray token = login(server, "cadre1", "dev-ops-batch");
    QVERIFY(!token.isEmpty());
    QJsonArray many;
    for (int i = 1; i <= 201; ++i) {
        const QString hh = QStringLiteral("hh-batch-%1").arg(i);
        many.append(
            mutation("dev-ops-batch", i, "household", hh, hh,
                     {{"regionCode", kVillage1}, {"householdType", "一般农户"}, {"headName", "张三"}}));
    }
    const QByteArray body = pushBody("dev-ops-batch", many);
    auto reply = httpRequest("POST", server.url("/api/v1/push"), body, token);
    // 201 valid mutations: over the configured batch size (the protocol allows 500).
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json.value("code").toString(), QStringLiteral("batch_too_large"));
    QVERIFY2(reply.json.value("message").toString().contains("200"), reply.body.constData());
    many.removeLast();
    QCOMPARE(httpRequest("POST", server.url("/api/v1/push"), pushBody("dev-ops-batch", many), token).status,
             200);
    QCOMPARE(server.stop(), 0);
}

void TestOperations::metricsPassPromtoolAndCarryNoIds() {
    const QString promtool = QStandardPaths::findExecutable("promtool");
    QVERIFY2(!promtool.isEmpty(), "promtool missing: scripts/install-deps.sh installs prometheus");
    QTemporaryDir dir;
    const QByteArray metricsToken = "metrics-token-0123456789abcdef";
    const QString metricsPortFile = dir.filePath("metrics.port");
    ServerProcess server;
    QVERIFY2(server.start(true, {"--metrics-token", QString::fromLatin1(metricsToken), "--metrics-listen",
                                 "127.0.0.1:0", "--metrics-port-file", metricsPortFile}),
             server.log().constData());

    // Traffic: a failed login, logins, a push with new records, pulls, a 404.
    QCOMPARE(
        httpRequest("POST", server.url("/api/v1/login"), loginBody("cadre1", "wrong-password", "d-x")).status,
        401);
    const QByteArray token = login(server, "cadre1", "dev-ops-metrics");
    QVERIFY(!token.isEmpty());
    QCOMPARE(
        httpRequest("POST", server.url("/api/v1/push"), sensitivePush("dev-ops-metrics", 1), token).status,
        200);
    QCOMPARE(httpRequest("GET", server.url("/api/v1/pull?cursor=0&limit=50"), {}, token).status, 200);
    QCOMPARE(httpRequest("GET", server.url("/api/v1/history?kind=household&id=hh-ops-1"), {}, token).status,
             200);
    QCOMPARE(httpRequest("GET", server.url("/no/such/path"), {}, token).status, 404);

    // Main listener: only with the metrics token (a user's token is not enough).
    QCOMPARE(httpRequest("GET", server.url("/metrics")).status, 401);
    QCOMPARE(httpRequest("GET", server.url("/metrics"), {}, token).status, 401);
    auto scrape = httpRequest("GET", server.url("/metrics"), {}, metricsToken);
    QCOMPARE(scrape.status, 200);
    QVERIFY(scrape.header("Content-Type").startsWith("text/plain; version=0.0.4"));
    const QByteArray text = scrape.body;
    QVERIFY2(
        text.contains("ruhu_http_requests_total{route=\"/api/v1/push\",method=\"POST\",status=\"200\"} 1"),
        text.constData());
    QVERIFY(text.contains("ruhu_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1"));
    QVERIFY(text.contains("ruhu_http_request_duration_seconds_bucket{route=\"/api/v1/pull\",le=\"+Inf\"} 1"));
    QVERIFY(text.contains("ruhu_push_mutations_total{outcome=\"applied\"} 2"));
    QVERIFY(text.contains("ruhu_pushes_total{outcome=\"accepted\"} 1"));
    QVERIFY(text.contains("ruhu_login_failures_total 1"));
    QVERIFY(text.contains("ruhu_store_up 1"));
    QVERIFY(text.contains("ruhu_review_queue_open 0"));
    QVERIFY(text.contains("ruhu_open_connections "));
    QVERIFY(QRegularExpression("ruhu_store_size_bytes [1-9]").match(QString::fromLatin1(text)).hasMatch());
    QVERIFY(text.contains("ruhu_disk_free_bytes{volume=\"data\"}"));
    // No ids as labels: no household, device or user, and the history query's id stays out.
    for (const QByteArray &id : {QByteArray("hh-ops-1"), QByteArray("dev-ops-metrics"), QByteArray("cadre1"),
                                 QByteArray("429005103201")})
        QVERIFY2(!text.contains(id), id.constData());

    QFile out(dir.filePath("metrics.txt"));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text);
    out.close();
    QProcess check;
    check.setStandardInputFile(out.fileName());
    check.start(promtool, {"check", "metrics"});
    QVERIFY(check.waitForFinished(30000));
    const QByteArray findings = check.readAllStandardOutput() + check.readAllStandardError();
    QVERIFY2(check.exitCode() == 0 && findings.trimmed().isEmpty(), findings.constData());

    // The metrics listener: no token needed, nothing but /metrics, /readyz and /healthz.
    const int metricsPort = readPortFile(metricsPortFile);
    QVERIFY(metricsPort > 0);
    const QString metricsUrl = QStringLiteral("http://127.0.0.1:%1").arg(metricsPort);
    QCOMPARE(httpRequest("GET", QUrl(metricsUrl + "/metrics")).status, 200);
    QCOMPARE(httpRequest("GET", QUrl(metricsUrl + "/healthz")).status, 200);
    auto ready = httpRequest("GET", QUrl(metricsUrl + "/readyz"));
    QCOMPARE(ready.status, 200);
    QVERIFY(ready.json.value("checks").toObject().value("store").toString() == "ok");
    QCOMPARE(httpRequest("GET", QUrl(metricsUrl + "/api/v1/pull?cursor=0"), {}, token).status, 404);
    QCOMPARE(httpRequest("POST", QUrl(metricsUrl + "/api/v1/login"), loginBody("cadre1", "ruhu2024", "d-y"))
                 .status,
             404);
    QCOMPARE(server.stop(), 0);
}

void TestOperations::readyzFailsBelowTheWatermark() {
    ServerProcess ok;
    QVERIFY2(ok.start(true), ok.log().constData());
    auto ready = httpRequest("GET", ok.url("/readyz"));
    QCOMPARE(ready.status, 200);
    QCOMPARE(ready.json.value("status").toString(), QStringLiteral("ready"));
    QVERIFY2(!ready.json.contains("checks"), "readiness detail without the metrics token");
    // No metrics token configured: /metrics is not served on the main listener at all.
    QCOMPARE(httpRequest("GET", ok.url("/metrics")).status, 404);
    QCOMPARE(ok.stop(), 0);

    // A watermark no disk meets: not ready (a load balancer takes it out), but alive.
    ServerProcess full;
    QVERIFY2(full.start(true, {"--media-min-free-bytes", "1125899906842624", "--metrics-token",
                               "metrics-token-0123456789abcdef"}),
             full.log().constData());
    auto notReady = httpRequest("GET", full.url("/readyz"));
    QCOMPARE(notReady.status, 503);
    QCOMPARE(notReady.json.value("status").toString(), QStringLiteral("not_ready"));
    auto detail = httpRequest("GET", full.url("/readyz"), {}, "metrics-token-0123456789abcdef");
    QCOMPARE(detail.status, 503);
    QCOMPARE(detail.json.value("checks").toObject().value("minFreeBytes").toInteger(), 1125899906842624LL);
    QCOMPARE(httpRequest("GET", full.url("/healthz")).status, 200);
    QCOMPARE(full.stop(), 0);
}

void TestOperations::requestIdsAndLogsWithoutPersonalData() {
    ServerProcess server;
    QVERIFY2(server.start(true), server.log().constData());
    const QByteArray token = login(server, "cadre1", "dev-ops-log");
    QVERIFY(!token.isEmpty());
    auto pushed = httpRequest("POST", server.url("/api/v1/push"), sensitivePush("dev-ops-log", 1), token);
    QCOMPARE(pushed.status, 200);
    const QByteArray requestId = pushed.header("X-Request-Id");
    QVERIFY(!requestId.isEmpty());
    auto pulled = httpRequest("GET", server.url("/api/v1/pull?cursor=0&limit=1000"), {}, token);
    QCOMPARE(pulled.status, 200);
    QVERIFY(pulled.body.contains(kIdNumber.toUtf8())); // it was stored and sent back to its cadre
    QVERIFY(pulled.header("X-Request-Id") != requestId);
    QCOMPARE(
        httpRequest("POST", server.url("/api/v1/login"), loginBody("cadre1", "wrong-password", "dev-ops-log"))
            .status,
        401);
    QCOMPARE(httpRequest("GET", server.url("/api/v1/pull?cursor=x"), {}, token).status, 400);
    QCOMPARE(server.stop(), 0);

    const QByteArray log = server.log();
    bool found = false;
    for (const QByteArray &line : log.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QVERIFY2(!o.isEmpty(), line.constData());
        if (o.value("event").toString() != "request")
            continue;
        for (const char *field : {"requestId", "address", "method", "route", "status", "ms"})
            QVERIFY2(o.contains(field), line.constData());
        if (o.value("requestId").toString().toLatin1() == requestId) {
            found = true;
            QCOMPARE(o.value("route").toString(), QStringLiteral("/api/v1/push"));
            QCOMPARE(o.value("user").toString(), QStringLiteral("cadre1"));
            QCOMPARE(o.value("address").toString(), QStringLiteral("127.0.0.1"));
            QCOMPARE(o.value("status").toInt(), 200);
        }
    }
    QVERIFY2(found, "the push's X-Request-Id is not in the log");
    QVERIFY2(!log.contains(kIdNumber.toUtf8()), "an ID number is in the log");
    QVERIFY2(!log.contains(kSecretName.toUtf8()), "a name is in the log");
    QVERIFY2(!log.contains(token), "a token is in the log");
    QVERIFY(!log.contains("ruhu2024"));
    QVERIFY(!log.contains("wrong-password"));
    QVERIFY(!log.contains("cursor=x")); // no query strings
}

void TestOperations::oneServerPerDataDirectory() {
    ServerProcess first;
    QVERIFY2(first.start(true), first.log().constData());
    SyncdRun second = runSyncd({"--listen", "127.0.0.1:0", "--data-dir", first.dataDir()});
    QCOMPARE(second.exitCode, 1);
    QVERIFY2(second.err.contains("data_dir_locked"), second.err.constData());
    QTemporaryDir backup;
    SyncdRun restore = runSyncd({"restore", "--from", backup.path(), "--data-dir", first.dataDir()});
    QCOMPARE(restore.exitCode, 1); // not a backup, and the server runs: nothing is touched
    QCOMPARE(httpRequest("GET", first.url("/healthz")).status, 200);
    QCOMPARE(first.stop(), 0);
}

void TestOperations::newerSchemaIsRefused() {
    ServerProcess server;
    QVERIFY2(server.start(true), server.log().constData());
    QCOMPARE(server.stop(), 0);
    const QString db = server.dataDir() + "/central.sqlite3";
    QProcess sqlite;
    sqlite.start("sqlite3", {db, "UPDATE meta SET value = 99 WHERE key = 'schema_version'"});
    QVERIFY(sqlite.waitForFinished(10000));
    QCOMPARE(sqlite.exitCode(), 0);
    QVERIFY(!server.restart());
    QCOMPARE(server.waitForExit(), 1);
    QVERIFY2(server.log().contains("schema 99, newer than the "), server.log().constData());
}

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
