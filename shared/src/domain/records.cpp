#include <ruhu/domain/records.h>

namespace ruhu::domain {

const char *workflowStateName(WorkflowState s) {
    switch (s) {
    case WorkflowState::Lead:
        return "LEAD";
    case WorkflowState::Triaged:
        return "TRIAGED";
    case WorkflowState::Surveyed:
        return "SURVEYED";
    case WorkflowState::Authorized:
        return "AUTHORIZED";
    case WorkflowState::VillageReviewed:
        return "VILLAGE_REVIEWED";
    case WorkflowState::Publicized:
        return "PUBLICIZED";
    case WorkflowState::TownshipApproved:
        return "TOWNSHIP_APPROVED";
    case WorkflowState::TownshipRejected:
        return "TOWNSHIP_REJECTED";
    case WorkflowState::CountyConfirmed:
        return "COUNTY_CONFIRMED";
    case WorkflowState::CountyRejected:
        return "COUNTY_REJECTED";
    case WorkflowState::Announced:
        return "ANNOUNCED";
    case WorkflowState::Entered:
        return "ENTERED";
    case WorkflowState::Assisting:
        return "ASSISTING";
    case WorkflowState::EliminationProposed:
        return "ELIMINATION_PROPOSED";
    case WorkflowState::Eliminated:
        return "ELIMINATED";
    case WorkflowState::RolledBack:
        return "ROLLED_BACK";
    case WorkflowState::Withdrawn:
        return "WITHDRAWN";
    case WorkflowState::Removed:
        return "REMOVED";
    case WorkflowState::Rejected:
        return "REJECTED";
    }
    return "?";
}

} // namespace ruhu::domain
