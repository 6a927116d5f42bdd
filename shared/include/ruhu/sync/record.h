#pragma once

#include <ruhu/result.h>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <string>

namespace ruhu {

// A synced record as both sides store it: identity, scope, server version, field values and, for each
// field, the hybrid-logical-clock stamp of the write that produced its value.
struct Record {
    std::string kind;        // a RecordKind name
    std::string id;          // globally unique, generated offline
    std::string householdId; // the household it belongs to (its own id for a household)
    std::string regionCode;  // the village (12-digit 行政区划代码) that scopes who may see it
    int64_t version = 0;     // server change-log sequence of its last change; 0 = not yet on the server
    bool deleted = false;    // tombstone
    boost::json::object fields;
    boost::json::object clocks;   // field name -> encoded HlcStamp
    boost::json::object versions; // field name -> version at which it last changed (server side)

    boost::json::value toJson() const;
    static Result<Record> fromJson(const boost::json::value &json);
};

} // namespace ruhu
