#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

// The column names and value labels of the national system's exports
// (全国防止返贫监测和衔接推进乡村振兴信息系统; monitoring-domain.md §9, §8.2), defined once: the server's
// XLSX/CSV exports and any later import (三一致) read this table. Cells are text, as the national exports
// carry them.
namespace ruhu::exports {

enum class Sheet { Households, MonitoringObjects, Members, Measures };

// Whether the identity columns (证件号码, 联系电话) are in clear: only for a county role that stated a
// purpose (docs/exports.md); masked as in lists otherwise.
enum class Reveal { Masked, Full };

// The names of the household's county, township and village (from the area registry; the household's own
// text fields when the registry has none).
struct AreaNames {
    std::string county;
    std::string township;
    std::string village;
};

// What one row is made of. household: the household's fields (for member and measure rows its summary,
// householdSummary); member / measure: that record's fields.
struct RowSource {
    const boost::json::object *household = nullptr;
    const boost::json::object *member = nullptr;
    const boost::json::object *measure = nullptr;
    AreaNames area;
    std::string headIdNo;        // household rows: the 户主's 身份证号
    int memberCount = 0;         // household rows: live members (当前家庭人口数)
    std::string beneficiaryName; // measure rows: the 受益成员's name
    Reveal reveal = Reveal::Masked;
};

struct Column {
    std::string_view header;
    std::string (*cell)(const RowSource &);
};

const std::vector<Column> &columnsOf(Sheet sheet);
std::vector<std::string> headersOf(Sheet sheet);
std::vector<std::string> rowOf(Sheet sheet, const RowSource &source);

// The sheet's title in the workbook ("户信息") and the file name's stem ("households").
std::string_view sheetTitle(Sheet sheet);
std::string_view sheetFileStem(Sheet sheet);

// A household with a 监测对象类别 (脱贫不稳定户, 边缘易致贫户, 突发严重困难户).
bool isMonitoringObject(const boost::json::object &householdFields);

// Whether a member counts in 当前家庭人口数: every member record on the household but the deceased.
bool countsInHousehold(const boost::json::object &memberFields);

// The household fields member and measure rows read, without the rest (kept for every household of an
// export, so small).
boost::json::object householdSummary(const boost::json::object &householdFields);

// Who may export (docs/exports.md): the village, township and county roles, each its own area; the
// technical admin role sees nothing sensitive and exports nothing. Full identity columns: county only,
// with a stated purpose.
bool mayExport(std::string_view role);
bool mayRevealIdentity(std::string_view role);

// National value labels: 是/否 for a boolean (empty when unknown); 户类型 一般农户 → 普通农户.
std::string yesNo(const boost::json::value *value);
std::string householdTypeLabel(std::string_view ruhuValue);

} // namespace ruhu::exports
