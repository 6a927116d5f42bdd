#include "authorizationsession.h"

#include "authorizationrecords.h"
#include "devicesigningidentity.h"
#include "photolibrary.h"
#include "reloadingproperty.h"
#include "signaturepad.h"

#include <ruhu/domain/beijing_time.h>
#include <ruhu/domain/civil_date.h>
#include <ruhu/evidence/signer_policy.h>
#include <ruhu/model/id_number.h>
#include <ruhu/model/record_ids.h>
#include <ruhu/store/device_replica.h>
#include <ruhu/store/media_store.h>

#include <QDateTime>
#include <QImage>

#include <algorithm>
#include <tuple>

namespace {

QString qs(const std::string &s) {
    return QString::fromStdString(s);
}

int ageOf(const ruhu::domain::Member &member) {
    auto birth = ruhu::domain::CivilDate::parse(member.birthDate);
    if (!birth)
        if (auto info = ruhu::parseIdNumber(member.idNo); info.ok())
            birth = ruhu::domain::CivilDate::parse(info->birthDate);
    return birth ? ruhu::domain::ageOn(*birth, ruhu::domain::CivilDate::today()) : -1;
}

QString nowBeijing() {
    return QString::fromStdString(ruhu::domain::beijingTime(QDateTime::currentMSecsSinceEpoch()));
}

// The core's field paths ("signers[2].proxy.name") → the page's keys ("signers.2.proxy.name" is awkward
// in QML; the signature page asks with the part after the index).
QString signerField(const std::string &field, int *index) {
    const std::string prefix = "signers[";
    *index = -1;
    if (!field.starts_with(prefix))
        return qs(field);
    const auto close = field.find(']');
    *index = std::stoi(field.substr(prefix.size(), close - prefix.size()));
    return close + 2 <= field.size() ? qs(field.substr(close + 2)) : QString();
}

} // namespace

AuthorizationSession::AuthorizationSession(QObject *parent)
    : QObject(parent) {
    connect(&m_location, &LocationSource::changed, this, &AuthorizationSession::locationChanged);
    m_location.start();
}

AuthorizationSession::~AuthorizationSession() {
    m_location.stop();
}

void AuthorizationSession::setServices(DeviceSigningIdentity *identity, PhotoLibrary *photos) {
    s_identity = identity;
    s_photos = photos;
}

void AuthorizationSession::setStore(LocalStore *store) {
    setAndReload(this, m_store, store, &AuthorizationSession::storeChanged, &AuthorizationSession::load);
}

void AuthorizationSession::setHouseholdId(const QString &id) {
    setAndReload(this, m_householdId, id, &AuthorizationSession::householdIdChanged,
                 &AuthorizationSession::load);
}

