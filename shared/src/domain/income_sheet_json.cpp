#include "json_mapping.h"

namespace ruhu::domain::detail {

IncomeSheet readIncomeSheet(ObjectReader &r) {
    ErrorSlot &errors = r.errors();
    IncomeSheet s;
    s.id = r.text("id");
    s.householdId = r.text("householdId");
    s.periodStart = r.date("periodStart");
    s.periodEnd = r.date("periodEnd");
    if (s.periodStart && s.periodEnd && *s.periodEnd < *s.periodStart)
        r.fail("periodEnd", "核算期结束日期早于开始日期");
    s.crops = readList<CropLine>(r, "crops", errors, [](ObjectReader &l) {
        CropLine x;
        x.id = l.text("id");
        x.item = l.text("item");
        x.areaMu = l.number("areaMu", 0, 1e6);
        x.yieldKg = l.number("yieldKg", 0, 1e9);
        x.soldKg = l.number("soldKg", 0, 1e9);
        x.soldAmount = l.money("soldAmount");
        x.selfKg = l.number("selfKg", 0, 1e9);
        x.selfValue = l.money("selfValue");
        x.cost = l.money("cost");
        return x;
    });
    s.livestock = readList<LivestockLine>(r, "livestock", errors, [](ObjectReader &l) {
        LivestockLine x;
        x.id = l.text("id");
        x.item = l.text("item");
        x.stock = l.integer("stock", 0, 100000000);
        x.soldHead = l.integer("soldHead", 0, 100000000);
        x.soldKg = l.number("soldKg", 0, 1e9);
        x.soldAmount = l.money("soldAmount");
        x.selfHead = l.integer("selfHead", 0, 100000000);
        x.selfKg = l.number("selfKg", 0, 1e9);
        x.selfValue = l.money("selfValue");
        x.cost = l.money("cost");
        return x;
    });
    s.business = readList<BusinessLine>(r, "business", errors, [](ObjectReader &l) {
        BusinessLine x;
        x.id = l.text("id");
        x.item = l.text("item");
        x.productSales = l.money("productSales");
        x.serviceIncome = l.money("serviceIncome");
        x.cost = l.money("cost");
        return x;
    });
    s.wages = readList<WageLine>(r, "wages", errors, [](ObjectReader &l) {
        WageLine x;
        x.id = l.text("id");
        x.memberId = l.text("memberId");
        x.name = l.text("name");
        x.localDays = static_cast<int>(l.integer("localDays", 0, 366));
        x.localDailyWage = l.money("localDailyWage");
        x.localCash = l.money("localCash");
        x.awayMonths = static_cast<int>(l.integer("awayMonths", 0, 12));
        x.awayMonthlyWage = l.money("awayMonthlyWage");
        x.awayCash = l.money("awayCash");
        x.inKind = l.money("inKind");
        return x;
    });
    ObjectReader p(r.member("property"), r.pathOf("property"), errors);
    s.property.povertyAssetDividend = p.money("povertyAssetDividend");
    s.property.landTransferNetRent = p.money("landTransferNetRent", true);
    s.property.houseRentNet = p.money("houseRentNet", true);
    s.property.other = p.money("other", true);
    p.finish();

    if (const auto *transfers = r.member("transfers")) {
        std::string path = r.pathOf("transfers");
        if (!transfers->is_object()) {
            errors.fail(path, "应为以项目编号为键的对象，如 {\"2\": 480000, \"6.1\": 60000}");
        } else {
            for (const auto &kv : transfers->get_object()) {
                std::string code(kv.key());
                auto item = transferItemFromCode(code);
                if (!item) {
                    errors.fail(path + "." + code,
                                code == "5" || code == "6"
                                    ? "是合计项，请填写其明细项（5.1–5.4 或 6.1–6.15），避免重复计算"
                                    : "不是收入核算表第六部分的项目编号（1–4、5.1–5.4、6.1–6.15）");
                    break;
                }
                if (!kv.value().is_int64() || kv.value().get_int64() < 0) {
                    errors.fail(path + "." + code, "金额应为以分为单位的非负整数");
                    break;
                }
                s.transfer(*item) = kv.value().get_int64();
            }
        }
    }
    s.fixedAssets = readList<FixedAsset>(r, "fixedAssets", errors, [](ObjectReader &l) {
        FixedAsset x;
        x.id = l.text("id");
        x.name = l.text("name");
        x.purchaseYear = static_cast<int>(l.integer("purchaseYear", 1900, 2200));
        x.originalValue = l.money("originalValue");
        x.usable = l.boolean("usable", true);
        return x;
    });
    s.claimsE = r.money("claimsE");
    ObjectReader rigid(r.member("rigid"), r.pathOf("rigid"), errors);
    s.rigid.f1Education = rigid.money("F1");
    s.rigid.f2Medical = rigid.money("F2");
    s.rigid.f3Other = rigid.money("F3");
    ObjectReader detail(rigid.member("F2detail"), rigid.pathOf("F2detail"), errors);
    s.rigid.f2SelfPay = detail.money("selfPay");
    s.rigid.f2Escort = detail.money("escort");
    s.rigid.f2Drugs = detail.money("drugs");
    s.rigid.f2Transport = detail.money("transport");
    detail.finish();
    rigid.finish();
    s.priorD = r.optionalMoney("priorD");
    r.ignore("computed"); // server-computed totals are recomputed, never read
    r.ignore("meta");
    return s;
}

} // namespace ruhu::domain::detail
