#include <ruhu/domain/lead_sources.h>
#include <ruhu/domain/working_calendar.h>
#include <ruhu/model/id_number.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <sodium.h>

namespace ruhu::leads {
namespace {

using domain::CivilDate;

constexpr std::array kIdHeaders{"证件号码",     "身份证号",     "身份证号码",
                                "公民身份号码", "身份证件号码", "证件号"};
constexpr std::array kDateHeaders{"预警日期", "筛查日期", "预警时间", "日期"};
constexpr std::array kNameHeaders{"姓名", "成员姓名", "预警对象姓名", "户主姓名"};
constexpr std::array kReasonHeaders{"预警原因", "风险类型", "预警类型", "风险原因", "预警事项"};
constexpr size_t kHeaderSearchRows = 10;

std::string trimmed(std::string_view s) {
    auto isSpace = [](std::string_view v, size_t i) -> size_t {
        if (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == '\r' || v[i] == '\n'))
            return 1;
        if (v.substr(i).starts_with("\xE3\x80\x80")) // U+3000 ideographic space
            return 3;
        return 0;
    };
    size_t start = 0;
    while (size_t n = isSpace(s, start))
        start += n;
    size_t end = s.size();
    while (end > start) {
        if (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r' || s[end - 1] == '\n')
            --end;
        else if (end - start >= 3 && s.substr(end - 3, 3) == "\xE3\x80\x80")
            end -= 3;
        else
            break;
    }
    return std::string(s.substr(start, end - start));
}

// "* 身份证号（18位）" -> "身份证号".
std::string headerKey(std::string_view header) {
    std::string s;
    for (size_t i = 0; i < header.size(); ++i) {
        if (header[i] == ' ' || header[i] == '\t' || header[i] == '*')
            continue;
        if (header.substr(i).starts_with("\xE3\x80\x80")) {
            i += 2;
            continue;
        }
        s += header[i];
    }
    for (std::string_view open : {"（", "("}) {
        if (const auto p = s.find(open); p != std::string::npos)
            s.resize(p);
    }
    return s;
}

template <size_t N> bool isOneOf(const std::string &key, const std::array<const char *, N> &aliases) {
    return std::any_of(aliases.begin(), aliases.end(), [&](const char *a) { return key == a; });
}

struct Columns {
    std::optional<size_t> id, date, name, reason;
    std::vector<std::string> headers;
};

std::optional<Columns> columnsOf(const TableRow &row) {
    Columns c;
    for (size_t i = 0; i < row.cells.size(); ++i) {
        c.headers.push_back(trimmed(row.cells[i].text));
        const std::string key = headerKey(row.cells[i].text);
        if (!c.id && isOneOf(key, kIdHeaders))
            c.id = i;
        else if (!c.date && isOneOf(key, kDateHeaders))
            c.date = i;
        else if (!c.name && isOneOf(key, kNameHeaders))
            c.name = i;
        else if (!c.reason && isOneOf(key, kReasonHeaders))
            c.reason = i;
    }
    if (!c.id)
        return std::nullopt;
    return c;
}

const TableCell &cellAt(const TableRow &row, std::optional<size_t> column) {
    static const TableCell empty;
    return column && *column < row.cells.size() ? row.cells[*column] : empty;
}

std::optional<int> number(std::string_view s) {
    int n = 0;
    if (s.empty() || s.size() > 8)
        return std::nullopt;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || p != s.data() + s.size())
        return std::nullopt;
    return n;
}

std::optional<CivilDate> checked(CivilDate d) {
    if (!d.isValid() || d.year < 2000 || d.year > 2100)
        return std::nullopt;
    return d;
}

// Excel's serial day number (1900 date system; serial 61 is 1900-03-01, the fictitious 1900-02-29 is 60).
std::optional<CivilDate> fromSerial(std::string_view s) {
    if (const auto dot = s.find('.'); dot != std::string_view::npos) {
        if (s.substr(dot + 1).find_first_not_of("0123456789") != std::string_view::npos)
            return std::nullopt;
        s = s.substr(0, dot); // a time of day after the point
    }
    const auto n = number(s);
    if (!n || *n < 61)
        return std::nullopt;
    return checked(domain::addDays(CivilDate{1899, 12, 30}, *n));
}

} // namespace

