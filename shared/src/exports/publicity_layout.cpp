#include "field_reads.h"

#include <ruhu/domain/evaluation.h>
#include <ruhu/exports/publicity_layout.h>

namespace ruhu::exports {
namespace {

using detail::objectField;
using detail::stringField;

} // namespace

const std::vector<PublicityColumn> &publicityColumns() {
    static const std::vector<PublicityColumn> columns{
        {"序号", 0.08, [](const PublicityEntry &, int n) { return std::to_string(n); }},
        {"村民小组", 0.15, [](const PublicityEntry &e, int) { return e.group; }},
        {"户主姓名", 0.17, [](const PublicityEntry &e, int) { return e.headName; }},
        {"家庭人口", 0.12, [](const PublicityEntry &e, int) { return std::to_string(e.memberCount) + "人"; }},
        {"拟纳入类别", 0.24,
         [](const PublicityEntry &e, int) {
             return e.category.empty() ? std::string("待审核确定") : e.category;
         }},
        {"主要风险", 0.24, [](const PublicityEntry &e, int) { return e.risk; }},
    };
    return columns;
}

std::vector<std::string> publicitySheetHeaders() {
    std::vector<std::string> headers{"村"};
    for (const auto &column : publicityColumns())
        headers.emplace_back(column.header);
    headers.emplace_back("公示开始日期");
    headers.emplace_back("公示结束日期");
    return headers;
}

std::vector<std::string> publicitySheetRow(const PublicityEntry &entry, int number) {
    std::vector<std::string> row{entry.villageName};
    for (const auto &column : publicityColumns())
        row.push_back(column.cell(entry, number));
    row.push_back(entry.start.toString());
    row.push_back(entry.end.toString());
    return row;
}

bool isInPublicity(const boost::json::object &caseFields) {
    return stringField(&caseFields, "state") == "PUBLICIZED";
}

std::optional<domain::CivilDate> publicityStart(const boost::json::object &caseFields) {
    return domain::CivilDate::parse(stringField(objectField(&caseFields, "publicity"), "start"));
}

std::optional<domain::CivilDate> storedPublicityEnd(const boost::json::object &caseFields) {
    return domain::CivilDate::parse(stringField(&caseFields, "publicityEnd"));
}

std::string proposedCategory(const boost::json::object &incomeSheetFields) {
    const auto *evaluation = objectField(objectField(&incomeSheetFields, "computed"), "evaluation");
    const std::string outcome = stringField(evaluation, "outcome");
    using domain::Outcome;
    // 必须纳入 is the 脱贫不稳定户 the policy obliges (evaluation.h).
    for (auto [o, category] : {std::pair{Outcome::MustMonitor, "脱贫不稳定户"},
                               std::pair{Outcome::UnstableFormerlyPoor, "脱贫不稳定户"},
                               std::pair{Outcome::Marginal, "边缘易致贫户"},
                               std::pair{Outcome::SuddenHardship, "突发严重困难户"}}) {
        if (outcome == domain::outcomeCode(o))
            return category;
    }
    return {};
}

std::string mainRisk(const boost::json::object &householdFields) {
    const auto *risks = householdFields.if_contains("riskTypes");
    if (!risks || !risks->is_array() || risks->get_array().empty() || !risks->get_array()[0].is_string())
        return {};
    return std::string(risks->get_array()[0].get_string());
}

std::string chineseDate(const domain::CivilDate &date) {
    return std::to_string(date.year) + "年" + std::to_string(date.month) + "月" + std::to_string(date.day) +
           "日";
}

std::string publicityTitle(const PublicityNotice &notice) {
    return notice.villageName + "防止返贫监测对象拟纳入公示";
}

std::string publicityIntro(const PublicityNotice &notice, size_t households) {
    return "根据防止返贫动态监测和帮扶工作程序，经农户申请或入户排查、实地调查核实、村级民主评议和村“两委”会"
           "研究，"
           "拟将以下 " +
           std::to_string(households) + " 户纳入防止返贫监测对象，现予以公示，接受群众监督。";
}

std::string publicityPeriod(const PublicityNotice &notice) {
    std::string text = "公示期：" + chineseDate(notice.start) + "至" + chineseDate(notice.end);
    if (notice.workingDays > 0)
        text += "（" + std::to_string(notice.workingDays) + "个工作日）";
    return text;
}

std::string publicityObjection(const PublicityNotice &notice) {
    std::string text =
        "公示期间，对名单有异议的，请以书面、电话或当面方式向村委会或防止返贫动态监测工作队实名反映";
    if (!notice.contact.empty())
        text += "（联系方式：" + notice.contact + "）";
    return text + "，也可拨打全国防返贫监测帮扶热线 12317。工作队将及时调查核实并反馈处理结果。";
}

std::string publicitySignature(const PublicityNotice &notice) {
    return notice.villageName + "村民委员会";
}

std::string pageNumberLine(int page, int pages) {
    return "第 " + std::to_string(page) + " 页 共 " + std::to_string(pages) + " 页";
}

} // namespace ruhu::exports
