#include <ruhu/domain/money.h>
#include <ruhu/exports/national_layout.h>
#include <ruhu/model/field_masking.h>
#include <ruhu/model/id_number.h>
#include <ruhu/model/schema.h>

#include <cmath>
#include <cstdio>

namespace ruhu::exports {
namespace {

const boost::json::value *at(const boost::json::object *object, std::string_view key) {
    return object ? object->if_contains(key) : nullptr;
}

const boost::json::object *child(const boost::json::object *object, std::string_view key) {
    const auto *value = at(object, key);
    return value && value->is_object() ? &value->get_object() : nullptr;
}

std::string text(const boost::json::value *value) {
    if (!value)
        return {};
    if (value->is_string())
        return std::string(value->get_string());
    if (value->is_int64())
        return std::to_string(value->get_int64());
    if (value->is_uint64())
        return std::to_string(value->get_uint64());
    if (value->is_double()) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.2f", value->get_double());
        std::string out = buffer;
        while (out.back() == '0')
            out.pop_back();
        if (out.back() == '.')
            out.pop_back();
        return out;
    }
    return {};
}

std::string text(const boost::json::object *object, std::string_view key) {
    return text(at(object, key));
}

std::string number(const boost::json::object *object, std::string_view key) {
    const auto *value = at(object, key);
    return value && value->is_number() ? text(value) : std::string();
}

// A phone number as the reveal allows: in clear, or its last four digits behind **** (maskFieldValue).
std::string phone(const std::string &value, Reveal reveal) {
    if (value.empty() || reveal == Reveal::Full)
        return value;
    static const FieldSpec *spec = findRecordKind("member")->field("phone");
    const boost::json::value masked = maskFieldValue(*spec, boost::json::value(value));
    return text(&masked);
}

std::string idNumber(const std::string &value, Reveal reveal) {
    if (value.empty() || reveal == Reveal::Full)
        return value;
    return maskIdNumber(value);
}

std::string riskType(const RowSource &s, size_t index) {
    const auto *risks = at(s.household, "riskTypes");
    if (!risks || !risks->is_array() || risks->get_array().size() <= index)
        return {};
    return text(&risks->get_array()[index]);
}

const boost::json::object *monitoring(const RowSource &s) {
    return child(s.household, "monitoring");
}

std::string monitoringCategory(const RowSource &s) {
    return text(monitoring(s), "category");
}

// 风险是否已消除 etc. only mean something for a monitoring object.
std::string monitoringYesNo(const RowSource &s, std::string_view key) {
    if (monitoringCategory(s).empty())
        return {};
    const auto *value = at(monitoring(s), key);
    return value ? yesNo(value) : std::string("否");
}

std::string memberFlag(const RowSource &s, std::string_view group, std::string_view key) {
    return yesNo(at(child(s.member, group), key));
}

std::string utility(const RowSource &s, std::string_view key) {
    return yesNo(at(child(s.household, "utilities"), key));
}

std::string land(const RowSource &s, std::string_view key) {
    return number(child(s.household, "land"), key);
}

// Where the household is and who heads it: the first columns of every sheet.
std::vector<Column> areaColumns() {
    return {Column{"县", [](const RowSource &s) { return s.area.county; }},
            Column{"乡(镇)", [](const RowSource &s) { return s.area.township; }},
            Column{"村", [](const RowSource &s) { return s.area.village; }},
            Column{"组", [](const RowSource &s) { return text(s.household, "group"); }},
            Column{"户编号", [](const RowSource &s) { return text(s.household, "nationalHouseholdNo"); }},
            Column{"户主姓名", [](const RowSource &s) { return text(s.household, "headName"); }}};
}

// The household's monitoring columns (§9.1), shared by the household and the monitoring-object sheets.
std::vector<Column> monitoringColumns() {
    return {
        Column{"户主证件号码", [](const RowSource &s) { return idNumber(s.headIdNo, s.reveal); }},
        Column{"户联系电话", [](const RowSource &s) { return phone(text(s.household, "phone"), s.reveal); }},
        Column{"户类型",
               [](const RowSource &s) { return householdTypeLabel(text(s.household, "householdType")); }},
        Column{"监测对象类别", [](const RowSource &s) { return monitoringCategory(s); }},
        Column{"是否军烈属", [](const RowSource &s) { return yesNo(at(s.household, "isMilitaryFamily")); }},
        Column{"致贫/返贫风险1", [](const RowSource &s) { return riskType(s, 0); }},
        Column{"致贫/返贫风险2", [](const RowSource &s) { return riskType(s, 1); }},
        Column{"致贫/返贫风险3", [](const RowSource &s) { return riskType(s, 2); }},
        Column{"致贫/返贫风险4", [](const RowSource &s) { return riskType(s, 3); }},
        Column{"致贫/返贫风险5", [](const RowSource &s) { return riskType(s, 4); }},
        Column{"识别监测时间", [](const RowSource &s) { return text(monitoring(s), "identifiedYm"); }},
        Column{"风险是否已消除", [](const RowSource &s) { return monitoringYesNo(s, "riskEliminated"); }},
        Column{"风险消除方式", [](const RowSource &s) { return text(monitoring(s), "eliminationMode"); }},
        Column{"消除监测时间", [](const RowSource &s) { return text(monitoring(s), "eliminatedYm"); }},
        Column{"整户无劳动能力兜底保障户",
               [](const RowSource &s) { return monitoringYesNo(s, "wholeNoLaborSafetyNet"); }},
        Column{"实施开发式帮扶措施情况",
               [](const RowSource &s) { return text(monitoring(s), "developmentalAssistance"); }},
        Column{"当前家庭人口数", [](const RowSource &s) { return std::to_string(s.memberCount); }},
        Column{"信息采集人",
               [](const RowSource &s) { return text(child(monitoring(s), "collector"), "userId"); }},
        Column{"信息采集人联系电话", [](const RowSource &s) {
                   return phone(text(child(monitoring(s), "collector"), "phone"), s.reveal);
               }}};
}

std::vector<Column> joined(std::initializer_list<std::vector<Column>> parts) {
    std::vector<Column> all;
    for (const auto &part : parts)
        all.insert(all.end(), part.begin(), part.end());
    return all;
}

const std::vector<Column> kHouseholdColumns = joined(
    {areaColumns(),
     monitoringColumns(),
     {
         Column{"耕地面积（亩）", [](const RowSource &s) { return land(s, "farmlandMu"); }},
         Column{"林地面积（亩）", [](const RowSource &s) { return land(s, "forestMu"); }},
         Column{"退耕还林面积（亩）", [](const RowSource &s) { return land(s, "grainForGreenMu"); }},
         Column{"林果面积（亩）", [](const RowSource &s) { return land(s, "orchardMu"); }},
         Column{"牧草地面积（亩）", [](const RowSource &s) { return land(s, "pastureMu"); }},
         Column{"水面面积（亩）", [](const RowSource &s) { return land(s, "waterSurfaceMu"); }},
         Column{"是否危房户",
                [](const RowSource &s) { return yesNo(at(child(s.household, "housing"), "isDangerous")); }},
         Column{"住房面积",
                [](const RowSource &s) { return number(child(s.household, "housing"), "areaM2"); }},
         Column{"是否解决安全饮用水",
                [](const RowSource &s) { return yesNo(at(child(s.household, "water"), "safe")); }},
         Column{"是否通生活用电", [](const RowSource &s) { return utility(s, "livingPower"); }},
         Column{"是否通生产用电", [](const RowSource &s) { return utility(s, "productionPower"); }},
         Column{"是否通广播电视", [](const RowSource &s) { return utility(s, "radioTv"); }},
         Column{"是否有卫生厕所", [](const RowSource &s) { return utility(s, "sanitaryToilet"); }},
         Column{"入户路类型",
                [](const RowSource &s) { return text(child(s.household, "utilities"), "roadType"); }},
         Column{"与村主干路距离（公里）",
                [](const RowSource &s) {
                    return number(child(s.household, "utilities"), "distanceToMainRoadKm");
                }},
         Column{"主要燃料类型",
                [](const RowSource &s) { return text(child(s.household, "utilities"), "fuel"); }},
         Column{"是否加入农民专业合作组织",
                [](const RowSource &s) { return yesNo(at(s.household, "inCooperative")); }},
         Column{"是否有龙头企业带动",
                [](const RowSource &s) { return yesNo(at(s.household, "leadingEnterpriseDriven")); }},
         Column{"是否有创业致富带头人带动",
                [](const RowSource &s) { return yesNo(at(s.household, "entrepreneurDriven")); }},
     }});

const std::vector<Column> kMonitoringObjectColumns = joined({areaColumns(), monitoringColumns()});

const std::vector<Column> kMemberColumns = joined(
    {areaColumns(),
     {
         Column{"人口编号", [](const RowSource &s) { return number(s.member, "seq"); }},
         Column{"姓名", [](const RowSource &s) { return text(s.member, "name"); }},
         Column{"证件类型", [](const RowSource &s) { return text(s.member, "idType"); }},
         Column{"证件号码", [](const RowSource &s) { return idNumber(text(s.member, "idNo"), s.reveal); }},
         Column{"性别", [](const RowSource &s) { return text(s.member, "sex"); }},
         Column{"出生日期", [](const RowSource &s) { return text(s.member, "birthDate"); }},
         Column{"民族", [](const RowSource &s) { return text(s.member, "ethnicity"); }},
         Column{"与户主关系", [](const RowSource &s) { return text(s.member, "relationToHead"); }},
         Column{"家庭成员联系电话",
                [](const RowSource &s) { return phone(text(s.member, "phone"), s.reveal); }},
         Column{"文化程度", [](const RowSource &s) { return text(s.member, "education"); }},
         Column{"在校生状况", [](const RowSource &s) { return text(s.member, "schooling"); }},
         Column{"义务教育阶段未上学原因",
                [](const RowSource &s) { return text(s.member, "notInSchoolReason"); }},
         Column{"大专或本科毕业生未就业原因",
                [](const RowSource &s) { return text(s.member, "graduateUnemployedReason"); }},
         Column{"健康状况", [](const RowSource &s) { return text(child(s.member, "health"), "status"); }},
         Column{"劳动技能", [](const RowSource &s) { return text(s.member, "labor"); }},
         Column{"务工时间（月）",
                [](const RowSource &s) { return number(child(s.member, "work"), "monthsWorked"); }},
         Column{"务工所在地", [](const RowSource &s) { return text(child(s.member, "work"), "place"); }},
         Column{"务工企业名称", [](const RowSource &s) { return text(child(s.member, "work"), "employer"); }},
         Column{"是否参加城乡居民基本医疗保险",
                [](const RowSource &s) { return memberFlag(s, "insurance", "residentMedical"); }},
         Column{"是否参加城镇职工基本医疗保险",
                [](const RowSource &s) { return memberFlag(s, "insurance", "employeeMedical"); }},
         Column{"是否参加大病保险",
                [](const RowSource &s) { return memberFlag(s, "insurance", "criticalIllness"); }},
         Column{"是否参加商业补充医疗保险",
                [](const RowSource &s) { return memberFlag(s, "insurance", "commercialMedical"); }},
         Column{"是否接受医疗救助",
                [](const RowSource &s) { return memberFlag(s, "benefits", "medicalAssistance"); }},
         Column{"是否接受其他健康扶贫",
                [](const RowSource &s) { return memberFlag(s, "benefits", "otherHealthAssistance"); }},
         Column{"是否参加城乡居民基本养老保险",
                [](const RowSource &s) { return memberFlag(s, "insurance", "residentPension"); }},
         Column{"是否参加城镇职工基本养老保险",
                [](const RowSource &s) { return memberFlag(s, "insurance", "employeePension"); }},
         Column{"是否享受人身意外保险补贴",
                [](const RowSource &s) { return memberFlag(s, "insurance", "accidentSubsidy"); }},
         Column{"享受低保政策情况",
                [](const RowSource &s) { return text(child(s.member, "benefits"), "dibao"); }},
         Column{"享受特困供养政策情况",
                [](const RowSource &s) { return text(child(s.member, "benefits"), "tekun"); }},
         Column{"公益性岗位",
                [](const RowSource
                       &s) { return text(child(child(s.member, "work"), "publicWelfarePost"), "post"); }},
         Column{"公益性岗位(月数)",
                [](const RowSource
                       &s) { return number(child(child(s.member, "work"), "publicWelfarePost"), "months"); }},
         Column{"残疾证办证年度",
                [](const RowSource &s) { return number(child(s.member, "health"), "disabilityCertYear"); }},
         Column{
             "是否事实无人抚养儿童",
             [](const RowSource &s) { return memberFlag(s, "guardianship", "factuallyUnsupportedChild"); }},
     }});

const std::vector<Column> kMeasureColumns = joined(
    {areaColumns(),
     {
         Column{"帮扶措施类别", [](const RowSource &s) { return text(s.measure, "category"); }},
         Column{"帮扶项目", [](const RowSource &s) { return text(s.measure, "item"); }},
         Column{"受益成员", [](const RowSource &s) { return s.beneficiaryName; }},
         Column{"是否开发式帮扶", [](const RowSource &s) { return yesNo(at(s.measure, "developmental")); }},
         Column{"主责部门", [](const RowSource &s) { return text(s.measure, "responsibleDept"); }},
         Column{"开始时间", [](const RowSource &s) { return text(s.measure, "startDate"); }},
         Column{"结束时间", [](const RowSource &s) { return text(s.measure, "endDate"); }},
         Column{"帮扶金额（元）",
                [](const RowSource &s) {
                    const auto *fen = at(s.measure, "amount");
                    return fen && fen->is_int64() ? domain::formatYuan(fen->get_int64()) : std::string();
                }},
         Column{"落实状态", [](const RowSource &s) { return text(s.measure, "status"); }},
     }});

} // namespace