void AuthorizationSession::load() {
    m_slots.clear();
    m_members.clear();
    m_body.clear();
    m_letterText.clear();
    m_document.reset();
    m_consents = {};
    m_savedId.clear();
    m_errorMessage.clear();
    m_fieldErrors.clear();
    if (!m_store || !m_store->replica() || m_householdId.isEmpty()) {
        Q_EMIT loaded();
        Q_EMIT signersChanged();
        Q_EMIT consentsChanged();
        return;
    }
    std::string templateError;
    m_template = authorization::consentTemplate(authorization::currentTemplateId(), &templateError);
    m_document = authorization::coveredHousehold(*m_store->replica(), m_householdId.toStdString());
    if (!m_template)
        m_errorMessage = qs(templateError);
    else if (!m_document)
        m_errorMessage = tr("本机没有这一户的资料，请先同步");
    if (m_template && m_document) {
        auto rendered = ruhu::evidence::renderConsent(*m_template, *m_document);
        if (rendered) {
            m_letterText = qs(rendered->text);
            const QStringList lines = m_letterText.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            for (int i = 1; i <= int(m_template->body.size()) && i < lines.size(); ++i)
                m_body.append(lines.at(i));
        } else {
            m_errorMessage = qs(rendered.error().message);
        }
        std::vector<const ruhu::domain::Member *> covered;
        for (const auto &m : m_document->members)
            if (m.status == ruhu::domain::MemberStatus::Normal)
                covered.push_back(&m);
        // the letter's order: by seq, ties by id (as coveredData orders them)
        std::sort(covered.begin(), covered.end(),
                  [](auto *a, auto *b) { return std::tie(a->seq, a->id) < std::tie(b->seq, b->id); });
        for (const auto *m : covered) {
            const int age = ageOf(*m);
            m_members.append(QVariantMap{{QStringLiteral("memberId"), qs(m->id)},
                                         {QStringLiteral("seq"), m->seq},
                                         {QStringLiteral("name"), qs(m->name)},
                                         {QStringLiteral("relationToHead"), qs(m->relationToHead)},
                                         {QStringLiteral("idNoMasked"), qs(ruhu::maskIdNumber(m->idNo))},
                                         {QStringLiteral("age"), age},
                                         {QStringLiteral("minor"), ruhu::evidence::needsGuardian(age)}});
            const bool head = ruhu::evidence::isHeadOfHousehold(m->id, m->relationToHead,
                                                                m_document->household.headMemberId);
            if (!ruhu::evidence::mustSign(head, age))
                continue; // minors are optional lines, added with addSigner (signed by a 监护人)
            Slot slot;
            slot.memberId = qs(m->id);
            slot.memberName = qs(m->name);
            slot.relation = qs(m->relationToHead);
            slot.age = age;
            slot.required = true;
            slot.signer = ruhu::evidence::defaultSigner(m->id, m->name, head, false);
            if (head)
                m_slots.insert(m_slots.begin(), std::move(slot));
            else
                m_slots.push_back(std::move(slot));
        }
    }
    Q_EMIT loaded();
    Q_EMIT consentsChanged();
    Q_EMIT signersChanged();
    Q_EMIT errorsChanged();
}

QString AuthorizationSession::title() const {
    return m_template ? qs(m_template->title) : QString();
}

QString AuthorizationSession::templateLabel() const {
    if (!m_template)
        return {};
    return tr("%1 · 第%2版 · 文本指纹 %3")
        .arg(qs(m_template->id))
        .arg(m_template->version)
        .arg(qs(m_template->sha256.substr(0, 12)));
}

QStringList AuthorizationSession::footerLines() const {
    if (!m_template)
        return {};
    const QStringList lines = m_letterText.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.mid(std::max<qsizetype>(0, lines.size() - qsizetype(m_template->footer.size())));
}

QString AuthorizationSession::memberTableNote() const {
    return m_template ? qs(m_template->memberTableNote) : QString();
}

QVariantList AuthorizationSession::consentItems() const {
    QVariantList items;
    if (!m_template)
        return items;
    for (const auto &item : m_template->consents)
        items.append(QVariantMap{{QStringLiteral("key"), qs(item.key)},
                                 {QStringLiteral("label"), qs(item.label)},
                                 {QStringLiteral("required"), item.key != "photos"}});
    return items;
}

void AuthorizationSession::setConsentQueryAssets(bool value) {
    if (m_consents.queryAssets == value)
        return;
    m_consents.queryAssets = value;
    m_fieldErrors.remove(QStringLiteral("consents.queryAssets"));
    Q_EMIT consentsChanged();
    Q_EMIT errorsChanged();
}

void AuthorizationSession::setConsentSensitivePI(bool value) {
    if (m_consents.sensitivePI == value)
        return;
    m_consents.sensitivePI = value;
    m_fieldErrors.remove(QStringLiteral("consents.sensitivePI"));
    Q_EMIT consentsChanged();
    Q_EMIT errorsChanged();
}

void AuthorizationSession::setConsentPhotos(bool value) {
    if (m_consents.photos == value)
        return;
    m_consents.photos = value;
    Q_EMIT consentsChanged();
}

