#pragma once

#include "../storage/central_store.h"

#include <ruhu/sync/mutation.h>

#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace ruhu::server {

// The server's decision on a new 授权承诺书 record arriving in a push (docs/authorization.md "Server side").
struct AuthorizationAdmission {
    std::optional<Error> rejection; // refuse the mutation: code and a Chinese message saying what to do
    boost::json::object receipt;    // otherwise: what to write into the record once it is stored
    std::string supersedes;         // the record this one replaces, "" if none
    std::string status;             // the document's status: signed | withdrawn
};

// Checks a mutation of an authorization record before it is merged: a new record must carry a document
// that verifies with the pushing device's registered key against the household as the server has it
// (a stale one is refused: code stale, sign again); deleting one is refused. nullopt for an edit of an
// existing record: its document is immutable, so the merge engine refuses any change and nothing is
// re-verified.
Result<std::optional<AuthorizationAdmission>> admitAuthorization(CentralStore::WriteTransaction &tx,
                                                                 const Mutation &m,
                                                                 const std::optional<Record> &current,
                                                                 int64_t nowMs);

// Writes the receipt into the stored record as a server mutation (so it reaches the tablets on pull) and
// marks the record it supersedes. `record` becomes what is stored.
Status recordAuthorizationReceipt(CentralStore::WriteTransaction &tx, Record &record,
                                  const AuthorizationAdmission &admission, const std::string &user,
                                  int64_t nowMs);

} // namespace ruhu::server
