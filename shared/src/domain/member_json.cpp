#include "json_mapping.h"

#include <ruhu/domain/survey_choices.h>

namespace ruhu::domain::detail {

Member readMember(ObjectReader &r) {
    ErrorSlot &errors = r.errors();
    Member m;
    m.id = r.text("id");
    m.householdId = r.text("householdId");
    m.seq = static_cast<int>(r.integer("seq", 0, 1000));
    m.name = r.text("name", true);
    m.idType = r.choice("idType", {"居民身份证", "户口簿", "残疾人证", "其他"});
    m.idNo = r.text("idNo");
    m.sex = r.choice("sex", {"男", "女"});
    m.birthDate = r.text("birthDate");
    if (!m.birthDate.empty() && !CivilDate::parse(m.birthDate))
        r.fail("birthDate", "应为有效日期（YYYY-MM-DD）");
    m.ethnicity = r.text("ethnicity");
    m.relationToHead = r.choice("relationToHead", {"户主", "配偶", "之子", "之女", "之儿媳", "之女婿",
                                                   "之孙子", "之孙女", "之父", "之母", "之公公", "之婆婆",
                                                   "之兄弟姐妹", "之曾孙子", "之曾孙女", "其他"});
    m.phone = r.text("phone");
    m.politicalStatus = r.text("politicalStatus");
    m.education = r.text("education");
    m.schooling = r.text("schooling");
    m.notInSchoolReason = r.text("notInSchoolReason");
    m.graduateUnemployedReason = r.text("graduateUnemployedReason");

    ObjectReader h(r.member("health"), r.pathOf("health"), errors);
    m.health.status = h.enumeration<HealthStatus>("status",
                                                  {{"健康", HealthStatus::Healthy},
                                                   {"长期慢性病", HealthStatus::Chronic},
                                                   {"患大病", HealthStatus::SeriousIllness},
                                                   {"残疾", HealthStatus::Disabled}},
                                                  HealthStatus::Unknown);
    m.health.diseases = h.strings("diseases");
    m.health.disabilityGrade = static_cast<int>(h.integer("disabilityGrade", 1, 4));
    m.health.disabilityType = h.text("disabilityType");
    m.health.disabilityCertYear = static_cast<int>(h.integer("disabilityCertYear", 1950, 2200));
    m.health.disabledElderly = h.boolean("disabledElderly", false);
    h.finish();

    m.labor = r.enumeration<LaborCapacity>("labor",
                                           {{"技能劳动力", LaborCapacity::Skilled},
                                            {"普通劳动力", LaborCapacity::Ordinary},
                                            {"弱劳动力或半劳动力", LaborCapacity::WeakOrHalf},
                                            {"丧失劳动力", LaborCapacity::Lost},
                                            {"无劳动力", LaborCapacity::None}},
                                           LaborCapacity::Unknown);

    ObjectReader w(r.member("work"), r.pathOf("work"), errors);
    m.work.employed = w.boolean("employed", false);
    m.work.monthsWorked = static_cast<int>(w.integer("monthsWorked", 0, 12));
    m.work.place = w.choice("place", surveyChoiceViews("member", "work.place"));
    m.work.county = w.text("county");
    m.work.employer = w.text("employer");
    if (const auto *post = w.member("publicWelfarePost")) {
        ObjectReader p(post, w.pathOf("publicWelfarePost"), errors);
        m.work.publicWelfarePost =
            PublicWelfarePost{p.text("post"), static_cast<int>(p.integer("months", 0, 12)),
                              p.money("monthlyPay"), p.text("hiredAt")};
        p.finish();
    }
    w.finish();

    ObjectReader i(r.member("insurance"), r.pathOf("insurance"), errors);
    m.insurance.residentMedical = i.optionalBool("residentMedical");
    m.insurance.employeeMedical = i.optionalBool("employeeMedical");
    m.insurance.criticalIllness = i.optionalBool("criticalIllness");
    m.insurance.commercialMedical = i.optionalBool("commercialMedical");
    m.insurance.residentPension = i.optionalBool("residentPension");
    m.insurance.employeePension = i.optionalBool("employeePension");
    m.insurance.accidentSubsidy = i.optionalBool("accidentSubsidy");
    i.finish();

    ObjectReader b(r.member("benefits"), r.pathOf("benefits"), errors);
    m.benefits.dibao = b.choice("dibao", surveyChoiceViews("member", "benefits.dibao"));
    m.benefits.dibaoTier = b.text("dibaoTier");
    m.benefits.tekun = b.choice("tekun", surveyChoiceViews("member", "benefits.tekun"));
    m.benefits.tekunMode = b.choice("tekunMode", surveyChoiceViews("member", "benefits.tekunMode"));
    m.benefits.medicalAssistance = b.boolean("medicalAssistance", false);
    m.benefits.otherHealthAssistance = b.boolean("otherHealthAssistance", false);
    b.finish();

    ObjectReader g(r.member("guardianship"), r.pathOf("guardianship"), errors);
    m.guardianship.hasLegalGuardian = g.optionalBool("hasLegalGuardian");
    m.guardianship.hasLegalSupporter = g.optionalBool("hasLegalSupporter");
    m.guardianship.factuallyUnsupportedChild = g.boolean("factuallyUnsupportedChild", false);
    g.finish();

    m.status = r.enumeration<MemberStatus>("status",
                                           {{"正常", MemberStatus::Normal},
                                            {"死亡", MemberStatus::Dead},
                                            {"服刑", MemberStatus::Imprisoned},
                                            {"失踪", MemberStatus::Missing}},
                                           MemberStatus::Normal);
    m.sharesIncomeExpense = r.boolean("sharesIncomeExpense", true);
    m.isPublicServant = r.boolean("isPublicServant", false);
    m.villageCadrePaid = r.boolean("villageCadrePaid", false);
    m.emptyHukou = r.boolean("emptyHukou", false);
    r.ignore("meta");
    return m;
}

} // namespace ruhu::domain::detail
