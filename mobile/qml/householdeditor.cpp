#include "householdeditor.h"

#include "qtjson.h"

#include <ruhu/domain/record_facts.h>
#include <ruhu/model/record_ids.h>
#include <ruhu/model/schema.h>
#include <ruhu/store/device_replica.h>

#include <QRegularExpression>

#include <algorithm>

namespace {

// The household fields this form edits (headMemberId and headName follow the member marked 户主).
const char *const kFormFields[] = {"group", "householdType", "phone", "address", "headMemberId", "headName"};

bool isMemberHead(const MemberDraft &draft) {
    return ruhu::domain::isHeadRelation(
        qtjson::toStd(draft.fields.value(QStringLiteral("relationToHead")).toString()));
}

} // namespace

HouseholdEditor::HouseholdEditor(QObject *parent)
    : QObject(parent) {
    connect(&m_members, &QAbstractItemModel::dataChanged, this, &HouseholdEditor::updateHead);
    connect(&m_members, &QAbstractItemModel::rowsInserted, this, &HouseholdEditor::updateHead);
    connect(&m_members, &QAbstractItemModel::rowsRemoved, this, &HouseholdEditor::updateHead);
    connect(&m_members, &QAbstractItemModel::modelReset, this, &HouseholdEditor::updateHead);
}

void HouseholdEditor::setStore(LocalStore *store) {
    if (store == m_store)
        return;
    m_store = store;
    Q_EMIT storeChanged();
    if (m_complete)
        load();
}

void HouseholdEditor::setHouseholdId(const QString &id) {
    if (id == m_householdId)
        return;
    m_householdId = id;
    Q_EMIT householdIdChanged();
    if (m_complete)
        load();
}

void HouseholdEditor::setRegionCode(const QString &code) {
    if (code == m_regionCode)
        return;
    m_regionCode = code;
    Q_EMIT regionCodeChanged();
}

void HouseholdEditor::componentComplete() {
    m_complete = true;
    load();
}

QString HouseholdEditor::phoneError() const {
    static const QRegularExpression mobile(QStringLiteral("^1\\d{10}$"));
    static const QRegularExpression landline(QStringLiteral("^0\\d{2,3}-?\\d{7,8}$"));
    const QString value = phone().trimmed();
    if (value.isEmpty() || mobile.match(value).hasMatch() || landline.match(value).hasMatch())
        return {};
    return tr("联系电话应为11位手机号，或带区号的固定电话");
}

bool HouseholdEditor::isDirty() const {
    if (m_isNew &&
        (!m_fields.value(QStringLiteral("group")).toString().isEmpty() || m_members.rowCount() > 0))
        return true;
    if (!changedHouseholdFields().isEmpty())
        return true;
    const auto &drafts = m_members.drafts();
    return std::any_of(drafts.begin(), drafts.end(), [](const MemberDraft &d) { return d.isChanged(); });
}

void HouseholdEditor::load() {
    const auto *replica = m_store ? m_store->replica() : nullptr;
    std::vector<MemberDraft> drafts;
    m_fields.clear();
    m_original.clear();
    m_isNew = true;
    if (replica && !m_householdId.isEmpty()) {
        if (auto record = replica->record("household", qtjson::toStd(m_householdId))) {
            m_isNew = false;
            m_regionCode = qtjson::str(record->regionCode);
            for (const char *name : kFormFields)
                m_original.insert(QLatin1String(name), qtjson::text(record->fields, name));
            m_fields = m_original;
            for (const auto &member : replica->members(record->id)) {
                MemberDraft draft;
                draft.id = qtjson::str(member.id);
                draft.fields = qtjson::toVariantMap(member.fields);
                draft.original = draft.fields;
                drafts.push_back(std::move(draft));
            }
            std::stable_sort(drafts.begin(), drafts.end(), [](const MemberDraft &a, const MemberDraft &b) {
                return a.fields.value(QStringLiteral("seq")).toLongLong() <
                       b.fields.value(QStringLiteral("seq")).toLongLong();
            });
        }
    }
    if (m_isNew) {
        m_householdId.clear();
        m_fields.insert(QStringLiteral("householdType"), QStringLiteral("一般农户"));
    }
    m_members.setDrafts(std::move(drafts));
    setError({});
    Q_EMIT loaded();
    Q_EMIT fieldsChanged();
}

void HouseholdEditor::setField(const char *name, const QString &value) {
    const QLatin1String key(name);
    if (m_fields.value(key).toString() == value)
        return;
    m_fields.insert(key, value);
    Q_EMIT fieldsChanged();
}

void HouseholdEditor::updateHead() {
    const auto &drafts = m_members.drafts();
    auto head = std::find_if(drafts.begin(), drafts.end(), isMemberHead);
    if (head != drafts.end()) {
        m_fields.insert(QStringLiteral("headMemberId"), head->id);
        m_fields.insert(QStringLiteral("headName"), head->fields.value(QStringLiteral("name")).toString());
    }
    Q_EMIT fieldsChanged();
}

void HouseholdEditor::putMember(int row, const QVariantMap &member) {
    if (row < 0) {
        QVariantMap fields = member;
        qint64 seq = 0;
        for (const auto &d : m_members.drafts())
            seq = std::max(seq, d.fields.value(QStringLiteral("seq")).toLongLong());
        fields.insert(QStringLiteral("seq"), seq + 1);
        m_members.append(qtjson::str(ruhu::DeviceReplica::newId(ruhu::idPrefixFor("member"))), fields);
    } else {
        m_members.update(row, member);
    }
    setError({});
}

bool HouseholdEditor::removeNewMember(int row) {
    return m_members.removeNew(row);
}

