#pragma once

#include <ruhu/evidence/device_signing_key.h>
#include <ruhu/result.h>

#include <QString>

#include <optional>

// The tablet's Ed25519 signing key for authorizations (docs/authorization.md "Tablet"), kept in a PEM
// file (mode 0600) next to the replica's storage key, and whether the server has its public key yet.
// The registration marker (<key>.registered) holds the public key the server accepted, so a replaced key
// file is registered again.
class DeviceSigningIdentity {
public:
    explicit DeviceSigningIdentity(QString keyPath);

    // Loads the key, creating it the first time (at the first login, or when the first signature needs
    // it on a tablet that logged in before signing existed).
    ruhu::Status ensureKey();
    const ruhu::evidence::DeviceSigningKey *key() const { return m_key ? &*m_key : nullptr; }
    QString publicKeyBase64() const;

    bool isRegistered() const;
    ruhu::Status markRegistered();
    // Why the last registration attempt failed for good (409 key_conflict), in Chinese; empty otherwise.
    QString registrationError() const { return m_registrationError; }
    void setRegistrationError(const QString &message) { m_registrationError = message; }

private:
    QString markerPath() const { return m_keyPath + QStringLiteral(".registered"); }

    QString m_keyPath;
    std::optional<ruhu::evidence::DeviceSigningKey> m_key;
    QString m_registrationError;
};
