// The tablet picks up a rule configuration a county loaded, without a new build: the app's own SyncClient
// and DeviceReplica against the real ruhu-syncd. Before any load the tablet holds the server's built-in
// configuration; after PUT /api/v1/rules/config and one sync it holds the loaded one, whose threshold for
// next year a household is then assessed with.
#include "serverprocess.h"
#include "syncclient.h"

#include <ruhu/domain/beijing_time.h>
#include <ruhu/domain/rule_config.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/store/device_replica.h>

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestRuleConfigSync : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(m_server.start(true), m_server.log().constData());
        auto key = ruhu::loadOrCreateDeviceKey(m_dir.filePath("device.key").toStdString());
        QVERIFY(key.ok());
        auto replica = ruhu::DeviceReplica::open(m_dir.filePath("replica.db").toStdString(), *key);
        QVERIFY(replica.ok());
        m_replica = std::move(*replica);
        m_client = std::make_unique<SyncClient>(*m_replica);
        m_client->setServerUrl(m_server.url());
        QSignalSpy ok(m_client.get(), &SyncClient::loggedIn);
        m_client->login(QStringLiteral("cadre1"), QStringLiteral("ruhu2024"));
        QVERIFY(ok.wait(20000));
    }

    void cleanupTestCase() { m_server.stop(); }

    void tabletHoldsBuiltinBeforeAnyLoad() {
        QCOMPARE(m_replica->ruleConfigDocument(), std::string());
        QVERIFY(sync());
        auto held = heldConfig();
        QVERIFY(held);
        QCOMPARE(QString::fromStdString(held->hash),
                 QString::fromStdString(ruhu::domain::builtinRuleConfig()->hash));
    }

    void tabletPicksUpCountysNextYearThreshold() {
        const int nextYear = ruhu::domain::beijingDate(ruhu::SystemClock::instance().nowMs()).year + 1;
        auto builtin = ruhu::parseJson(ruhu::domain::builtinRuleConfigJson());
        boost::json::object doc = builtin->as_object();
        doc.erase("hash");
        doc["id"] = "qianjiang-next-year";
        doc["version"] = 50;
        doc["thresholds"].as_array().push_back(boost::json::object{{"regionPrefix", "429005"},
                                                                   {"regionName", "潜江市"},
                                                                   {"year", nextYear},
                                                                   {"value", "9100.00"},
                                                                   {"source", "潜江市下一年度通知（测试）"}});
        // Not configured for next year until the county loads it.
        QVERIFY(!heldConfig()->thresholdFor("429005103201", nextYear));

        const QByteArray countyToken = token("county");
        QVERIFY(!countyToken.isEmpty());
        const std::string text = ruhu::toCanonicalJson(doc);
        auto load = httpRequest("PUT", m_server.url("/api/v1/rules/config"), QByteArray::fromStdString(text),
                                countyToken);
        QCOMPARE(load.status, 201);

        QVERIFY(sync());
        auto held = heldConfig();
        QVERIFY(held);
        QCOMPARE(QString::fromStdString(held->id), QString("qianjiang-next-year"));
        QCOMPARE(QString::fromStdString(held->hash), load.json.value("hash").toString());
        auto threshold = held->thresholdFor("429005103201", nextYear);
        QVERIFY(threshold);
        QCOMPARE(threshold->value, ruhu::domain::yuan(9100));
        QCOMPARE(QString::fromStdString(threshold->source), QString("潜江市下一年度通知（测试）"));
    }

private:
    bool sync() {
        QSignalSpy done(m_client.get(), &SyncClient::syncFinished);
        QSignalSpy failed(m_client.get(), &SyncClient::syncFailed);
        m_client->sync();
        return QTest::qWaitFor([&] { return done.count() + failed.count() > 0; }, 30000) && failed.isEmpty();
    }

    std::optional<ruhu::domain::RuleConfig> heldConfig() {
        const std::string document = m_replica->ruleConfigDocument();
        auto json = ruhu::parseJson(document.empty() ? ruhu::domain::builtinRuleConfigJson() : document);
        if (!json)
            return std::nullopt;
        auto config = ruhu::domain::parseRuleConfig(*json);
        if (!config)
            return std::nullopt;
        return *config;
    }

    QByteArray token(const QString &user) {
        const QByteArray body =
            QJsonDocument(
                QJsonObject{{"username", user}, {"password", "ruhu2024"}, {"deviceId", "dev-county"}})
                .toJson(QJsonDocument::Compact);
        auto reply = httpRequest("POST", m_server.url("/api/v1/login"), body);
        return reply.status == 200 ? reply.json.value("token").toString().toLatin1() : QByteArray();
    }

    ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<ruhu::DeviceReplica> m_replica;
    std::unique_ptr<SyncClient> m_client;
};

QTEST_GUILESS_MAIN(TestRuleConfigSync)
#include "tst_rule_config_sync.moc"