bool HouseholdEditor::removeMember(int row, const QString &reason) {
    const auto &drafts = m_members.drafts();
    if (row < 0 || row >= int(drafts.size()))
        return false;
    if (drafts[size_t(row)].isNew)
        return m_members.removeNew(row);
    auto *replica = m_store ? m_store->replica() : nullptr;
    if (!replica || m_householdId.isEmpty()) {
        setError(tr("本机数据未打开，无法删除"));
        return false;
    }
    if (reason.trimmed().isEmpty()) {
        setError(tr("请填写删除成员的原因"));
        return false;
    }
    const MemberDraft &draft = drafts[size_t(row)];
    if (isMemberHead(draft)) {
        setError(tr("不能删除户主，请先把另一名成员设为户主并保存"));
        return false;
    }
    const QString name = draft.fields.value(QStringLiteral("name")).toString();
    // One delete mutation carrying the reason: the tombstone keeps it (ARCHITECTURE decision 4).
    const boost::json::object why{{"removalReason", qtjson::toStd(reason.trimmed())}};
    auto result = replica->edit("member", qtjson::toStd(draft.id), qtjson::toStd(m_householdId),
                                qtjson::toStd(m_regionCode), why, /*deleteRecord=*/true);
    if (!result) {
        setError(tr("删除家庭成员“%1”失败：%2").arg(name, qtjson::plainMessage(result.error().message)));
        return false;
    }
    m_members.remove(row);
    setError({});
    m_store->notifyChanged();
    return true;
}

QVariantMap HouseholdEditor::changedHouseholdFields() const {
    QVariantMap changed;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (m_isNew ? !it.value().toString().isEmpty() : m_original.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    return changed;
}

bool HouseholdEditor::save() {
    return persist(true);
}

bool HouseholdEditor::commitField(const QString &name) {
    Q_UNUSED(name); // everything changed is written; normally just this one field
    return persist(false);
}

bool HouseholdEditor::commitMember(int row, const QVariantMap &member) {
    putMember(row, member);
    return persist(false);
}

bool HouseholdEditor::persist(bool complete) {
    auto *replica = m_store ? m_store->replica() : nullptr;
    if (!replica) {
        setError(tr("本机数据未打开，无法保存"));
        return false;
    }
    if (m_regionCode.isEmpty()) {
        setError(tr("未选择村，无法保存"));
        return false;
    }
    for (const char *name : {"group", "phone", "address"})
        m_fields.insert(QLatin1String(name), field(name).trimmed());
    const auto &drafts = m_members.drafts();
    const auto heads = std::count_if(drafts.begin(), drafts.end(), isMemberHead);
    if (heads == 0 && complete) {
        setError(tr("请在家庭成员中指定户主（与户主关系选“户主”）"));
        return false;
    }
    if (heads > 1 && complete) {
        setError(tr("一户只能有一名户主，请检查家庭成员的“与户主关系”"));
        return false;
    }
    if (!phoneError().isEmpty() && complete) {
        setError(phoneError());
        return false;
    }

    const auto *householdKind = ruhu::findRecordKind("household");
    const auto *memberKind = ruhu::findRecordKind("member");
    QVariantMap householdChanges = changedHouseholdFields();
    QString unsavedPhone; // kept in the form, with its error beside the field
    if (!complete && !phoneError().isEmpty()) {
        unsavedPhone = phone();
        householdChanges.remove(QStringLiteral("phone"));
    }
    if (m_isNew)
        householdChanges.insert(QStringLiteral("regionCode"), m_regionCode);
    const auto householdJson = qtjson::toJsonObject(householdChanges);
    if (auto status = ruhu::validateFields(*householdKind, householdJson); !status) {
        setError(qtjson::plainMessage(status.error().message));
        return false;
    }
    std::vector<std::pair<const MemberDraft *, boost::json::object>> memberChanges;
    for (const auto &draft : drafts) {
        if (!draft.isChanged())
            continue;
        const QString name = draft.fields.value(QStringLiteral("name")).toString();
        if (name.trimmed().isEmpty()) {
            setError(tr("有家庭成员未填写姓名"));
            return false;
        }
        auto json = qtjson::toJsonObject(draft.changedFields());
        if (auto status = ruhu::validateFields(*memberKind, json); !status) {
            setError(tr("家庭成员“%1”：%2").arg(name, qtjson::plainMessage(status.error().message)));
            return false;
        }
        memberChanges.emplace_back(&draft, std::move(json));
    }

    const std::string householdId =
        m_isNew ? ruhu::DeviceReplica::newId(ruhu::idPrefixFor("household")) : qtjson::toStd(m_householdId);
    const std::string region = qtjson::toStd(m_regionCode);
    if (!householdJson.empty()) {
        auto result = replica->edit("household", householdId, householdId, region, householdJson);
        if (!result) {
            setError(tr("保存失败：%1").arg(qtjson::plainMessage(result.error().message)));
            return false;
        }
    }
    for (const auto &[draft, json] : memberChanges) {
        auto result = replica->edit("member", qtjson::toStd(draft->id), householdId, region, json);
        if (!result) {
            setError(tr("保存家庭成员“%1”失败：%2")
                         .arg(draft->fields.value(QStringLiteral("name")).toString(),
                              qtjson::plainMessage(result.error().message)));
            return false;
        }
    }

    if (m_isNew) {
        m_householdId = qtjson::str(householdId);
        Q_EMIT householdIdChanged();
    }
    load();
    if (!unsavedPhone.isEmpty())
        setPhone(unsavedPhone);
    Q_EMIT saved();
    m_store->notifyChanged();
    return true;
}

void HouseholdEditor::setError(const QString &message) {
    if (message == m_errorMessage)
        return;
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}
