#pragma once

#include "demoseed.h"
#include "localstore.h"

#include <ruhu/store/device_replica.h>

#include <QTemporaryDir>
#include <QTest>

#include <memory>

// For the tablet's model tests: a real device replica in a fresh temporary directory, filled with the
// demo village (mobile/demoseed.cpp), and the LocalStore the QML-facing models take. A test class
// inherits it after QObject, calls openDemoReplica() from init() and closeDemoReplica() from cleanup().
class DemoReplicaFixture {
protected:
    std::unique_ptr<QTemporaryDir> m_dir;
    ruhu::DeviceKey m_key{};
    std::unique_ptr<ruhu::DeviceReplica> m_replica;
    std::unique_ptr<LocalStore> m_store;

    // Creates the directory and the device key, opens and seeds the replica and puts a store over it. A
    // step that fails fails the test and leaves the later ones undone.
    void openDemoReplica() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto key = ruhu::loadOrCreateDeviceKey(m_dir->filePath("device.key").toStdString());
        QVERIFY(key.ok());
        m_key = *key;
        openReplica();
        if (QTest::currentTestFailed())
            return;
        auto seeded = seedDemoReplica(*m_replica);
        QVERIFY2(seeded.ok(), seeded.ok() ? "" : seeded.error().message.c_str());
        m_store = std::make_unique<LocalStore>(m_replica.get());
    }

    // (Re)opens the replica file in the directory with the device key.
    void openReplica() {
        auto replica = ruhu::DeviceReplica::open(m_dir->filePath("replica.db").toStdString(), m_key);
        QVERIFY2(replica.ok(), replica.ok() ? "" : replica.error().message.c_str());
        m_replica = std::move(*replica);
    }

    void closeDemoReplica() {
        m_store.reset();
        m_replica.reset();
        m_dir.reset();
    }
};
