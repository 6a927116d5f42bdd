#pragma once

#include <QObject>
#include <QString>

#include <functional>

class DeviceSigningIdentity;
class SyncClient;

// Registers the tablet's signing public key with the server (POST /api/v1/devices/key
// {deviceId, publicKey}) so that the server can verify the authorizations this device signs. Installed
// as SyncClient's before-push step: every sync first registers a key the server has not confirmed yet,
// so a tablet that was offline at login registers on its next sync, before its first signed record is
// pushed. Never blocks the sync: on any failure the push goes on and the next sync tries again.
class DeviceKeyRegistrar : public QObject {
    Q_OBJECT
public:
    DeviceKeyRegistrar(SyncClient &client, DeviceSigningIdentity &identity, QObject *parent = nullptr);

    // Registers if needed, then calls `then` (always, exactly once).
    void registerIfNeeded(const std::function<void()> &then);

Q_SIGNALS:
    void registered();
    // 409 key_conflict: another key is bound to this device on the server.
    void conflict(const QString &message);

private:
    SyncClient &m_client;
    DeviceSigningIdentity &m_identity;
};
