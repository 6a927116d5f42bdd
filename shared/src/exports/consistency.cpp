#include "field_reads.h"

#include <ruhu/exports/consistency.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace ruhu::exports {
namespace {

using detail::objectField;
using detail::stringField;

// The states after 县级确定: the household is a monitoring object by this case's decision.
bool confirmed(std::string_view state) {
    static constexpr std::array<std::string_view, 8> kConfirmed{
        "COUNTY_CONFIRMED",     "ANNOUNCED",  "ENTERED",    "ASSISTING", "ELIMINATION_PROPOSED",
        "ELIMINATION_APPROVED", "ELIMINATED", "ROLLED_BACK"};
    return std::find(kConfirmed.begin(), kConfirmed.end(), state) != kConfirmed.end();
}

// From 开始帮扶 on, the household must have measures.
bool assisting(std::string_view state) {
    return confirmed(state) && state != "COUNTY_CONFIRMED" && state != "ANNOUNCED" && state != "ENTERED";
}

// When the case last moved (its last event's server time).
int64_t lastMoved(const boost::json::object &c) {
    int64_t last = 0;
    if (const auto *events = c.if_contains("events"); events && events->is_array()) {
        for (const auto &e : events->get_array()) {
            const auto *at = e.is_object() ? e.get_object().if_contains("atMs") : nullptr;
            if (at && at->is_int64())
                last = std::max(last, at->get_int64());
        }
    }
    return last;
}

} // namespace

std::vector<Mismatch> consistencyMismatches(const boost::json::object &household,
                                            const std::vector<boost::json::object> &cases,
                                            const std::vector<boost::json::object> &measures) {
    std::vector<Mismatch> out;
    const boost::json::object *current = nullptr;
    for (const auto &c : cases) {
        if (confirmed(stringField(&c, "state")) && (!current || lastMoved(c) > lastMoved(*current)))
            current = &c;
    }
    const auto *monitoring = objectField(&household, "monitoring");
    const std::string category = stringField(monitoring, "category");
    const auto *eliminated = monitoring ? monitoring->if_contains("riskEliminated") : nullptr;
    const bool markedEliminated = eliminated && eliminated->is_bool() && eliminated->get_bool();
    if (!current) {
        if (!category.empty())
            out.push_back({"category_without_case",
                           "户信息为监测对象（" + category + "），但没有经县级确定的监测案件"});
        return out;
    }
    const std::string state = stringField(current, "state");
    const std::string decided = stringField(objectField(current, "countyReview"), "category");
    if (category.empty())
        out.push_back(
            {"case_without_category", "案件已经县级确定（" + decided + "），户信息没有监测对象类别"});
    else if (!decided.empty() && decided != category)
        out.push_back(
            {"category_differs", "户信息的监测对象类别为" + category + "，县级确定的类别为" + decided});
    if (state == "ELIMINATED" && !markedEliminated)
        out.push_back({"elimination_not_marked", "案件已风险消除，户信息未标注“风险已消除”"});
    if (state != "ELIMINATED" && markedEliminated)
        out.push_back({"elimination_marked_open", "户信息标注“风险已消除”，案件尚未办结风险消除"});
    if (assisting(state) && measures.empty())
        out.push_back({"measures_missing", "案件已进入帮扶，户内没有帮扶措施"});
    return out;
}

} // namespace ruhu::exports
