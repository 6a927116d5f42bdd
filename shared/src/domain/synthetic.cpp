#include <ruhu/domain/synthetic.h>
#include <ruhu/model/id_number.h>

#include <cstdio>

namespace ruhu::domain {
namespace {

class Dice {
public:
    explicit Dice(std::mt19937_64 &random)
        : m_random(random) {}
    int64_t between(int64_t lo, int64_t hi) {
        return std::uniform_int_distribution<int64_t>(lo, hi)(m_random);
    }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_random); }
    Fen yuanBetween(int64_t lo, int64_t hi) { return yuan(between(lo, hi)); }

private:
    std::mt19937_64 &m_random;
};

int memberCount(Dice &d, const SyntheticOptions &o) {
    // Rural household sizes: mostly 2–5, tails at 1 and 6–8.
    static constexpr int weights[] = {8, 18, 22, 22, 15, 8, 4, 3};
    int total = 0;
    for (int size = o.minMembers; size <= o.maxMembers; ++size)
        total += weights[size - 1];
    int pick = static_cast<int>(d.between(1, total));
    for (int size = o.minMembers; size <= o.maxMembers; ++size) {
        pick -= weights[size - 1];
        if (pick <= 0)
            return size;
    }
    return o.maxMembers;
}

Member makeMember(Dice &d, const SyntheticOptions &o, uint64_t household, int seq, int age) {
    Member m;
    m.id = "m" + std::to_string(household) + "-" + std::to_string(seq);
    m.seq = seq;
    m.name = "成员" + std::to_string(seq);
    m.relationToHead = seq == 1 ? "户主" : seq == 2 ? "配偶" : age < 30 ? "之子" : "之父";
    CivilDate birth{o.assessmentYear - age, static_cast<int>(d.between(1, 12)),
                    static_cast<int>(d.between(1, 28))};
    m.idNo = makeIdNumber(o.regionCode.substr(0, 6), birth, static_cast<int>(d.between(0, 999)));
    m.birthDate = birth.toString();
    m.sex = (m.idNo[16] - '0') % 2 ? "男" : "女";
    if (age < 16)
        m.labor = LaborCapacity::None;
    else if (age >= 70)
        m.labor = d.chance(0.5) ? LaborCapacity::None : LaborCapacity::Lost;
    else {
        static constexpr LaborCapacity kinds[] = {LaborCapacity::Ordinary,   LaborCapacity::Ordinary,
                                                  LaborCapacity::Ordinary,   LaborCapacity::Skilled,
                                                  LaborCapacity::WeakOrHalf, LaborCapacity::Lost};
        m.labor = kinds[d.between(0, 5)];
    }
    if (age >= 6 && age <= 22 && d.chance(0.85))
        m.schooling = age <= 11 ? "小学" : age <= 14 ? "七年级" : age <= 17 ? "普通高中一年级" : "本科一年级";
    if (age >= 6 && age <= 15 && d.chance(0.01))
        m.notInSchoolReason = "辍学";
    double sick = d.between(0, 999) / 1000.0;
    m.health.status = sick < 0.04   ? HealthStatus::SeriousIllness
                      : sick < 0.15 ? HealthStatus::Chronic
                      : sick < 0.20 ? HealthStatus::Disabled
                                    : HealthStatus::Healthy;
    if (m.health.status == HealthStatus::Disabled)
        m.health.disabilityGrade = static_cast<int>(d.between(1, 4));
    m.health.disabledElderly = age >= 75 && d.chance(0.1);
    m.insurance.residentMedical = d.chance(0.99);
    m.guardianship.hasLegalGuardian = !(age <= 16 && d.chance(0.01));
    m.guardianship.hasLegalSupporter = !(age >= 60 && d.chance(0.03));
    if (d.chance(0.01))
        m.status = d.chance(0.5) ? MemberStatus::Imprisoned : MemberStatus::Missing;
    if (d.chance(0.01))
        m.sharesIncomeExpense = false;
    m.work.employed = age >= 18 && age < 60 && d.chance(0.5);
    m.isPublicServant = d.chance(0.003);
    m.villageCadrePaid = d.chance(0.005);
    return m;
}

