#pragma once

#include <ruhu/sync/protocol.h>
#include <ruhu/sync/record.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ruhu {

struct DemoUser {
    std::string username;
    std::string displayName;
    std::string role; // "village" | "township" | "county" | "admin"
    std::string password;
    std::vector<std::string> scope;
};

// A small, deterministic demo county: one township with three villages and about sixty households with
// members whose 身份证号 carry valid check digits. The server loads it with --demo; the app's screenshot
// mode and the tests use the same data.
struct DemoCounty {
    std::vector<protocol::Area> areas;
    std::vector<Record> records; // households first, then their members
    std::vector<DemoUser> users;
};

DemoCounty makeDemoCounty(uint32_t seed = 2024);

// A valid 18-digit ID number for an area, birth date (YYYYMMDD) and sequence (000-999; odd = male).
std::string makeIdNumber(const std::string &area6, const std::string &birth8, int sequence);

} // namespace ruhu
