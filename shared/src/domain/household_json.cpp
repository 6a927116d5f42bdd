#include "json_mapping.h"

#include <ruhu/domain/household_json.h>
#include <ruhu/domain/survey_choices.h>

namespace ruhu::domain::detail {

namespace {

Housing readHousing(ObjectReader &r, ErrorSlot &errors) {
    Housing h;
    h.onlyHouse = r.optionalBool("onlyHouse");
    h.structure = r.choice("structure", surveyChoiceViews("household", "housing.structure"));
    h.safetyGrade = r.choice("safetyGrade", surveyChoiceViews("household", "housing.safetyGrade"));
    h.isDangerous = r.optionalBool("isDangerous");
    h.areaM2 = r.number("areaM2", 0, 10000);
    h.urbanProperty = readList<UrbanProperty>(r, "urbanProperty", errors, [](ObjectReader &p) {
        UrbanProperty u;
        u.id = p.text("id");
        u.type = p.choice("type", surveyChoiceViews("household", "housing.urbanProperty.type"), true);
        u.location = p.choice("location", surveyChoiceViews("household", "housing.urbanProperty.location"));
        u.source = p.text("source");
        return u;
    });
    return h;
}

Water readWater(ObjectReader &r) {
    Water w;
    w.safe = r.optionalBool("safe");
    w.quality = r.optionalBool("quality");
    w.quantity = r.optionalBool("quantity");
    w.convenience = r.optionalBool("convenience");
    w.guaranteeRate = r.optionalBool("guaranteeRate");
    return w;
}

Utilities readUtilities(ObjectReader &r) {
    Utilities u;
    u.livingPower = r.optionalBool("livingPower");
    u.productionPower = r.optionalBool("productionPower");
    u.radioTv = r.optionalBool("radioTv");
    u.sanitaryToilet = r.optionalBool("sanitaryToilet");
    u.toiletUsable = r.optionalBool("toiletUsable");
    u.roadType = r.text("roadType");
    u.distanceToMainRoadKm = r.number("distanceToMainRoadKm", 0, 1000);
    u.fuel = r.text("fuel");
    return u;
}

Land readLand(ObjectReader &r) {
    Land l;
    l.farmlandMu = r.number("farmlandMu", 0, 100000);
    l.forestMu = r.number("forestMu", 0, 100000);
    l.grainForGreenMu = r.number("grainForGreenMu", 0, 100000);
    l.orchardMu = r.number("orchardMu", 0, 100000);
    l.pastureMu = r.number("pastureMu", 0, 100000);
    l.waterSurfaceMu = r.number("waterSurfaceMu", 0, 100000);
    return l;
}

HouseholdFlags readFlags(ObjectReader &r) {
    HouseholdFlags f;
    f.largeScaleFarmer = r.boolean("largeScaleFarmer", false);
    f.employsOthers = r.boolean("employsOthers", false);
    f.splitMergeSuspect = r.boolean("splitMergeSuspect", false);
    f.emptyHukou = r.boolean("emptyHukou", false);
    f.integrityIssue = r.boolean("integrityIssue", false);
    f.majorFamilyChange = r.boolean("majorFamilyChange", false);
    f.majorFamilyChangeNote = r.text("majorFamilyChangeNote");
    return f;
}

Monitoring readMonitoring(ObjectReader &r, ErrorSlot &errors) {
    Monitoring m;
    m.category = r.choice("category", {"脱贫不稳定户", "边缘易致贫户", "突发严重困难户"});
    m.identifiedYm = r.text("identifiedYm");
    if (!m.identifiedYm.empty() &&
        (m.identifiedYm.size() != 6 ||
         !CivilDate::parse(m.identifiedYm.substr(0, 4) + "-" + m.identifiedYm.substr(4, 2) + "-01")))
        r.fail("identifiedYm", "应为YYYYMM");
    m.identifiedDate = r.date("identifiedDate");
    m.riskEliminated = r.boolean("riskEliminated", false);
    m.eliminationMode = r.choice("eliminationMode", {"帮扶消除", "自然消除"});
    m.eliminatedYm = r.text("eliminatedYm");
    m.wholeNoLaborSafetyNet = r.boolean("wholeNoLaborSafetyNet", false);
    m.developmentalAssistance = r.choice("developmentalAssistance", {"是", "尚未实施"});
    ObjectReader c(r.member("collector"), r.pathOf("collector"), errors);
    m.collector.userId = c.text("userId");
    m.collector.phone = c.text("phone");
    c.finish();
    m.incomeStableMonths = static_cast<int>(r.integer("incomeStableMonths", 0, 600));
    m.eliminationConsent = r.boolean("eliminationConsent", false);
    m.newRisks = r.strings("newRisks");
    return m;
}

template <class T, class F> T readChild(ObjectReader &r, std::string_view key, ErrorSlot &errors, F read) {
    ObjectReader child(r.member(key), r.pathOf(key), errors);
    T value = read(child);
    child.finish();
    return value;
}

} // namespace

Household readHousehold(ObjectReader &r) {
    ErrorSlot &errors = r.errors();
    Household h;
    h.id = r.text("id");
    h.regionCode = r.text("regionCode", true);
    for (char c : h.regionCode) {
        if (c < '0' || c > '9') {
            r.fail("regionCode", "行政区划代码只能包含数字");
            break;
        }
    }
    h.county = r.text("county");
    h.township = r.text("township");
    h.village = r.text("village");
    h.group = r.text("group");
    h.nationalHouseholdNo = r.text("nationalHouseholdNo");
    h.householdType = r.enumeration<HouseholdType>(
        "householdType", {{"一般农户", HouseholdType::Ordinary}, {"脱贫户", HouseholdType::FormerlyPoor}},
        HouseholdType::Ordinary, true);
    h.headMemberId = r.text("headMemberId");
    h.headName = r.text("headName");
    h.phone = r.text("phone");
    h.address = r.text("address");
    if (const auto *loc = r.member("homeLocation")) {
        ObjectReader g(loc, r.pathOf("homeLocation"), errors);
        h.homeLocation =
            GeoPoint{g.number("lat", -90, 90), g.number("lng", -180, 180), g.number("accuracyM", 0, 1e6)};
        g.finish();
    }
    h.isMilitaryFamily = r.boolean("isMilitaryFamily", false);
    h.housing =
        readChild<Housing>(r, "housing", errors, [&](ObjectReader &c) { return readHousing(c, errors); });
    h.water = readChild<Water>(r, "water", errors, readWater);
    h.utilities = readChild<Utilities>(r, "utilities", errors, readUtilities);
    h.land = readChild<Land>(r, "land", errors, readLand);
    h.industryCovered = r.optionalBool("industryCovered");
    h.inCooperative = r.boolean("inCooperative", false);
    h.leadingEnterpriseDriven = r.boolean("leadingEnterpriseDriven", false);
    h.entrepreneurDriven = r.boolean("entrepreneurDriven", false);
    h.vehicles = readList<Vehicle>(r, "vehicles", errors, [](ObjectReader &v) {
        Vehicle x;
        x.id = v.text("id");
        x.type = v.text("type");
        x.use = v.enumeration<VehicleUse>(
            "use", {{"消费", VehicleUse::Consumer}, {"生产运输", VehicleUse::Production}},
            VehicleUse::Consumer, true);
        x.price = v.money("price");
        x.purchaseDate = v.date("purchaseDate");
        x.source = v.text("source");
        return x;
    });
    h.companies = readList<Company>(r, "companies", errors, [](ObjectReader &c) {
        Company x;
        x.id = c.text("id");
        x.name = c.text("name");
        x.registered = c.boolean("registered", false);
        x.activelyOperating = c.boolean("activelyOperating", false);
        return x;
    });
    h.externalRelatives = readList<ExternalRelative>(r, "externalRelatives", errors, [](ObjectReader &e) {
        ExternalRelative x;
        x.id = e.text("id");
        x.relation = e.choice("relation", surveyChoiceViews("household", "externalRelatives.relation"), true);
        x.name = e.text("name");
        x.isPublicServant = e.boolean("isPublicServant", false);
        return x;
    });
    h.flags = readChild<HouseholdFlags>(r, "flags", errors, readFlags);
    h.monitoring = readChild<Monitoring>(r, "monitoring", errors,
                                         [&](ObjectReader &c) { return readMonitoring(c, errors); });
    h.suddenEvents = readList<SuddenEvent>(r, "suddenEvents", errors, [](ObjectReader &e) {
        SuddenEvent x;
        x.id = e.text("id");
        x.type = e.text("type", true);
        x.date = e.date("date");
        x.note = e.text("note");
        return x;
    });
    h.noIndustryEmploymentReason = r.text("noIndustryEmploymentReason");
    h.industryFailureReason = r.text("industryFailureReason");
    h.riskTypes = r.strings("riskTypes");
    if (h.riskTypes.size() > 5)
        r.fail("riskTypes", "致贫/返贫风险最多5项");
    r.ignore("meta");
    return h;
}

AssistanceMeasure readMeasure(ObjectReader &r) {
    AssistanceMeasure m;
    m.id = r.text("id");
    m.householdId = r.text("householdId");
    m.memberId = r.text("memberId");
    m.category = r.choice("category",
                          {"产业帮扶", "就业帮扶", "公益岗位帮扶", "金融帮扶", "健康帮扶", "教育帮扶",
                           "义务教育保障", "住房安全保障", "饮水安全保障", "综合保障", "社会帮扶", "搬迁",
                           "生产生活条件改善", "基础设施建设", "志智双扶", "其他"},
                          true);
    m.item = r.text("item");
    m.developmental = r.boolean("developmental", false);
    m.responsibleDept = r.text("responsibleDept");
    m.startDate = r.date("startDate");
    m.endDate = r.date("endDate");
    m.amount = r.money("amount");
    m.status = r.choice("status", {"计划", "实施中", "已落实", "终止"}, true);
    m.evidencePhotoIds = r.strings("evidencePhotoIds");
    r.ignore("meta");
    return m;
}

} // namespace ruhu::domain::detail

