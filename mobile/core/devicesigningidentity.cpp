#include "devicesigningidentity.h"

#include <QFile>
#include <QSaveFile>

DeviceSigningIdentity::DeviceSigningIdentity(QString keyPath)
    : m_keyPath(std::move(keyPath)) {}

ruhu::Status DeviceSigningIdentity::ensureKey() {
    if (m_key)
        return ruhu::okStatus();
    const std::string path = m_keyPath.toStdString();
    if (QFile::exists(m_keyPath)) {
        auto loaded = ruhu::evidence::DeviceSigningKey::loadPem(path);
        if (!loaded)
            return loaded.error();
        m_key = std::move(*loaded);
        return ruhu::okStatus();
    }
    auto generated = ruhu::evidence::DeviceSigningKey::generate();
    if (!generated)
        return generated.error();
    if (auto saved = generated->savePem(path); !saved)
        return saved.error();
    m_key = std::move(*generated);
    return ruhu::okStatus();
}

QString DeviceSigningIdentity::publicKeyBase64() const {
    return m_key ? QString::fromStdString(m_key->publicKeyBase64()) : QString();
}

bool DeviceSigningIdentity::isRegistered() const {
    if (!m_key)
        return false;
    QFile marker(markerPath());
    if (!marker.open(QIODevice::ReadOnly))
        return false;
    return QString::fromLatin1(marker.readAll()).trimmed() == publicKeyBase64();
}

ruhu::Status DeviceSigningIdentity::markRegistered() {
    QSaveFile marker(markerPath());
    if (!marker.open(QIODevice::WriteOnly) || marker.write(publicKeyBase64().toLatin1()) < 0 ||
        !marker.commit())
        return ruhu::Error{"io_error", "无法记录签名密钥的登记状态", ""};
    m_registrationError.clear();
    return ruhu::okStatus();
}
