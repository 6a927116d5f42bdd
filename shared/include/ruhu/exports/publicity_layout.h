#pragma once

#include <ruhu/domain/civil_date.h>

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

// The village's 公示 notice for the households proposed for monitoring (monitoring-domain.md §7.1 5,
// §11.1 政务公开, §11.2.8; seed 004 四(一)1): which cases it lists, its columns and its wording, defined
// once for the XLSX and the printed PDF. De-identified by construction: a row carries the 组, the 户主's
// name, the household size, the proposed category and the first (generic) risk type, never a 证件号码,
// phone, income figure or health detail, because the row type has no field for them.
namespace ruhu::exports {

// One household on a notice.
struct PublicityEntry {
    std::string villageCode;
    std::string villageName;
    std::string group;    // 村民小组
    std::string headName; // 户主姓名
    int memberCount = 0;  // 家庭人口 (every member but the deceased, as 当前家庭人口数)
    std::string category; // 拟纳入类别, empty when the engine gave none
    std::string risk;     // 主要风险: the household's first 致贫/返贫风险
    domain::CivilDate start;
    domain::CivilDate end;
};

// A column of the notice's table; `width` is its share of the printed table's width.
struct PublicityColumn {
    std::string_view header;
    double width;
    std::string (*cell)(const PublicityEntry &entry, int number);
};

// 序号, 村民小组, 户主姓名, 家庭人口, 拟纳入类别, 主要风险 (the printed table).
const std::vector<PublicityColumn> &publicityColumns();
// The XLSX: 村 first, the printed columns, then 公示开始日期 and 公示结束日期 (one sheet for many notices).
std::vector<std::string> publicitySheetHeaders();
std::vector<std::string> publicitySheetRow(const PublicityEntry &entry, int number);
inline constexpr std::string_view kPublicitySheetTitle = "公示名单";

// A case the notice lists: state PUBLICIZED (公示 started, the township has not decided yet).
bool isInPublicity(const boost::json::object &caseFields);
// The case's 公示 start (publicity.start) and the end the server stored (publicityEnd).
std::optional<domain::CivilDate> publicityStart(const boost::json::object &caseFields);
std::optional<domain::CivilDate> storedPublicityEnd(const boost::json::object &caseFields);

// The category the notice proposes: the monitoring category the rule engine's outcome stands for
// (incomeSheet.computed.evaluation.outcome as the server stored it), or empty.
std::string proposedCategory(const boost::json::object &incomeSheetFields);
// The household's first 致贫/返贫风险 (riskTypes[0]), or empty.
std::string mainRisk(const boost::json::object &householdFields);

// The wording of one notice (one village, one 公示 period).
struct PublicityNotice {
    std::string villageName;
    domain::CivilDate start;
    domain::CivilDate end;
    int workingDays = 0; // working days from start to end, both counted
    std::string contact; // how to reach the village for objections, as the clerk gave it; may be empty
};
std::string publicityTitle(const PublicityNotice &notice); // "马家村防止返贫监测对象拟纳入公示"
std::string publicityIntro(const PublicityNotice &notice, size_t households);
std::string
publicityPeriod(const PublicityNotice &notice); // "公示期：2026年12月7日至2026年12月11日（5个工作日）"
std::string publicityObjection(const PublicityNotice &notice); // where to object, incl. 12317
std::string publicitySignature(const PublicityNotice &notice); // "马家村村民委员会"
std::string chineseDate(const domain::CivilDate &date);        // "2026年12月7日"
std::string pageNumberLine(int page, int pages);               // "第 1 页 共 2 页"

} // namespace ruhu::exports
