#include "riskdecisioneditor.h"

#include "qtjson.h"
#include "surveychoices.h"

#include <ruhu/domain/record_facts.h>
#include <ruhu/model/record_ids.h>
#include <ruhu/store/device_replica.h>

#include <QDateTime>

namespace {

std::string assessmentId(const QString &householdId) {
    return ruhu::riskAssessmentId(qtjson::toStd(householdId));
}

} // namespace

RiskDecisionEditor::RiskDecisionEditor(QObject *parent)
    : QObject(parent) {
    connect(&m_assessment, &AssessmentModel::resultChanged, this, &RiskDecisionEditor::changed);
}

void RiskDecisionEditor::setStore(LocalStore *store) {
    if (store == m_store)
        return;
    m_store = store;
    m_assessment.setStore(store);
    Q_EMIT storeChanged();
    load();
}

void RiskDecisionEditor::setHouseholdId(const QString &id) {
    if (id == m_householdId)
        return;
    m_householdId = id;
    m_assessment.setHouseholdId(id);
    Q_EMIT householdIdChanged();
    load();
}

QStringList RiskDecisionEditor::resultChoices() const {
    // monitoring-domain.md §12 riskAssessment.decision.result, with 纳入监测 for a direct proposal.
    QStringList choices;
    for (auto result : ruhu::domain::decisionResults())
        choices << QString::fromUtf8(result.data(), qsizetype(result.size()));
    return choices;
}

QStringList RiskDecisionEditor::riskTypeChoices() const {
    return riskTypeLabels();
}

QStringList RiskDecisionEditor::softExclusions() const {
    QStringList soft;
    for (const auto &code : m_assessment.exclusions())
        if (ruhu::domain::isSoftExclusion(code.mid(1).toInt()))
            soft << code;
    return soft;
}

bool RiskDecisionEditor::justificationRequired() const {
    std::vector<int> exclusions;
    for (const auto &code : m_assessment.exclusions())
        exclusions.push_back(code.mid(1).toInt());
    return ruhu::domain::decisionNeedsJustification(qtjson::toStd(m_result), exclusions);
}

void RiskDecisionEditor::load() {
    m_result.clear();
    m_storedResult.clear();
    m_note.clear();
    m_justification.clear();
    m_riskTypes.clear();
    m_justificationError.clear();
    m_riskTypesError.clear();
    m_resultError.clear();
    const auto *replica = m_store ? m_store->replica() : nullptr;
    if (replica && !m_householdId.isEmpty()) {
        if (auto record = replica->record("riskAssessment", assessmentId(m_householdId));
            record && !record->deleted) {
            if (const auto *d = record->fields.if_contains("decision"); d && d->is_object()) {
                m_storedResult = m_result = qtjson::text(d->get_object(), "result");
                m_note = qtjson::text(d->get_object(), "note");
                m_justification = qtjson::text(d->get_object(), "exceptionJustification");
            }
        }
        if (auto household = replica->record("household", qtjson::toStd(m_householdId))) {
            // the engine reads the explanation from the household; an older decision may hold the only copy
            if (auto stored = ruhu::domain::exceptionExplanation(household->fields); !stored.empty())
                m_justification = qtjson::str(stored);
            if (const auto *types = household->fields.if_contains("riskTypes"); types && types->is_array())
                for (const auto &t : types->get_array())
                    if (t.is_string())
                        m_riskTypes << qtjson::str(std::string(t.get_string()));
        }
    }
    Q_EMIT changed();
}

bool RiskDecisionEditor::writeAssessment(const boost::json::object &input) {
    auto *replica = m_store ? m_store->replica() : nullptr;
    const std::string householdId = qtjson::toStd(m_householdId);
    const auto household = replica ? replica->record("household", householdId) : std::nullopt;
    if (!household) {
        m_resultError = tr("本机找不到这一户，无法保存");
        Q_EMIT changed();
        return false;
    }
    const std::string id = assessmentId(m_householdId);
    boost::json::object fields = input;
    if (!replica->record("riskAssessment", id)) {
        fields["householdId"] = householdId;
        fields["assessedAt"] = qtjson::toStd(QDateTime::currentDateTime().toString(Qt::ISODate));
    }
    auto result = replica->edit("riskAssessment", id, householdId, household->regionCode, fields);
    if (!result) {
        m_resultError = tr("未能保存：%1").arg(qtjson::plainMessage(result.error().message));
        Q_EMIT changed();
        return false;
    }
    m_savedText = tr("已保存 %1").arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")));
    return true;
}

