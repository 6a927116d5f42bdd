#include <ruhu/domain/member_plausibility.h>
#include <ruhu/model/id_number.h>

#include <optional>

namespace ruhu::domain {
namespace {

namespace json = boost::json;

std::string text(const json::object &o, std::string_view key) {
    const auto *v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

const json::object &group(const json::object &o, std::string_view key) {
    static const json::object empty;
    const auto *v = o.if_contains(key);
    return v && v->is_object() ? v->get_object() : empty;
}

std::optional<int64_t> integer(const json::object &o, std::string_view key) {
    const auto *v = o.if_contains(key);
    return v && v->is_int64() ? std::optional(v->get_int64()) : std::nullopt;
}

bool flag(const json::object &o, std::string_view key) {
    const auto *v = o.if_contains(key);
    return v && v->is_bool() && v->get_bool();
}

std::optional<int> ageOf(const json::object &member, const CivilDate &on) {
    std::optional<CivilDate> birth;
    if (auto idNo = text(member, "idNo"); !idNo.empty()) {
        if (auto info = parseIdNumber(idNo))
            birth = CivilDate::parse(info->birthDate);
    }
    if (!birth)
        birth = CivilDate::parse(text(member, "birthDate"));
    if (!birth)
        return std::nullopt;
    return ageOn(*birth, on);
}

bool isAbleLabor(const std::string &labor) {
    return labor == "技能劳动力" || labor == "普通劳动力";
}

bool isWeakOrNoLabor(const std::string &labor) {
    return labor == "弱劳动力或半劳动力" || labor == "丧失劳动力" || labor == "无劳动力";
}

// A student (在校生状况 given and not 学龄前儿童).
bool isStudent(const std::string &schooling) {
    return !schooling.empty() && schooling != "学龄前儿童";
}

struct AgeBand {
    std::string_view prefix;
    int min;
    int max;
};

// The G1 bands (初中 12–17, 高中/中职 15–20, 硕士 ≥ 20) and the obvious ones around them.
constexpr AgeBand kSchoolingBands[] = {
    {"学龄前儿童", 0, 6}, {"学前教育", 2, 7},   {"小学", 5, 15},      {"七年级", 11, 17},
    {"八年级", 12, 17},   {"九年级", 13, 18},   {"普通高中", 14, 20}, {"中职", 14, 22},
    {"技工院校", 14, 24}, {"高职高专", 16, 30}, {"本科", 16, 35},     {"硕士研究生及以上", 20, 60},
};

std::string years(int age) {
    return std::to_string(age) + "周岁";
}

} // namespace

std::vector<std::string> memberPlausibilityWarnings(const json::object &member, const CivilDate &on,
                                                    const RuleParameters &params) {
    std::vector<std::string> out;
    const auto age = ageOf(member, on);
    const std::string labor = text(member, "labor");
    const std::string schooling = text(member, "schooling");
    const std::string notInSchool = text(member, "notInSchoolReason");
    const auto &health = group(member, "health");
    const std::string healthStatus = text(health, "status");
    const auto grade = integer(health, "disabilityGrade");
    const auto &work = group(member, "work");
    const auto monthsWorked = integer(work, "monthsWorked").value_or(0);

    if (age && *age < 16 && isAbleLabor(labor))
        out.push_back(years(*age) + "的未成年人被登记为“" + labor + "”，请核实劳动技能");
    if (isStudent(schooling) && !labor.empty() && labor != "无劳动力")
        out.push_back("在校生的劳动技能应为“无劳动力”（当前为“" + labor + "”）");
    if (age && *age >= 16 && *age < 60 && healthStatus == "健康" && !isStudent(schooling) &&
        isWeakOrNoLabor(labor))
        out.push_back(years(*age) + "、身体健康的非在校生被登记为“" + labor + "”，请核实劳动技能");
    if (age && !schooling.empty()) {
        for (const auto &band : kSchoolingBands) {
            if (!schooling.starts_with(band.prefix))
                continue;
            if (*age < band.min || *age > band.max)
                out.push_back("在校生状况“" + schooling + "”与年龄" + years(*age) + "不符，请核实");
            break;
        }
    }
    const bool compulsoryAge = age && *age >= params.compulsoryAgeMin && *age <= params.compulsoryAgeMax;
    if (compulsoryAge && schooling.empty() && notInSchool.empty())
        out.push_back(years(*age) + "，处于义务教育阶段：请填写在校生状况，未上学的填写未上学原因");
    if (!notInSchool.empty() && age && !compulsoryAge)
        out.push_back("义务教育阶段未上学原因只适用于" + std::to_string(params.compulsoryAgeMin) + "–" +
                      std::to_string(params.compulsoryAgeMax) + "周岁的成员（该成员" + years(*age) + "）");
    if (!notInSchool.empty() && isStudent(schooling))
        out.push_back("已填写在校生状况，又填写了未上学原因，请核实");
    if (healthStatus == "残疾" && !grade)
        out.push_back("健康状况为残疾，请填写残疾等级");
    if (grade && !healthStatus.empty() && healthStatus != "残疾")
        out.push_back("填写了残疾等级，但健康状况不是“残疾”，请核实");
    if (grade && *grade <= 2 && text(health, "disabilityType") == "肢体" && isAbleLabor(labor))
        out.push_back("一、二级肢体残疾不应为“" + labor + "”，请核实劳动技能");
    if (flag(health, "disabledElderly") && age && *age < params.elderlyMinAge)
        out.push_back("失能老年人应为" + std::to_string(params.elderlyMinAge) + "周岁以上（该成员" +
                      years(*age) + "）");
    if (monthsWorked > 0 && (labor == "丧失劳动力" || labor == "无劳动力"))
        out.push_back("登记了务工" + std::to_string(monthsWorked) + "个月，但劳动技能为“" + labor + "”");
    const auto &guardianship = group(member, "guardianship");
    if (flag(guardianship, "factuallyUnsupportedChild") && age && *age >= 18)
        out.push_back("事实无人抚养儿童应未满18周岁（该成员" + years(*age) + "）");
    return out;
}

} // namespace ruhu::domain