const std::vector<Column> &columnsOf(Sheet sheet) {
    switch (sheet) {
    case Sheet::Households:
        return kHouseholdColumns;
    case Sheet::MonitoringObjects:
        return kMonitoringObjectColumns;
    case Sheet::Members:
        return kMemberColumns;
    case Sheet::Measures:
        break;
    }
    return kMeasureColumns;
}

std::vector<std::string> headersOf(Sheet sheet) {
    std::vector<std::string> headers;
    for (const auto &column : columnsOf(sheet))
        headers.emplace_back(column.header);
    return headers;
}

std::vector<std::string> rowOf(Sheet sheet, const RowSource &source) {
    std::vector<std::string> row;
    row.reserve(columnsOf(sheet).size());
    for (const auto &column : columnsOf(sheet))
        row.push_back(column.cell(source));
    return row;
}

std::string_view sheetTitle(Sheet sheet) {
    switch (sheet) {
    case Sheet::Households:
        return "户信息";
    case Sheet::MonitoringObjects:
        return "监测对象信息";
    case Sheet::Members:
        return "家庭成员信息";
    case Sheet::Measures:
        break;
    }
    return "帮扶措施信息";
}

std::string_view sheetFileStem(Sheet sheet) {
    switch (sheet) {
    case Sheet::Households:
        return "households";
    case Sheet::MonitoringObjects:
        return "monitoring-objects";
    case Sheet::Members:
        return "members";
    case Sheet::Measures:
        break;
    }
    return "measures";
}

bool isMonitoringObject(const boost::json::object &householdFields) {
    return !text(child(&householdFields, "monitoring"), "category").empty();
}

bool countsInHousehold(const boost::json::object &memberFields) {
    return text(&memberFields, "status") != "死亡";
}

boost::json::object householdSummary(const boost::json::object &householdFields) {
    boost::json::object summary;
    for (const char *key : {"group", "nationalHouseholdNo", "headName", "county", "township", "village"}) {
        if (const auto *value = householdFields.if_contains(key); value && value->is_string())
            summary[key] = *value;
    }
    return summary;
}

bool mayExport(std::string_view role) {
    return role == "village" || role == "township" || role == "county";
}

bool mayRevealIdentity(std::string_view role) {
    return role == "county";
}

std::string yesNo(const boost::json::value *value) {
    if (!value || !value->is_bool())
        return {};
    return value->get_bool() ? "是" : "否";
}

std::string householdTypeLabel(std::string_view ruhuValue) {
    return ruhuValue == "一般农户" ? "普通农户" : std::string(ruhuValue);
}

} // namespace ruhu::exports
