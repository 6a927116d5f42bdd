#include "casedetail.h"

#include "areanames.h"
#include "duetext.h"
#include "householdassessment.h"
#include "qtjson.h"
#include "reloadingproperty.h"

#include <ruhu/domain/case_procedure.h>
#include <ruhu/domain/workflow.h>
#include <ruhu/domain/working_calendar.h>
#include <ruhu/model/schema.h>
#include <ruhu/store/device_replica.h>

namespace {

QString textOf(const boost::json::object &o, const char *key) {
    const auto *v = o.if_contains(key);
    return v && v->is_string() ? qtjson::str(std::string(v->get_string())) : QString();
}

QString label(std::string_view state) {
    return qtjson::str(std::string(ruhu::workflow::stateLabel(state)));
}

} // namespace

CaseDetail::CaseDetail(QObject *parent)
    : QObject(parent) {}

void CaseDetail::setStore(LocalStore *store) {
    setStoreAndReload(this, m_store, store, &CaseDetail::storeChanged, &CaseDetail::reload);
}

void CaseDetail::setCaseId(const QString &id) {
    setAndReload(this, m_caseId, id, &CaseDetail::caseIdChanged, &CaseDetail::reload);
}

void CaseDetail::setToday(const QString &date) {
    setAndReload(this, m_today, date, &CaseDetail::todayChanged, &CaseDetail::reload);
}

void CaseDetail::reload() {
    const auto *replica = m_store ? m_store->replica() : nullptr;
    const auto record = replica && !m_caseId.isEmpty()
                            ? replica->record("workflowCase", qtjson::toStd(m_caseId))
                            : std::nullopt;
    m_exists = record.has_value() && !record->deleted;
    m_lead.clear();
    m_attention.clear();
    m_events.clear();
    m_steps.clear();
    m_rejection.clear();
    if (!m_exists) {
        m_householdId = m_regionCode = m_headName = m_state = m_stateLabel = m_source = {};
        Q_EMIT changed();
        return;
    }
    const auto &fields = record->fields;
    m_householdId = qtjson::str(record->householdId);
    m_regionCode = qtjson::str(record->regionCode);
    const auto summary = replica->householdSummary(record->householdId);
    m_headName = summary ? qtjson::str(summary->headName) : QString();
    const std::string state = qtjson::toStd(textOf(fields, "state"));
    m_state = qtjson::str(state);
    m_stateLabel = label(state);
    m_source = textOf(fields, "source");

    if (const auto *lead = fields.if_contains("lead"); lead && lead->is_object()) {
        const auto &o = lead->get_object();
        const std::pair<const char *, QString> parts[] = {{"date", tr("线索日期")},
                                                          {"department", tr("预警部门")},
                                                          {"reason", tr("线索原因")},
                                                          {"applicant", tr("申报人")},
                                                          {"description", tr("事件")}};
        for (const auto &[key, name] : parts) {
            if (const QString value = textOf(o, key); !value.isEmpty())
                m_lead.append(QVariantMap{{QStringLiteral("label"), name}, {QStringLiteral("value"), value}});
        }
    }

    ruhu::cases::ProcedureContext ctx;
    ctx.today = ruhu::domain::CivilDate::parse(qtjson::toStd(isoDateOr(m_today)))
                    .value_or(ruhu::domain::CivilDate::today());
    ctx.calendar = &ruhu::domain::WorkingCalendar::builtin();
    ctx.config = assessment::ruleConfig(replica);
    for (const auto &a : ruhu::cases::caseAttention(state, fields, ctx)) {
        const bool dated = a.due && a.code != "returned"; // a return is due now: its reason says what to do
        m_attention.append(
            QVariantMap{{QStringLiteral("message"), qtjson::str(a.message)},
                        {QStringLiteral("dueText"),
                         dated ? relativeDueText(ctx.today, *a.due, *ctx.calendar) : QString()},
                        {QStringLiteral("overdue"), a.overdue}});
    }

    if (const auto *events = fields.if_contains("events"); events && events->is_array()) {
        for (const auto &e : events->get_array()) {
            if (!e.is_object())
                continue;
            const auto &o = e.get_object();
            m_events.append(
                QVariantMap{{QStringLiteral("at"), textOf(o, "at").left(16).replace(u'T', u' ')},
                            {QStringLiteral("fromLabel"), label(qtjson::toStd(textOf(o, "from")))},
                            {QStringLiteral("toLabel"), label(qtjson::toStd(textOf(o, "to")))},
                            {QStringLiteral("by"), textOf(o, "by")},
                            {QStringLiteral("note"), textOf(o, "note")}});
        }
    }

    // The check reads the household's records as the tablet holds them (the server reads its own).
    ruhu::cases::CaseInputs inputs;
    inputs.caseId = record->id;
    inputs.householdId = record->householdId;
    inputs.fields = fields;
    for (const auto &kind : ruhu::recordKinds()) {
        for (auto &r : replica->householdRecords(kind.name, record->householdId)) // the household's own too
            inputs.records.push_back(std::move(r));
    }
    const auto session = replica->session();
    const std::string role = session ? session->role : std::string("village");
    for (const auto &step : ruhu::cases::availableSteps(state, role, inputs, ctx)) {
        QStringList missing;
        for (const auto &m : step.missing)
            missing << qtjson::str(m.message);
        m_steps.append(
            QVariantMap{{QStringLiteral("to"), qtjson::str(std::string(step.transition->to))},
                        {QStringLiteral("label"), qtjson::str(std::string(step.transition->label))},
                        {QStringLiteral("toLabel"), label(step.transition->to)},
                        {QStringLiteral("ready"), missing.isEmpty()},
                        {QStringLiteral("missing"), missing}});
    }

    for (const auto &outcome : replica->editOutcomes(30)) {
        if (outcome.kind == "workflowCase" && outcome.recordId == record->id &&
            outcome.outcome == "rejected") {
            m_rejection = qtjson::plainMessage(outcome.message);
            break; // newest first
        }
    }
    Q_EMIT changed();
}

bool CaseDetail::propose(const QString &to, const QString &note) {
    auto *replica = m_store ? m_store->replica() : nullptr;
    if (!replica || !m_exists)
        return false;
    boost::json::object fields{{"state", qtjson::toStd(to)}};
    if (!note.trimmed().isEmpty())
        fields["stepNote"] = qtjson::toStd(note.trimmed());
    auto result = replica->edit("workflowCase", qtjson::toStd(m_caseId), qtjson::toStd(m_householdId),
                                qtjson::toStd(m_regionCode), fields);
    if (!result) {
        m_error = qtjson::str(result.error().message);
        Q_EMIT changed();
        return false;
    }
    m_error.clear();
    m_store->notifyChanged();
    return true;
}