QVariantMap AuthorizationSession::signerAt(int index) const {
    if (index < 0 || index >= int(m_slots.size()))
        return {};
    const Slot &s = m_slots[size_t(index)];
    QVariantMap map{
        {QStringLiteral("index"), index},
        {QStringLiteral("memberId"), s.memberId},
        {QStringLiteral("memberName"), s.memberName},
        {QStringLiteral("relationToHead"), s.relation},
        {QStringLiteral("age"), s.age},
        {QStringLiteral("minor"), ruhu::evidence::needsGuardian(s.age)},
        {QStringLiteral("required"), s.required},
        {QStringLiteral("signed"), s.signedDone},
        {QStringLiteral("role"), qs(s.signer.role)},
        {QStringLiteral("name"), qs(s.signer.name)},
        {QStringLiteral("method"), qs(s.signer.method)},
        {QStringLiteral("strokeCount"), s.signer.strokes ? int(s.signer.strokes->strokes.size()) : 0},
        {QStringLiteral("signedAt"), qs(s.signer.signedAt)},
        {QStringLiteral("fingerprintPhotoId"),
         s.signer.fingerprintPhoto ? qs(s.signer.fingerprintPhoto->photoId) : QString()},
        {QStringLiteral("fingerprintSha256"),
         s.signer.fingerprintPhoto ? qs(s.signer.fingerprintPhoto->sha256) : QString()}};
    if (s.signer.proxy) {
        map.insert(QStringLiteral("proxyName"), qs(s.signer.proxy->name));
        map.insert(QStringLiteral("proxyRole"), qs(s.signer.proxy->role));
        map.insert(QStringLiteral("proxyReason"), qs(s.signer.proxy->reason));
        map.insert(QStringLiteral("readAloudConfirmed"), s.signer.proxy->readAloudConfirmed);
    }
    return map;
}

QVariantList AuthorizationSession::signers() const {
    QVariantList list;
    for (int i = 0; i < int(m_slots.size()); ++i)
        list.append(signerAt(i));
    return list;
}

int AuthorizationSession::requiredCount() const {
    return int(std::count_if(m_slots.begin(), m_slots.end(), [](const Slot &s) { return s.required; }));
}

int AuthorizationSession::signedCount() const {
    return int(std::count_if(m_slots.begin(), m_slots.end(), [](const Slot &s) { return s.signedDone; }));
}

int AuthorizationSession::addSigner(const QString &memberId) {
    for (int i = 0; i < int(m_slots.size()); ++i)
        if (m_slots[size_t(i)].memberId == memberId)
            return i;
    for (const QVariant &value : std::as_const(m_members)) {
        const QVariantMap member = value.toMap();
        if (member.value(QStringLiteral("memberId")).toString() != memberId)
            continue;
        Slot slot;
        slot.memberId = memberId;
        slot.memberName = member.value(QStringLiteral("name")).toString();
        slot.relation = member.value(QStringLiteral("relationToHead")).toString();
        slot.age = member.value(QStringLiteral("age")).toInt();
        slot.signer = ruhu::evidence::defaultSigner(memberId.toStdString(), slot.memberName.toStdString(),
                                                    false, member.value(QStringLiteral("minor")).toBool());
        m_slots.push_back(std::move(slot));
        Q_EMIT signersChanged();
        return int(m_slots.size()) - 1;
    }
    return -1;
}

void AuthorizationSession::setErrors(const QString &message, const QVariantMap &fields) {
    m_errorMessage = message;
    m_fieldErrors = fields;
    Q_EMIT errorsChanged();
}

bool AuthorizationSession::fail(const QString &field, const QString &message) {
    setErrors(message, QVariantMap{{field, message}});
    return false;
}

void AuthorizationSession::clearErrors() {
    setErrors({}, {});
}

