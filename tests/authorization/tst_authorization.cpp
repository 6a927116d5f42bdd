#include <ruhu/domain/rule_config.h>
#include <ruhu/evidence/authorization.h>
#include <ruhu/evidence/consent_template.h>
#include <ruhu/evidence/device_signing_key.h>
#include <ruhu/evidence/strokes.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/model/id_number.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ruhu;
using namespace ruhu::evidence;

namespace {

std::string idNumber(const std::string &first17) {
    return first17 + ruhu::idNumberCheckDigit(first17);
}

domain::Member member(const std::string &id, int seq, const std::string &name, const std::string &relation,
                      const std::string &first17, const std::string &birthDate) {
    domain::Member m;
    m.id = id;
    m.householdId = "h1";
    m.seq = seq;
    m.name = name;
    m.relationToHead = relation;
    m.idNo = idNumber(first17);
    m.birthDate = birthDate;
    return m;
}

domain::HouseholdDocument household() {
    domain::HouseholdDocument d;
    d.household.id = "h1";
    d.household.headMemberId = "m1";
    d.household.headName = "张三";
    d.household.county = "潜江市";
    d.household.township = "熊口镇";
    d.household.village = "赵脑村";
    d.household.group = "三组";
    d.household.address = "赵脑村三组 18 号";
    d.household.riskTypes = {"因病"};
    d.members.push_back(member("m1", 1, "张三", "户主", "42900519750302123", "1975-03-02"));
    d.members.push_back(member("m2", 2, "李四", "配偶", "42900519780615124", "1978-06-15"));
    d.members.push_back(member("m3", 3, "张小宝", "之子", "42900520180910125", "2018-09-10"));
    return d;
}

SignatureStrokes strokes(double shift = 0) {
    SignatureStrokes s;
    s.canvasWidth = 1200;
    s.canvasHeight = 400;
    s.dpi = 264;
    s.strokes = {{{10.5 + shift, 22.1, 0, 0.42}, {30.25, 40.0, 16, 0.5}, {55.0, 61.5, 33, std::nullopt}},
                 {{100, 100, 400, 0.3}, {120, 130, 420, 0.35}}};
    return s;
}

Signer handSigner(const std::string &memberId, const std::string &role, const std::string &name) {
    Signer s;
    s.memberId = memberId;
    s.role = role;
    s.name = name;
    s.method = "手写签名";
    s.strokes = strokes();
    s.signedAt = "2024-09-05T10:20:31+08:00";
    return s;
}

ConsentTemplate loadTemplate() {
    auto t = loadConsentTemplateFile(RUHU_CONSENT_DIR "/auth-v1.json");
    if (!t.ok())
        qFatal("%s", t.error().message.c_str());
    return *t;
}

AuthorizationInput input(const ConsentTemplate &t) {
    AuthorizationInput in;
    in.id = "auth-0001";
    in.consentTemplate = &t;
    in.consents = {true, true, true};
    in.signers = {handSigner("m1", "户主", "张三"), handSigner("m2", "家庭成员", "李四"),
                  handSigner("m3", "监护人", "张三")};
    in.gps = {30.41, 112.89, 8, "2024-09-05T10:20:25+08:00", "gps", false};
    in.signedAt = "2024-09-05T10:21:00+08:00";
    return in;
}

QString qs(const std::string &s) {
    return QString::fromStdString(s);
}

} // namespace

