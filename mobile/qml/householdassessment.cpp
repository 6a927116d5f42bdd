#include "householdassessment.h"

#include <ruhu/json/canonical_json.h>
#include <ruhu/store/replica_household.h>

#include <memory>

namespace assessment {

namespace {

struct LoadedConfig {
    std::string document; // the text it was parsed from ("" = the built-in one)
    std::shared_ptr<const ruhu::domain::RuleConfig> config;
    std::string error;
};

LoadedConfig load(const std::string &document) {
    LoadedConfig result{document, nullptr, {}};
    auto json =
        document.empty() ? ruhu::parseJson(ruhu::domain::builtinRuleConfigJson()) : ruhu::parseJson(document);
    auto config =
        json ? ruhu::domain::parseRuleConfig(*json) : ruhu::Result<ruhu::domain::RuleConfig>(json.error());
    if (!config)
        result.error = config.error().message;
    else
        result.config = std::make_shared<const ruhu::domain::RuleConfig>(std::move(*config));
    return result;
}

// The configuration pulled from the server, or the built-in one before the first sync (or if the pulled
// one does not parse). Parsed again only when the pulled document changes. Used from the GUI thread.
const LoadedConfig &loadedConfig(const ruhu::DeviceReplica *replica) {
    static LoadedConfig builtin = load({});
    static LoadedConfig pulled;
    const std::string document = replica ? replica->ruleConfigDocument() : std::string();
    if (document.empty())
        return builtin;
    if (pulled.document != document)
        pulled = load(document);
    return pulled.config ? pulled : builtin;
}

} // namespace

std::string sheetId(const std::string &householdId) {
    return ruhu::domain::incomeSheetId(householdId);
}

boost::json::object storedSheet(const ruhu::DeviceReplica &replica, const std::string &householdId) {
    auto record = replica.record("incomeSheet", sheetId(householdId));
    if (!record || record->deleted)
        return {};
    return record->fields;
}

const ruhu::domain::RuleConfig *ruleConfig(const ruhu::DeviceReplica *replica) {
    return loadedConfig(replica).config.get();
}

std::string configError(const ruhu::DeviceReplica *replica) {
    return loadedConfig(replica).error;
}

Result evaluate(const ruhu::DeviceReplica &replica, const std::string &householdId,
                const boost::json::object &sheet, const ruhu::domain::CivilDate &on) {
    const auto *config = ruleConfig(&replica);
    if (!config) {
        Result result;
        result.error = configError(&replica);
        return result;
    }
    return ruhu::domain::assessHousehold(ruhu::replicaHouseholdRecords(replica, householdId), householdId,
                                         *config, on, &sheet);
}

} // namespace assessment
