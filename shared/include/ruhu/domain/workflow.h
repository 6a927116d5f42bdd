#pragma once

#include <ruhu/result.h>

#include <string>
#include <string_view>
#include <vector>

// The monitoring-case state machine (monitoring-domain.md §7.2) and who may move a case along it.
// The server checks every proposed transition against the case's current state and the user's role;
// the tablet uses the same table to offer only the next steps its user may propose.
namespace ruhu::workflow {

struct StateInfo {
    std::string_view name;  // "LEAD"
    std::string_view label; // "线索"
    bool terminal = false;  // nothing follows (closed, withdrawn, removed, rejected)
};

struct Transition {
    std::string_view from;
    std::string_view to;
    std::string_view minRole; // "village" | "township" | "county" | "admin"
    std::string_view action;  // stable code of the step ("triage", "townshipApprove" …)
    std::string_view label;   // the step in Chinese ("综合研判" …)
};

// The state a new case starts in.
inline constexpr std::string_view kInitialState = "LEAD";

const std::vector<StateInfo> &states();
const std::vector<Transition> &transitions();
// The table's entry for from -> to, or nullptr.
const Transition *findTransition(std::string_view from, std::string_view to);
// Open: neither terminal nor ELIMINATED (a household has at most one open case; after 风险消除 a new risk
// starts a new case).
bool isOpenState(std::string_view state);
// 村级 / 乡镇 / 县级 / 管理员.
std::string_view roleLabel(std::string_view role);

bool isState(std::string_view name);
// The Chinese label of a state, or the name itself when unknown.
std::string_view stateLabel(std::string_view name);

// village 1, township 2, county 3, admin 4; anything else 0 (may do nothing).
int roleRank(std::string_view role);

// Who takes the case's own next step in `state` ("township" in 公示, "county" after 乡镇审核通过): the
// lowest role among its steps, leaving out withdrawal and removal (open to every open state). Empty when
// the state is final. The console's "waiting for my tier".
std::string_view nextTier(std::string_view state);

// The states a user with this role may move a case to from `from`, in table order.
std::vector<std::string> allowedNextStates(std::string_view from, std::string_view role);

// okStatus() when `role` may move a case from `from` to `to`. `from` empty means the case does not exist
// yet (it must start in kInitialState). from == to is no transition and always fine. Otherwise
// Error{"invalid_transition", Chinese message naming both states (and the role when it is the role that
// is missing), "state"}.
Status checkTransition(std::string_view from, std::string_view to, std::string_view role);

} // namespace ruhu::workflow
