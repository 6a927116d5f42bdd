#pragma once

// A headless tablet for integration tests: the app's own DeviceReplica and SyncClient against a real
// ruhu-syncd, plus a field-by-field snapshot of its records.
#include "syncclient.h"

#include <ruhu/store/device_replica.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>

struct HeadlessTablet {
    QTemporaryDir dir;
    std::unique_ptr<ruhu::DeviceReplica> replica;
    std::unique_ptr<SyncClient> client;

    bool open(const QUrl &server) {
        auto key = ruhu::loadOrCreateDeviceKey(dir.filePath("device.key").toStdString());
        if (!key)
            return false;
        auto r = ruhu::DeviceReplica::open(dir.filePath("replica.sqlite3").toStdString(), *key);
        if (!r)
            return false;
        replica = std::move(*r);
        client = std::make_unique<SyncClient>(*replica);
        client->setServerUrl(server);
        return true;
    }

    bool login(const QString &user) {
        QSignalSpy ok(client.get(), &SyncClient::loggedIn);
        QSignalSpy failed(client.get(), &SyncClient::loginFailed);
        client->login(user, QStringLiteral("ruhu2024"));
        return QTest::qWaitFor([&] { return ok.count() + failed.count() > 0; }, 20000) && ok.count() == 1;
    }

    // Returns the empty string on success, else the Chinese error the cadre would see.
    QString sync() {
        QSignalSpy done(client.get(), &SyncClient::syncFinished);
        QSignalSpy failed(client.get(), &SyncClient::syncFailed);
        client->sync();
        if (!QTest::qWaitFor([&] { return done.count() + failed.count() > 0; }, 30000))
            return QStringLiteral("timeout");
        return failed.isEmpty() ? QString() : failed.first().first().toString();
    }

    std::map<std::string, boost::json::object> snapshot() const {
        std::map<std::string, boost::json::object> out;
        for (const auto &r : replica->allRecords())
            out[r.kind + "/" + r.id] = r.fields;
        return out;
    }
};