size_t charCount(std::string_view text) {
    return static_cast<size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::optional<CivilDate> parseLeadDate(const TableCell &cell) {
    const std::string s = trimmed(cell.text);
    if (s.empty())
        return std::nullopt;
    if (cell.number || (s.size() == 5 && s.find_first_not_of("0123456789") == std::string::npos))
        return fromSerial(s);
    if (s.size() == 8 && s.find_first_not_of("0123456789") == std::string::npos)
        return checked(CivilDate{*number(s.substr(0, 4)), *number(s.substr(4, 2)), *number(s.substr(6, 2))});
    // 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日 (a time after a space is dropped).
    std::string v = s.substr(0, s.find(' '));
    std::string normalized;
    for (size_t i = 0; i < v.size(); ++i) {
        const std::string_view rest = std::string_view(v).substr(i);
        if (rest.starts_with("年") || rest.starts_with("月")) {
            normalized += '-';
            i += 2;
        } else if (rest.starts_with("日") && rest.size() == 3) {
            i += 2;
        } else {
            normalized += v[i] == '/' || v[i] == '.' ? '-' : v[i];
        }
    }
    std::vector<std::string_view> parts;
    for (size_t start = 0;;) {
        const size_t dash = normalized.find('-', start);
        parts.push_back(std::string_view(normalized).substr(start, dash - start));
        if (dash == std::string::npos)
            break;
        start = dash + 1;
    }
    if (parts.size() != 3)
        return std::nullopt;
    const auto y = number(parts[0]), m = number(parts[1]), d = number(parts[2]);
    if (!y || !m || !d || parts[0].size() != 4 || parts[1].size() > 2 || parts[2].size() > 2)
        return std::nullopt;
    return checked(CivilDate{*y, *m, *d});
}

Result<std::string> idNumberFromCell(const TableCell &cell) {
    std::string s = trimmed(cell.text);
    if (s.starts_with('\''))
        s.erase(0, 1); // Excel's "keep as text" mark, when a list was made by hand
    if (s.empty())
        return Error{"id_number_missing", "身份证号为空", ""};
    if (cell.number && s.find_first_not_of("0123456789") != std::string::npos)
        return Error{"id_number_lost_digits",
                     "身份证号被表格软件存成了数字（" + s + "），后几位已丢失；请把该列设为“文本”后重新填写",
                     ""};
    if (!s.empty() && s.back() == 'x')
        s.back() = 'X';
    if (!parseIdNumber(s))
        return Error{"id_number_invalid", "身份证号格式或校验位有误", ""};
    return s;
}

Result<std::string> checkDepartment(std::string_view department) {
    const std::string d = trimmed(department);
    if (d.empty())
        return Error{"department_missing", "请填写预警部门（department）", "department"};
    if (charCount(d) > kMaxDepartmentChars ||
        std::any_of(d.begin(), d.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        return Error{"department_invalid", "预警部门名称不超过30个字且不含控制字符", "department"};
    return d;
}

Result<ScreeningList> readScreeningList(const Table &table, const CivilDate &today) {
    std::optional<Columns> columns;
    size_t headerIndex = 0;
    for (; headerIndex < table.rows.size() && headerIndex < kHeaderSearchRows; ++headerIndex) {
        if ((columns = columnsOf(table.rows[headerIndex])))
            break;
    }
    if (!columns)
        return Error{"missing_column", "表头中找不到“身份证号”（或“证件号码”）列", "身份证号"};
    if (!columns->date)
        return Error{"missing_column", "表头中找不到“预警日期”列", "预警日期"};
    ScreeningList list;
    for (size_t i = headerIndex + 1; i < table.rows.size(); ++i) {
        const TableRow &row = table.rows[i];
        auto problem = [&](std::optional<size_t> column, std::string code, std::string message,
                           std::string idMasked = {}) {
            list.problems.push_back(
                RowProblem{row.number, column ? columns->headers[*column] : std::string(), std::move(code),
                           "第" + std::to_string(row.number) + "行：" + message, std::move(idMasked)});
        };
        auto id = idNumberFromCell(cellAt(row, columns->id));
        if (!id) {
            problem(columns->id, id.error().code, id.error().message);
            continue;
        }
        const std::string masked = maskIdNumber(*id);
        const TableCell &dateCell = cellAt(row, columns->date);
        const auto date = parseLeadDate(dateCell);
        if (!date) {
            problem(columns->date, trimmed(dateCell.text).empty() ? "lead_date_missing" : "lead_date_invalid",
                    trimmed(dateCell.text).empty()
                        ? "预警日期为空"
                        : "预警日期“" + trimmed(dateCell.text) +
                              "”无法识别（可写作 2024-03-05、2024/3/5 或 20240305）",
                    masked);
            continue;
        }
        if (*date > today) {
            problem(columns->date, "lead_date_future", "预警日期 " + date->toString() + " 晚于今天", masked);
            continue;
        }
        std::string reason = trimmed(cellAt(row, columns->reason).text);
        if (charCount(reason) > kMaxReasonChars) {
            problem(columns->reason, "reason_too_long", "预警原因不超过200个字", masked);
            continue;
        }
        list.rows.push_back(ScreeningRow{row.number, trimmed(cellAt(row, columns->name).text), *id,
                                         std::move(reason), *date});
    }
    return list;
}

std::optional<RowProblem> nameMismatch(const ScreeningRow &row, std::string_view memberName) {
    if (row.name.empty() || headerKey(row.name) == headerKey(memberName))
        return std::nullopt;
    return RowProblem{row.row, "姓名", "name_mismatch",
                      "第" + std::to_string(row.row) + "行：姓名与该身份证号的家庭成员不一致，请核对名单",
                      maskIdNumber(row.idNumber)};
}

RowProblem unmatchedProblem(const ScreeningRow &row) {
    return RowProblem{row.row, "身份证号", "unmatched",
                      "第" + std::to_string(row.row) + "行：在您的工作范围内没有找到该身份证号的家庭成员",
                      maskIdNumber(row.idNumber)};
}

std::string leadCaseId(std::string_view source, std::string_view householdId, std::string_view key) {
    std::string input;
    for (std::string_view part : {source, householdId, key}) {
        input += part;
        input += '\0';
    }
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char *>(input.data()), input.size(),
                       nullptr, 0);
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return "lead-" + std::string(hex);
}

std::string screeningKey(const ScreeningRow &row, std::string_view department) {
    return row.date.toString() + "|" + std::string(department);
}

boost::json::object screeningCaseFields(const ScreeningRow &row, std::string_view householdId,
                                        std::string_view memberId, std::string_view department) {
    return boost::json::object{{"householdId", householdId},
                               {"caseType", "识别"},
                               {"source", kScreeningSource},
                               {"lead", boost::json::object{{"date", row.date.toString()},
                                                            {"department", department},
                                                            {"reason", row.reason},
                                                            {"memberId", memberId}}}};
}

Result<EmergencyMark> readEmergencyMark(const boost::json::value &body, const CivilDate &today) {
    const auto *o = body.if_object();
    if (!o)
        return Error{"bad_request", "请求体应为 JSON 对象 {regionCode, from, to, description}", ""};
    auto text = [&](std::string_view key) -> std::string {
        const auto *v = o->if_contains(key);
        return v && v->is_string() ? std::string(v->get_string()) : std::string();
    };
    EmergencyMark m;
    m.regionCode = text("regionCode");
    if (m.regionCode.size() < 2 || m.regionCode.size() > 12 ||
        m.regionCode.find_first_not_of("0123456789") != std::string::npos)
        return Error{"bad_request", "regionCode 应为2到12位行政区划代码", "regionCode"};
    const auto from = CivilDate::parse(text("from"));
    const auto to = CivilDate::parse(text("to"));
    if (!from || !from->isValid())
        return Error{"bad_request", "from 应为日期（YYYY-MM-DD）", "from"};
    if (!to || !to->isValid())
        return Error{"bad_request", "to 应为日期（YYYY-MM-DD）", "to"};
    if (*to < *from)
        return Error{"bad_request", "结束日期不能早于开始日期", "to"};
    if (*to > today)
        return Error{"bad_request", "结束日期不能晚于今天", "to"};
    if (to->dayNumber() - from->dayNumber() >= kMaxEmergencyDays)
        return Error{"bad_request", "一次标记的时间范围不超过一年", "from"};
    m.from = *from;
    m.to = *to;
    m.description = trimmed(text("description"));
    if (m.description.empty())
        return Error{"bad_request", "请填写突发事件说明（description）", "description"};
    if (charCount(m.description) > kMaxDescriptionChars)
        return Error{"bad_request", "突发事件说明不超过500个字", "description"};
    return m;
}

std::string emergencyKey(const EmergencyMark &mark) {
    return mark.regionCode + "|" + mark.from.toString() + "|" + mark.to.toString();
}

std::optional<boost::json::object> suddenEventWithin(const boost::json::object &householdFields,
                                                     const EmergencyMark &mark) {
    const auto *events = householdFields.if_contains("suddenEvents");
    if (!events || !events->is_array())
        return std::nullopt;
    for (const auto &e : events->get_array()) {
        const auto *o = e.if_object();
        const auto *date = o ? o->if_contains("date") : nullptr;
        if (!date || !date->is_string())
            continue;
        const auto d = CivilDate::parse(date->get_string());
        if (d && !(*d < mark.from) && !(mark.to < *d))
            return *o;
    }
    return std::nullopt;
}

boost::json::object emergencyCaseFields(const EmergencyMark &mark, std::string_view householdId,
                                        const boost::json::object &event, const CivilDate &today) {
    boost::json::object shown;
    for (std::string_view key : {"type", "date"}) {
        if (const auto *v = event.if_contains(key))
            shown[key] = *v;
    }
    return boost::json::object{{"householdId", householdId},
                               {"caseType", "识别"},
                               {"source", kEmergencySource},
                               {"lead", boost::json::object{{"date", today.toString()},
                                                            {"regionCode", mark.regionCode},
                                                            {"from", mark.from.toString()},
                                                            {"to", mark.to.toString()},
                                                            {"description", mark.description},
                                                            {"event", std::move(shown)}}}};
}

} // namespace ruhu::leads
