#pragma once

#include "../storage/central_store.h"

#include <ruhu/model/field_masking.h>
#include <ruhu/model/field_spec.h>
#include <ruhu/result.h>
#include <ruhu/sync/mutation.h>
#include <ruhu/sync/record.h>

#include <boost/json/object.hpp>

#include <string>
#include <vector>

namespace ruhu::server {

// Who sees which sensitive field (FieldSpec::sensitive) in clear (ruhu::roleSeesInClear, one table in
// shared/); docs/privacy.md gives the reasons and the PIPL articles. village, county: everything (their
// survey / their supervision, audited); township: everything but the 身份证号 (masked in pulls; clear in the
// review list, the cases it decides); admin (technical) and any other role: nothing sensitive.
bool seesInClear(const std::string &role, const FieldSpec &spec);
// The review list: every role but admin (and unknown roles) sees the values of the cases in clear.
bool seesReviewsInClear(const std::string &role);

// Masks, in place, the sensitive fields of a record the role may not see in clear (maskFieldValue).
// Returns whether a sensitive, non-null value stays in clear (the household goes into the audit row).
bool maskRecordForRole(Record &record, const std::string &role);
// For field values of a kind given as an object (a history entry's mutation fields or base), see
// ruhu::maskFieldsForRole (shared/include/ruhu/model/field_masking.h).

// A review entry as JSON (reviewToJson) with its values masked when the role may not see them; clear
// tells whether a sensitive value was returned in clear.
boost::json::object reviewForRole(const ReviewEntry &review, const std::string &role, bool &clear);

// A push must not write a sensitive field back with a masked value, nor may a role that receives the
// field masked write it at all: the first such field of the mutations as an Error (masked_field_readonly
// 403, masked_value 400) naming "mutations[i].fields.<name>".
Status checkNoMaskedWrites(const std::vector<Mutation> &mutations, const std::string &role);

} // namespace ruhu::server
