#pragma once

#include <ruhu/domain/civil_date.h>
#include <ruhu/domain/money.h>

#include <optional>
#include <string>
#include <vector>

namespace ruhu::domain {

enum class HouseholdType { Ordinary /* 一般农户 */, FormerlyPoor /* 脱贫户 */ };

struct GeoPoint {
    double lat = 0;
    double lng = 0;
    double accuracyM = 0;
};

struct UrbanProperty {
    std::string id;
    std::string type;     // 商品房|自建房|门面房|经营用房
    std::string location; // 城镇|农村
    std::string source;   // 自报|不动产比对
};

struct Housing {
    std::optional<bool> onlyHouse;
    std::string structure;   // 砖混|砖木|土坯|木|其他
    std::string safetyGrade; // A|B|C|D
    std::optional<bool> isDangerous;
    double areaM2 = 0;
    std::vector<UrbanProperty> urbanProperty;
};

struct Water {
    std::optional<bool> safe;
    std::optional<bool> quality;
    std::optional<bool> quantity;
    std::optional<bool> convenience;
    std::optional<bool> guaranteeRate;
};

struct Utilities {
    std::optional<bool> livingPower;
    std::optional<bool> productionPower;
    std::optional<bool> radioTv;
    std::optional<bool> sanitaryToilet;
    std::optional<bool> toiletUsable;
    std::string roadType; // 硬化|砂石|泥土
    double distanceToMainRoadKm = 0;
    std::string fuel;
};

struct Land {
    double farmlandMu = 0;
    double forestMu = 0;
    double grainForGreenMu = 0;
    double orchardMu = 0;
    double pastureMu = 0;
    double waterSurfaceMu = 0;
};

enum class VehicleUse { Consumer /* 消费 */, Production /* 生产运输 */ };

struct Vehicle {
    std::string id;
    std::string type; // 轿车|摩托|农用车|货车
    VehicleUse use = VehicleUse::Consumer;
    Fen price = 0;
    std::optional<CivilDate> purchaseDate;
    std::string source; // 自报|公安比对
};

struct Company {
    std::string id;
    std::string name;
    bool registered = false;
    bool activelyOperating = false;
};

// 户主的父母、配偶、子女 who are not members of the household (X1).
struct ExternalRelative {
    std::string id;
    std::string relation; // 父|母|配偶|子|女
    std::string name;
    bool isPublicServant = false;
};

struct HouseholdFlags {
    bool largeScaleFarmer = false;     // X6
    bool employsOthers = false;        // X6
    bool splitMergeSuspect = false;    // X7
    bool emptyHukou = false;           // X8
    bool integrityIssue = false;       // X10
    bool majorFamilyChange = false;    // exception for X2–X5
    std::string majorFamilyChangeNote; // the written explanation the exception requires
};

// A sudden event (natural disaster, accident, epidemic) — deviation: not in §12, needed by K8 and
// 突发严重困难户.
struct SuddenEvent {
    std::string id;
    std::string type; // 洪涝灾害|地质灾害|旱灾|火灾|交通事故|意外事故|重大疫情|其他
    std::optional<CivilDate> date;
    std::string note;
};

struct Collector {
    std::string userId;
    std::string phone;
};

struct Monitoring {
    std::string category;                    // ""|脱贫不稳定户|边缘易致贫户|突发严重困难户
    std::string identifiedYm;                // YYYYMM as in the national system
    std::optional<CivilDate> identifiedDate; // deviation: day precision for the 6-month rule
    bool riskEliminated = false;
    std::string eliminationMode; // 帮扶消除|自然消除
    std::string eliminatedYm;
    bool wholeNoLaborSafetyNet = false;
    std::string developmentalAssistance; // 是|尚未实施
    Collector collector;
    // Inputs of the risk-elimination check (§7.3), deviation: not in §12.
    int incomeStableMonths = 0;
    bool eliminationConsent = false; // 农户同意
    std::vector<std::string> newRisks;
};

// 户 (monitoring-domain.md §12).
struct Household {
    std::string id;
    std::string regionCode; // 行政区划代码 (GB/T 2260 + township/village)
    std::string county;
    std::string township;
    std::string village;
    std::string group;
    std::string nationalHouseholdNo;
    HouseholdType householdType = HouseholdType::Ordinary;
    std::string headMemberId;
    std::string headName;
    std::string phone;
    std::string address;
    std::optional<GeoPoint> homeLocation;
    bool isMilitaryFamily = false;
    Housing housing;
    Water water;
    Utilities utilities;
    Land land;
    std::optional<bool> industryCovered;
    bool inCooperative = false;
    bool leadingEnterpriseDriven = false;
    bool entrepreneurDriven = false;
    std::vector<Vehicle> vehicles;
    std::vector<Company> companies;
    std::vector<ExternalRelative> externalRelatives;
    HouseholdFlags flags;
    Monitoring monitoring;
    // Deviations (not in §12), documented in docs/data-model.md:
    std::vector<SuddenEvent> suddenEvents;
    std::string noIndustryEmploymentReason; // K3 客观原因
    std::string industryFailureReason;      // K7 不可抗因素
    std::vector<std::string> riskTypes;     // 致贫/返贫风险 1..5 selected by the cadre
};

} // namespace ruhu::domain
