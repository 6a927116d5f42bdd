#pragma once

#include "../storage/media_blob_store.h"

#include <ruhu/result.h>

#include <memory>
#include <string>
#include <string_view>

namespace ruhu::server {

// A finished export, streamed to the client from its open descriptor. The file itself is already
// unlinked: it goes away with the last reader, even if the client disconnects.
struct ExportFile {
    std::shared_ptr<BlobReader> reader;
    int64_t size = 0;
};

// A fresh path in the temporary directory ($TMPDIR, else /tmp) for an export being written.
std::string temporaryExportPath(std::string_view suffix);

// Opens the written file, unlinks it and hands back the open descriptor.
Result<ExportFile> openWrittenExport(const std::string &path);

} // namespace ruhu::server
