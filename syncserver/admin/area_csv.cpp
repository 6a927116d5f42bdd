#include "area_csv.h"

#include <algorithm>
#include <string>

namespace ruhu::server {
namespace {

// The fields of one line; quotes may enclose a field ("" inside is a quote).
std::vector<std::string> splitCsvLine(std::string_view line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back().push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back().push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back().push_back(c);
        }
    }
    for (auto &f : fields) {
        while (!f.empty() && (f.back() == ' ' || f.back() == '\t'))
            f.pop_back();
        f.erase(0, std::min(f.find_first_not_of(" \t"), f.size()));
    }
    return fields;
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
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    std::vector<protocol::Area> areas;
    size_t lineNumber = 0;
    while (!text.empty()) {
        auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.find_first_not_of(" \t,") == std::string_view::npos)
            continue;
        auto fields = splitCsvLine(line);
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
