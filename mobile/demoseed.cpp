#include "demoseed.h"

#include <ruhu/demo/demo_county.h>
#include <ruhu/store/device_replica.h>

#include <boost/json/array.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace {

constexpr auto kUser = "cadre1";
constexpr auto kVillage = "429005103201";

int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// A local date `monthsBack` months before today, on `day`: "2026-09-05".
std::string localDate(int monthsBack, int day) {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    int month = tm.tm_mon - monthsBack; // 0-based
    int year = tm.tm_year + 1900;
    while (month < 0) {
        month += 12;
        --year;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month + 1, std::min(day, 28));
    return buf;
}

// A local date `days` days before today: "2026-12-03".
std::string localDaysBack(int days) {
    std::time_t then = std::time(nullptr) - static_cast<std::time_t>(days) * 24 * 3600;
    std::tm tm{};
    localtime_r(&then, &tm);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return buf;
}

std::string yearMonth(const std::string &date) { // "2026-09-05" → "202609"
    return date.substr(0, 4) + date.substr(5, 2);
}

ruhu::Record demoRecord(const std::string &kind, const std::string &id, const std::string &householdId,
                        boost::json::object fields) {
    ruhu::Record r;
    r.kind = kind;
    r.id = id;
    r.householdId = householdId;
    r.regionCode = kVillage;
    r.fields = std::move(fields);
    return r;
}

ruhu::Record demoVisit(const std::string &householdId, const std::string &type, const std::string &date) {
    return demoRecord("visit", householdId + "-v-" + date, householdId,
                      {{"householdId", householdId},
                       {"type", type},
                       {"startedAt", date + "T09:30:00+08:00"},
                       {"visitors", boost::json::array{kUser}}});
}

// Cases waiting for the village (Today page, case page): a fresh lead from a department's list, a lead
// past its 入户核实 deadline and a case the township returned.
void addCaseDemo(std::vector<ruhu::Record> &changes) {
    auto lead = [&](const std::string &householdId, const std::string &date, const char *department,
                    const char *reason) {
        changes.push_back(
            demoRecord("workflowCase", householdId + "-lead", householdId,
                       {{"householdId", householdId},
                        {"caseType", "识别"},
                        {"state", "LEAD"},
                        {"source", "部门预警"},
                        {"lead", {{"date", date}, {"department", department}, {"reason", reason}}},
                        {"events", boost::json::array{{{"id", "ev-1"},
                                                       {"from", ""},
                                                       {"to", "LEAD"},
                                                       {"action", ""},
                                                       {"by", "county1"},
                                                       {"role", "county"},
                                                       {"at", date + "T09:00:00+08:00"},
                                                       {"note", "部门筛查预警导入"}}}}}));
    };
    lead("hh-0011", localDaysBack(1), "医保局", "大额医疗支出预警");
    lead("hh-0013", localDaysBack(20), "民政局", "低保边缘预警");
    changes.push_back(
        demoRecord("workflowCase", "hh-0012-case", "hh-0012",
                   {{"householdId", "hh-0012"},
                    {"caseType", "识别"},
                    {"state", "RETURNED"},
                    {"source", "农户申报"},
                    {"townshipReview", {{"result", "退回"}, {"reason", "收入测算缺少务工收入证明"}}}}));
}

// Monitoring for the Today page, relative to today: 监测对象 due for the monthly visit or already
// visited, households whose risk was eliminated (one still waiting for 回头看), and their cases.
void addMonitoringDemo(std::vector<ruhu::Record> &changes) {
    auto household = [&](const std::string &id) -> ruhu::Record * {
        for (auto &r : changes) {
            if (r.kind == "household" && r.id == id)
                return &r;
        }
        return nullptr;
    };
    auto monitor = [&](const std::string &id, const char *category, boost::json::array risks,
                       const std::string &eliminatedOn = {}) {
        ruhu::Record *h = household(id);
        if (!h)
            return;
        boost::json::object monitoring{{"category", category},
                                       {"identifiedYm", yearMonth(localDate(14, 1))},
                                       {"riskEliminated", !eliminatedOn.empty()}};
        if (!eliminatedOn.empty()) {
            monitoring["eliminationMode"] = "帮扶消除";
            monitoring["eliminatedYm"] = yearMonth(eliminatedOn);
        }
        h->fields["monitoring"] = std::move(monitoring);
        h->fields["riskTypes"] = std::move(risks);
    };
    auto workflowCase = [&](const std::string &householdId, const char *caseType, const char *state) {
        changes.push_back(demoRecord("workflowCase", householdId + "-case", householdId,
                                     {{"householdId", householdId},
                                      {"caseType", caseType},
                                      {"state", state},
                                      {"source", "入户走访"}}));
    };
    monitor("hh-0006", "脱贫不稳定户", {"因病"});
    workflowCase("hh-0006", "识别", "ASSISTING");
    changes.push_back(demoVisit("hh-0006", "每月走访", localDate(1, 12)));
    monitor("hh-0007", "边缘易致贫户", {"缺劳动力", "因学"});
    workflowCase("hh-0007", "识别", "ASSISTING");
    changes.push_back(demoVisit("hh-0007", "每月走访", localDate(0, 1)));
    monitor("hh-0008", "突发严重困难户", {"因自然灾害"});
    workflowCase("hh-0008", "识别", "SURVEYED");
    const std::string eliminated = localDate(2, 10);
    monitor("hh-0009", "脱贫不稳定户", {"因务工就业不稳"}, eliminated);
    workflowCase("hh-0009", "风险消除", "ELIMINATED");
    const std::string lookedBack = localDate(3, 10);
    monitor("hh-0010", "边缘易致贫户", {"因残"}, lookedBack);
    changes.push_back(demoVisit("hh-0010", "回头看", localDate(1, 20)));
    addCaseDemo(changes);
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
    addMonitoringDemo(pull.changes);
    for (size_t i = 0; i < pull.changes.size(); ++i)
        pull.changes[i].version = static_cast<int64_t>(i) + 1;
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
