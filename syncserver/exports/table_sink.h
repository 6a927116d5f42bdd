#pragma once

#include "export_file.h"

#include <ruhu/result.h>

#include <string>
#include <vector>

namespace ruhu::server {

// Where an export's rows go, one after the other (never back): an XLSX worksheet or a CSV file, written
// to a temporary file while the rows come.
class TableSink {
public:
    virtual ~TableSink() = default;
    virtual Status writeRow(const std::vector<std::string> &cells) = 0;
    // Closes the file and opens it for streaming; no row may follow.
    virtual Result<ExportFile> finish() = 0;
};

} // namespace ruhu::server
