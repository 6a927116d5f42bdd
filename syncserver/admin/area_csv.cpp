#include "area_csv.h"

#include "../tabular/table_reader.h"

#include <algorithm>
#include <string>

namespace ruhu::server {
namespace {

std::string trimmed(const std::string &field) {
    const auto first = field.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return field.substr(first, field.find_last_not_of(" \t") - first + 1);
}

bool allDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const char *levelFor(size_t digits) {
    switch (digits) {
    case 2:
        return "province";
    case 4:
        return "city";
    case 6:
        return "county";
    case 9:
        return "township";
    case 12:
        return "village";
    default:
        return nullptr;
    }
}

Error rowError(size_t line, const std::string &what) {
    return Error{"bad_request", "第" + std::to_string(line) + "行：" + what, ""};
}

} // namespace

Result<std::vector<protocol::Area>> parseAreaCsv(std::string_view text) {
    tabular::Limits limits;
    limits.maxRows = kMaxAreaRows + 1; // and a header
    limits.maxCellBytes = 1024;
    auto table = tabular::readCsv(text, limits);
    if (!table && table.error().code == "file_empty")
        return Error{"bad_request", "文件中没有行政区划", ""};
    if (!table)
        return table.error();
    std::vector<protocol::Area> areas;
    for (const auto &row : table->rows) {
        const size_t lineNumber = static_cast<size_t>(row.number);
        std::vector<std::string> fields;
        for (const auto &cell : row.cells)
            fields.push_back(trimmed(cell.text));
        while (!fields.empty() && fields.back().empty())
            fields.pop_back();
        if (fields.empty())
            continue;
        if (areas.empty() && lineNumber == 1 && !allDigits(fields[0]))
            continue; // header
        if (fields.size() < 2 || fields.size() > 3)
            return rowError(lineNumber, "应为“行政区划代码,名称,上级”三列");
        const std::string &code = fields[0];
        const char *level = allDigits(code) ? levelFor(code.size()) : nullptr;
        if (!level)
            return rowError(lineNumber, "行政区划代码应为 2、4、6、9 或 12 位数字");
        const std::string &name = fields[1];
        if (name.empty() || name.size() > 100 || name.find('\0') != std::string::npos)
            return rowError(lineNumber, "名称不能为空，最长 100 字节");
        std::string parent = fields.size() == 3 ? fields[2] : std::string();
        if (!parent.empty() && (!allDigits(parent) || !levelFor(parent.size()) ||
                                parent.size() >= code.size() || !code.starts_with(parent)))
            return rowError(lineNumber, "上级代码应为本代码的前几位（如村 429005103201 的上级为 429005103）");
        areas.push_back({code, name, level, parent});
        if (areas.size() > kMaxAreaRows)
            return rowError(lineNumber, "行数过多（最多 " + std::to_string(kMaxAreaRows) + " 行）");
    }
    if (areas.empty())
        return Error{"bad_request", "文件中没有行政区划", ""};
    return areas;
}

} // namespace ruhu::server
