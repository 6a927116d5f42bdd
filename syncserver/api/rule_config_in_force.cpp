#include "rule_config_in_force.h"

#include <ruhu/json/canonical_json.h>

#include <map>
#include <mutex>

namespace ruhu::server {

Result<std::shared_ptr<const domain::RuleConfig>> parsedRuleConfig(std::string_view document) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const domain::RuleConfig>, std::less<>> cache;
    std::lock_guard lock(mutex);
    if (auto it = cache.find(document); it != cache.end())
        return it->second;
    auto json = parseJson(document);
    if (!json)
        return json.error();
    auto config = domain::parseRuleConfig(*json);
    if (!config)
        return config.error();
    if (cache.size() > 16) // a handful of configurations are ever in use
        cache.clear();
    auto parsed = std::make_shared<const domain::RuleConfig>(std::move(*config));
    cache.emplace(std::string(document), parsed);
    return parsed;
}

Result<std::shared_ptr<const domain::RuleConfig>> ruleConfigInForce(CentralStore::WriteTransaction &tx) {
    auto row = tx.ruleConfigInForce();
    if (!row)
        return row.error();
    return parsedRuleConfig(*row ? std::string_view((*row)->document) : domain::builtinRuleConfigJson());
}

} // namespace ruhu::server
