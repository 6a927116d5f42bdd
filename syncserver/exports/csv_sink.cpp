#include "csv_sink.h"

#include <unistd.h>

namespace ruhu::server {
namespace {

bool startsLikeFormula(const std::string &cell) {
    return !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@');
}

void appendCell(std::string &line, const std::string &cell) {
    const std::string value = startsLikeFormula(cell) ? "'" + cell : cell;
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        line += value;
        return;
    }
    line += '"';
    for (char c : value) {
        if (c == '"')
            line += '"';
        line += c;
    }
    line += '"';
}

} // namespace

CsvSink::CsvSink(std::string path, std::FILE *file)
    : m_path(std::move(path))
    , m_file(file) {}

CsvSink::~CsvSink() {
    if (m_file) {
        std::fclose(m_file);
        ::unlink(m_path.c_str());
    }
}

Result<std::unique_ptr<CsvSink>> CsvSink::open() {
    std::string path = temporaryExportPath(".csv");
    std::FILE *file = std::fopen(path.c_str(), "wbx");
    if (!file)
        return Error{"storage", "无法创建导出文件，请稍后重试", ""};
    std::fputs("\xEF\xBB\xBF", file);
    return std::unique_ptr<CsvSink>(new CsvSink(std::move(path), file));
}

Status CsvSink::writeRow(const std::vector<std::string> &cells) {
    m_line.clear();
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i > 0)
            m_line += ',';
        appendCell(m_line, cells[i]);
    }
    m_line += "\r\n";
    if (std::fwrite(m_line.data(), 1, m_line.size(), m_file) != m_line.size())
        return Error{"disk_full", "导出文件写入失败（磁盘空间不足？）", ""};
    return okStatus();
}

Result<ExportFile> CsvSink::finish() {
    const bool written = std::fclose(m_file) == 0;
    m_file = nullptr;
    if (!written) {
        ::unlink(m_path.c_str());
        return Error{"disk_full", "导出文件写入失败（磁盘空间不足？）", ""};
    }
    return openWrittenExport(m_path);
}

} // namespace ruhu::server
