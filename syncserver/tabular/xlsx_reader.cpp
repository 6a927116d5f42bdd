// The first sheet of an XLSX workbook (ECMA-376 SpreadsheetML): _rels/.rels names the workbook, the
// workbook's first <sheet> names its part through the workbook's relationships; cells are read as
// written (shared strings, inline strings, numbers verbatim).
#include "table_builder.h"
#include "xml_walk.h"
#include "zip_parts.h"

#include <map>

namespace ruhu::server::tabular {
namespace {

Error malformed(const std::string &what) {
    return Error{"xlsx_malformed", "无法读取该 XLSX 文件（" + what + "）", ""};
}

struct Relationship {
    std::string type; // last path segment of the relationship type ("officeDocument", "worksheet" …)
    std::string target;
};

Result<std::map<std::string, Relationship>> relationships(std::string_view xml) {
    std::map<std::string, Relationship> out;
    XmlHandlers h;
    h.start = [&](std::string_view name, const char **attrs) -> Status {
        if (name != "Relationship")
            return okStatus();
        const char *id = xmlAttribute(attrs, "Id");
        const char *type = xmlAttribute(attrs, "Type");
        const char *target = xmlAttribute(attrs, "Target");
        if (id && type && target) {
            std::string_view t(type);
            out[id] = Relationship{std::string(t.substr(t.rfind('/') + 1)), target};
        }
        return okStatus();
    };
    if (auto st = walkXml(xml, h); !st)
        return st.error();
    return out;
}

// A relationship's target as a part name: relative to the folder of the part that names it, or absolute.
std::string resolvePart(const std::string &folder, const std::string &target) {
    std::string path = target.starts_with('/') ? target.substr(1) : folder + target;
    std::vector<std::string> segments;
    size_t start = 0;
    while (start <= path.size()) {
        const size_t slash = std::min(path.find('/', start), path.size());
        const std::string segment = path.substr(start, slash - start);
        if (segment == "..") {
            if (!segments.empty())
                segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto &s : segments)
        out += (out.empty() ? "" : "/") + s;
    return out;
}

std::string folderOf(const std::string &part) {
    const auto slash = part.rfind('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string relsOf(const std::string &part) {
    const auto slash = part.rfind('/');
    const std::string name = slash == std::string::npos ? part : part.substr(slash + 1);
    return folderOf(part) + "_rels/" + name + ".rels";
}

Result<std::string> requiredPart(ZipParts &zip, const std::string &name) {
    auto part = zip.read(name);
    if (!part)
        return part.error();
    if (!*part)
        return malformed("缺少 " + name);
    return std::move(**part);
}

Result<std::string> workbookPart(ZipParts &zip) {
    auto rels = zip.read("_rels/.rels");
    if (!rels)
        return rels.error();
    if (*rels) {
        auto list = relationships(**rels);
        if (!list)
            return list.error();
        for (const auto &[id, r] : *list) {
            if (r.type == "officeDocument")
                return resolvePart("", r.target);
        }
    }
    return std::string("xl/workbook.xml");
}

// The first sheet's relationship id in the workbook.
Result<std::string> firstSheetId(std::string_view workbookXml) {
    std::string id;
    XmlHandlers h;
    h.start = [&](std::string_view name, const char **attrs) -> Status {
        if (name == "sheet" && id.empty()) {
            if (const char *r = xmlAttribute(attrs, "relationships:id"))
                id = r;
        }
        return okStatus();
    };
    if (auto st = walkXml(workbookXml, h); !st)
        return st.error();
    if (id.empty())
        return malformed("工作簿中没有工作表");
    return id;
}

Result<std::vector<std::string>> sharedStrings(std::string_view xml, const Limits &limits) {
    std::vector<std::string> out;
    int phonetic = 0; // inside <rPh>: a reading aid, not the text
    bool inText = false;
    bool inItem = false;
    XmlHandlers h;
    h.start = [&](std::string_view name, const char **) -> Status {
        if (name == "si") {
            if (out.size() >= limits.maxSharedStrings)
                return Error{"file_too_large", "XLSX 文件中的文字过多，请分批导入", ""};
            out.emplace_back();
            inItem = true;
        } else if (name == "rPh") {
            ++phonetic;
        } else if (name == "t" && inItem && phonetic == 0) {
            inText = true;
        }
        return okStatus();
    };
    h.end = [&](std::string_view name) -> Status {
        if (name == "si")
            inItem = false;
        else if (name == "rPh")
            --phonetic;
        else if (name == "t")
            inText = false;
        return okStatus();
    };
    h.text = [&](std::string_view text) -> Status {
        if (inText) {
            if (out.back().size() + text.size() > limits.maxCellBytes)
                return Error{"cell_too_long", "XLSX 文件中有过长的文字", ""};
            out.back().append(text);
        }
        return okStatus();
    };
    if (auto st = walkXml(xml, h); !st)
        return st.error();
    return out;
}

// "BC12" -> column 54 (0-based); nullopt for a reference without letters.
std::optional<size_t> columnOf(std::string_view ref) {
    size_t column = 0;
    size_t letters = 0;
    for (char c : ref) {
        if (c < 'A' || c > 'Z')
            break;
        column = column * 26 + static_cast<size_t>(c - 'A' + 1);
        if (++letters > 3)
            return std::nullopt;
    }
    if (letters == 0)
        return std::nullopt;
    return column - 1;
}

std::optional<size_t> nonNegative(std::string_view text) {
    if (text.empty() || text.size() > 9)
        return std::nullopt;
    size_t n = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = n * 10 + static_cast<size_t>(c - '0');
    }
    return n;
}

class SheetReader {
public:
    SheetReader(const std::vector<std::string> &strings, const Limits &limits)
        : m_strings(strings)
        , m_limits(limits)
        , m_builder(limits) {}

    Result<Table> read(std::string_view xml) {
        XmlHandlers h;
        h.start = [this](std::string_view name, const char **attrs) { return start(name, attrs); };
        h.end = [this](std::string_view name) { return end(name); };
        h.text = [this](std::string_view text) -> Status {
            if (m_collect) {
                if (m_value.size() + text.size() > m_limits.maxCellBytes)
                    return Error{"cell_too_long", rowPrefix(m_row) + "：内容过长", ""};
                m_value.append(text);
            }
            return okStatus();
        };
        if (auto st = walkXml(xml, h); !st)
            return st.error();
        return m_builder.take();
    }

private:
    Status start(std::string_view name, const char **attrs) {
        if (name == "row") {
            const char *number = xmlAttribute(attrs, "r");
            const auto r = number ? nonNegative(number) : std::optional<size_t>(size_t(m_row) + 1);
            if (!r || *r == 0 || *r > 1048576)
                return malformed("行号有误");
            if (static_cast<int>(*r) <= m_row)
                return malformed("行的顺序有误");
            m_row = static_cast<int>(*r);
            m_nextColumn = 0;
        } else if (name == "c") {
            const char *ref = xmlAttribute(attrs, "r");
            const auto column = ref ? columnOf(ref) : std::optional<size_t>(m_nextColumn);
            if (!column)
                return malformed("单元格位置有误");
            m_column = *column;
            m_nextColumn = m_column + 1;
            const char *type = xmlAttribute(attrs, "t");
            m_type = type ? type : "n";
            m_value.clear();
            m_inCell = true;
        } else if (m_inCell && (name == "v" || (name == "t" && m_type == "inlineStr"))) {
            m_collect = true;
        }
        return okStatus();
    }

    Status end(std::string_view name) {
        if (name == "v" || name == "t") {
            m_collect = false;
        } else if (name == "c") {
            m_inCell = false;
            auto cell = cellValue();
            if (!cell)
                return cell.error();
            if (!cell->text.empty())
                return m_builder.addCell(m_row, m_column, std::move(*cell));
        } else if (name == "row") {
            return m_builder.endRow();
        }
        return okStatus();
    }

    Result<TableCell> cellValue() const {
        if (m_type == "s") {
            const auto index = nonNegative(m_value);
            if (!index || *index >= m_strings.size())
                return malformed("共享字符串索引有误");
            return TableCell{m_strings[*index], false};
        }
        if (m_type == "n")
            return TableCell{m_value, !m_value.empty()};
        if (m_type == "b")
            return TableCell{m_value == "1" ? "TRUE" : "FALSE", false};
        return TableCell{m_value, false}; // inlineStr, str (a formula's text), e (an error), d (ISO date)
    }

    const std::vector<std::string> &m_strings;
    const Limits &m_limits;
    TableBuilder m_builder;
    int m_row = 0;
    size_t m_column = 0;
    size_t m_nextColumn = 0;
    std::string m_type;
    std::string m_value;
    bool m_inCell = false;
    bool m_collect = false;
};

} // namespace

Result<Table> readXlsx(std::string_view bytes, const Limits &limits) {
    auto zip = ZipParts::open(bytes, limits);
    if (!zip)
        return zip.error();
    auto workbookName = workbookPart(*zip);
    if (!workbookName)
        return workbookName.error();
    auto workbook = requiredPart(*zip, *workbookName);
    if (!workbook)
        return workbook.error();
    auto sheetId = firstSheetId(*workbook);
    if (!sheetId)
        return sheetId.error();
    auto relsXml = requiredPart(*zip, relsOf(*workbookName));
    if (!relsXml)
        return relsXml.error();
    auto rels = relationships(*relsXml);
    if (!rels)
        return rels.error();
    const auto sheetRel = rels->find(*sheetId);
    if (sheetRel == rels->end())
        return malformed("找不到第一个工作表");
    const std::string folder = folderOf(*workbookName);
    std::vector<std::string> strings;
    for (const auto &[id, r] : *rels) {
        if (r.type != "sharedStrings")
            continue;
        auto xml = requiredPart(*zip, resolvePart(folder, r.target));
        if (!xml)
            return xml.error();
        auto list = sharedStrings(*xml, limits);
        if (!list)
            return list.error();
        strings = std::move(*list);
    }
    auto sheetXml = requiredPart(*zip, resolvePart(folder, sheetRel->second.target));
    if (!sheetXml)
        return sheetXml.error();
    auto table = SheetReader(strings, limits).read(*sheetXml);
    if (!table)
        return table.error();
    if (table->rows.empty())
        return Error{"file_empty", "文件中没有数据", ""};
    return table;
}

} // namespace ruhu::server::tabular
