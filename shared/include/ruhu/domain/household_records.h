#pragma once

#include <ruhu/domain/civil_date.h>
#include <ruhu/domain/evaluation.h>
#include <ruhu/domain/income_sheet.h>
#include <ruhu/domain/rule_config.h>
#include <ruhu/sync/record.h>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

// The one bridge from synced records to the rule engine, used by the tablet (on its replica) and by the
// server (on the central store) so that both compute the same result from the same records.
namespace ruhu::domain {

// The engine's version; stored with every server-computed result.
inline constexpr const char *kEngineVersion = "ruhu-engine/1";

// An element of a set-union collection removed on some device: {"id", "deleted": true}. Only an explicit
// true marks a tombstone ({"deleted": false} is a live element).
bool isTombstone(const boost::json::value &element);

// `fields` with the tombstones removed from every array, and the "deleted" marker from the live elements
// (the engine reads live elements only, and only their data).
boost::json::object withoutTombstones(boost::json::object fields);

// The one income sheet of a household is stored as record "is-<householdId>".
std::string incomeSheetId(const std::string &householdId);

// Which of a household's records the engine reads: the household, its live members, its income sheet and
// its live measures. `records` may hold any kinds and tombstones (e.g. CentralStore::householdRecords).
struct HouseholdRecords {
    std::optional<Record> household;
    std::vector<Record> members;
    std::optional<Record> incomeSheet;
    std::vector<Record> measures;
    // Sheets of earlier periods, kept when a new period started (ruhu::domain::startNewIncomePeriod).
    std::vector<Record> previousIncomeSheets;
};
HouseholdRecords selectHouseholdRecords(const std::vector<Record> &records, const std::string &householdId);

// The household document (docs/data-model.md §3) of those records; `sheet` replaces the stored income
// sheet's fields (the tablet's unsaved draft) when given.
boost::json::object householdDocumentJson(const HouseholdRecords &records, const std::string &householdId,
                                          const boost::json::object *sheet = nullptr);

// The previous period's per-capita income the drop tests (K6, K7, K8) compare with, from the household's
// previous income sheet: its lines computed with today's household size n.
struct PriorIncome {
    std::string sheetId;
    std::string periodStart;
    std::string periodEnd;
    Fen D = 0;
};

struct HouseholdAssessment {
    std::optional<IncomeTotals> totals; // also when the full evaluation fails
    // Set when a previous sheet exists; it replaces a hand-entered priorD on the current sheet.
    std::optional<PriorIncome> prior;
    std::optional<Evaluation> evaluation;
    std::optional<ThresholdChoice> threshold;
    std::string error; // why there is no evaluation, in Chinese (names the member, not a JSON path)
};

// Income sheet and rule engine on a household's records, on date `on`.
HouseholdAssessment assessHousehold(const HouseholdRecords &records, const std::string &householdId,
                                    const RuleConfig &config, const CivilDate &on,
                                    const boost::json::object *sheet = nullptr);

// The server-computed result as stored in incomeSheet.computed: engine version, config id/hash, date,
// totals, and the evaluation (outcome, categories, exclusions, reasons …) or the error.
boost::json::object assessmentToJson(const HouseholdAssessment &assessment, const RuleConfig &config,
                                     const CivilDate &on);

// How the result the server stored (incomeSheet.computed) compares with a device's own computation.
struct ServerResultComparison {
    enum class Reason {
        Same,        // outcome, categories, exclusions, income and threshold agree
        NewerConfig, // the server evaluated with another rule configuration (a county loaded one)
        OtherDate,   // same configuration, another assessment date (ages, threshold year)
        OtherInputs, // same configuration and date: the records differ (unsynced edits, or newer ones)
    };
    Reason reason = Reason::Same;
    std::string serverConfigId;
    int serverConfigVersion = 0;
    std::string serverAssessedOn;
    std::string serverOutcomeLabel;            // empty when the server could not evaluate
    std::vector<std::string> serverCategories; // "K1" …
    std::vector<std::string> serverExclusions; // "X1" …
    std::string serverError;
};
ServerResultComparison compareWithServer(const boost::json::object &serverComputed,
                                         const HouseholdAssessment &local, const RuleConfig &localConfig,
                                         const CivilDate &localOn);

} // namespace ruhu::domain
