#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

// 三一致 (seed 001; monitoring-domain.md §7): 系统数据、纸质档案、实际情况 agree. The server holds only the
// system data, so what it can check is that its own two accounts of a household agree: the monitoring case
// (the workflowCase's state and the county's decision) and the household record the national export reads
// (household.monitoring: 监测对象类别, 风险是否已消除; the measures). A mismatch means one of them was
// edited outside the procedure or a step's write went wrong; either way the national system got, or will
// get, the wrong one. Paper files and reality stay with the village (回头看).
namespace ruhu::exports {

inline constexpr std::string_view kConsistencySheetTitle = "三一致核对";

struct Mismatch {
    std::string code;    // category_without_case, case_without_category, category_differs,
                         // elimination_not_marked, elimination_marked_open, measures_missing
    std::string message; // Chinese, for the list to fix
};

// One household: its record's fields, the fields of each of its cases (any state) and of its live
// measures. The case that counts is the confirmed one (县级确定 or later) that moved last.
std::vector<Mismatch> consistencyMismatches(const boost::json::object &household,
                                            const std::vector<boost::json::object> &cases,
                                            const std::vector<boost::json::object> &measures);

} // namespace ruhu::exports
