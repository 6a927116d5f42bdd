#include "lead_cases.h"

#include "../storage/write_retry.h"
#include "scope.h"
#include "server_mutation.h"

#include <ruhu/domain/workflow.h>

#include <algorithm>

namespace ruhu::server {
namespace {

Result<LeadOutcome> openOne(Tx &tx, const CaseProcedure &procedure, const UserAccount &user,
                            const LeadRequest &request, int64_t nowMs) {
    LeadOutcome out{LeadOutcome::Kind::Refused, request, {}, {}};
    auto existing = tx.findRecord("workflowCase", request.caseId);
    if (!existing)
        return existing.error();
    if (*existing) {
        out.kind = LeadOutcome::Kind::AlreadyThere;
        out.regionCode = (*existing)->regionCode;
        out.why = Error{"already_there", "该线索已导入过，未重复建立流程", ""};
        return out;
    }
    auto household = tx.findRecord("household", request.householdId);
    if (!household)
        return household.error();
    if (!*household || (*household)->deleted || !inScope((*household)->regionCode, user.scope)) {
        out.why = Error{"household_missing", "该户不在您的工作范围内", ""};
        return out;
    }
    Record record;
    record.kind = "workflowCase";
    record.id = request.caseId;
    record.householdId = request.householdId;
    record.regionCode = (*household)->regionCode;
    record.fields = request.fields;
    out.regionCode = record.regionCode;
    const std::string from; // a new case
    if (auto st = checkCaseStep(tx, procedure, record, from, std::string(workflow::kInitialState), user.role);
        !st) {
        out.why = st.error();
        if (st.error().code == "case_already_open")
            out.kind = LeadOutcome::Kind::AlreadyThere;
        return out;
    }
    auto inputs = caseInputs(tx, record);
    if (!inputs)
        return inputs.error();
    boost::json::object fields = record.fields;
    applyCaseStep(fields, *inputs, procedure, from, std::string(workflow::kInitialState),
                  CaseActor{user.username, user.role, user.sessionDeviceId}, {}, request.caseId + "-lead",
                  nowMs);
    record.fields = {};
    const auto *source = request.fields.if_contains("source");
    const boost::json::object why{{"lead", source ? *source : boost::json::value(nullptr)},
                                  {"to", workflow::kInitialState}};
    if (auto st = writeServerFields(tx, record, fields, why, user.username, nowMs); !st)
        return st.error();
    out.kind = LeadOutcome::Kind::Created;
    return out;
}

Result<std::vector<LeadOutcome>> openBatch(const ApiContext &context, const UserAccount &user,
                                           const LeadRequest *first, size_t count) {
    const int64_t nowMs = context.clock.nowMs();
    auto tx = context.store.beginWrite();
    if (!tx)
        return tx.error();
    auto procedure = caseProcedure(**tx, nowMs);
    if (!procedure)
        return procedure.error();
    std::vector<LeadOutcome> outcomes;
    for (size_t i = 0; i < count; ++i) {
        auto outcome = openOne(**tx, *procedure, user, first[i], nowMs);
        if (!outcome)
            return outcome.error();
        outcomes.push_back(std::move(*outcome));
    }
    if (auto st = (*tx)->commit(); !st)
        return st.error();
    return outcomes;
}

} // namespace

Result<std::vector<LeadOutcome>> openLeadCases(const ApiContext &context, const UserAccount &user,
                                               const std::vector<LeadRequest> &requests) {
    std::vector<LeadOutcome> all;
    for (size_t start = 0; start < requests.size(); start += kLeadBatchSize) {
        const size_t count = std::min(kLeadBatchSize, requests.size() - start);
        auto batch = withWriteRetry([&] { return openBatch(context, user, requests.data() + start, count); });
        if (!batch)
            return batch.error();
        for (auto &o : *batch)
            all.push_back(std::move(o));
    }
    return all;
}

} // namespace ruhu::server
