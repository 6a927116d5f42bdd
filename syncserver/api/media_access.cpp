#include "media_access.h"

#include "scope.h"

#include <algorithm>

namespace ruhu::server {
namespace {

// Every area of the uploader lies inside the region (a village cadre of that village).
bool uploaderOfRegion(const MediaUpload &upload, const std::string &regionCode) {
    return !upload.scope.empty() && !regionCode.empty() &&
           std::all_of(upload.scope.begin(), upload.scope.end(),
                       [&](const std::string &area) { return area.starts_with(regionCode); });
}

} // namespace

bool trustedReference(const MediaReferenceRow &reference, const std::vector<MediaUpload> &uploads) {
    if (reference.creator.empty())
        return true;
    return std::any_of(uploads.begin(), uploads.end(), [&](const MediaUpload &upload) {
        return upload.username == reference.creator || uploaderOfRegion(upload, reference.regionCode);
    });
}

Result<MediaAccess> mediaAccess(CentralStore &store, const std::vector<std::string> &scope,
                                const std::string &sha256) {
    auto references = store.mediaReferenceRows(sha256);
    if (!references)
        return references.error();
    MediaAccess access;
    std::optional<std::vector<MediaUpload>> uploads;
    for (const auto &reference : *references) {
        if (reference.deleted || !inScope(reference.regionCode, scope))
            continue;
        access.households.emplace_back(reference.householdId, reference.regionCode);
        if (access.allowed)
            continue;
        if (!uploads) {
            auto rows = store.mediaUploads(sha256);
            if (!rows)
                return rows.error();
            uploads = std::move(*rows);
        }
        access.allowed = trustedReference(reference, *uploads);
    }
    return access;
}

Result<bool> recordReferenceTrusted(CentralStore &store, const std::string &kind, const std::string &recordId,
                                    const std::string &sha256) {
    auto references = store.mediaReferenceRows(sha256);
    if (!references)
        return references.error();
    auto uploads = store.mediaUploads(sha256);
    if (!uploads)
        return uploads.error();
    return std::any_of(references->begin(), references->end(), [&](const MediaReferenceRow &reference) {
        return reference.kind == kind && reference.recordId == recordId &&
               trustedReference(reference, *uploads);
    });
}

} // namespace ruhu::server
