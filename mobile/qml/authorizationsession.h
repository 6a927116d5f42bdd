#pragma once

#include "localstore.h"
#include "locationsource.h"
#include "signaturepad.h"

#include <ruhu/evidence/authorization.h>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <optional>
#include <vector>

class DeviceSigningIdentity;
class PhotoLibrary;

// One signing of a household's 授权承诺书 on the tablet: loads the shipped consent template, renders the
// letter for the household from the replica, holds the three separate consent ticks and the signers
// (户主 and every adult member are required; a member under 14 is signed for by a 监护人; 代填 needs the
// proxy's name, role, reason, the read-aloud confirmation and a 手印 photo), takes the position when the
// tablet has one (else records it as unavailable), and on submit() signs with the device key through
// createAuthorization and saves one "authorization" record through the replica (one local transaction;
// it syncs like any record). A signed record is never changed: signing again writes a new record that
// supersedes the old one. Errors are Chinese sentences, keyed by field so the page shows them in place.
class AuthorizationSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(LocalStore *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString householdId READ householdId WRITE setHouseholdId NOTIFY householdIdChanged)
    Q_PROPERTY(QString title READ title NOTIFY loaded)
    Q_PROPERTY(QString templateLabel READ templateLabel NOTIFY loaded)
    Q_PROPERTY(QStringList bodyParagraphs READ bodyParagraphs NOTIFY loaded)
    Q_PROPERTY(QStringList footerLines READ footerLines NOTIFY loaded)
    Q_PROPERTY(QString letterText READ letterText NOTIFY loaded)
    Q_PROPERTY(QString memberTableNote READ memberTableNote NOTIFY loaded)
    Q_PROPERTY(QVariantList members READ members NOTIFY loaded)
    Q_PROPERTY(QVariantList consentItems READ consentItems NOTIFY loaded)
    Q_PROPERTY(
        bool consentQueryAssets READ consentQueryAssets WRITE setConsentQueryAssets NOTIFY consentsChanged)
    Q_PROPERTY(
        bool consentSensitivePI READ consentSensitivePI WRITE setConsentSensitivePI NOTIFY consentsChanged)
    Q_PROPERTY(bool consentPhotos READ consentPhotos WRITE setConsentPhotos NOTIFY consentsChanged)
    Q_PROPERTY(QVariantList signers READ signers NOTIFY signersChanged)
    Q_PROPERTY(int requiredCount READ requiredCount NOTIFY signersChanged)
    Q_PROPERTY(int signedCount READ signedCount NOTIFY signersChanged)
    Q_PROPERTY(bool locationAvailable READ locationAvailable NOTIFY locationChanged)
    Q_PROPERTY(QString locationText READ locationText NOTIFY locationChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorsChanged)
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY errorsChanged)
    Q_PROPERTY(QString savedAuthorizationId READ savedAuthorizationId NOTIFY saved)
    Q_PROPERTY(bool ready READ isReady NOTIFY loaded)
public:
    explicit AuthorizationSession(QObject *parent = nullptr);
    ~AuthorizationSession() override;

    // Installed by the composition root (and tests): the device signing key, and where the rendered
    // signature PNGs go (optional: without it only the strokes are kept).
    static void setServices(DeviceSigningIdentity *identity, PhotoLibrary *photos);

    LocalStore *store() const { return m_store; }
    void setStore(LocalStore *store);
    QString householdId() const { return m_householdId; }
    void setHouseholdId(const QString &id);
    QString title() const;
    QString templateLabel() const;
    QStringList bodyParagraphs() const { return m_body; }
    QStringList footerLines() const;
    QString letterText() const { return m_letterText; }
    QString memberTableNote() const;
    QVariantList members() const { return m_members; }
    QVariantList consentItems() const;
    bool consentQueryAssets() const { return m_consents.queryAssets; }
    void setConsentQueryAssets(bool value);
    bool consentSensitivePI() const { return m_consents.sensitivePI; }
    void setConsentSensitivePI(bool value);
    bool consentPhotos() const { return m_consents.photos; }
    void setConsentPhotos(bool value);
    QVariantList signers() const;
    int requiredCount() const;
    int signedCount() const;
    bool locationAvailable() const;
    QString locationText() const;
    QString errorMessage() const { return m_errorMessage; }
    QVariantMap fieldErrors() const { return m_fieldErrors; }
    QString savedAuthorizationId() const { return m_savedId; }
    bool isReady() const { return m_template != nullptr && m_document.has_value(); }

    // Re-reads the template and the household (ticks and signatures are dropped).
    Q_INVOKABLE void load();
    Q_INVOKABLE QVariantMap signerAt(int index) const;
    // Adds an optional signer line for a covered member not yet listed (a minor, by a 监护人).
    Q_INVOKABLE int addSigner(const QString &memberId);
    // Takes the signature for a signer line. details: name, role, method (手写签名|代填+手印|手印照片),
    // proxyName, proxyRole, proxyReason, readAloudConfirmed. With 手写签名 the pad must hold strokes.
    // Returns false with fieldErrors ("name", "role", "strokes", "proxy.name", "fingerprintPhoto"…).
    Q_INVOKABLE bool acceptSignature(int index, SignaturePad *pad, const QVariantMap &details);
    Q_INVOKABLE void setFingerprintPhoto(int index, const QString &photoId, const QString &sha256);
    Q_INVOKABLE void clearSignature(int index);
    // Signs and saves the authorization; false with errorMessage / fieldErrors.
    Q_INVOKABLE bool submit();
    Q_INVOKABLE void clearErrors();

Q_SIGNALS:
    void storeChanged();
    void householdIdChanged();
    void loaded();
    void consentsChanged();
    void signersChanged();
    void locationChanged();
    void errorsChanged();
    void saved();

private:
    struct Slot {
        QString memberId;
        QString memberName;
        QString relation;
        int age = -1;
        bool required = false;
        bool signedDone = false;
        ruhu::evidence::Signer signer;
        QByteArray png;
    };

    void setErrors(const QString &message, const QVariantMap &fields);
    bool fail(const QString &field, const QString &message);
    void saveSignatureImages(const std::string &authorizationId);
    ruhu::evidence::GpsFix gpsFix() const;

    QPointer<LocalStore> m_store;
    QString m_householdId;
    const ruhu::evidence::ConsentTemplate *m_template = nullptr;
    std::optional<ruhu::domain::HouseholdDocument> m_document;
    QStringList m_body;
    QString m_letterText;
    QVariantList m_members;
    ruhu::evidence::Consents m_consents;
    std::vector<Slot> m_slots;
    QString m_errorMessage;
    QVariantMap m_fieldErrors;
    QString m_savedId;
    LocationSource m_location;

    static inline DeviceSigningIdentity *s_identity = nullptr;
    static inline PhotoLibrary *s_photos = nullptr;
};
