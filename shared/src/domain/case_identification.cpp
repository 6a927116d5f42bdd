// The identification stages (§7.1 1–7): lead, 综合研判, 实地调查, 申请 + 授权承诺书, 村级评议, 公示,
// 乡镇审核, 县级确定 (部门联审).
#include "case_facts.h"

#include <ruhu/domain/household_records.h>
#include <ruhu/evidence/authorization_standing.h>
#include <ruhu/evidence/covered_household.h>
#include <ruhu/model/id_number.h>

#include <algorithm>
#include <set>

namespace ruhu::cases::detail {
namespace {

using domain::CivilDate;

const std::set<std::string> kChannels{"APP", "12317", "村委会", "政府救助平台"};
const std::set<std::string> kPublicityPlaces{"线下", "线上", "线下和线上"};

std::string quoted(std::string_view s) {
    return "“" + std::string(s) + "”";
}

// Counted members (X9): status 正常 and sharing income and expenses.
bool counted(const Record &member) {
    const auto status = text(member.fields, "status");
    const auto *shares = member.fields.if_contains("sharesIncomeExpense");
    return (status.empty() || status == "正常") && !(shares && shares->is_bool() && !shares->get_bool());
}

std::string memberName(const Record &member) {
    auto name = text(member.fields, "name");
    return name.empty() ? member.id : name;
}

void checkVillageReview(CaseFacts &facts, std::vector<Missing> &out) {
    const auto &r = facts.step("villageReview");
    if (r.empty()) {
        lack(out, "village_review_missing", "村级评议记录");
        return;
    }
    auto meeting = date(r, "meetingDate");
    if (!meeting)
        lack(out, "village_review_missing", "评议会议日期");
    else if (*meeting > facts.context().today)
        add(out, "date_in_future", "评议会议日期不能晚于今天");
    const auto *attendees = array(r, "attendees");
    if (!attendees || attendees->empty())
        lack(out, "village_review_missing", "参加评议的人员");
    const auto result = text(r, "result");
    if (result.empty())
        lack(out, "village_review_missing", "评议结果");
    else if (result != "通过")
        add(out, "village_review_failed", "村级评议结果为" + quoted(result) + "，只能办理不纳入");
    if (text(r, "decision").empty())
        lack(out, "village_review_missing", "村“两委”会决定");
    if (const auto *objections = array(r, "objections")) {
        for (const auto &o : *objections) {
            if (o.is_object() && text(o.get_object(), "settlement").empty())
                add(out, "review_objection_open",
                    "评议中的异议" + quoted(text(o.get_object(), "content")) + "尚未说明处理结果");
        }
    }
    const auto *measures = array(r, "suggestedMeasures");
    if (!measures || measures->empty())
        lack(out, "suggested_measures_missing", "评议提出的消除风险措施建议");
}

bool expedited(const boost::json::object &publicity) {
    const auto *e = publicity.if_contains("expedited");
    return e && e->is_object();
}

void checkPublicity(CaseFacts &facts, std::vector<Missing> &out) {
    const auto &p = facts.step("publicity");
    auto start = date(p, "start");
    if (!start) {
        lack(out, "publicity_missing", "公示开始日期");
    } else {
        if (*start > facts.context().today)
            add(out, "date_in_future", "公示开始日期不能晚于今天");
        if (auto meeting = date(facts.step("villageReview"), "meetingDate"); meeting && *start < *meeting)
            add(out, "publicity_before_review", "公示开始日期早于村级评议会议");
        if (auto end = publicityEnd(*start, facts.context()); !end)
            add(out, end.error().code, end.error().message);
    }
    if (!kPublicityPlaces.contains(text(p, "place")))
        lack(out, "publicity_missing", "公示方式（线下、线上或线下和线上）");
    if (text(p, "location").empty())
        lack(out, "publicity_missing", "公示地点（村民小组公开场所或网上平台）");
    if (expedited(p)) {
        if (text(p.at("expedited").get_object(), "reason").empty())
            lack(out, "expedite_reason_missing", "即刻审核的理由");
        const auto &a = facts.assessment();
        if (!a.evaluation || a.evaluation->outcome != domain::Outcome::SuddenHardship)
            add(out, "expedite_not_allowed",
                "即刻审核只适用于突发严重困难户，本户的规则判断结果不是突发严重困难户");
    }
}

void checkTownshipApproval(CaseFacts &facts, std::vector<Missing> &out) {
    const auto &p = facts.step("publicity");
    const auto &ctx = facts.context();
    if (auto start = date(p, "start"); start && !expedited(p)) {
        if (auto end = publicityEnd(*start, ctx); end && !(ctx.today > *end))
            add(out, "publicity_not_ended", "公示期未满（" + end->toString() + "结束），公示结束后方可审核");
    }
    if (const auto *objections = array(p, "objections")) {
        for (const auto &o : *objections) {
            if (!o.is_object())
                continue;
            const auto &obj = o.get_object();
            if (!isTrue(obj, "settled") || text(obj, "investigation").empty())
                add(out, "objection_open",
                    "公示异议" + quoted(text(obj, "content")) + "尚未调查核实处理完毕");
        }
    }
    if (facts.household().measures.empty())
        lack(out, "measures_missing", "逐户明确的帮扶措施");
    if (text(facts.step("townshipReview"), "result") != "通过")
        lack(out, "township_review_missing", "乡镇审核意见（通过）");
}

} // namespace

void checkLead(CaseFacts &facts, std::vector<Missing> &out) {
    const auto &f = facts.inputs().fields;
    const auto source = text(f, "source");
    const auto &lead = facts.step("lead");
    if (source.empty())
        lack(out, "lead_source_missing", "线索来源");
    if (source == "农户申报") {
        if (text(lead, "applicant").empty())
            lack(out, "application_incomplete", "申报人");
        if (!kChannels.contains(text(f, "leadChannel")))
            lack(out, "application_incomplete", "申报渠道（APP、12317、村委会或政府救助平台）");
        if (!date(lead, "date"))
            lack(out, "application_incomplete", "申报日期");
        if (const auto *proxy = lead.if_contains("proxy"); proxy && proxy->is_object()) {
            if (text(proxy->get_object(), "name").empty() || text(proxy->get_object(), "reason").empty())
                lack(out, "application_incomplete", "代为申报人的姓名和代报原因（因病、因残）");
        }
    }
    if (auto d = date(lead, "date"); d && *d > facts.context().today)
        add(out, "date_in_future", "线索日期不能晚于今天");
    if (!facts.household().household || facts.household().household->deleted)
        lack(out, "household_missing", "户的基本信息（请先同步本户）");
    for (const auto *c : facts.live("workflowCase")) {
        if (c->id == facts.inputs().caseId)
            continue;
        const auto state = text(c->fields, "state");
        if (workflow::isOpenState(state))
            add(out, "case_already_open",
                "本户已有未办结的流程（" + std::string(workflow::stateLabel(state)) + "），不能再新建");
    }
}

void checkTriage(CaseFacts &facts, std::vector<Missing> &out) {
    const auto &t = facts.step("triage");
    const auto result = text(t, "result");
    if (result != "重点核查" && result != "不纳入")
        lack(out, "triage_missing", "综合研判结论（重点核查或不纳入）");
    else if (result == "不纳入" && text(t, "reason").empty())
        lack(out, "triage_reason_missing", "不纳入的理由");
}

void checkSurvey(CaseFacts &facts, std::vector<Missing> &out) {
    const auto &hh = facts.household();
    const auto &ctx = facts.context();
    if (text(facts.step("triage"), "result") != "重点核查")
        add(out, "triage_excluded", "综合研判结论不是“重点核查”，不能开展实地调查");
    if (!hh.household || hh.household->deleted) {
        lack(out, "household_missing", "户的基本信息（请先同步本户）");
        return;
    }
    if (hh.members.empty())
        lack(out, "members_missing", "家庭成员");
    int heads = 0;
    for (const auto &m : hh.members) {
        std::vector<std::string> gaps;
        if (text(m.fields, "name").empty())
            gaps.push_back("姓名");
        if (auto id = text(m.fields, "idNo"); id.empty() || !parseIdNumber(id))
            gaps.push_back("有效的身份证号");
        if (text(m.fields, "relationToHead").empty())
            gaps.push_back("与户主关系");
        if (text(m.fields, "labor").empty())
            gaps.push_back("劳动技能");
        if (text(m.fields, "relationToHead") == "户主" && counted(m))
            ++heads;
        if (!gaps.empty()) {
            std::string list;
            for (const auto &g : gaps)
                list += (list.empty() ? "" : "、") + g;
            lack(out, "member_incomplete", "成员" + quoted(memberName(m)) + "的" + list);
        }
    }
    if (!hh.members.empty() && heads != 1)
        lack(out, "head_missing", "户主（须有且只有一名在户的户主）");
    const auto &fields = hh.household->fields;
    for (const auto &[key, label] : {std::pair{"housing", "住房情况"}, std::pair{"water", "饮水情况"}}) {
        const auto *v = fields.if_contains(key);
        if (!v || !v->is_object() || v->get_object().empty())
            lack(out, "survey_incomplete", label);
    }
    if (!hh.incomeSheet || hh.incomeSheet->deleted) {
        lack(out, "income_sheet_missing", "收入核算表");
        return;
    }
    auto from = date(hh.incomeSheet->fields, "periodStart");
    auto to = date(hh.incomeSheet->fields, "periodEnd");
    if (!from || !to) {
        lack(out, "income_period_wrong", "收入核算期（调查前连续12个月）");
    } else if (addDays(domain::addMonths(*from, 12), -1) != *to || *to > ctx.today ||
               ctx.today.dayNumber() - to->dayNumber() > 92) {
        add(out, "income_period_wrong",
            "收入核算期（" + from->toString() + "至" + to->toString() +
                "）应为调查前连续12个月，且截止日在调查前3个月以内");
    }
    const auto &a = facts.assessment();
    if (!a.evaluation)
        add(out, "assessment_failed", "收入核算或规则判断未通过：" + a.error);
}

void checkAuthorization(CaseFacts &facts, std::vector<Missing> &out) {
    const auto &hh = facts.household();
    if (!hh.household)
        return; // reported by checkSurvey
    const auto *risks = hh.household->fields.if_contains("riskTypes");
    if (!risks || !risks->is_array() || risks->get_array().empty() || risks->get_array().size() > 5)
        lack(out, "risk_types_missing", "致贫/返贫风险类型（1至5项）");
    auto inForce = evidence::authorizationInForce(facts.inputs().records);
    if (!inForce || inForce->record.householdId != facts.inputs().householdId) {
        lack(out, "authorization_missing", "全体成员签字的授权承诺书");
        return;
    }
    const auto *receipt = inForce->record.fields.if_contains("receipt");
    if (!receipt || !receipt->is_object() || !isTrue(receipt->get_object(), "verified"))
        add(out, "authorization_unverified", "授权承诺书尚未通过服务器验证（请同步后再办理）");
    const auto current =
        evidence::coveredDataSha256(evidence::coveredHouseholdFromRecords(*hh.household, hh.members));
    if (current != inForce->document.coveredDataSha256)
        add(out, "authorization_stale", "授权承诺书签署后家庭信息已变更，须全体成员重新签署");
    std::set<std::string> signedFor;
    for (const auto &s : inForce->document.signers)
        signedFor.insert(s.memberId);
    for (const auto &m : hh.members) {
        if (counted(m) && !signedFor.contains(m.id))
            lack(out, "authorization_not_covering", "成员" + quoted(memberName(m)) + "在授权承诺书上的签字");
    }
}

void checkIdentification(CaseFacts &facts, int level, std::vector<Missing> &out) {
    checkSurvey(facts, out);
    if (level >= 2)
        checkAuthorization(facts, out);
    if (level >= 3)
        checkVillageReview(facts, out);
    if (level >= 4)
        checkPublicity(facts, out);
    if (level >= 5)
        checkTownshipApproval(facts, out);
}

void checkCountyConfirmation(CaseFacts &facts, std::vector<Missing> &out) {
    const auto &c = facts.step("countyReview");
    const auto *departments = array(c, "departments");
    if (!departments || departments->empty()) {
        lack(out, "joint_review_missing", "部门联审结果");
    } else {
        for (const auto &d : *departments) {
            const auto *obj = d.if_object();
            if (!obj || text(*obj, "department").empty() || text(*obj, "result").empty())
                lack(out, "joint_review_missing", "每个联审部门的名称和结果");
            else if (text(*obj, "result") != "通过")
                add(out, "joint_review_failed",
                    "部门联审未通过：" + text(*obj, "department") +
                        (text(*obj, "note").empty() ? "" : "（" + text(*obj, "note") + "）"));
        }
    }
    if (text(c, "leadDepartment").empty())
        lack(out, "lead_department_missing", "帮扶主责部门");
    const auto &categories = monitoringCategories();
    if (std::find(categories.begin(), categories.end(), text(c, "category")) == categories.end())
        lack(out, "category_missing", "监测对象类别（脱贫不稳定户、边缘易致贫户或突发严重困难户）");
}

} // namespace ruhu::cases::detail

namespace ruhu::cases {

const std::vector<std::string> &monitoringCategories() {
    static const std::vector<std::string> categories{"脱贫不稳定户", "边缘易致贫户", "突发严重困难户"};
    return categories;
}

} // namespace ruhu::cases
