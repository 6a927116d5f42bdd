#pragma once

#include <ruhu/domain/household_document.h>
#include <ruhu/result.h>

#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace ruhu::evidence {

// One separately ticked consent item (PIPL art. 29 单独同意): "queryAssets", "sensitivePI", "photos".
struct ConsentItem {
    std::string key;
    std::string label;
};

// A versioned 授权承诺书 text (assets/consent/auth-vN.json). Placeholders are {{name}}; see
// docs/authorization.md for the list. The sha256 is over the canonical JSON of the whole file.
struct ConsentTemplate {
    std::string id; // "auth-v1"
    int version = 0;
    std::string kind;   // "申请及承诺授权书"
    std::string issuer; // "XX县乡村振兴局"
    std::string locale; // "zh-CN"
    std::string title;
    std::vector<std::string> body;
    std::string memberTableHeader;
    std::string memberRow; // one line per member; must use {{idNoMasked}}, never the full number
    std::string memberTableNote;
    std::vector<ConsentItem> consents;
    std::vector<std::string> footer;
    std::string sha256; // lowercase hex
};

// The three consent keys every template must carry, in this order.
const std::vector<std::string> &requiredConsentKeys();

// Validates a template document and computes its hash. Errors name the field (Chinese).
Result<ConsentTemplate> parseConsentTemplate(const boost::json::value &document);
Result<ConsentTemplate> loadConsentTemplateFile(const std::string &path);

// The exact text shown to signers and its SHA-256 (of the UTF-8 bytes).
struct RenderedConsent {
    std::string text;
    std::string textSha256;
};

// Fills the template for a household: head name and masked 身份证号, address, hardship (the household's
// risk types) and the member table (members with status 正常, by seq; 身份证号 masked).
Result<RenderedConsent> renderConsent(const ConsentTemplate &consentTemplate,
                                      const domain::HouseholdDocument &document);

} // namespace ruhu::evidence