class TestAuthorization : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        auto key = DeviceSigningKey::generate();
        QVERIFY(key.ok());
        m_key = std::make_unique<DeviceSigningKey>(*key);
        m_template = loadTemplate();
    }

    void templateLoadsAndHashIsStable() {
        QCOMPARE(qs(m_template.id), QStringLiteral("auth-v1"));
        QCOMPARE(m_template.version, 1);
        QCOMPARE(qs(m_template.issuer), QStringLiteral("XX县乡村振兴局"));
        QCOMPARE(m_template.consents.size(), std::size_t(3));
        QCOMPARE(m_template.sha256.size(), std::size_t(64));
        // Same file → same hash; whitespace and key order do not matter (canonical JSON).
        QCOMPARE(qs(loadTemplate().sha256), qs(m_template.sha256));
    }

    void templateRejectsBadDocuments() {
        QTemporaryDir dir;
        auto write = [&](const QByteArray &text) {
            QFile f(dir.filePath("t.json"));
            f.open(QIODevice::WriteOnly);
            f.write(text);
            f.close();
            return loadConsentTemplateFile(dir.filePath("t.json").toStdString());
        };
        QFile f(RUHU_CONSENT_DIR "/auth-v1.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray original = f.readAll();
        // A full 身份证号 placeholder must not be usable in the member table.
        auto leaked = write(QByteArray(original).replace("{{idNoMasked}}", "{{idNo}}"));
        QVERIFY(!leaked.ok());
        QCOMPARE(qs(leaked.error().code), QStringLiteral("invalid_template"));
        // Only two consent items.
        auto twoConsents = write(QByteArray(original).replace("\"photos\"", "\"other\""));
        QVERIFY(!twoConsents.ok());
        QCOMPARE(qs(twoConsents.error().field), QStringLiteral("consents"));
        // Editing the text changes the hash.
        auto edited = write(QByteArray(original).replace("真实、完整、准确", "真实、准确"));
        QVERIFY(edited.ok());
        QVERIFY(edited->sha256 != m_template.sha256);
    }

    void renderShowsNamesAndOnlyMaskedIds() {
        auto doc = household();
        auto rendered = renderConsent(m_template, doc);
        QVERIFY2(rendered.ok(), rendered.ok() ? "" : rendered.error().message.c_str());
        const QString text = qs(rendered->text);
        for (const auto &m : doc.members) {
            QVERIFY(text.contains(qs(m.name)));
            QVERIFY(text.contains(qs(maskIdNumber(m.idNo))));
            QVERIFY2(!text.contains(qs(m.idNo)), "full 身份证号 in the rendered text");
            QVERIFY(!text.contains(qs(m.idNo.substr(4, 10))));
        }
        QVERIFY(text.contains(QStringLiteral("潜江市熊口镇赵脑村三组")));
        QVERIFY(text.contains(QStringLiteral("因病")));
        QVERIFY(text.contains(QStringLiteral("XX县乡村振兴局")));
        QVERIFY(text.contains(QStringLiteral("个人信息保护法第二十九条")));
        QVERIFY(!text.contains(QStringLiteral("{{")));
        QCOMPARE(qs(rendered->textSha256).size(), 64);
        // Deterministic.
        QCOMPARE(qs(renderConsent(m_template, doc)->textSha256), qs(rendered->textSha256));
    }

    void strokesHashIsCanonicalAndRoundTrips() {
        auto s = strokes();
        QVERIFY(validateStrokes(s, "strokes").ok());
        auto back = strokesFromJson(parseJson(canonicalStrokes(s)).value());
        QVERIFY(back.ok());
        QCOMPARE(qs(strokesSha256(*back)), qs(strokesSha256(s)));
        QVERIFY(strokesSha256(strokes(0.01)) != strokesSha256(s));
        QVERIFY(isCanonicalJson(canonicalStrokes(s)));
        SignatureStrokes empty = s;
        empty.strokes.clear();
        QVERIFY(!validateStrokes(empty, "strokes").ok());
        SignatureStrokes backwards = s;
        backwards.strokes[0][1].t = -1;
        QVERIFY(!validateStrokes(backwards, "strokes").ok());
    }

    void signThenVerify() {
        auto doc = household();
        auto auth = createAuthorization(input(m_template), doc, *m_key);
        QVERIFY2(auth.ok(), auth.ok() ? "" : auth.error().message.c_str());
        QCOMPARE(qs(auth->status), QStringLiteral("signed"));
        QCOMPARE(qs(auth->templateRef.sha256), qs(m_template.sha256));
        QCOMPARE(qs(auth->signers[2].idNoMasked), qs(maskIdNumber(doc.members[2].idNo)));
        QCOMPARE(qs(auth->devicePublicKey), qs(m_key->publicKeyBase64()));
        auto status = verifyAuthorization(*auth, doc, m_key->publicKeyBase64());
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
        // The JSON record carries no full 身份证号.
        const QString json = qs(toCanonicalJson(authorizationToJson(*auth)));
        for (const auto &m : doc.members)
            QVERIFY(!json.contains(qs(m.idNo)));
    }

    void jsonRoundTripStillVerifies() {
        auto doc = household();
        auto in = input(m_template);
        in.signers[1].method = "代填+手印";
        in.signers[1].strokes.reset();
        in.signers[1].proxy = Proxy{"王五", "近亲属", "申请人不识字", true};
        in.signers[1].fingerprintPhoto = PhotoRef{"photo-1", std::string(64, 'c')};
        auto auth = createAuthorization(in, doc, *m_key);
        QVERIFY2(auth.ok(), auth.ok() ? "" : auth.error().message.c_str());
        const std::string text = toCanonicalJson(authorizationToJson(*auth));
        auto back = authorizationFromJson(parseJson(text).value());
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        QCOMPARE(qs(toCanonicalJson(authorizationToJson(*back))), qs(text));
        QVERIFY(verifyAuthorization(*back, doc, m_key->publicKeyBase64()).ok());
        // A tampered stroke in the transmitted JSON is caught after parsing.
        auto tamperedText = QString::fromStdString(text);
        tamperedText.replace(QStringLiteral("\"x\":3.025E1"), QStringLiteral("\"x\":3.1E1"));
        QVERIFY(tamperedText != qs(text));
        auto tampered = authorizationFromJson(parseJson(tamperedText.toStdString()).value());
        QVERIFY(tampered.ok());
        QCOMPARE(qs(verifyAuthorization(*tampered, doc, m_key->publicKeyBase64()).error().code),
                 QStringLiteral("strokes_tampered"));
        // Shape errors name the field.
        auto broken = parseJson(text).value();
        broken.as_object()["signers"].as_array()[0].as_object()["memberId"] = 7;
        auto bad = authorizationFromJson(broken);
        QVERIFY(!bad.ok());
        QCOMPARE(qs(bad.error().field), QStringLiteral("signers[0].memberId"));
    }

    void alteredStrokePointIsDetected() {
        auto doc = household();
        auto auth = createAuthorization(input(m_template), doc, *m_key);
        QVERIFY(auth.ok());
        auto tampered = *auth;
        tampered.signers[1].strokes->strokes[0][1].x += 1;
        auto status = verifyAuthorization(tampered, doc, m_key->publicKeyBase64());
        QVERIFY(!status.ok());
        QCOMPARE(qs(status.error().code), QStringLiteral("strokes_tampered"));
        // Also re-hashing the strokes does not help: the binding no longer matches.
        tampered.signers[1].strokesSha256 = strokesSha256(*tampered.signers[1].strokes);
        status = verifyAuthorization(tampered, doc, m_key->publicKeyBase64());
        QCOMPARE(qs(status.error().code), QStringLiteral("signature_invalid"));
        // ...nor recomputing the binding hash without the device key.
        tampered.bindingHash = computeBindingHash(tampered);
        status = verifyAuthorization(tampered, doc, m_key->publicKeyBase64());
        QCOMPARE(qs(status.error().code), QStringLiteral("signature_invalid"));
    }

    void alteredTextIsDetected() {
        auto doc = household();
        auto auth = createAuthorization(input(m_template), doc, *m_key);
        QVERIFY(auth.ok());
        auto tampered = *auth;
        tampered.renderedText += "五、补充条款。";
        auto status = verifyAuthorization(tampered, doc, m_key->publicKeyBase64());
        QVERIFY(!status.ok());
        QCOMPARE(qs(status.error().code), QStringLiteral("text_tampered"));
        tampered.textSha256 = domain::sha256Hex(tampered.renderedText);
        QCOMPARE(qs(verifyAuthorization(tampered, doc, m_key->publicKeyBase64()).error().code),
                 QStringLiteral("signature_invalid"));
    }

    void editedCoveredDataMakesItStale() {
        auto doc = household();
        auto auth = createAuthorization(input(m_template), doc, *m_key);
        QVERIFY(auth.ok());
        auto edited = doc;
        edited.household.address = "赵脑村三组 20 号";
        auto status = verifyAuthorization(*auth, edited, m_key->publicKeyBase64());
        QVERIFY(!status.ok());
        QCOMPARE(qs(status.error().code), QStringLiteral("stale"));
        QCOMPARE(qs(status.error().message), QStringLiteral("已修改授权书所涉信息，请重新签字"));
        auto renamed = doc;
        renamed.members[1].name = "李四妹";
        QCOMPARE(qs(verifyAuthorization(*auth, renamed, m_key->publicKeyBase64()).error().code),
                 QStringLiteral("stale"));
        // A field the letter does not name (housing) does not invalidate the signature.
        auto other = doc;
        other.household.housing.areaM2 = 120;
        QVERIFY(verifyAuthorization(*auth, other, m_key->publicKeyBase64()).ok());
    }

    void wrongPublicKeyIsRejected() {
        auto doc = household();
        auto auth = createAuthorization(input(m_template), doc, *m_key);
        QVERIFY(auth.ok());
        auto other = DeviceSigningKey::generate();
        QVERIFY(other.ok());
        auto status = verifyAuthorization(*auth, doc, other->publicKeyBase64());
        QVERIFY(!status.ok());
        QCOMPARE(qs(status.error().code), QStringLiteral("signature_invalid"));
        QCOMPARE(qs(verifyAuthorization(*auth, doc, "not base64!").error().code),
                 QStringLiteral("signature_invalid"));
    }

    void keySavesAndLoadsWithMode0600() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("device-ed25519.pem").toStdString();
        QVERIFY(m_key->savePem(path).ok());
        struct stat st {};
        QCOMPARE(::stat(path.c_str(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        auto loaded = DeviceSigningKey::loadPem(path);
        QVERIFY(loaded.ok());
        QCOMPARE(qs(loaded->publicKeyBase64()), qs(m_key->publicKeyBase64()));
        auto signature = loaded->sign("hello");
        QVERIFY(signature.ok());
        QVERIFY(verifyEd25519(m_key->publicKeyBase64(), "hello", *signature).ok());
        QVERIFY(!verifyEd25519(m_key->publicKeyBase64(), "hellO", *signature).ok());
        QVERIFY(!DeviceSigningKey::loadPem(dir.filePath("missing.pem").toStdString()).ok());
    }

    void proxyNeedsFingerprintPhoto() {
        auto doc = household();
        auto in = input(m_template);
        Signer proxy;
        proxy.memberId = "m2";
        proxy.role = "代填人";
        proxy.name = "王五";
        proxy.method = "代填+手印";
        proxy.proxy = Proxy{"王五", "村干部", "申请人不识字", true};
        proxy.signedAt = "2024-09-05T10:20:31+08:00";
        in.signers[1] = proxy;
        auto auth = createAuthorization(in, doc, *m_key);
        QVERIFY(!auth.ok());
        QCOMPARE(qs(auth.error().field), QStringLiteral("signers[1].fingerprintPhoto"));
        QVERIFY(qs(auth.error().message).contains(QStringLiteral("手印")));

        in.signers[1].fingerprintPhoto = PhotoRef{"photo-1", std::string(64, 'a')};
        in.signers[1].proxy->reason.clear();
        auth = createAuthorization(in, doc, *m_key);
        QVERIFY(!auth.ok());
        QCOMPARE(qs(auth.error().field), QStringLiteral("signers[1].proxy.reason"));

        in.signers[1].proxy->reason = "申请人不识字";
        in.signers[1].proxy->readAloudConfirmed = false;
        auth = createAuthorization(in, doc, *m_key);
        QVERIFY(!auth.ok());
        QCOMPARE(qs(auth.error().field), QStringLiteral("signers[1].proxy.readAloudConfirmed"));

        in.signers[1].proxy->readAloudConfirmed = true;
        auth = createAuthorization(in, doc, *m_key);
        QVERIFY2(auth.ok(), auth.ok() ? "" : auth.error().message.c_str());
        QVERIFY(verifyAuthorization(*auth, doc, m_key->publicKeyBase64()).ok());
        // The 手印 photo is bound too: swapping it breaks the signature.
        auto swapped = *auth;
        swapped.signers[1].fingerprintPhoto->sha256 = std::string(64, 'b');
        QCOMPARE(qs(verifyAuthorization(swapped, doc, m_key->publicKeyBase64()).error().code),
                 QStringLiteral("signature_invalid"));
    }

    void minorNeedsGuardian() {
        auto doc = household();
        auto in = input(m_template);
        in.signers[2].role = "家庭成员";
        auto auth = createAuthorization(in, doc, *m_key);
        QVERIFY(!auth.ok());
        QCOMPARE(qs(auth.error().field), QStringLiteral("signers[2].role"));
        QVERIFY(qs(auth.error().message).contains(QStringLiteral("不满十四周岁")));
        QVERIFY(qs(auth.error().message).contains(QStringLiteral("张小宝")));
        // Age counts at signedAt, from the 身份证号 when birthDate is missing.
        doc.members[2].birthDate.clear();
        QVERIFY(!createAuthorization(in, doc, *m_key).ok());
    }

    void consentsAreRequired() {
        auto doc = household();
        auto in = input(m_template);
        in.consents.sensitivePI = false;
        auto auth = createAuthorization(in, doc, *m_key);
        QVERIFY(!auth.ok());
        QCOMPARE(qs(auth.error().field), QStringLiteral("consents.sensitivePI"));
        in.consents.sensitivePI = true;
        in.consents.photos = false; // optional
        QVERIFY(createAuthorization(in, doc, *m_key).ok());
    }

    void signerMustBeAMember() {
        auto doc = household();
        auto in = input(m_template);
        in.signers[0].memberId = "stranger";
        auto auth = createAuthorization(in, doc, *m_key);
        QVERIFY(!auth.ok());
        QCOMPARE(qs(auth.error().field), QStringLiteral("signers[0].memberId"));
        in = input(m_template);
        in.signers[1].memberId = "m1";
        auth = createAuthorization(in, doc, *m_key);
        QVERIFY(!auth.ok());
        QCOMPARE(qs(auth.error().field), QStringLiteral("signers[1].memberId"));
    }

    void verifyRechecksRulesAndHousehold() {
        auto doc = household();
        auto auth = createAuthorization(input(m_template), doc, *m_key);
        QVERIFY(auth.ok());
        auto otherHousehold = doc;
        otherHousehold.household.id = "h2";
        QCOMPARE(qs(verifyAuthorization(*auth, otherHousehold, m_key->publicKeyBase64()).error().code),
                 QStringLiteral("household_mismatch"));
        // A validly signed record that breaks a rule (a device with older rules signed a minor's line
        // without a guardian) is refused on verification too.
        auto unruly = *auth;
        unruly.signers[2].role = "家庭成员";
        unruly.bindingHash = computeBindingHash(unruly);
        unruly.deviceSignature = m_key->sign(bindingMessage(unruly.bindingHash)).value();
        auto status = verifyAuthorization(unruly, doc, m_key->publicKeyBase64());
        QVERIFY(!status.ok());
        QCOMPARE(qs(status.error().field), QStringLiteral("signers[2].role"));
        auto withdrawn = *auth;
        withdrawn.status = "withdrawn";
        QCOMPARE(qs(verifyAuthorization(withdrawn, doc, m_key->publicKeyBase64()).error().code),
                 QStringLiteral("not_in_force"));
    }

private:
    std::unique_ptr<DeviceSigningKey> m_key;
    ConsentTemplate m_template;
};

QTEST_APPLESS_MAIN(TestAuthorization)
#include "tst_authorization.moc"
