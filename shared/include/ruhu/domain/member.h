#pragma once

#include <ruhu/domain/money.h>

#include <optional>
#include <string>
#include <vector>

namespace ruhu::domain {

// 成员状态. Only 正常 members who share income and expenses are counted (X9).
enum class MemberStatus { Normal, Dead, Imprisoned, Missing };

// 健康状况 (national export labels).
enum class HealthStatus { Unknown, Healthy, Chronic, SeriousIllness, Disabled };

// 劳动技能. Labour weight w: 技能/普通 = 1, 弱劳动力或半劳动力 = 0.5, 丧失/无 = 0 (§4 notation).
enum class LaborCapacity { Unknown, Skilled, Ordinary, WeakOrHalf, Lost, None };

// Weight in half units (so that U = Σw stays an integer): 2, 2, 1, 0, 0.
int laborHalfUnits(LaborCapacity labor);

struct Health {
    HealthStatus status = HealthStatus::Unknown;
    std::vector<std::string> diseases;
    int disabilityGrade = 0; // 残疾等级 1..4, 0 = none / not recorded
    std::string disabilityType;
    int disabilityCertYear = 0;
    bool disabledElderly = false; // 失能老年人
};

struct PublicWelfarePost {
    std::string post;
    int months = 0;
    Fen monthlyPay = 0;
    std::string hiredAt; // YYYY-MM
};

struct Work {
    bool employed = false;
    int monthsWorked = 0;
    std::string place; // 县内|县外省内|省外|国外
    std::string county;
    std::string employer;
    std::optional<PublicWelfarePost> publicWelfarePost;
};

// Unknown (not asked yet) is distinct from "no": a rule only fires on an explicit answer.
struct Insurance {
    std::optional<bool> residentMedical;
    std::optional<bool> employeeMedical;
    std::optional<bool> criticalIllness;
    std::optional<bool> commercialMedical;
    std::optional<bool> residentPension;
    std::optional<bool> employeePension;
    std::optional<bool> accidentSubsidy;
};

struct Benefits {
    std::string dibao;     // 未享受|农村低保|城市低保
    std::string dibaoTier; // 全额|最高档|一档|二档|…
    std::string tekun;     // 未享受|农村特困|城市特困
    std::string tekunMode; // 分散供养|集中供养
    bool medicalAssistance = false;
    bool otherHealthAssistance = false;
};

struct Guardianship {
    std::optional<bool> hasLegalGuardian;  // for members aged 16 and under (K9)
    std::optional<bool> hasLegalSupporter; // 法定赡养人, for members aged 60 and over (K9)
    bool factuallyUnsupportedChild = false;
};

// 家庭成员 (monitoring-domain.md §12).
struct Member {
    std::string id;
    std::string householdId;
    int seq = 0;
    std::string name;
    std::string idType; // 居民身份证|户口簿|残疾人证|其他
    std::string idNo;   // 18-digit 身份证号; age is derived from it
    std::string sex;
    std::string birthDate; // YYYY-MM-DD; must agree with idNo
    std::string ethnicity;
    std::string relationToHead;
    std::string phone;
    std::string politicalStatus;
    std::string education;
    std::string schooling; // 在校生状况 label, e.g. "普通高中二年级"
    std::string notInSchoolReason;
    std::string graduateUnemployedReason;
    Health health;
    LaborCapacity labor = LaborCapacity::Unknown;
    Work work;
    Insurance insurance;
    Benefits benefits;
    Guardianship guardianship;
    MemberStatus status = MemberStatus::Normal;
    bool sharesIncomeExpense = true;
    bool isPublicServant = false;
    bool villageCadrePaid = false;
    bool emptyHukou = false; // 空挂人口 (X8), deviation: §12 has it only on the household

    // X9: counted in n and in the object list.
    bool isCounted() const { return status == MemberStatus::Normal && sharesIncomeExpense; }
};

} // namespace ruhu::domain
