#include "rule_context.h"

#include <ruhu/model/id_number.h>

namespace ruhu::domain::detail {
namespace {

const char *statusLabel(MemberStatus s) {
    switch (s) {
    case MemberStatus::Normal:
        return "正常";
    case MemberStatus::Dead:
        return "死亡";
    case MemberStatus::Imprisoned:
        return "服刑";
    case MemberStatus::Missing:
        return "失踪";
    }
    return "?";
}

std::string memberPath(size_t index, const char *field) {
    return "members[" + std::to_string(index) + "]." + field;
}

} // namespace

std::string describe(const Member &m) {
    if (m.relationToHead.empty())
        return m.name.empty() ? "成员" + std::to_string(m.seq) : m.name;
    return m.relationToHead + m.name;
}

Status collectMemberFacts(RuleContext &ctx) {
    const auto &members = ctx.doc.members;
    ctx.members.reserve(members.size());
    int n = 0;
    int halfUnits = 0;
    for (size_t i = 0; i < members.size(); ++i) {
        const Member &m = members[i];
        MemberFact fact{&m, i, -1, m.isCounted()};
        std::optional<CivilDate> birth;
        if (!m.idNo.empty()) {
            auto info = parseIdNumber(m.idNo);
            if (!info)
                return Error{info.error().code, describe(m) + "：" + info.error().message,
                             memberPath(i, "idNo")};
            birth = CivilDate::parse(info->birthDate);
            if (!m.birthDate.empty() && m.birthDate != info->birthDate)
                return Error{"birth_date_mismatch",
                             describe(m) + "：出生日期" + m.birthDate + "与身份证号中的" + info->birthDate +
                                 "不一致",
                             memberPath(i, "birthDate")};
        } else if (!m.birthDate.empty()) {
            birth = CivilDate::parse(m.birthDate);
            if (!birth)
                return Error{"invalid_date", describe(m) + "：出生日期无效", memberPath(i, "birthDate")};
        }
        if (birth)
            fact.age = ageOn(*birth, ctx.on);
        if (fact.counted) {
            ++n;
            if (m.labor == LaborCapacity::Unknown)
                return Error{"missing_labor", describe(m) + "：缺少劳动技能（计算劳动力系数需要）",
                             memberPath(i, "labor")};
            int w = laborHalfUnits(m.labor);
            halfUnits += w;
            if (w > 0)
                ++ctx.laborers;
            for (int grade : ctx.params.severeDisabilityGrades) {
                if (m.health.disabilityGrade == grade)
                    ctx.anySevereDisability = true;
            }
            if (m.health.disabledElderly)
                ctx.anyDisabledElderly = true;
        } else {
            ctx.ev.exclusionBits |= 1u << 9;
            ctx.ev.excludedMemberIds.push_back(m.id);
            ctx.reason("X9 " + describe(m) + "（" +
                       (m.status != MemberStatus::Normal ? std::string(statusLabel(m.status))
                                                         : std::string("与户主不共享收支")) +
                       "）不计入家庭人口数，也不列为监测对象成员");
        }
        ctx.members.push_back(fact);
    }
    if (n == 0)
        return Error{"no_counted_member", "家庭人口数为0：至少要有一名状态正常且共享收支的家庭成员",
                     "members"};
    ctx.ev.income.n = n;
    ctx.ev.laborHalfUnits = halfUnits;
    return okStatus();
}

} // namespace ruhu::domain::detail

namespace ruhu::domain {

int laborHalfUnits(LaborCapacity labor) {
    switch (labor) {
    case LaborCapacity::Skilled:
    case LaborCapacity::Ordinary:
        return 2;
    case LaborCapacity::WeakOrHalf:
        return 1;
    case LaborCapacity::Lost:
    case LaborCapacity::None:
    case LaborCapacity::Unknown:
        return 0;
    }
    return 0;
}

} // namespace ruhu::domain
