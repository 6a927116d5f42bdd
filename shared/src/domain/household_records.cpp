#include <ruhu/domain/household_json.h>
#include <ruhu/domain/household_records.h>
#include <ruhu/domain/income_period.h>
#include <ruhu/domain/rules.h>
#include <ruhu/json/canonical_json.h>

#include <boost/json/array.hpp>

#include <algorithm>
#include <cstdlib>

namespace ruhu::domain {

namespace json = boost::json;

namespace {

std::string text(const json::object &o, const char *key) {
    const auto *v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

json::object withId(json::object fields, const std::string &id) {
    fields["id"] = id;
    return fields;
}

// A measure still being entered (no category or status yet) cannot count as implemented; leaving it out
// keeps it from failing the whole household's evaluation.
bool isComplete(const Record &measure) {
    for (const char *key : {"category", "status"}) {
        const auto *v = measure.fields.if_contains(key);
        if (!v || !v->is_string() || v->get_string().empty())
            return false;
    }
    return true;
}

// The document the engine reads. With `forTotalsOnly`, members carry only what decides who is counted in
// n, so that the sheet's totals show even while a member's 劳动技能 or other survey data is incomplete.
json::object document(const HouseholdRecords &records, const std::string &householdId,
                      const json::object *sheet, bool forTotalsOnly) {
    json::object doc;
    json::object household;
    if (records.household) {
        household = withoutTombstones(records.household->fields);
        if (!household.contains("regionCode"))
            household["regionCode"] = records.household->regionCode;
    }
    household["id"] = householdId;
    doc["household"] = std::move(household);
    json::array members;
    for (const auto &member : records.members) {
        if (!forTotalsOnly) {
            members.push_back(withId(withoutTombstones(member.fields), member.id));
            continue;
        }
        // A placeholder 劳动技能 so that a member whose labour is not entered yet still counts in n.
        json::object slim{{"id", member.id}, {"labor", "普通劳动力"}};
        for (const char *key : {"name", "relationToHead", "status", "sharesIncomeExpense"})
            if (const auto *value = member.fields.if_contains(key))
                slim[key] = *value;
        members.push_back(std::move(slim));
    }
    doc["members"] = std::move(members);
    json::object sheetDoc;
    if (sheet)
        sheetDoc = withoutTombstones(*sheet);
    else if (records.incomeSheet)
        sheetDoc = withoutTombstones(records.incomeSheet->fields);
    sheetDoc.erase("computed");
    sheetDoc["id"] = incomeSheetId(householdId);
    sheetDoc["householdId"] = householdId;
    doc["incomeSheet"] = std::move(sheetDoc);
    if (!forTotalsOnly) {
        json::array measures;
        for (const auto &measure : records.measures)
            if (isComplete(measure))
                measures.push_back(withId(withoutTombstones(measure.fields), measure.id));
        if (!measures.empty())
            doc["measures"] = std::move(measures);
    }
    return doc;
}

std::optional<IncomeTotals> totalsOnly(const HouseholdRecords &records, const std::string &householdId,
                                       const json::object *sheet, const RuleConfig &config) {
    auto doc = parseHouseholdDocument(document(records, householdId, sheet, true));
    if (!doc)
        return std::nullopt;
    const int n = int(
        std::count_if(doc->members.begin(), doc->members.end(), [](const auto &m) { return m.isCounted(); }));
    IncomeRules rules{config.params.fixedAssetMinValue, config.params.depreciationYears,
                      config.params.includeClaimsInD1};
    auto totals = computeIncomeTotals(doc->incomeSheet, std::max(n, 1), rules);
    if (!totals)
        return std::nullopt;
    totals->n = n;
    return *totals;
}

// "members[1].labor：缺少劳动技能…" → "家庭成员“李四”：缺少劳动技能…" (the cadre does not read JSON paths).
std::string plainError(const Error &error, const json::object &doc) {
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

json::value totalsToJson(const IncomeTotals &t) {
    json::object o;
    for (const auto &[key, fen] : namedTotals(t))
        o[key] = fen; // 分, as every money field of the records
    o["n"] = t.n;
    return o;
}

} // namespace

bool isTombstone(const json::value &element) {
    if (!element.is_object())
        return false;
    const auto *deleted = element.get_object().if_contains("deleted");
    return deleted && deleted->is_bool() && deleted->get_bool();
}

json::object withoutTombstones(json::object fields) {
    for (auto &kv : fields) {
        if (!kv.value().is_array())
            continue;
        auto &array = kv.value().get_array();
        array.erase(
            std::remove_if(array.begin(), array.end(), [](const json::value &v) { return isTombstone(v); }),
            array.end());
        for (auto &element : array) // a live element's "deleted": false is merge bookkeeping, not data
            if (element.is_object())
                element.get_object().erase("deleted");
    }
    return fields;
}

std::string incomeSheetId(const std::string &householdId) {
    return "is-" + householdId;
}

HouseholdRecords selectHouseholdRecords(const std::vector<Record> &records, const std::string &householdId) {
    HouseholdRecords out;
    const std::string sheetId = incomeSheetId(householdId);
    for (const auto &r : records) {
        if (r.deleted || r.householdId != householdId)
            continue;
        if (r.kind == "household" && r.id == householdId)
            out.household = r;
        else if (r.kind == "member")
            out.members.push_back(r);
        else if (r.kind == "incomeSheet" && r.id == sheetId)
            out.incomeSheet = r;
        else if (r.kind == "incomeSheet" && isPreviousIncomeSheetOf(r.id, householdId))
            out.previousIncomeSheets.push_back(r);
        else if (r.kind == "measure")
            out.measures.push_back(r);
    }
    // One order on both sides: the member list order decides the names in the reasons.
    auto bySeqThenId = [](const Record &a, const Record &b) {
        auto seq = [](const Record &r) {
            const auto *v = r.fields.if_contains("seq");
            return v && v->is_int64() ? v->get_int64() : int64_t(1) << 40;
        };
        return std::pair(seq(a), a.id) < std::pair(seq(b), b.id);
    };
    std::sort(out.members.begin(), out.members.end(), bySeqThenId);
    std::sort(out.measures.begin(), out.measures.end(),
              [](const Record &a, const Record &b) { return a.id < b.id; });
    std::sort(out.previousIncomeSheets.begin(), out.previousIncomeSheets.end(),
              [](const Record &a, const Record &b) { return a.id < b.id; });
    return out;
}

json::object householdDocumentJson(const HouseholdRecords &records, const std::string &householdId,
                                   const json::object *sheet) {
    return document(records, householdId, sheet, false);
}

namespace {

// The latest previous sheet that ends before the current period starts (any, when the current sheet has
// no period yet). Ids carry the period end (YYYY-MM-DD), so they sort by it.
const Record *previousSheet(const HouseholdRecords &records, const json::object &current) {
    const std::string start = text(current, "periodStart");
    const Record *found = nullptr;
    for (const auto &r : records.previousIncomeSheets) {
        const std::string end = text(r.fields, "periodEnd");
        if (!start.empty() && !(end < start))
            continue;
        found = &r;
    }
    return found;
}

} // namespace

HouseholdAssessment assessHousehold(const HouseholdRecords &records, const std::string &householdId,
                                    const RuleConfig &config, const CivilDate &on,
                                    const json::object *sheet) {
    HouseholdAssessment result;
    static const json::object noSheet;
    json::object withPrior;
    const json::object &current = sheet                 ? *sheet
                                  : records.incomeSheet ? records.incomeSheet->fields
                                                        : noSheet;
    if (const Record *previous = previousSheet(records, current)) {
        if (auto totals = totalsOnly(records, householdId, &previous->fields, config)) {
            result.prior = PriorIncome{previous->id, text(previous->fields, "periodStart"),
                                       text(previous->fields, "periodEnd"), totals->D};
            withPrior = current;
            withPrior["priorD"] = totals->D;
            sheet = &withPrior;
        }
    }
    const std::string region = records.household ? records.household->regionCode : std::string();
    if (auto threshold = config.thresholdFor(region, on.year))
        result.threshold = *threshold;
    const auto json = document(records, householdId, sheet, false);
    auto doc = parseHouseholdDocument(json);
    if (doc) {
        if (auto evaluation = evaluateHousehold(*doc, config, on)) {
            result.totals = evaluation->income;
            result.evaluation = std::move(*evaluation);
            return result;
        } else {
            result.error = evaluation.error().message;
        }
    } else {
        result.error = plainError(doc.error(), json);
    }
    result.totals = totalsOnly(records, householdId, sheet, config);
    return result;
}

json::object assessmentToJson(const HouseholdAssessment &assessment, const RuleConfig &config,
                              const CivilDate &on) {
    json::object o{{"engineVersion", kEngineVersion},
                   {"configId", config.id},
                   {"configVersion", config.version},
                   {"configHash", config.hash},
                   {"assessedOn", on.toString()}};
    o["totals"] = assessment.totals ? totalsToJson(*assessment.totals) : json::value(nullptr);
    if (assessment.threshold)
        o["threshold"] = json::object{{"value", assessment.threshold->value},
                                      {"year", assessment.threshold->year},
                                      {"regionPrefix", assessment.threshold->regionPrefix},
                                      {"regionName", assessment.threshold->regionName},
                                      {"source", assessment.threshold->source}};
    else
        o["threshold"] = nullptr;
    o["evaluation"] =
        assessment.evaluation ? json::value(evaluationToJson(*assessment.evaluation)) : json::value(nullptr);
    o["error"] = assessment.error;
    return o;
}

namespace {

// The part of a stored result that a cadre sees as "the result".
std::string essence(const json::object &computed) {
    json::object e;
    for (const char *key : {"threshold", "error"})
        if (const auto *v = computed.if_contains(key))
            e[key] = *v;
    if (const auto *t = computed.if_contains("totals"); t && t->is_object())
        e["D"] = t->get_object().contains("D") ? t->get_object().at("D") : json::value(nullptr);
    if (const auto *ev = computed.if_contains("evaluation"); ev && ev->is_object())
        for (const char *key : {"outcome", "categories", "exclusions", "mandatory"})
            if (const auto *v = ev->get_object().if_contains(key))
                e[key] = *v;
    return toCanonicalJson(e);
}

std::vector<std::string> codes(const json::object &evaluation, const char *key, const char *prefix) {
    std::vector<std::string> out;
    if (const auto *list = evaluation.if_contains(key); list && list->is_array())
        for (const auto &v : list->get_array())
            if (v.is_int64())
                out.push_back(prefix + std::to_string(v.get_int64()));
    return out;
}

} // namespace

ServerResultComparison compareWithServer(const json::object &serverComputed, const HouseholdAssessment &local,
                                         const RuleConfig &localConfig, const CivilDate &localOn) {
    ServerResultComparison c;
    c.serverConfigId = text(serverComputed, "configId");
    if (const auto *v = serverComputed.if_contains("configVersion"); v && v->is_int64())
        c.serverConfigVersion = static_cast<int>(v->get_int64());
    c.serverAssessedOn = text(serverComputed, "assessedOn");
    c.serverError = text(serverComputed, "error");
    if (const auto *ev = serverComputed.if_contains("evaluation"); ev && ev->is_object()) {
        c.serverOutcomeLabel = text(ev->get_object(), "outcomeLabel");
        c.serverCategories = codes(ev->get_object(), "categories", "K");
        c.serverExclusions = codes(ev->get_object(), "exclusions", "X");
    }
    if (essence(serverComputed) == essence(assessmentToJson(local, localConfig, localOn)))
        return c;
    if (text(serverComputed, "configHash") != localConfig.hash)
        c.reason = ServerResultComparison::Reason::NewerConfig;
    else if (c.serverAssessedOn != localOn.toString())
        c.reason = ServerResultComparison::Reason::OtherDate;
    else
        c.reason = ServerResultComparison::Reason::OtherInputs;
    return c;
}

} // namespace ruhu::domain
