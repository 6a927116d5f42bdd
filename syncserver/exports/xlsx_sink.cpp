#include "xlsx_sink.h"

#include <filesystem>
#include <unistd.h>
#include <xlsxwriter.h>

namespace ruhu::server {

XlsxSink::XlsxSink(std::string path, lxw_workbook *workbook, lxw_worksheet *sheet, lxw_format *bold)
    : m_path(std::move(path))
    , m_workbook(workbook)
    , m_sheet(sheet)
    , m_bold(bold) {}

XlsxSink::~XlsxSink() {
    if (m_workbook) {
        workbook_close(m_workbook);
        ::unlink(m_path.c_str());
    }
}

Result<std::unique_ptr<XlsxSink>> XlsxSink::open(std::string_view sheetTitle) {
    std::string path = temporaryExportPath(".xlsx");
    // libxlsxwriter's own row files go beside the export, in the same temporary directory.
    std::string tmpdir = std::filesystem::path(path).parent_path().string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = tmpdir.data();
    options.use_zip64 = LXW_TRUE;
    lxw_workbook *workbook = workbook_new_opt(path.c_str(), &options);
    if (!workbook)
        return Error{"storage", "无法创建导出文件，请稍后重试", ""};
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, std::string(sheetTitle).c_str());
    lxw_format *bold = workbook_add_format(workbook);
    if (!sheet || !bold) {
        workbook_close(workbook);
        ::unlink(path.c_str());
        return Error{"storage", "无法创建导出文件，请稍后重试", ""};
    }
    format_set_bold(bold);
    worksheet_set_column(sheet, 0, 60, 14, nullptr);
    worksheet_freeze_panes(sheet, 1, 0);
    return std::unique_ptr<XlsxSink>(new XlsxSink(std::move(path), workbook, sheet, bold));
}

Status XlsxSink::writeRow(const std::vector<std::string> &cells) {
    if (m_row >= LXW_ROW_MAX)
        return Error{"export_too_large", "导出行数超过 Excel 上限（1048576 行），请按乡镇或村分别导出",
                     "region"};
    lxw_format *format = m_row == 0 ? m_bold : nullptr;
    for (size_t col = 0; col < cells.size(); ++col) {
        if (cells[col].empty())
            continue;
        const lxw_error error =
            worksheet_write_string(m_sheet, m_row, lxw_col_t(col), cells[col].c_str(), format);
        if (error != LXW_NO_ERROR)
            return Error{"storage", std::string("导出文件写入失败：") + lxw_strerror(error), ""};
    }
    ++m_row;
    return okStatus();
}

Result<ExportFile> XlsxSink::finish() {
    const lxw_error error = workbook_close(m_workbook);
    m_workbook = nullptr;
    if (error != LXW_NO_ERROR) {
        ::unlink(m_path.c_str());
        return Error{"disk_full", std::string("导出文件写入失败：") + lxw_strerror(error), ""};
    }
    return openWrittenExport(m_path);
}

} // namespace ruhu::server
