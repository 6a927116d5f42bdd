#pragma once

#include "table_sink.h"

#include <memory>
#include <string>
#include <string_view>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace ruhu::server {

// One worksheet of an .xlsx file (libxlsxwriter, constant-memory mode: each row is flushed to disk when
// the next one starts, so memory does not grow with the rows). All cells are text, as in the national
// system's exports; the first row (the headers) is bold and frozen.
class XlsxSink final : public TableSink {
public:
    static Result<std::unique_ptr<XlsxSink>> open(std::string_view sheetTitle);
    ~XlsxSink() override;

    // The first row written is taken as the header row.
    Status writeRow(const std::vector<std::string> &cells) override;
    Result<ExportFile> finish() override;

private:
    XlsxSink(std::string path, lxw_workbook *workbook, lxw_worksheet *sheet, lxw_format *bold);

    std::string m_path;
    lxw_workbook *m_workbook;
    lxw_worksheet *m_sheet;
    lxw_format *m_bold;
    uint32_t m_row = 0;
};

} // namespace ruhu::server
