#pragma once

#include <ruhu/evidence/authorization.h>
#include <ruhu/result.h>

#include <map>
#include <string>

namespace ruhu::server {

// What the archive copy says about the letter besides the signed document itself.
struct LetterStatus {
    std::string verificationCode;
    std::string keyFingerprint;
    std::string verifiedAt; // the server's receipt time
    std::string statusText; // Chinese, e.g. "验证通过，现行有效"
    std::string printedAt;
    // The 手印 photos the server holds (sha256 → JPEG bytes), drawn in the signers' boxes; a photo not
    // here is named by its hash instead.
    std::map<std::string, std::string> photos;
};

// The signed 授权承诺书 as an A4 PDF for the archive (cairo + pango, Noto CJK): title, the rendered text
// with the member table, the consent ticks, each signer with the signature drawn from its pen strokes
// (or the 手印 photo, else its hash), name/role/method/代填, signing time, GPS, binding hash, verification
// code and status. Error "internal" if cairo fails.
Result<std::string> renderAuthorizationPdf(const evidence::Authorization &authorization,
                                           const LetterStatus &status);

} // namespace ruhu::server
