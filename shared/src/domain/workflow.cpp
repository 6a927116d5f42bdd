#include <ruhu/domain/workflow.h>

#include <algorithm>

namespace ruhu::workflow {
namespace {

std::string describe(std::string_view state) {
    if (state.empty())
        return "（新建）";
    return std::string(stateLabel(state)) + "（" + std::string(state) + "）";
}

} // namespace

std::string_view roleLabel(std::string_view role) {
    if (role == "village")
        return "村级";
    if (role == "township")
        return "乡镇";
    if (role == "county")
        return "县级";
    if (role == "admin")
        return "管理员";
    return "未知角色";
}

const std::vector<StateInfo> &states() {
    static const std::vector<StateInfo> list{
        {"LEAD", "线索"},
        {"TRIAGED", "综合研判"},
        {"SURVEYED", "实地调查"},
        {"AUTHORIZED", "已签授权承诺书"},
        {"VILLAGE_REVIEWED", "村级评议"},
        {"PUBLICIZED", "公示"},
        {"RETURNED", "退回补正"},
        {"TOWNSHIP_APPROVED", "乡镇审核通过"},
        {"TOWNSHIP_REJECTED", "乡镇审核不通过", true},
        {"COUNTY_CONFIRMED", "县级确定"},
        {"COUNTY_REJECTED", "县级不予确定", true},
        {"ANNOUNCED", "公告"},
        {"ENTERED", "录入系统"},
        {"ASSISTING", "帮扶中"},
        {"ELIMINATION_PROPOSED", "拟风险消除"},
        {"ELIMINATION_APPROVED", "风险消除乡镇审核通过"},
        {"ELIMINATED", "风险消除"},
        {"ROLLED_BACK", "风险回退"},
        {"CLOSED", "不纳入", true},
        {"WITHDRAWN", "申请人撤回", true},
        {"REMOVED", "清退", true},
    };
    return list;
}

const std::vector<Transition> &transitions() {
    // §7.2. The tablet (village) proposes up to 公示 and runs 帮扶; 乡镇审核 (and 退回) belongs to the
    // township; 县级确定 and what changes the national record (公告, 录入, 风险消除, 清退) to the county;
    // 风险回退 after 回头看 to the township (管理区, S001 一(六)). A higher role may do whatever a lower one
    // may. What each step needs besides the role: ruhu/domain/case_procedure.h.
    static const std::vector<Transition> list = [] {
        std::vector<Transition> t{
            {"LEAD", "TRIAGED", "village", "triage", "综合研判"},
            {"TRIAGED", "SURVEYED", "village", "survey", "完成实地调查"},
            {"TRIAGED", "CLOSED", "village", "close", "研判不纳入"},
            {"SURVEYED", "AUTHORIZED", "village", "authorize", "申请并签署授权承诺书"},
            {"AUTHORIZED", "VILLAGE_REVIEWED", "village", "villageReview", "村级评议"},
            {"VILLAGE_REVIEWED", "PUBLICIZED", "village", "publicize", "公示"},
            {"VILLAGE_REVIEWED", "CLOSED", "village", "close", "评议不通过"},
            {"PUBLICIZED", "TOWNSHIP_APPROVED", "township", "townshipApprove", "乡镇审核通过"},
            {"PUBLICIZED", "RETURNED", "township", "townshipReturn", "乡镇退回补正"},
            {"PUBLICIZED", "TOWNSHIP_REJECTED", "township", "townshipReject", "乡镇审核不通过"},
            {"TOWNSHIP_APPROVED", "COUNTY_CONFIRMED", "county", "countyConfirm", "县级确定"},
            {"TOWNSHIP_APPROVED", "RETURNED", "county", "countyReturn", "县级退回补正"},
            {"TOWNSHIP_APPROVED", "COUNTY_REJECTED", "county", "countyReject", "县级不予确定"},
            {"RETURNED", "SURVEYED", "village", "resubmit", "补正后重新调查"},
            {"RETURNED", "AUTHORIZED", "village", "resubmit", "补正后重新签署"},
            {"RETURNED", "VILLAGE_REVIEWED", "village", "resubmit", "补正后重新评议"},
            {"RETURNED", "PUBLICIZED", "village", "resubmit", "补正后重新报审"},
            {"RETURNED", "CLOSED", "village", "close", "退回后不纳入"},
            {"COUNTY_CONFIRMED", "ANNOUNCED", "county", "announce", "公告"},
            {"ANNOUNCED", "ENTERED", "county", "enter", "录入系统"},
            {"ENTERED", "ASSISTING", "village", "startAssistance", "开始帮扶"},
            {"ASSISTING", "ELIMINATION_PROPOSED", "village", "proposeElimination", "申请风险消除"},
            {"ELIMINATION_PROPOSED", "ELIMINATION_APPROVED", "township", "approveElimination",
             "乡镇审核风险消除"},
            {"ELIMINATION_PROPOSED", "ASSISTING", "township", "returnElimination", "退回继续帮扶"},
            {"ELIMINATION_APPROVED", "ELIMINATED", "county", "confirmElimination", "县级确认风险消除"},
            {"ELIMINATION_APPROVED", "ASSISTING", "county", "returnElimination", "退回继续帮扶"},
            {"ELIMINATED", "ROLLED_BACK", "township", "rollBack", "风险回退"},
            {"ROLLED_BACK", "ASSISTING", "village", "resumeAssistance", "恢复帮扶"},
        };
        // Any state that is not final: the applicant may withdraw (recorded by the village) until the risk
        // is eliminated, the county may remove (清退).
        for (const auto &s : states()) {
            if (s.terminal)
                continue;
            if (s.name != "ELIMINATED")
                t.push_back({s.name, "WITHDRAWN", "village", "withdraw", "申请人撤回"});
            t.push_back({s.name, "REMOVED", "county", "remove", "清退"});
        }
        return t;
    }();
    return list;
}

const Transition *findTransition(std::string_view from, std::string_view to) {
    for (const auto &t : transitions()) {
        if (t.from == from && t.to == to)
            return &t;
    }
    return nullptr;
}

std::string_view nextTier(std::string_view state) {
    std::string_view tier;
    for (const auto &t : transitions()) {
        if (t.from != state || t.action == "withdraw" || t.action == "remove")
            continue;
        if (tier.empty() || roleRank(t.minRole) < roleRank(tier))
            tier = t.minRole;
    }
    return tier;
}

bool isOpenState(std::string_view state) {
    for (const auto &s : states()) {
        if (s.name == state)
            return !s.terminal && s.name != "ELIMINATED";
    }
    return false;
}

bool isState(std::string_view name) {
    const auto &list = states();
    return std::any_of(list.begin(), list.end(), [&](const StateInfo &s) { return s.name == name; });
}

std::string_view stateLabel(std::string_view name) {
    for (const auto &s : states()) {
        if (s.name == name)
            return s.label;
    }
    return name;
}

int roleRank(std::string_view role) {
    if (role == "village")
        return 1;
    if (role == "township")
        return 2;
    if (role == "county")
        return 3;
    if (role == "admin")
        return 4;
    return 0;
}

std::vector<std::string> allowedNextStates(std::string_view from, std::string_view role) {
    std::vector<std::string> out;
    const int rank = roleRank(role);
    for (const auto &t : transitions()) {
        if (t.from == from && rank > 0 && rank >= roleRank(t.minRole))
            out.emplace_back(t.to);
    }
    return out;
}

Status checkTransition(std::string_view from, std::string_view to, std::string_view role) {
    if (from == to)
        return okStatus();
    if (!isState(to))
        return Error{"invalid_transition", "未知的流程状态“" + std::string(to) + "”", "state"};
    if (from.empty()) {
        if (to == kInitialState && roleRank(role) > 0)
            return okStatus();
        return Error{"invalid_transition",
                     "新流程只能从" + describe(kInitialState) + "开始，不能直接设为" + describe(to), "state"};
    }
    for (const auto &t : transitions()) {
        if (t.from != from || t.to != to)
            continue;
        if (roleRank(role) > 0 && roleRank(role) >= roleRank(t.minRole))
            return okStatus();
        return Error{"invalid_transition",
                     std::string(roleLabel(role)) + "账号不能把流程从" + describe(from) + "改为" +
                         describe(to) + "，需" + std::string(roleLabel(t.minRole)) + "或以上账号办理",
                     "state"};
    }
    return Error{"invalid_transition", "流程不能从" + describe(from) + "直接改为" + describe(to), "state"};
}

} // namespace ruhu::workflow
