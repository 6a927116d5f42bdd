#pragma once

#include <ruhu/result.h>

#include <map>
#include <string>
#include <string_view>

namespace ruhu::server::console {

// The largest multipart/form-data body the console reads: a department's list (the leads API takes 4 MB)
// plus the form's other fields.
inline constexpr size_t kMaxUploadBytes = 4 * 1024 * 1024 + 64 * 1024;

// The boundary of a "multipart/form-data; boundary=…" Content-Type, or "" for any other type.
std::string multipartBoundary(std::string_view contentType);

// A multipart/form-data body (RFC 7578) as name → content: a file's bytes under its field name, its file
// name under "<name>.filename". The first of repeated names wins. At most 32 parts and kMaxUploadBytes;
// anything malformed is an error (Chinese message), never a partial result.
Result<std::map<std::string, std::string>> multipartFields(std::string_view boundary, std::string_view body);

} // namespace ruhu::server::console
