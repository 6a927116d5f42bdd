#include "householdassessment.h"

#include <ruhu/domain/household_json.h>
#include <ruhu/domain/rules.h>
#include <ruhu/store/device_replica.h>

#include <QFile>

#include <boost/json/parse.hpp>

#include <algorithm>
#include <cstdlib>

namespace assessment {

namespace {

struct LoadedConfig {
    std::optional<ruhu::domain::RuleConfig> config;
    std::string error;
};

const LoadedConfig &loadedConfig() {
    static const LoadedConfig loaded = [] {
        LoadedConfig result;
        QFile file(QStringLiteral(":/qt/qml/Ruhu/rules/ruhu-rules-default.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = "找不到规则配置文件";
            return result;
        }
        const QByteArray bytes = file.readAll();
        boost::system::error_code ec;
        auto json = boost::json::parse(std::string_view(bytes.constData(), size_t(bytes.size())), ec);
        if (ec) {
            result.error = "规则配置文件无法读取";
            return result;
        }
        auto config = ruhu::domain::parseRuleConfig(json);
        if (!config)
            result.error = config.error().message;
        else
            result.config = std::move(*config);
        return result;
    }();
    return loaded;
}

// Set-union collections keep removed elements as tombstones {"id", "deleted": true} for the merge; the
// engine reads only the live ones.
boost::json::object withoutTombstones(boost::json::object fields) {
    for (auto &kv : fields) {
        if (!kv.value().is_array())
            continue;
        auto &array = kv.value().get_array();
        array.erase(std::remove_if(array.begin(), array.end(),
                                   [](const boost::json::value &v) {
                                       if (!v.is_object())
                                           return false;
                                       const auto *deleted = v.get_object().if_contains("deleted");
                                       return deleted && deleted->is_bool() && deleted->get_bool();
                                   }),
                    array.end());
    }
    return fields;
}

boost::json::object withId(boost::json::object fields, const std::string &id) {
    fields["id"] = id;
    return fields;
}

// The document the engine reads. With `forTotalsOnly`, members carry only what decides who is counted in
// n, so that the sheet's totals show even while a member's 劳动技能 or other survey data is incomplete.
boost::json::object document(const ruhu::DeviceReplica &replica, const std::string &householdId,
                             const boost::json::object &sheet, bool forTotalsOnly) {
    boost::json::object doc;
    boost::json::object household;
    if (auto record = replica.record("household", householdId)) {
        household = withoutTombstones(record->fields);
        if (!household.contains("regionCode"))
            household["regionCode"] = record->regionCode;
    }
    household["id"] = householdId;
    doc["household"] = std::move(household);
    boost::json::array members;
    for (const auto &member : replica.members(householdId)) {
        if (member.deleted)
            continue;
        if (!forTotalsOnly) {
            members.push_back(withId(member.fields, member.id));
            continue;
        }
        boost::json::object slim{{"id", member.id}, {"labor", "普通劳动力"}};
        for (const char *key : {"name", "relationToHead", "status", "sharesIncomeExpense"})
            if (const auto *value = member.fields.if_contains(key))
                slim[key] = *value;
        members.push_back(std::move(slim));
    }
    doc["members"] = std::move(members);
    boost::json::object sheetDoc = withoutTombstones(sheet);
    sheetDoc["id"] = sheetId(householdId);
    sheetDoc["householdId"] = householdId;
    doc["incomeSheet"] = std::move(sheetDoc);
    return doc;
}

std::optional<ruhu::domain::IncomeTotals> totalsOnly(const ruhu::DeviceReplica &replica,
                                                     const std::string &householdId,
                                                     const boost::json::object &sheet,
                                                     const ruhu::domain::RuleConfig &config) {
    auto doc = ruhu::domain::parseHouseholdDocument(document(replica, householdId, sheet, true));
    if (!doc)
        return std::nullopt;
    const int n = int(
        std::count_if(doc->members.begin(), doc->members.end(), [](const auto &m) { return m.isCounted(); }));
    ruhu::domain::IncomeRules rules{config.params.fixedAssetMinValue, config.params.depreciationYears,
                                    config.params.includeClaimsInD1};
    auto totals = ruhu::domain::computeIncomeTotals(doc->incomeSheet, std::max(n, 1), rules);
    if (!totals)
        return std::nullopt;
    totals->n = n;
    return *totals;
}

// "members[1].labor：缺少劳动技能…" → "家庭成员“李四”：缺少劳动技能…" (the cadre does not read JSON paths).
std::string plainError(const ruhu::Error &error, const boost::json::object &doc) {
    std::string message = error.message;
    if (!error.field.empty() && message.starts_with(error.field)) {
        message.erase(0, error.field.size());
        if (auto colon = message.find("："); colon != std::string::npos && colon < 24)
            message.erase(0, colon + std::string_view("：").size());
    }
    const std::string prefix = "members[";
    if (!error.field.starts_with(prefix))
        return message;
    const size_t index = std::strtoul(error.field.c_str() + prefix.size(), nullptr, 10);
    const auto &members = doc.at("members").as_array();
    std::string name = "第" + std::to_string(index + 1) + "名";
    if (index < members.size())
        if (const auto *value = members[index].as_object().if_contains("name"); value && value->is_string())
            name = "“" + std::string(value->get_string()) + "”";
    return "家庭成员" + name + "：" + message;
}

} // namespace

std::string sheetId(const std::string &householdId) {
    return "is-" + householdId;
}

boost::json::object storedSheet(const ruhu::DeviceReplica &replica, const std::string &householdId) {
    auto record = replica.record("incomeSheet", sheetId(householdId));
    if (!record || record->deleted)
        return {};
    return record->fields;
}

const ruhu::domain::RuleConfig *ruleConfig() {
    const auto &loaded = loadedConfig();
    return loaded.config ? &*loaded.config : nullptr;
}

std::string configError() {
    return loadedConfig().error;
}

Result evaluate(const ruhu::DeviceReplica &replica, const std::string &householdId,
                const boost::json::object &sheet, const ruhu::domain::CivilDate &on) {
    Result result;
    const auto *config = ruleConfig();
    if (!config) {
        result.error = configError();
        return result;
    }
    std::string region;
    if (auto record = replica.record("household", householdId))
        region = record->regionCode;
    if (auto threshold = config->thresholdFor(region, on.year))
        result.threshold = *threshold;
    const auto json = document(replica, householdId, sheet, false);
    auto doc = ruhu::domain::parseHouseholdDocument(json);
    if (doc) {
        if (auto evaluation = ruhu::domain::evaluateHousehold(*doc, *config, on)) {
            result.totals = evaluation->income;
            result.evaluation = std::move(*evaluation);
            return result;
        } else {
            result.error = evaluation.error().message;
        }
    } else {
        result.error = plainError(doc.error(), json);
    }
    result.totals = totalsOnly(replica, householdId, sheet, *config);
    return result;
}

} // namespace assessment
