#include <ruhu/model/record_ids.h>

#include <array>
#include <utility>

namespace ruhu {

std::string idPrefixFor(std::string_view kind) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> prefixes{{
        {"household", "hh"},
        {"member", "mb"},
        {"incomeSheet", "is"},
        {"riskAssessment", "ra"},
        {"measure", "ms"},
        {"visit", "vs"},
        {"workflowCase", "wc"},
        {"photo", "ph"},
        {"authorization", "au"},
    }};
    for (const auto &[k, prefix] : prefixes)
        if (k == kind)
            return std::string(prefix);
    return "rc";
}

std::string riskAssessmentId(const std::string &householdId) {
    return idPrefixFor("riskAssessment") + "-" + householdId;
}

} // namespace ruhu
