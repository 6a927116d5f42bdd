#pragma once

#include <ruhu/store/device_replica.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

// One field value a device wrote, remembered so the simulator can prove no accepted write was lost.
struct WriteRecord {
    std::string mutationId;
    std::string kind;
    std::string recordId;
    std::string field;
    boost::json::value value;
    std::string hlc;
};

// Random offline edits a cadre might make: new households with members, changed addresses, phones,
// groups, household types, new members, corrected names. Seeded, so a run can be replayed exactly.
class Workload {
public:
    Workload(uint32_t seed, std::string regionCode)
        : m_rng(seed)
        , m_regionCode(std::move(regionCode)) {}

    // Creates a household with 1-4 members; returns the writes made.
    std::vector<WriteRecord> createHousehold(ruhu::DeviceReplica &replica);
    // Edits one random field of a random household or member in the replica's village.
    std::vector<WriteRecord> editSomething(ruhu::DeviceReplica &replica);
    // A township reviewer's edit: address, phone or household type of a random household in one of the
    // villages (the same households the cadres edit).
    std::vector<WriteRecord> reviewerEdit(ruhu::DeviceReplica &replica,
                                          const std::vector<std::string> &villages);

    std::mt19937 &rng() { return m_rng; }

private:
    std::vector<WriteRecord> record(const ruhu::Result<ruhu::Record> &result,
                                    const ruhu::DeviceReplica &replica, const boost::json::object &fields);
    std::string randomName(bool male);
    std::string randomIdNumber(bool male);

    std::mt19937 m_rng;
    std::string m_regionCode;
    // The replica numbers its mutations 1, 2, … per device (a fresh replica); every successful edit is
    // one mutation, so the id of each write is known without reading the outbox.
    int64_t m_nextSeq = 1;
};