bool AuthorizationSession::acceptSignature(int index, SignaturePad *pad, const QVariantMap &details) {
    if (index < 0 || index >= int(m_slots.size()))
        return fail(QStringLiteral("signer"), tr("签字人不存在，请返回重新选择"));
    Slot &slot = m_slots[size_t(index)];
    ruhu::evidence::Signer signer = slot.signer;
    signer.name = details.value(QStringLiteral("name")).toString().trimmed().toStdString();
    signer.role = details.value(QStringLiteral("role"), qs(signer.role)).toString().toStdString();
    signer.method = details.value(QStringLiteral("method"), qs(signer.method)).toString().toStdString();
    const bool minor = ruhu::evidence::needsGuardian(slot.age);
    if (signer.name.empty())
        return fail(QStringLiteral("name"), minor ? tr("请填写监护人姓名") : tr("请填写签字人姓名"));
    if (minor && !ruhu::evidence::isGuardian(signer))
        return fail(QStringLiteral("role"),
                    tr("%1 不满十四周岁，须由监护人代签，请把身份选为“监护人”").arg(slot.memberName));
    signer.strokes.reset();
    QByteArray png;
    if (ruhu::evidence::isHandwritten(signer)) {
        if (!pad || pad->isEmpty())
            return fail(QStringLiteral("strokes"), tr("签名为空，请在签名框内签名"));
        signer.strokes = pad->strokes();
        png = pad->renderPng();
        if (auto valid = ruhu::evidence::validateStrokes(*signer.strokes, "strokes"); !valid)
            return fail(QStringLiteral("strokes"), tr("签名无法使用，请清除后重签"));
    }
    signer.proxy.reset();
    if (ruhu::evidence::isProxy(signer)) {
        ruhu::evidence::Proxy proxy;
        proxy.name = details.value(QStringLiteral("proxyName")).toString().trimmed().toStdString();
        proxy.role = details.value(QStringLiteral("proxyRole")).toString().toStdString();
        proxy.reason = details.value(QStringLiteral("proxyReason")).toString().trimmed().toStdString();
        proxy.readAloudConfirmed = details.value(QStringLiteral("readAloudConfirmed")).toBool();
        if (proxy.name.empty())
            return fail(QStringLiteral("proxy.name"), tr("请填写代填写人姓名"));
        if (proxy.role.empty())
            return fail(QStringLiteral("proxy.role"), tr("请选择代填写人身份"));
        if (proxy.reason.empty())
            return fail(QStringLiteral("proxy.reason"), tr("请填写代填原因，例如“申请人不识字”"));
        if (!proxy.readAloudConfirmed)
            return fail(QStringLiteral("proxy.readAloudConfirmed"),
                        tr("请先向申请人宣读授权书全文，再勾选确认"));
        signer.proxy = proxy;
    }
    if (ruhu::evidence::needsFingerprint(signer) && !signer.fingerprintPhoto)
        return fail(QStringLiteral("fingerprintPhoto"),
                    tr("请让%1按手印并拍照（手印照片）").arg(slot.memberName));
    signer.signedAt = nowBeijing().toStdString();
    slot.signer = std::move(signer);
    slot.png = png;
    slot.signedDone = true;
    clearErrors();
    Q_EMIT signersChanged();
    return true;
}

void AuthorizationSession::setFingerprintPhoto(int index, const QString &photoId, const QString &sha256) {
    if (index < 0 || index >= int(m_slots.size()))
        return;
    auto &signer = m_slots[size_t(index)].signer;
    if (photoId.isEmpty())
        signer.fingerprintPhoto.reset();
    else
        signer.fingerprintPhoto = ruhu::evidence::PhotoRef{photoId.toStdString(), sha256.toStdString()};
    m_fieldErrors.remove(QStringLiteral("fingerprintPhoto"));
    Q_EMIT signersChanged();
    Q_EMIT errorsChanged();
}

void AuthorizationSession::clearSignature(int index) {
    if (index < 0 || index >= int(m_slots.size()))
        return;
    Slot &slot = m_slots[size_t(index)];
    slot.signedDone = false;
    slot.signer.strokes.reset();
    slot.png.clear();
    Q_EMIT signersChanged();
}

bool AuthorizationSession::locationAvailable() const {
    return m_location.currentGps().at("status") == "ok";
}

QString AuthorizationSession::locationText() const {
    const auto gps = m_location.currentGps();
    if (gps.at("status") != "ok")
        return tr("未获取位置（将记录为“无位置”）");
    return tr("已获取位置（精度约%1米）")
        .arg(gps.contains("accuracyM") ? QString::number(gps.at("accuracyM").to_number<double>(), 'f', 0)
                                       : tr("未知"));
}

// Absent position is recorded as unavailable, never guessed: provider "unavailable", zero coordinates.
ruhu::evidence::GpsFix AuthorizationSession::gpsFix() const {
    ruhu::evidence::GpsFix fix;
    const auto gps = m_location.currentGps();
    if (gps.at("status") != "ok") {
        fix.provider = "unavailable";
        return fix;
    }
    fix.lat = gps.at("lat").to_number<double>();
    fix.lng = gps.at("lon").to_number<double>();
    fix.accuracyM = gps.contains("accuracyM") ? gps.at("accuracyM").to_number<double>() : 0;
    fix.fixAt = std::string(gps.at("at").as_string());
    fix.provider = "device";
    return fix;
}

