#pragma once

#include <ruhu/demo/case_household.h>

#include <QString>

#include <memory>
#include <string>

// Carries monitoring cases to 公示 on a running ruhu-syncd through the tablet's door: push as a village
// account on its own device (with a registered key and a signed 授权承诺书), every step checked by the
// server's procedure, so the cases are real ones. Throws std::runtime_error with the server's answer
// when a step is refused.
class CaseSeeder {
public:
    // Logs in as `user` (password ruhu2024) on `deviceId` and registers a fresh device signing key.
    CaseSeeder(const QString &url, const std::string &user, const std::string &deviceId);
    ~CaseSeeder();

    // The county loads this and next year's 湖北 监测范围 (test figures), with its token (logged in as
    // county on its own device when empty).
    static void loadThresholds(const QString &url, int year, const QByteArray &countyToken = {});

    // The household of `spec` (surveyed today; headName, when given, names its 户主) and case `caseId`
    // carried from 线索 to 公示 starting today, 公示 posted at `location`.
    void seedToPublicity(ruhu::demo::CaseHouseholdSpec spec, const std::string &caseId,
                         const std::string &headName = {}, const std::string &location = "二组公示栏");

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};
