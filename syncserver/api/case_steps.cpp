#include "case_steps.h"

#include "rule_config_in_force.h"
#include "server_mutation.h"

#include <ruhu/domain/beijing_time.h>
#include <ruhu/domain/workflow.h>

#include <boost/json/array.hpp>

namespace ruhu::server {

Result<CaseProcedure> caseProcedure(Tx &tx, int64_t nowMs) {
    auto config = ruleConfigInForce(tx);
    if (!config)
        return config.error();
    CaseProcedure p;
    p.config = *config;
    p.context.today = domain::beijingDate(nowMs);
    p.context.calendar = &domain::WorkingCalendar::builtin();
    p.context.config = p.config.get();
    return p;
}

Result<cases::CaseInputs> caseInputs(Tx &tx, const Record &caseRecord) {
    auto records = tx.householdRecords(caseRecord.householdId);
    if (!records)
        return records.error();
    return cases::CaseInputs{caseRecord.id, caseRecord.householdId, caseRecord.fields, std::move(*records)};
}

Status checkCaseStep(Tx &tx, const CaseProcedure &procedure, const Record &caseRecord,
                     const std::string &from, const std::string &to, const std::string &role) {
    if (auto allowed = workflow::checkTransition(from, to, role); !allowed)
        return allowed;
    auto inputs = caseInputs(tx, caseRecord);
    if (!inputs)
        return inputs.error();
    return cases::checkStep(from, to, role, *inputs, procedure.context);
}

void applyCaseStep(boost::json::object &fields, const cases::CaseInputs &inputs,
                   const CaseProcedure &procedure, const std::string &from, const std::string &to,
                   const CaseActor &actor, const std::string &note, const std::string &eventId,
                   int64_t nowMs) {
    for (const auto &kv : cases::serverFieldsOnStep(to, inputs, procedure.context))
        fields[kv.key()] = kv.value();
    fields["state"] = to;
    boost::json::array events;
    if (const auto *existing = fields.if_contains("events"); existing && existing->is_array())
        events = existing->get_array();
    const auto *t = workflow::findTransition(from, to);
    events.push_back(boost::json::object{{"id", eventId},
                                         {"from", from},
                                         {"to", to},
                                         {"action", t ? std::string(t->action) : std::string("create")},
                                         {"by", actor.username},
                                         {"role", actor.role},
                                         {"device", actor.deviceId},
                                         {"atMs", nowMs},
                                         {"at", domain::beijingTime(nowMs)},
                                         {"note", note}});
    fields["events"] = std::move(events);
}

Status writeMonitoringAfterStep(Tx &tx, const CaseProcedure &procedure, const Record &caseRecord,
                                const std::string &to, const std::string &username, int64_t nowMs) {
    auto inputs = caseInputs(tx, caseRecord);
    if (!inputs)
        return inputs.error();
    auto household = tx.findRecord("household", caseRecord.householdId);
    if (!household)
        return household.error();
    if (!*household || (*household)->deleted)
        return okStatus();
    boost::json::object current;
    if (const auto *m = (*household)->fields.if_contains("monitoring"); m && m->is_object())
        current = m->get_object();
    auto after = cases::monitoringAfterStep(to, *inputs, current, procedure.context);
    if (!after || *after == current)
        return okStatus();
    backfillVersions(**household);
    const boost::json::object why{{"serverComputed", "caseStep"}, {"case", caseRecord.id}, {"to", to}};
    return writeServerField(tx, **household, "monitoring", *after, why, username, nowMs);
}

} // namespace ruhu::server
