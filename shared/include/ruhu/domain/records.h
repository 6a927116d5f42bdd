#pragma once

#include <ruhu/domain/civil_date.h>
#include <ruhu/domain/money.h>

#include <optional>
#include <string>
#include <vector>

namespace ruhu::domain {

// 帮扶措施 (§8, §12).
struct AssistanceMeasure {
    std::string id;
    std::string householdId;
    std::string memberId;
    std::string category; // 产业帮扶|就业帮扶|…|其他
    std::string item;
    bool developmental = false; // counts towards 开发式帮扶
    std::string responsibleDept;
    std::optional<CivilDate> startDate;
    std::optional<CivilDate> endDate;
    Fen amount = 0;     // deviation: §12 amountYuan (decimal string) is kept in 分
    std::string status; // 计划|实施中|已落实|终止
    std::vector<std::string> evidencePhotoIds;

    // "至少落实一项帮扶措施": a measure in progress or done counts.
    bool isImplemented() const { return status == "实施中" || status == "已落实"; }
};

// 走访记录 (§12).
struct VisitFindings {
    std::string incomeChange; // 上升|持平|下降
    std::vector<std::string> newRisks;
    std::optional<bool> sangbaoEducation, sangbaoMedical, sangbaoHousing, sangbaoWater;
    struct MeasureProgress {
        std::string measureId;
        std::string status; // 落实中|已落实|未落实
    };
    std::vector<MeasureProgress> measureProgress;
    std::string notes;
};

struct VisitLog {
    std::string id;
    std::string householdId;
    std::string type; // 入户核实|实地调查|每月走访|回头看|风险消除核实|电话
    std::string startedAt;
    std::string endedAt;
    std::vector<std::string> visitors;
    std::optional<double> lat, lng, accuracyM;
    VisitFindings findings;
    bool readBackConfirmed = false;
    std::string householdSignatureId;
    std::vector<std::string> photoIds;
};

// 风险研判 (§12): what the engine suggested plus the human decision.
struct RiskAssessment {
    std::string id;
    std::string householdId;
    std::string incomeSheetId;
    std::string assessedAt;
    std::string configId; // deviation: §12 ruleSetVersion → the config id + hash actually used
    std::string configHash;
    int thresholdYear = 0;
    Fen threshold = 0;
    std::string thresholdSource;
    std::vector<int> categories; // K numbers
    std::vector<int> exclusions; // X numbers
    std::vector<std::string> excludedMemberIds;
    bool mandatory = false;
    std::string outcome; // Outcome code (EXCLUDED_HARD …)
    std::vector<std::string> reasons;
    std::vector<std::string> sixAreas;
    std::vector<std::string> riskTypes;
    struct Decision {
        std::string by;
        std::string result; // 列为重点核查对象|不纳入|需综合研判
        std::string note;
        std::string exceptionJustification;
        std::string publicExplanation;
    } decision;
};

// 流程状态 (§7.2). Event-sourced: state is derived from events on the server.
enum class WorkflowState {
    Lead,
    Triaged,
    Surveyed,
    Authorized,
    VillageReviewed,
    Publicized,
    TownshipApproved,
    TownshipRejected,
    CountyConfirmed,
    CountyRejected,
    Announced,
    Entered,
    Assisting,
    EliminationProposed,
    Eliminated,
    RolledBack,
    Withdrawn,
    Removed,
    Rejected,
};
const char *workflowStateName(WorkflowState state); // "LEAD", "TRIAGED", …

struct WorkflowEvent {
    std::string at;
    WorkflowState from = WorkflowState::Lead;
    WorkflowState to = WorkflowState::Lead;
    std::string by;
    std::string role; // 村|乡|县
    std::string note;
    std::vector<std::string> attachments;
};

struct Objection {
    std::string at;
    std::string content;
    std::string resolution;
};

struct WorkflowCase {
    std::string id;
    std::string householdId;
    std::string caseType; // 识别|风险消除|风险回退|清退
    WorkflowState state = WorkflowState::Lead;
    std::string source;      // 农户申报|入户走访|部门预警|突发应急|其他渠道
    std::string leadChannel; // APP|12317|村委会|政府救助平台|…
    std::optional<CivilDate> publicityStart;
    std::optional<CivilDate> publicityEndPlanned;
    int publicityWorkingDays = 5;
    std::vector<Objection> objections;
    std::vector<WorkflowEvent> events;
};

} // namespace ruhu::domain
