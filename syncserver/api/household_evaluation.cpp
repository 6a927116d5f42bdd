#include "household_evaluation.h"

#include "rule_config_in_force.h"
#include "server_mutation.h"

#include <ruhu/domain/beijing_time.h>
#include <ruhu/domain/household_records.h>
#include <ruhu/json/canonical_json.h>

#include <algorithm>

namespace ruhu::server {
namespace {

bool isRuleInput(const std::string &kind) {
    return kind == "household" || kind == "member" || kind == "incomeSheet" || kind == "measure" ||
           kind == "riskAssessment";
}

bool sameJson(const boost::json::value *stored, const boost::json::value &computed) {
    return stored && toCanonicalJson(*stored) == toCanonicalJson(computed);
}

} // namespace

void HouseholdEvaluations::note(const Mutation &mutation, const protocol::PushResult &result) {
    if (!isRuleInput(mutation.kind) || result.status == "rejected" || result.status == "duplicate")
        return;
    const std::string &householdId = result.hasRecord ? result.record.householdId : mutation.householdId;
    if (mutation.kind == "riskAssessment")
        m_assessments.insert(mutation.recordId);
    if (householdId.empty() ||
        std::find(m_households.begin(), m_households.end(), householdId) != m_households.end())
        return;
    m_households.push_back(householdId);
}

Status HouseholdEvaluations::run(CentralStore::WriteTransaction &tx, const std::string &user, int64_t nowMs) {
    for (const auto &householdId : m_households) {
        if (auto st = evaluateStoredHousehold(tx, householdId, m_assessments, user, nowMs); !st)
            return st;
    }
    return okStatus();
}

Status evaluateStoredHousehold(CentralStore::WriteTransaction &tx, const std::string &householdId,
                               const std::set<std::string> &assessments, const std::string &user,
                               int64_t nowMs) {
    auto all = tx.householdRecords(householdId);
    if (!all)
        return all.error();
    const auto records = domain::selectHouseholdRecords(*all, householdId);
    if (!records.household || !records.incomeSheet)
        return okStatus(); // nothing to evaluate, or nowhere to keep the result yet
    auto config = ruleConfigInForce(tx);
    if (!config) // validated when loaded; should a later build reject it, pushes still go through
        return config.error().code == "storage" || config.error().code == "disk_full" ? Status(config.error())
                                                                                      : okStatus();
    const auto on = domain::beijingDate(nowMs);
    const auto assessment = domain::assessHousehold(records, householdId, **config, on);
    const boost::json::value computed = domain::assessmentToJson(assessment, **config, on);
    const boost::json::object why{{"serverComputed", "householdEvaluation"}};

    Record sheet = *records.incomeSheet;
    if (!sameJson(sheet.fields.if_contains("computed"), computed)) {
        if (auto st = writeServerField(tx, sheet, "computed", computed, why, user, nowMs); !st)
            return st;
    }
    // An assessment being decided records the engine's result and the configuration it was made with.
    for (auto record : *all) {
        if (record.kind != "riskAssessment" || record.deleted || !assessments.count(record.id))
            continue;
        boost::json::object values{{"configId", (*config)->id},
                                   {"configHash", (*config)->hash},
                                   {"threshold", computed.at("threshold")},
                                   {"engine", computed}};
        if (sameJson(record.fields.if_contains("engine"), computed) &&
            sameJson(record.fields.if_contains("configHash"), boost::json::value((*config)->hash)))
            continue;
        if (auto st = writeServerFields(tx, record, values, why, user, nowMs); !st)
            return st;
    }
    return okStatus();
}

} // namespace ruhu::server
