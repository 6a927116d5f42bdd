#include "demoseed.h"

#include <ruhu/demo/demo_county.h>
#include <ruhu/store/device_replica.h>

#include <algorithm>
#include <chrono>

namespace {

constexpr auto kUser = "cadre1";
constexpr auto kVillage = "429005103201";

int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

ruhu::Status seedDemoReplica(ruhu::DeviceReplica &replica) {
    const auto county = ruhu::makeDemoCounty();
    const auto user = std::find_if(county.users.begin(), county.users.end(),
                                   [](const ruhu::DemoUser &u) { return u.username == kUser; });

    ruhu::protocol::LoginResponse login;
    login.token = "demo-token";
    login.username = kUser;
    login.displayName = user != county.users.end() ? user->displayName : kUser;
    login.role = "village";
    login.scope = {kVillage};
    for (const auto &area : county.areas) {
        // the village itself and the areas above it (names for headers)
        if (area.code.starts_with(kVillage) || std::string(kVillage).starts_with(area.code))
            login.areas.push_back(area);
    }
    login.serverTimeMs = nowMs();
    if (auto status = replica.saveSession(login); !status)
        return status;

    ruhu::protocol::PullResponse pull;
    for (const auto &record : county.records) {
        if (record.regionCode != kVillage)
            continue;
        auto copy = record;
        copy.version = static_cast<int64_t>(pull.changes.size()) + 1;
        pull.changes.push_back(std::move(copy));
    }
    pull.cursor = static_cast<int64_t>(pull.changes.size());
    pull.serverTimeMs = nowMs();
    if (auto status = replica.applyPull(pull); !status)
        return status;
    if (auto status = replica.setLastSync(nowMs() - 95 * 60 * 1000); !status)
        return status;

    // One edit the township reviewer's change overtook: it comes back rejected, with the reason.
    auto edited =
        replica.edit("member", "hh-0003-m1", "hh-0003", kVillage, boost::json::object{{"status", "失踪"}});
    if (!edited)
        return edited.error();
    const auto batch = replica.nextPushBatch(10);
    if (batch.mutations.empty())
        return ruhu::Error{"demo", "no pending mutation to reject", {}};
    if (auto status = replica.markRejected(batch.mutations.front().id, "review_conflict",
                                           "乡镇审核员已于今天核实该成员状态为“正常”，与本次修改不一致");
        !status)
        return status;

    // One edit that clashed with another cadre's on an eligibility field: the server queued it for review.
    auto typed = replica.edit("household", "hh-0005", "hh-0005", kVillage,
                              boost::json::object{{"householdType", "脱贫户"}});
    if (!typed)
        return typed.error();
    ruhu::protocol::PushResponse queued;
    ruhu::protocol::PushResult result;
    result.mutationId = replica.nextPushBatch(10).mutations.front().id;
    result.status = "queued";
    result.message = "户类型与另一位村干部的修改不一致（一般农户 / 脱贫户），已提交乡镇审核";
    queued.results.push_back(result);
    return replica.applyPushResponse(queued);
}
