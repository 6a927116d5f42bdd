#include "scope.h"

namespace ruhu::server {

bool inScope(std::string_view regionCode, const std::vector<std::string> &scope) {
    for (const auto &prefix : scope) {
        if (!prefix.empty() && regionCode.starts_with(prefix))
            return true;
    }
    return false;
}

} // namespace ruhu::server
