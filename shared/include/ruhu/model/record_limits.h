#pragma once

#include <ruhu/model/schema.h>
#include <ruhu/result.h>

#include <boost/json/object.hpp>

#include <cstddef>

// How large a synced record may grow (docs/sync-protocol.md "Record size limits"). Declared here once; the
// server checks every record it is about to store (after merging, so set-union fields that grow over many
// pushes are caught too) and refuses the mutation with code record_too_large.
namespace ruhu {

// The whole record's fields, serialized, except immutable Json fields (signed documents: set once, they
// cannot grow; a 授权承诺书 with several handwritten signatures is larger than an ordinary record).
inline constexpr size_t kMaxRecordBytes = 256 * 1024;
inline constexpr size_t kMaxJsonFieldBytes = 128 * 1024;           // one mutable Json field, serialized
inline constexpr size_t kMaxImmutableJsonFieldBytes = 2048 * 1024; // one immutable Json field (signed)
inline constexpr size_t kMaxSetUnionElements = 500;          // elements (tombstones too) of a set-union field
inline constexpr size_t kMaxSetUnionElementBytes = 8 * 1024; // one element, serialized

// Ok, or Error{"record_too_large", Chinese message naming the field and the limit, field}. A server may
// hold records to a smaller whole-record limit than kMaxRecordBytes (its limits.record_bytes setting).
Status checkRecordLimits(const RecordKind &kind, const boost::json::object &fields,
                         size_t maxRecordBytes = kMaxRecordBytes);

} // namespace ruhu
