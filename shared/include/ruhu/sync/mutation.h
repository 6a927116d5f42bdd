#pragma once

#include <ruhu/result.h>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace ruhu {

// A device id (and a record id) as the protocol allows it: 1–64 characters of [A-Za-z0-9_-]. Every place
// that reads one from a client checks it with this (a push's deviceId, a mutation's, a login's).
bool isValidDeviceId(std::string_view id);

// A change to some fields of one record (ARCHITECTURE decision 3). Its id, device id + ':' + per-device
// sequence, makes pushes idempotent. baseVersion is the server version the device had when it edited.
struct Mutation {
    std::string id;
    std::string deviceId;
    int64_t seq = 0;
    std::string kind;
    std::string recordId;
    std::string householdId;
    std::string regionCode;
    int64_t baseVersion = 0;
    std::string hlc; // encoded HlcStamp
    std::string author;
    boost::json::object fields;
    boost::json::object base; // optional: each changed field's value as the device saw it (three-way merge)
    bool deleteRecord = false;

    static std::string makeId(const std::string &deviceId, int64_t seq);

    boost::json::value toJson() const;
    // Checks the envelope and the fields against the declared record kind (names the bad field).
    static Result<Mutation> fromJson(const boost::json::value &json);
};

} // namespace ruhu
