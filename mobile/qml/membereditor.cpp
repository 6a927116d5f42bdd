#include "membereditor.h"

#include "qtjson.h"

#include <ruhu/model/id_number.h>

namespace {
constexpr int kIdNoLength = 18;
}

MemberEditor::MemberEditor(QObject *parent)
    : QObject(parent) {
    load({});
}

void MemberEditor::setName(const QString &name) {
    if (name == m_name)
        return;
    m_name = name;
    if (!m_name.trimmed().isEmpty())
        m_nameError.clear();
    else if (m_showRequired)
        m_nameError = tr("请填写姓名");
    Q_EMIT changed();
}

void MemberEditor::setRelationToHead(const QString &relation) {
    if (relation == m_relationToHead)
        return;
    m_relationToHead = relation;
    Q_EMIT changed();
}

void MemberEditor::setIdNo(const QString &idNo) {
    const QString normalized = idNo.trimmed().toUpper();
    if (normalized == m_idNo)
        return;
    m_idNo = normalized;
    checkIdNo();
    Q_EMIT changed();
}

void MemberEditor::setStatus(const QString &status) {
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT changed();
}

void MemberEditor::setLabor(const QString &labor) {
    if (labor == m_labor)
        return;
    m_labor = labor;
    Q_EMIT changed();
}

bool MemberEditor::isAcceptable() const {
    return !m_name.trimmed().isEmpty() && (m_idNo.isEmpty() || m_idNoValid);
}

void MemberEditor::load(const QVariantMap &member) {
    m_loaded = member;
    m_name = member.value(QStringLiteral("name")).toString();
    m_relationToHead = member.value(QStringLiteral("relationToHead")).toString();
    m_idNo = member.value(QStringLiteral("idNo")).toString().toUpper();
    m_status = member.value(QStringLiteral("status"), QStringLiteral("正常")).toString();
    m_labor = member.value(QStringLiteral("labor")).toString();
    m_nameError.clear();
    m_showRequired = false;
    checkIdNo();
    if (m_idNo.isEmpty()) { // keep what was recorded without a number
        m_sex = member.value(QStringLiteral("sex")).toString();
        m_birthDate = member.value(QStringLiteral("birthDate")).toString();
    }
    Q_EMIT changed();
}

QVariantMap MemberEditor::toMap() const {
    QVariantMap map = m_loaded;
    map.insert(QStringLiteral("name"), m_name.trimmed());
    map.insert(QStringLiteral("relationToHead"), m_relationToHead);
    map.insert(QStringLiteral("idNo"), m_idNo);
    map.insert(QStringLiteral("status"), m_status);
    if (!m_labor.isEmpty())
        map.insert(QStringLiteral("labor"), m_labor);
    if (!map.contains(QStringLiteral("idType")))
        map.insert(QStringLiteral("idType"), QStringLiteral("居民身份证"));
    if (!m_sex.isEmpty())
        map.insert(QStringLiteral("sex"), m_sex);
    if (!m_birthDate.isEmpty())
        map.insert(QStringLiteral("birthDate"), m_birthDate);
    return map;
}

bool MemberEditor::validate() {
    m_showRequired = true;
    if (m_name.trimmed().isEmpty())
        m_nameError = tr("请填写姓名");
    if (!m_idNo.isEmpty() && !m_idNoValid && m_idNoError.isEmpty()) {
        m_idNoHint.clear();
        m_idNoError = tr("身份证号应为18位，当前为%1位").arg(m_idNo.size());
    }
    Q_EMIT changed();
    return isAcceptable();
}

void MemberEditor::checkIdNo() {
    m_idNoError.clear();
    m_idNoHint.clear();
    m_idNoValid = false;
    m_sex.clear();
    m_birthDate.clear();
    if (m_idNo.isEmpty()) {
        m_idNoHint = tr("可暂不填写，核实后补录");
        return;
    }
    const int size = static_cast<int>(m_idNo.size());
    const bool digitsSoFar = std::all_of(m_idNo.cbegin(), m_idNo.cbegin() + qMin(size, kIdNoLength - 1),
                                         [](QChar c) { return c.isDigit(); });
    if (!digitsSoFar) {
        m_idNoError = tr("身份证号前17位只能是数字");
        return;
    }
    if (size < kIdNoLength) {
        m_idNoHint = tr("已输入 %1 位，还差 %2 位").arg(size).arg(kIdNoLength - size);
        return;
    }
    auto parsed = ruhu::parseIdNumber(qtjson::toStd(m_idNo));
    if (!parsed) {
        m_idNoError = qtjson::plainMessage(parsed.error().message);
        return;
    }
    m_idNoValid = true;
    m_idNoHint = tr("校验通过");
    m_sex = QString::fromUtf8(ruhu::sexLabel(parsed->sex));
    m_birthDate = qtjson::str(parsed->birthDate);
}
