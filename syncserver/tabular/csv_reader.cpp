// RFC 4180 CSV (docs/case-flow.md "Leads from the county").
#include "table_builder.h"
#include "text_encoding.h"

namespace ruhu::server::tabular {
namespace {

Error malformed(int row, const std::string &what) {
    return Error{"csv_malformed", rowPrefix(row) + "：" + what + "（CSV 格式有误）", ""};
}

} // namespace

Result<Table> readCsv(std::string_view bytes, const Limits &limits) {
    auto decoded = textAsUtf8(bytes);
    if (!decoded)
        return decoded.error();
    const std::string &s = *decoded;
    if (s.find_first_not_of(" \t\r\n,") == std::string::npos)
        return Error{"file_empty", "文件中没有数据", ""};
    TableBuilder builder(limits);
    int row = 1;
    size_t column = 0;
    std::string field;
    bool quoted = false;     // the field began with a quote
    bool afterQuote = false; // its closing quote was seen
    auto endField = [&]() -> Status {
        auto st = builder.addCell(row, column, TableCell{std::move(field), false});
        field.clear();
        quoted = afterQuote = false;
        ++column;
        return st;
    };
    auto endRecord = [&]() -> Status {
        if (auto st = endField(); !st)
            return st;
        column = 0;
        auto st = builder.endRow();
        ++row;
        return st;
    };
    size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (quoted && !afterQuote) {
            if (c == '"') {
                if (i + 1 < s.size() && s[i + 1] == '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                afterQuote = true;
            } else {
                field += c;
            }
            ++i;
            if (field.size() > limits.maxCellBytes)
                return Error{"cell_too_long", rowPrefix(row) + "：内容过长", ""};
            continue;
        }
        if (c == ',') {
            if (auto st = endField(); !st)
                return st.error();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n')
                ++i;
            if (auto st = endRecord(); !st)
                return st.error();
        } else if (afterQuote) {
            return malformed(row, "第" + std::to_string(column + 1) + "列的右引号后还有其他字符");
        } else if (c == '"') {
            if (!field.empty())
                return malformed(row, "第" + std::to_string(column + 1) + "列中间出现未加引号的双引号");
            quoted = true;
        } else {
            field += c;
            if (field.size() > limits.maxCellBytes)
                return Error{"cell_too_long", rowPrefix(row) + "：内容过长", ""};
        }
        ++i;
    }
    if (quoted && !afterQuote)
        return malformed(row, "第" + std::to_string(column + 1) + "列的引号没有闭合");
    if (!field.empty() || column > 0 || quoted) {
        if (auto st = endRecord(); !st)
            return st.error();
    }
    return builder.take();
}

bool looksLikeXlsx(std::string_view bytes) {
    return bytes.starts_with(std::string_view("PK\x03\x04", 4));
}

Result<Table> readTable(std::string_view bytes, const Limits &limits) {
    return looksLikeXlsx(bytes) ? readXlsx(bytes, limits) : readCsv(bytes, limits);
}

} // namespace ruhu::server::tabular
