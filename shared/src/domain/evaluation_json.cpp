#include <ruhu/domain/household_json.h>
#include <ruhu/domain/rules.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace ruhu::domain {

namespace json = boost::json;

namespace {

json::array toArray(const std::vector<int> &numbers) {
    json::array a;
    for (int n : numbers)
        a.emplace_back(n);
    return a;
}

json::array toArray(const std::vector<std::string> &strings) {
    json::array a;
    for (const auto &s : strings)
        a.emplace_back(s);
    return a;
}

json::object incomeToJson(const IncomeTotals &t) {
    json::object o;
    auto put = [&](const char *key, Fen value) { o[key] = formatYuan(value); };
    put("A1_1", t.A1_1);
    put("A1_2", t.A1_2);
    put("A1_3", t.A1_3);
    put("A1", t.A1);
    put("A2", t.A2);
    put("A3_1", t.A3_1);
    put("A3_2", t.A3_2);
    put("A3", t.A3);
    put("A4", t.A4);
    put("A", t.A);
    put("B1", t.B1);
    put("B2", t.B2);
    put("B3", t.B3);
    put("B4", t.B4);
    put("B", t.B);
    put("C", t.C);
    o["n"] = t.n;
    put("D", t.D);
    put("E", t.E);
    put("F1", t.F1);
    put("F2", t.F2);
    put("F3", t.F3);
    put("F", t.F);
    put("D1", t.D1);
    return o;
}

} // namespace

json::object evaluationToJson(const Evaluation &ev) {
    json::object o;
    o["configId"] = ev.configId;
    o["configHash"] = ev.configHash;
    o["assessedOn"] = ev.assessedOn.toString();
    o["threshold"] = formatYuan(ev.threshold);
    o["thresholdYear"] = ev.thresholdYear;
    o["thresholdRegion"] = ev.thresholdRegion;
    o["thresholdRegionName"] = ev.thresholdRegionName;
    o["income"] = incomeToJson(ev.income);
    std::string units = std::to_string(ev.laborHalfUnits / 2) + (ev.laborHalfUnits % 2 ? ".5" : ".0");
    o["laborUnits"] = units;
    o["categories"] = toArray(ev.categories());
    o["exclusions"] = toArray(ev.exclusions());
    o["excludedMemberIds"] = toArray(ev.excludedMemberIds);
    o["flags"] = json::object{{"below", ev.below},
                              {"rigid", ev.rigid},
                              {"drop", ev.drop},
                              {"suddenEvent", ev.suddenEvent},
                              {"sangbaoUnmet", ev.sangbao.any()},
                              {"educationUnmet", ev.sangbao.educationUnmet},
                              {"medicalUnmet", ev.sangbao.medicalUnmet},
                              {"housingUnmet", ev.sangbao.housingUnmet},
                              {"waterUnmet", ev.sangbao.waterUnmet},
                              {"hardExclusion", ev.hardExclusion},
                              {"softExclusion", ev.softExclusion},
                              {"wholeNoLabor", ev.wholeNoLabor},
                              {"safetyNetMarkingSuggested", ev.safetyNetMarkingSuggested}};
    o["mandatory"] = ev.mandatory;
    o["outcome"] = outcomeCode(ev.outcome);
    o["outcomeLabel"] = outcomeLabel(ev.outcome);
    o["needsReview"] = ev.needsReview;
    if (ev.elimination) {
        o["riskElimination"] = json::object{{"allowed", ev.elimination->allowed},
                                            {"monthsSinceIdentified", ev.elimination->monthsSinceIdentified},
                                            {"implementedMeasures", ev.elimination->implementedMeasures},
                                            {"reasons", toArray(ev.elimination->reasons)}};
    } else {
        o["riskElimination"] = nullptr;
    }
    o["reasons"] = toArray(ev.reasons);
    o["warnings"] = toArray(ev.warnings);
    return o;
}

} // namespace ruhu::domain
