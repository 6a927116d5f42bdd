#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace ruhu::server {

// The media blobs (lowercase hex SHA-256) a record's fields reference, deduplicated, in first-seen order;
// empty for kinds that reference none. The push path stores them (media_refs), so that a download is
// allowed only inside the referencing record's area and the sweep keeps referenced blobs.
//   photo:          fields.sha256
//   authorization:  fields.document (object, or its JSON text): signers[].fingerprintPhoto.sha256 and
//                   signers[].signatureImage.sha256 (the rendered signature PNG, when the letter has one)
// Extend here when another kind (or another place in the letter) names a blob.
std::vector<std::string> mediaReferences(std::string_view kind, const boost::json::object &fields);

} // namespace ruhu::server