bool AuthorizationSession::submit() {
    if (!isReady())
        return fail(QStringLiteral("household"),
                    m_errorMessage.isEmpty() ? tr("授权书未能加载") : m_errorMessage);
    if (!m_consents.queryAssets)
        return fail(QStringLiteral("consents.queryAssets"),
                    tr("请勾选第（一）项：同意授权查询家庭资产和收支信息"));
    if (!m_consents.sensitivePI)
        return fail(QStringLiteral("consents.sensitivePI"), tr("请单独勾选第（二）项：同意处理敏感个人信息"));
    for (const Slot &slot : m_slots)
        if (slot.required && !slot.signedDone)
            return fail(QStringLiteral("signers"), tr("%1 尚未签字").arg(slot.memberName));
    if (!s_identity)
        return fail(QStringLiteral("device"), tr("本机签名密钥不可用，请重新登录后再签署"));
    if (auto ensured = s_identity->ensureKey(); !ensured)
        return fail(QStringLiteral("device"),
                    tr("本机签名密钥无法读取：%1").arg(qs(ensured.error().message)));

    auto &replica = *m_store->replica();
    // The household may have changed since the page opened (another page, a pull): sign what is there now.
    auto document = authorization::coveredHousehold(replica, m_householdId.toStdString());
    if (!document)
        return fail(QStringLiteral("household"), tr("本机没有这一户的资料，请先同步"));
    ruhu::evidence::AuthorizationInput input;
    input.id = ruhu::DeviceReplica::newId(ruhu::idPrefixFor("authorization"));
    input.consentTemplate = m_template;
    input.consents = m_consents;
    for (const Slot &slot : m_slots)
        if (slot.signedDone)
            input.signers.push_back(slot.signer);
    input.gps = gpsFix();
    input.signedAt = nowBeijing().toStdString();
    auto created = ruhu::evidence::createAuthorization(input, *document, *s_identity->key());
    if (!created) {
        int index = -1;
        const QString field = signerField(created.error().field, &index);
        QVariantMap fields{{field, qs(created.error().message)}};
        if (index >= 0)
            fields.insert(QStringLiteral("signerIndex"), index);
        setErrors(qs(created.error().message), fields);
        return false;
    }
    const auto previous = authorization::current(replica, m_householdId.toStdString());
    const auto household = replica.record("household", m_householdId.toStdString());
    boost::json::object fields{{"householdId", m_householdId.toStdString()},
                               {"document", ruhu::evidence::authorizationToJson(*created)}};
    if (previous)
        fields["supersedes"] = previous->record.id;
    auto stored = replica.edit("authorization", created->id, m_householdId.toStdString(),
                               household ? household->regionCode : std::string(), fields);
    if (!stored)
        return fail(QStringLiteral("save"), tr("保存失败：%1").arg(qs(stored.error().message)));
    m_savedId = qs(created->id);
    saveSignatureImages(created->id);
    clearErrors();
    Q_EMIT saved();
    m_store->notifyChanged();
    return true;
}

// The PNG is a picture of the strokes for printing and review (photo kind 签字); the strokes in the
// signed record are the evidence. Failing to store it does not undo the signature.
void AuthorizationSession::saveSignatureImages(const std::string &authorizationId) {
    if (!s_photos)
        return;
    for (const Slot &slot : m_slots) {
        if (!slot.signedDone || slot.png.isEmpty())
            continue;
        auto sha = s_photos->media().put(std::string_view(slot.png.constData(), size_t(slot.png.size())),
                                         "image/png");
        if (!sha)
            continue;
        const QImage image = QImage::fromData(slot.png, "PNG");
        const auto household = s_photos->replica().record("household", m_householdId.toStdString());
        boost::json::object fields{{"householdId", m_householdId.toStdString()},
                                   {"memberId", slot.memberId.toStdString()},
                                   {"photoKind", "签字"},
                                   {"sha256", *sha},
                                   {"bytes", slot.png.size()},
                                   {"width", image.width()},
                                   {"height", image.height()},
                                   {"mime", "image/png"},
                                   {"takenAt", slot.signer.signedAt},
                                   {"note", "授权书 " + authorizationId + " 的签名图像"}};
        s_photos->replica().edit("photo", ruhu::DeviceReplica::newId(ruhu::idPrefixFor("photo")),
                                 m_householdId.toStdString(),
                                 household ? household->regionCode : std::string(), fields);
    }
}
