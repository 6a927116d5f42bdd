#pragma once

#include "storage/central_store.h"

#include <ruhu/store/device_replica.h>
#include <ruhu/sync/clock.h>

#include <QTemporaryDir>

#include <map>
#include <memory>
#include <string>
#include <vector>

// A field value one device wrote, with what the server said about its mutation.
struct TrackedWrite {
    std::string mutationId;
    std::string recordId;
    std::string field;
    boost::json::value value;
    std::string hlc;
};

// N real DeviceReplicas (SQLite files) and the real server API (ruhu::server::handleRequest over a
// SqliteCentralStore), connected by direct calls instead of sockets, so random histories run fast.
class SyncHarness {
public:
    static constexpr const char *kVillage = "429005103201";

    bool init(int devices, const std::vector<int64_t> &clockOffsetsMs);

    int deviceCount() const { return static_cast<int>(m_devices.size()); }
    ruhu::DeviceReplica &replica(int i) { return *m_devices[static_cast<size_t>(i)].replica; }
    ruhu::ManualClock &clock(int i) { return *m_devices[static_cast<size_t>(i)].clock; }
    ruhu::ManualClock &serverClock() { return m_serverClock; }

    // Local edit on device i, remembered for the lost-write check. False if the replica refused it.
    bool edit(int device, const std::string &householdId, boost::json::object fields);
    // Pushes every pending batch and pulls until the server has nothing more. False on any failure.
    bool sync(int device);
    // Pushes device i's next batch twice; true when the second answer is all "duplicate" and changed nothing.
    bool duplicatePushIsHarmless(int device);

    // Server state as the store holds it (every record, any region).
    std::map<std::string, ruhu::Record> serverRecords();
    // The server's applied-mutations rows for a record, in order (for failure reports).
    std::string historyOf(const std::string &kind, const std::string &recordId);
    const std::vector<TrackedWrite> &writes() const { return m_writes; }
    const std::map<std::string, std::string> &statuses() const { return m_statuses; }
    // Review entries (mutationId -> incoming value) if the server offers /api/v1/reviews, else empty.
    std::map<std::string, boost::json::value> reviewedValues(bool *available);

private:
    struct Device {
        std::unique_ptr<ruhu::ManualClock> clock;
        std::unique_ptr<ruhu::DeviceReplica> replica;
        std::string token;
    };
    struct Reply {
        unsigned status = 0;
        boost::json::value json;
    };
    Reply call(const char *method, const std::string &target, const std::string &body,
               const std::string &token);
    bool pushBatch(Device &d, const ruhu::protocol::PushRequest &batch, std::vector<std::string> *statuses);

    QTemporaryDir m_dir;
    ruhu::ManualClock m_serverClock{1730000000000};
    std::unique_ptr<ruhu::server::CentralStore> m_store;
    std::vector<Device> m_devices;
    std::vector<TrackedWrite> m_writes;
    std::map<std::string, std::string> m_statuses; // mutation id -> last status the server gave
};
