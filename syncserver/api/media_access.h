#pragma once

#include "../storage/central_store.h"

#include <string>
#include <utility>
#include <vector>

namespace ruhu::server {

// Whether a record's reference to a blob can be trusted (docs/media-sync.md "Who may download"): the
// record's creator completed an upload of the blob themselves, or one of its uploaders works only inside
// the record's region (a cadre of that village). A reference from before the server recorded creators
// (empty creator) is trusted as it was. A forged record naming someone else's hash vouches for nothing.
bool trustedReference(const MediaReferenceRow &reference, const std::vector<MediaUpload> &uploads);

// Who may read a blob: a user whose scope contains the region of a live, trusted reference.
struct MediaAccess {
    bool allowed = false;
    // The households of the live references inside the user's scope (trusted or not), for the audit.
    std::vector<std::pair<std::string, std::string>> households;
};
Result<MediaAccess> mediaAccess(CentralStore &store, const std::vector<std::string> &scope,
                                const std::string &sha256);

// Whether one record's reference to a blob is trusted (the printable letter embeds only those photos).
Result<bool> recordReferenceTrusted(CentralStore &store, const std::string &kind, const std::string &recordId,
                                    const std::string &sha256);

} // namespace ruhu::server
