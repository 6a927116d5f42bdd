#pragma once

#include "table_sink.h"

#include <cstdio>
#include <memory>
#include <string>

namespace ruhu::server {

// RFC 4180 CSV in UTF-8 with a byte-order mark (so that Excel and WPS read the Chinese), CRLF line ends.
// A cell that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
class CsvSink final : public TableSink {
public:
    static Result<std::unique_ptr<CsvSink>> open();
    ~CsvSink() override;

    Status writeRow(const std::vector<std::string> &cells) override;
    Result<ExportFile> finish() override;

private:
    CsvSink(std::string path, std::FILE *file);

    std::string m_path;
    std::FILE *m_file;
    std::string m_line;
};

} // namespace ruhu::server
