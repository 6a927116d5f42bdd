// Step 6 of §13: the ten 不得纳入 rules (monitoring-domain.md §5). X9 is member-level and done in step 1.
#include "rule_context.h"

#include <algorithm>
#include <array>

namespace ruhu::domain::detail {
namespace {

constexpr uint32_t hardMask = (1u << 1) | (1u << 6) | (1u << 7) | (1u << 8) | (1u << 10);
constexpr uint32_t softMask = (1u << 2) | (1u << 3) | (1u << 4) | (1u << 5);

void exclude(RuleContext &ctx, int x, const std::string &why) {
    bool hard = (hardMask >> x) & 1u;
    ctx.ev.exclusionBits |= 1u << x;
    ctx.reason("X" + std::to_string(x) + (hard ? "（硬性排除，无例外）" : "（第2–5类情形）") + why);
}

bool isLiving(const Member &m) {
    return m.status != MemberStatus::Dead;
}

void x1PublicServant(RuleContext &ctx) {
    for (const auto &m : ctx.doc.members) {
        if (isLiving(m) && m.isPublicServant) {
            exclude(ctx, 1, "家庭成员" + describe(m) + "为国家公职人员");
            return;
        }
    }
    static constexpr std::array<std::string_view, 5> close{"父", "母", "配偶", "子", "女"};
    for (const auto &r : ctx.doc.household.externalRelatives) {
        if (r.isPublicServant && std::find(close.begin(), close.end(), r.relation) != close.end()) {
            exclude(ctx, 1,
                    "户主之" + r.relation + (r.name.empty() ? "" : "（" + r.name + "）") +
                        "（不在本户）为国家公职人员");
            return;
        }
    }
}

void x2VillageCadre(RuleContext &ctx) {
    for (const auto &m : ctx.doc.members) {
        if (isLiving(m) && m.villageCadrePaid) {
            exclude(ctx, 2, "家庭成员" + describe(m) + "任“村三委”干部并定期领取薪酬");
            return;
        }
    }
}

void x3Vehicle(RuleContext &ctx) {
    const auto &p = ctx.params;
    int64_t today = ctx.on.dayNumber();
    for (const auto &v : ctx.doc.household.vehicles) {
        if (v.use != VehicleUse::Consumer || v.price < p.vehiclePriceLimit)
            continue;
        if (!v.purchaseDate) {
            ctx.ev.warnings.push_back("消费型机动车（" + v.type + "，" + formatYuan(v.price) +
                                      "元）缺少购买日期，无法判断是否属于X3，请核实");
            continue;
        }
        int64_t daysBefore = today - v.purchaseDate->dayNumber();
        if (daysBefore >= 0 && daysBefore <= p.vehicleLookbackDays) {
            exclude(ctx, 3,
                    "识别前1年内（" + v.purchaseDate->toString() + "，" + std::to_string(daysBefore) +
                        "天前）购买价格" + formatYuan(v.price) + "元的消费型机动车（" +
                        formatYuan(p.vehiclePriceLimit) + "元以上）");
            return;
        }
    }
}

void x4UrbanProperty(RuleContext &ctx) {
    static constexpr std::array<std::string_view, 4> types{"自建房", "商品房", "门面房", "经营用房"};
    for (const auto &u : ctx.doc.household.housing.urbanProperty) {
        bool urban = u.location.empty() || u.location == "城镇";
        if (urban && std::find(types.begin(), types.end(), u.type) != types.end()) {
            exclude(ctx, 4, "在城镇拥有" + u.type);
            return;
        }
    }
}

void x5Company(RuleContext &ctx) {
    for (const auto &c : ctx.doc.household.companies) {
        if (c.registered && c.activelyOperating) {
            exclude(ctx, 5,
                    "注册登记公司/企业" + (c.name.empty() ? "" : "“" + c.name + "”") + "并实际开展经营活动");
            return;
        }
    }
}

void flagExclusions(RuleContext &ctx) {
    const auto &f = ctx.doc.household.flags;
    if (f.largeScaleFarmer || f.employsOthers)
        exclude(ctx, 6, f.largeScaleFarmer ? "种植、养殖大户" : "雇佣他人从事生产经营活动");
    if (f.splitMergeSuspect)
        exclude(ctx, 7, "为享受帮扶故意分户、并户");
    bool emptyMember = std::any_of(ctx.doc.members.begin(), ctx.doc.members.end(),
                                   [](const Member &m) { return m.emptyHukou; });
    if (f.emptyHukou || emptyMember)
        exclude(ctx, 8, f.emptyHukou ? "空挂户" : "有为套取帮扶支持迁入的空挂人口");
    if (f.integrityIssue)
        exclude(ctx, 10, "优亲厚友、弄虚作假、信息失真或纳入失信惩戒");
}

} // namespace

void evaluateExclusions(RuleContext &ctx) {
    x1PublicServant(ctx);
    x2VillageCadre(ctx);
    x3Vehicle(ctx);
    x4UrbanProperty(ctx);
    x5Company(ctx);
    flagExclusions(ctx);
    auto &ev = ctx.ev;
    ev.hardExclusion = (ev.exclusionBits & hardMask) != 0;
    ev.softExclusion = (ev.exclusionBits & softMask) != 0;
    const auto &flags = ctx.doc.household.flags;
    bool explained = flags.majorFamilyChangeNote.find_first_not_of(" \t\r\n") != std::string::npos;
    ev.softException = ev.softExclusion && flags.majorFamilyChange && explained;
    if (ev.softExclusion && flags.majorFamilyChange && !explained)
        ctx.reason("有家庭重大变故，但缺少书面说明（majorFamilyChangeNote），不能适用第2–5类情形的例外");
    if (ev.softException)
        ctx.reason("第2–5类情形的例外：家庭重大变故（" + flags.majorFamilyChangeNote +
                   "），须深入调查核实、综合研判，并对群众作出专门说明");
}

} // namespace ruhu::domain::detail
