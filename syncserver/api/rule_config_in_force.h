#pragma once

#include "../storage/central_store.h"

#include <ruhu/domain/rule_config.h>

#include <memory>

namespace ruhu::server {

// The rule configuration the server evaluates with: the newest one a county loaded
// (PUT /api/v1/rules/config), or the built-in one (ruhu::domain::builtinRuleConfig) before any was loaded.
// Parsed once per distinct document.
Result<std::shared_ptr<const domain::RuleConfig>> ruleConfigInForce(CentralStore::WriteTransaction &tx);

// Parses a stored or built-in document, cached by its text.
Result<std::shared_ptr<const domain::RuleConfig>> parsedRuleConfig(std::string_view document);

} // namespace ruhu::server
