#include <ruhu/domain/household_records.h>
#include <ruhu/domain/income_period.h>

#include <algorithm>

namespace ruhu::domain {
namespace {

namespace json = boost::json;

std::optional<CivilDate> dateField(const json::object &o, const char *key) {
    const auto *v = o.if_contains(key);
    return v && v->is_string() ? CivilDate::parse(v->get_string()) : std::nullopt;
}

CivilDate dayBefore(const CivilDate &d) {
    if (d.day > 1)
        return {d.year, d.month, d.day - 1};
    return addMonths(CivilDate{d.year, d.month, 31}, -1); // clamped to the previous month's last day
}

} // namespace

IncomePeriod expectedIncomePeriod(const CivilDate &collection) {
    return {addMonths(collection, -12), dayBefore(collection)};
}

std::vector<std::string> incomePeriodWarnings(const json::object &sheet, const CivilDate &collection) {
    std::vector<std::string> out;
    const auto start = dateField(sheet, "periodStart");
    const auto end = dateField(sheet, "periodEnd");
    const auto expected = expectedIncomePeriod(collection);
    const std::string expectedText = expected.start.toString() + "至" + expected.end.toString();
    if (!start || !end) {
        out.push_back("未填写核算期：应为采集日前12个月（" + expectedText + "）");
        return out;
    }
    if (*end < *start) {
        out.push_back("核算期结束日期早于开始日期");
        return out;
    }
    const int64_t days = end->dayNumber() - start->dayNumber() + 1;
    if (days < 360 || days > 370)
        out.push_back("核算期为" + std::to_string(days) + "天，应为12个月（" + expectedText + "）");
    if (*end >= collection)
        out.push_back("核算期结束日期" + end->toString() + "不早于采集日" + collection.toString() +
                      "：核算的是采集日前12个月的收入");
    else if (collection.dayNumber() - end->dayNumber() > 62)
        out.push_back("核算期在采集日" + collection.toString() + "之前两个月以上结束，应为采集日前12个月（" +
                      expectedText + "）");
    return out;
}

// Record ids allow letters, digits, '-' and '_' only (sync/mutation.cpp): the period end goes in as YYYYMMDD.
std::string previousIncomeSheetId(const std::string &householdId, const std::string &periodEnd) {
    std::string digits;
    for (char c : periodEnd)
        if (c >= '0' && c <= '9')
            digits += c;
    return incomeSheetId(householdId) + "-p" + digits;
}

bool isPreviousIncomeSheetOf(const std::string &sheetId, const std::string &householdId) {
    const std::string prefix = incomeSheetId(householdId) + "-p";
    if (!sheetId.starts_with(prefix) || sheetId.size() != prefix.size() + 8)
        return false;
    return std::all_of(sheetId.begin() + long(prefix.size()), sheetId.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

Result<NewIncomePeriod> startNewIncomePeriod(const json::object &current, const std::string &householdId,
                                             const CivilDate &collection) {
    const auto end = dateField(current, "periodEnd");
    if (!end)
        return Error{"missing_period", "本期核算表还没有核算期，不能作为上期保留：请先填写核算期",
                     "periodEnd"};
    const auto next = expectedIncomePeriod(collection);
    if (next.start <= *end)
        return Error{"period_overlap",
                     "新一期核算期（" + next.start.toString() + "起）与本期（至" + end->toString() +
                         "）重叠：到下一个采集周期再开始新一期",
                     "periodEnd"};
    NewIncomePeriod out;
    out.archivedId = previousIncomeSheetId(householdId, end->toString());
    out.archived = current;
    out.archived.erase("computed");
    out.archived["householdId"] = householdId;
    for (const char *lines : {"crops", "livestock", "business", "wages"}) {
        const auto *v = current.if_contains(lines);
        if (!v || !v->is_array())
            continue;
        json::array tombstones;
        for (const auto &line : v->get_array())
            if (line.is_object())
                if (const auto *id = line.get_object().if_contains("id"))
                    tombstones.push_back(json::object{{"id", *id}, {"deleted", true}});
        out.reset[lines] = std::move(tombstones);
    }
    for (const char *group : {"property", "transfers", "rigid"})
        if (current.contains(group))
            out.reset[group] = json::object{};
    out.reset["claimsE"] = 0;
    out.reset["priorD"] = nullptr; // the previous sheet gives it from now on
    out.reset["periodStart"] = next.start.toString();
    out.reset["periodEnd"] = next.end.toString();
    return out;
}

} // namespace ruhu::domain