void addIncomeLines(Dice &d, HouseholdDocument &doc, int lines) {
    IncomeSheet &s = doc.incomeSheet;
    for (int i = 0; i < lines; ++i) {
        std::string id = "l" + std::to_string(i);
        switch (d.between(0, 9)) {
        case 0:
        case 1:
        case 2: {
            CropLine c{id, "水稻", 2.5, 1500, 1200, d.yuanBetween(200, 6000), 300, d.yuanBetween(0, 1500), 0};
            c.cost = d.yuanBetween(0, 2500);
            s.crops.push_back(std::move(c));
            break;
        }
        case 3:
        case 4: {
            LivestockLine l{id, "生猪", 5, 4, 400, d.yuanBetween(0, 9000), 1, 100, d.yuanBetween(0, 1500), 0};
            l.cost = d.yuanBetween(0, 8000);
            s.livestock.push_back(std::move(l));
            break;
        }
        case 5:
            s.business.push_back(BusinessLine{id, "小卖部", d.yuanBetween(0, 8000), d.yuanBetween(0, 3000),
                                              d.yuanBetween(0, 6000)});
            break;
        case 6:
        case 7: {
            WageLine w;
            w.id = id;
            w.localDays = static_cast<int>(d.between(0, 200));
            w.localDailyWage = d.yuanBetween(80, 200);
            w.localCash = w.localDays * w.localDailyWage;
            w.awayMonths = static_cast<int>(d.between(0, 10));
            w.awayMonthlyWage = d.yuanBetween(2000, 5000);
            w.awayCash = w.awayMonths * w.awayMonthlyWage;
            s.wages.push_back(std::move(w));
            break;
        }
        case 8:
            s.transfers[static_cast<size_t>(d.between(0, transferItemCount - 1))] += d.yuanBetween(100, 3000);
            break;
        default:
            s.fixedAssets.push_back(FixedAsset{id, "农机", 2020, d.yuanBetween(500, 40000), d.chance(0.9)});
            break;
        }
    }
    s.property.landTransferNetRent = d.chance(0.3) ? d.yuanBetween(100, 2000) : 0;
    s.rigid.f1Education = d.chance(0.2) ? d.yuanBetween(500, 15000) : 0;
    s.rigid.f2Medical = d.chance(0.2) ? d.yuanBetween(500, 30000) : 0;
    s.claimsE = d.chance(0.05) ? d.yuanBetween(500, 5000) : 0;
    if (d.chance(0.7))
        s.priorD = d.yuanBetween(3000, 20000);
}

} // namespace

std::string makeIdNumber(const std::string &areaCode6, const CivilDate &birthDate, int sequence) {
    char first17[48];
    std::snprintf(first17, sizeof first17, "%.6s%04d%02d%02d%03d", areaCode6.c_str(), birthDate.year,
                  birthDate.month, birthDate.day, sequence % 1000);
    return std::string(first17, 17) + idNumberCheckDigit(std::string_view(first17, 17));
}

HouseholdDocument makeSyntheticHousehold(std::mt19937_64 &random, uint64_t index, const SyntheticOptions &o) {
    Dice d(random);
    HouseholdDocument doc;
    Household &h = doc.household;
    h.id = "h" + std::to_string(index);
    h.regionCode = o.regionCode;
    h.householdType = d.chance(0.3) ? HouseholdType::FormerlyPoor : HouseholdType::Ordinary;
    h.housing.onlyHouse = true;
    h.housing.structure = d.chance(0.05) ? "土坯" : "砖混";
    h.housing.safetyGrade = d.chance(0.02) ? "C" : "A";
    h.water.safe = d.chance(0.99);
    h.industryCovered = d.chance(0.6);
    if (d.chance(0.05))
        h.vehicles.push_back(
            Vehicle{"v1", "轿车", d.chance(0.7) ? VehicleUse::Consumer : VehicleUse::Production,
                    d.yuanBetween(20000, 150000),
                    CivilDate{o.assessmentYear - static_cast<int>(d.between(0, 2)), 3, 15}, "自报"});
    if (d.chance(0.01))
        h.externalRelatives.push_back(ExternalRelative{"r1", "子", "某某", true});
    if (d.chance(0.01))
        h.housing.urbanProperty.push_back(UrbanProperty{"p1", "商品房", "城镇", "自报"});
    if (d.chance(0.01))
        h.companies.push_back(Company{"c1", "某某商贸有限公司", true, true});
    h.flags.largeScaleFarmer = d.chance(0.01);
    h.flags.majorFamilyChange = d.chance(0.02);
    if (h.flags.majorFamilyChange)
        h.flags.majorFamilyChangeNote = "家庭重大变故，已入户核实";
    if (d.chance(0.02))
        h.suddenEvents.push_back(SuddenEvent{"e1", "洪涝灾害", CivilDate{o.assessmentYear, 7, 10}, ""});

    int size = memberCount(d, o);
    for (int seq = 1; seq <= size; ++seq) {
        int age = seq <= 2 ? static_cast<int>(d.between(25, 80)) : static_cast<int>(d.between(0, 85));
        doc.members.push_back(makeMember(d, o, index, seq, age));
    }
    // At least one counted member, as the procedure requires.
    doc.members.front().status = MemberStatus::Normal;
    doc.members.front().sharesIncomeExpense = true;
    h.headMemberId = doc.members.front().id;
    addIncomeLines(d, doc, static_cast<int>(d.between(o.minIncomeLines, o.maxIncomeLines)));
    return doc;
}

} // namespace ruhu::domain
