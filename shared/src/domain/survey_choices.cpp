#include <ruhu/domain/survey_choices.h>

#include <map>

namespace ruhu::domain {
namespace {

using Lists = std::map<std::string, std::vector<std::string>, std::less<>>;

std::vector<std::string> grades(const std::string &stage, std::initializer_list<const char *> years) {
    std::vector<std::string> out;
    for (const char *y : years)
        out.push_back(stage + y);
    return out;
}

// 在校生状况 (monitoring-domain.md §9.3, G1); an empty value means not a student.
std::vector<std::string> schoolingLabels() {
    std::vector<std::string> out{"学龄前儿童", "学前教育"};
    for (auto part :
         {grades("小学", {"一年级", "二年级", "三年级", "四年级", "五年级", "六年级"}),
          std::vector<std::string>{"七年级", "八年级", "九年级"},
          grades("普通高中", {"一年级", "二年级", "三年级"}), grades("中职", {"一年级", "二年级", "三年级"}),
          grades("技工院校", {"一年级", "二年级", "三年级"}),
          grades("高职高专", {"一年级", "二年级", "三年级"})})
        out.insert(out.end(), part.begin(), part.end());
    out.insert(out.end(), {"本科", "硕士研究生及以上"});
    return out;
}

const Lists &lists() {
    static const Lists table{
        {"household:housing.structure", {"砖混", "砖木", "土坯", "木", "其他"}},
        {"household:housing.safetyGrade", {"A", "B", "C", "D"}},
        {"household:housing.urbanProperty.type", {"商品房", "自建房", "门面房", "经营用房"}},
        {"household:housing.urbanProperty.location", {"城镇", "农村"}},
        {"household:housing.urbanProperty.source", {"自报", "不动产比对"}},
        {"household:utilities.roadType", {"硬化", "砂石", "泥土"}},
        {"household:utilities.fuel", {"柴草", "煤", "电", "气"}},
        {"household:vehicles.use", {"消费", "生产运输"}},
        {"household:vehicles.type", {"轿车", "摩托", "农用车", "货车"}},
        {"household:vehicles.source", {"自报", "公安比对"}},
        {"household:externalRelatives.relation", {"父", "母", "配偶", "子", "女"}},
        {"member:schooling", schoolingLabels()},
        {"member:notInSchoolReason",
         {"因病", "因残", "因学习困难", "因家庭困难", "外出务工", "早婚早育", "其他"}},
        {"member:health.status", {"健康", "长期慢性病", "患大病", "残疾"}},
        {"member:health.disabilityType", {"视力", "听力", "言语", "肢体", "智力", "精神", "多重"}},
        {"member:work.place", {"县内", "县外省内", "省外", "国外"}},
        {"member:benefits.dibao", {"未享受", "农村低保", "城市低保"}},
        {"member:benefits.dibaoTier", {"全额", "一档", "二档", "三档", "四档"}},
        {"member:benefits.tekun", {"未享受", "农村特困", "城市特困"}},
        {"member:benefits.tekunMode", {"分散供养", "集中供养"}},
        {"visit:findings.incomeChange", {"上升", "持平", "下降"}},
    };
    return table;
}

} // namespace

const std::vector<std::string> &surveyChoices(std::string_view kind, std::string_view path) {
    static const std::vector<std::string> none;
    std::string key(kind);
    key += ':';
    key += path;
    const auto &table = lists();
    auto it = table.find(key);
    return it == table.end() ? none : it->second;
}

std::vector<std::string_view> surveyChoiceViews(std::string_view kind, std::string_view path) {
    const auto &list = surveyChoices(kind, path);
    return {list.begin(), list.end()};
}

} // namespace ruhu::domain