namespace ruhu::domain {

Result<HouseholdDocument> parseHouseholdDocument(const boost::json::value &document) {
    using namespace detail;
    ErrorSlot errors;
    if (!document.is_object())
        return Error{"invalid_field", "户文档应为JSON对象", ""};
    ObjectReader root(&document, "", errors);
    HouseholdDocument doc;
    if (!root.member("household") && !errors.failed())
        errors.fail("household", "缺少户信息");
    ObjectReader household(root.member("household"), "household", errors);
    doc.household = readHousehold(household);
    household.finish();
    doc.members = readList<Member>(root, "members", errors, readMember);
    if (doc.members.empty() && !errors.failed())
        errors.fail("members", "至少要有一名家庭成员");
    if (!root.member("incomeSheet") && !errors.failed())
        errors.fail("incomeSheet", "缺少收入核算表");
    ObjectReader sheet(root.member("incomeSheet"), "incomeSheet", errors);
    doc.incomeSheet = readIncomeSheet(sheet);
    sheet.finish();
    doc.measures = readList<AssistanceMeasure>(root, "measures", errors, readMeasure);
    root.ignore("format");
    root.finish();
    if (errors.failed())
        return errors.error();
    // Cross-record checks.
    for (size_t i = 0; i < doc.members.size(); ++i) {
        const Member &m = doc.members[i];
        if (m.isCounted() && m.labor == LaborCapacity::Unknown)
            return Error{"invalid_field",
                         indexPath("members", i) + ".labor：缺少劳动技能（计入家庭人口的成员必填）",
                         indexPath("members", i) + ".labor"};
    }
    return doc;
}

} // namespace ruhu::domain
