#include <ruhu/domain/workflow.h>

#include <algorithm>

namespace ruhu::workflow {
namespace {

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

std::string describe(std::string_view state) {
    if (state.empty())
        return "（新建）";
    return std::string(stateLabel(state)) + "（" + std::string(state) + "）";
}

} // namespace

const std::vector<StateInfo> &states() {
    static const std::vector<StateInfo> list{
        {"LEAD", "线索"},
        {"TRIAGED", "综合研判"},
        {"SURVEYED", "实地调查"},
        {"AUTHORIZED", "已签授权承诺书"},
        {"VILLAGE_REVIEWED", "村级评议"},
        {"PUBLICIZED", "公示"},
        {"TOWNSHIP_APPROVED", "乡镇审核通过"},
        {"TOWNSHIP_REJECTED", "乡镇审核不通过", true},
        {"COUNTY_CONFIRMED", "县级确定"},
        {"COUNTY_REJECTED", "县级不予确定", true},
        {"ANNOUNCED", "公告"},
        {"ENTERED", "录入系统"},
        {"ASSISTING", "帮扶中"},
        {"ELIMINATION_PROPOSED", "拟风险消除"},
        {"ELIMINATED", "风险消除"},
        {"ROLLED_BACK", "风险回退"},
        {"CLOSED", "不纳入", true},
        {"WITHDRAWN", "申请人撤回", true},
        {"REMOVED", "清退", true},
    };
    return list;
}

const std::vector<Transition> &transitions() {
    // §7.2. The tablet (village) proposes up to 公示 and runs 帮扶; 乡镇审核 and rejections belong to the
    // township; 县级确定 and everything that changes the national record (公告, 录入, 风险消除, 回退, 清退)
    // to the county. A higher role may do whatever a lower one may.
    static const std::vector<Transition> list = [] {
        std::vector<Transition> t{
            {"LEAD", "TRIAGED", "village"},
            {"TRIAGED", "SURVEYED", "village"},
            {"TRIAGED", "CLOSED", "village"},
            {"SURVEYED", "AUTHORIZED", "village"},
            {"AUTHORIZED", "VILLAGE_REVIEWED", "village"},
            {"VILLAGE_REVIEWED", "PUBLICIZED", "village"},
            {"VILLAGE_REVIEWED", "CLOSED", "village"},
            {"PUBLICIZED", "TOWNSHIP_APPROVED", "township"},
            {"PUBLICIZED", "TOWNSHIP_REJECTED", "township"},
            {"TOWNSHIP_APPROVED", "COUNTY_CONFIRMED", "county"},
            {"TOWNSHIP_APPROVED", "COUNTY_REJECTED", "county"},
            {"COUNTY_CONFIRMED", "ANNOUNCED", "county"},
            {"ANNOUNCED", "ENTERED", "county"},
            {"ENTERED", "ASSISTING", "village"},
            {"ASSISTING", "ELIMINATION_PROPOSED", "village"},
            {"ELIMINATION_PROPOSED", "ASSISTING", "township"},
            {"ELIMINATION_PROPOSED", "ELIMINATED", "county"},
            {"ELIMINATED", "ROLLED_BACK", "county"},
            {"ROLLED_BACK", "ASSISTING", "village"},
        };
        // Any state that is not final: the applicant may withdraw (recorded by the village), the county
        // may remove (清退).
        for (const auto &s : states()) {
            if (s.terminal)
                continue;
            t.push_back({s.name, "WITHDRAWN", "village"});
            t.push_back({s.name, "REMOVED", "county"});
        }
        return t;
    }();
    return list;
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
