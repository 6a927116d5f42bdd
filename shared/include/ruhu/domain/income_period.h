#pragma once

#include <ruhu/domain/civil_date.h>
#include <ruhu/result.h>

#include <boost/json/object.hpp>

#include <string>
#include <vector>

// The income sheet's 核算期 (the 12 months before collection) and the previous period's sheet, kept when a
// new period starts so that 收入下降 (K6, K7, K8: D against the previous D) compares against it.
namespace ruhu::domain {

struct IncomePeriod {
    CivilDate start;
    CivilDate end;
};

// The 12 months before `collection`: [collection − 12 months, collection − 1 day].
IncomePeriod expectedIncomePeriod(const CivilDate &collection);

// What is wrong with a sheet's periodStart/periodEnd for a collection on `collection` (Chinese, for the
// page; empty when the period is the 12 months before collection or close to it).
std::vector<std::string> incomePeriodWarnings(const boost::json::object &sheet, const CivilDate &collection);

// The id of a kept previous sheet: "is-<householdId>-p<periodEnd as YYYYMMDD>".
std::string previousIncomeSheetId(const std::string &householdId, const std::string &periodEnd);
bool isPreviousIncomeSheetOf(const std::string &sheetId, const std::string &householdId);

// Starting the next period: the current sheet is kept as the previous one (`archivedId`, `archived`
// fields) and the current sheet's `reset` fields clear this period's lines and amounts (lines become
// tombstones, so the removal survives the merge by line id), keep the 生产性固定资产 (they depreciate over
// years) and set the new period. Refused when the current sheet has no period end.
struct NewIncomePeriod {
    std::string archivedId;
    boost::json::object archived;
    boost::json::object reset;
};
Result<NewIncomePeriod> startNewIncomePeriod(const boost::json::object &current,
                                             const std::string &householdId, const CivilDate &collection);

} // namespace ruhu::domain
