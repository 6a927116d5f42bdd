#include <ruhu/demo/case_household.h>
#include <ruhu/demo/demo_county.h>
#include <ruhu/domain/household_records.h>
#include <ruhu/domain/working_calendar.h>

#include <array>

namespace ruhu::demo {
namespace {

using domain::CivilDate;

constexpr std::array kNames{"周德明", "吴秀英", "周志强", "周桂兰", "周海军", "周金凤"};
constexpr std::array kRelations{"户主", "配偶", "之子", "之女", "之子", "之女"};

Record record(const CaseHouseholdSpec &spec, const char *kind, std::string id, boost::json::object fields) {
    Record r;
    r.kind = kind;
    r.id = std::move(id);
    r.householdId = spec.householdId;
    r.regionCode = spec.regionCode;
    r.fields = std::move(fields);
    return r;
}

int members(const CaseHouseholdSpec &spec) {
    return std::clamp(spec.members, 1, 6);
}

} // namespace

boost::json::object caseIncomeSheetFields(const CaseHouseholdSpec &spec) {
    const CivilDate end = domain::addDays(CivilDate{spec.surveyDate.year, spec.surveyDate.month, 1}, -1);
    const CivilDate start = domain::addMonths(domain::addDays(end, 1), -12);
    const int64_t total = spec.perCapitaFen * members(spec);
    boost::json::object sheet{
        {"householdId", spec.householdId}, {"periodStart", start.toString()}, {"periodEnd", end.toString()}};
    if (spec.noLabour)
        sheet["transfers"] = boost::json::object{{"4", total}};
    else
        sheet["wages"] = boost::json::array{boost::json::object{
            {"id", "w1"}, {"memberId", spec.householdId + "-m1"}, {"name", kNames[0]}, {"localCash", total}}};
    return sheet;
}

std::vector<Record> makeCaseHousehold(const CaseHouseholdSpec &spec) {
    std::vector<Record> out;
    boost::json::object household{
        {"regionCode", spec.regionCode},
        {"householdType", "一般农户"},
        {"headMemberId", spec.householdId + "-m1"},
        {"headName", kNames[0]},
        {"county", "潜江市"},
        {"township", "熊口管理区"},
        {"village", "马家村"},
        {"group", "二组"},
        {"address", "马家村二组"},
        {"housing",
         boost::json::object{
             {"onlyHouse", true}, {"structure", "砖混"}, {"safetyGrade", "A"}, {"isDangerous", false}}},
        {"water", boost::json::object{{"safe", true}}},
        {"riskTypes", boost::json::array{spec.suddenEvent ? "因灾" : "因病"}},
    };
    if (spec.suddenEvent)
        household["suddenEvents"] = boost::json::array{
            boost::json::object{{"id", "ev1"},
                                {"type", "洪涝灾害"},
                                {"date", CivilDate{spec.surveyDate.year, 1, 10}.toString()}}};
    out.push_back(record(spec, "household", spec.householdId, std::move(household)));
    for (int i = 0; i < members(spec); ++i) {
        const int birthYear = spec.noLabour ? 1940 + i : 1970 + 2 * i;
        const std::string birth = std::to_string(birthYear) + "0315";
        out.push_back(record(spec, "member", spec.householdId + "-m" + std::to_string(i + 1),
                             {{"householdId", spec.householdId},
                              {"name", kNames[static_cast<size_t>(i)]},
                              {"relationToHead", kRelations[static_cast<size_t>(i)]},
                              {"idType", "居民身份证"},
                              {"idNo", makeIdNumber("429005", birth, spec.idSequence + i)},
                              {"birthDate", std::to_string(birthYear) + "-03-15"},
                              {"seq", i + 1},
                              {"status", "正常"},
                              {"sharesIncomeExpense", true},
                              {"labor", spec.noLabour ? "无劳动力" : "普通劳动力"},
                              {"insurance", boost::json::object{{"residentMedical", true}}}}));
    }
    out.push_back(
        record(spec, "incomeSheet", domain::incomeSheetId(spec.householdId), caseIncomeSheetFields(spec)));
    out.push_back(record(spec, "measure", spec.householdId + "-ms1",
                         {{"householdId", spec.householdId},
                          {"category", spec.noLabour ? "综合保障" : "就业帮扶"},
                          {"item", spec.noLabour ? "农村低保" : "技能培训"},
                          {"responsibleDept", spec.noLabour ? "民政局" : "人社局"},
                          {"status", "计划"}}));
    return out;
}

Record makeImplementedMeasure(const CaseHouseholdSpec &spec, const std::string &id, const CivilDate &start) {
    return record(spec, "measure", id,
                  {{"householdId", spec.householdId},
                   {"category", "就业帮扶"},
                   {"item", "公益性岗位"},
                   {"responsibleDept", "人社局"},
                   {"startDate", start.toString()},
                   {"status", "已落实"}});
}

} // namespace ruhu::demo