bool RiskDecisionEditor::saveDecision() {
    m_resultError.clear();
    m_justificationError.clear();
    boost::json::object decision{{"note", qtjson::toStd(m_note)},
                                 {"exceptionJustification", qtjson::toStd(m_justification)}};
    bool complete = true;
    if (justificationRequired() && m_justification.trimmed().isEmpty()) {
        m_justificationError =
            tr("本户有2–5类排除情形（%1），研判为“%2”必须写明专门说明；说明填好后研判结论才保存")
                .arg(softExclusions().join(QStringLiteral("、")), m_result);
        complete = false;
    }
    // An incomplete decision keeps the last complete result; the note and the explanation are kept anyway.
    const QString result = complete ? m_result : m_storedResult;
    if (!result.isEmpty())
        decision["result"] = qtjson::toStd(result);
    const bool written = writeAssessment({{"decision", decision}});
    if (written) {
        m_storedResult = result;
        if (m_store)
            m_store->notifyChanged();
    }
    Q_EMIT changed();
    return written && complete;
}

bool RiskDecisionEditor::setResult(const QString &result) {
    if (!resultChoices().contains(result))
        return false;
    m_result = result;
    return saveDecision();
}

bool RiskDecisionEditor::commitNote(const QString &note) {
    if (note.trimmed() == m_note)
        return true;
    m_note = note.trimmed();
    return saveDecision();
}

bool RiskDecisionEditor::commitJustification(const QString &text) {
    if (text.trimmed() == m_justification && m_result == m_storedResult)
        return true;
    m_justification = text.trimmed();
    if (!writeExplanationToHousehold()) {
        m_justificationError = tr("未能保存专门说明");
        Q_EMIT changed();
        return false;
    }
    return saveDecision();
}

bool RiskDecisionEditor::writeExplanationToHousehold() {
    auto *replica = m_store ? m_store->replica() : nullptr;
    const std::string householdId = qtjson::toStd(m_householdId);
    const auto household = replica ? replica->record("household", householdId) : std::nullopt;
    if (!household)
        return false;
    boost::json::object flags;
    if (const auto *f = household->fields.if_contains("flags"); f && f->is_object())
        flags = f->get_object();
    flags = ruhu::domain::withExceptionExplanation(std::move(flags), qtjson::toStd(m_justification));
    return bool(replica->edit("household", householdId, householdId, household->regionCode,
                              {{"flags", std::move(flags)}}));
}

bool RiskDecisionEditor::toggleRiskType(const QString &type) {
    QStringList types = m_riskTypes;
    if (types.contains(type)) {
        types.removeAll(type);
    } else {
        if (types.size() >= 5) {
            m_riskTypesError = tr("致贫/返贫风险最多选5项，请先取消一项");
            Q_EMIT changed();
            return false;
        }
        types << type;
    }
    boost::json::array array;
    for (const auto &t : types)
        array.push_back(boost::json::value(qtjson::toStd(t)));
    auto *replica = m_store ? m_store->replica() : nullptr;
    const std::string householdId = qtjson::toStd(m_householdId);
    const auto household = replica ? replica->record("household", householdId) : std::nullopt;
    if (!household)
        return false;
    // The engine reads the household's risk types; the assessment keeps the ones of this decision.
    auto result =
        replica->edit("household", householdId, householdId, household->regionCode, {{"riskTypes", array}});
    if (!result || !writeAssessment({{"riskTypes", array}})) {
        m_riskTypesError = tr("未能保存致贫/返贫风险");
        Q_EMIT changed();
        return false;
    }
    m_riskTypes = types;
    m_riskTypesError = types.isEmpty() ? tr("纳入监测至少要选择1项致贫/返贫风险") : QString();
    m_store->notifyChanged();
    Q_EMIT changed();
    return true;
}
