#include <ruhu/domain/income_sheet.h>
#include <ruhu/domain/income_sheet_layout.h>

#include <string>

namespace ruhu::domain {

const std::vector<IncomeSheetLineSection> &incomeSheetLineSections() {
    static const std::vector<IncomeSheetLineSection> sections{
        {"crops",
         "一、种植、林业、渔业",
         {{"item", "品种", "text"},
          {"areaMu", "面积（亩）", "real"},
          {"yieldKg", "产量（公斤）", "real"},
          {"soldAmount", "出售金额（元）", "money"},
          {"selfValue", "自用折价（元）", "money"},
          {"cost", "生产成本（元）", "money"}}},
        {"livestock",
         "二、养殖业",
         {{"item", "品种", "text"},
          {"stock", "存栏（头/只）", "int"},
          {"soldHead", "出栏（头/只）", "int"},
          {"soldAmount", "出售金额（元）", "money"},
          {"selfValue", "自用折价（元）", "money"},
          {"cost", "生产成本（元）", "money"}}},
        {"business",
         "三、二、三产业",
         {{"item", "项目", "text"},
          {"productSales", "产品销售（元）", "money"},
          {"serviceIncome", "服务收入（元）", "money"},
          {"cost", "经营成本（元）", "money"}}},
        {"wages",
         "四、务工",
         {{"name", "成员", "text"},
          {"localDays", "本地务工（天）", "int"},
          {"localCash", "本地收入（元）", "money"},
          {"awayMonths", "外出务工（月）", "int"},
          {"awayCash", "外出收入（元）", "money"},
          {"inKind", "实物折价（元）", "money"}}},
        {"fixedAssets",
         "七、生产性固定资产",
         {{"name", "名称", "text"},
          {"purchaseYear", "购置年份", "int"},
          {"originalValue", "原值（元）", "money"}}},
    };
    return sections;
}

const std::vector<IncomeSheetItemGroup> &incomeSheetItemGroups() {
    static const std::vector<IncomeSheetItemGroup> groups = [] {
        std::vector<IncomeSheetItemGroup> list{
            {"property",
             "五、财产净收入",
             {{"povertyAssetDividend", "扶贫资产收益分红"},
              {"landTransferNetRent", "土地流转净租金"},
              {"houseRentNet", "房屋出租净收入"},
              {"other", "其他财产净收入"}}},
            {"transfers", "六、转移净收入", {}},
            {"claims", "理赔收入与上期收入", {{"claimsE", "E 理赔收入"}, {"priorD", "上期人均纯收入"}}},
            {"rigid",
             "八、合理自付刚性支出",
             {{"F1", "F1 教育支出"}, {"F2", "F2 医疗支出"}, {"F3", "F3 其他刚性支出"}}},
        };
        for (const auto &info : transferItems())
            list[1].items.push_back({info.code, info.label});
        return list;
    }();
    return groups;
}

} // namespace ruhu::domain
