// 授权承诺书 on the server: what one letter costs. A household of 6 members, 3 handwritten signers with
// 600 pen points each (about 5 s of writing at 120 Hz): sign (tablet side), document size, the push-time
// check (household from records + verifyAuthorization), and rendering the printable PDF. One core.
//
//   bench_authorization [--iterations N]
#include "evidence/authorization_pdf.h"

#include <ruhu/evidence/authorization.h>
#include <ruhu/evidence/authorization_records.h>
#include <ruhu/evidence/consent_template.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/model/id_number.h>

#include <boost/json/serialize.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/resource.h>
#include <vector>

using namespace ruhu;
using namespace ruhu::evidence;
using Clock = std::chrono::steady_clock;

namespace {

double msPer(Clock::duration d, int n) {
    return std::chrono::duration<double, std::milli>(d).count() / n;
}

Record record(const std::string &kind, const std::string &id, boost::json::object fields) {
    Record r;
    r.kind = kind;
    r.id = id;
    r.householdId = "h1";
    r.regionCode = "429005103201";
    r.fields = std::move(fields);
    return r;
}

std::vector<Record> household(int members) {
    std::vector<Record> records{record("household", "h1",
                                       {{"headMemberId", "m1"},
                                        {"headName", "王大山"},
                                        {"county", "潜江市"},
                                        {"township", "熊口镇"},
                                        {"village", "马家村"},
                                        {"group", "二组"},
                                        {"address", "马家村二组 7 号"},
                                        {"riskTypes", boost::json::array{"因病"}}})};
    for (int i = 1; i <= members; ++i) {
        const std::string first17 = "42900519" + std::to_string(60 + i) + "0101" + std::to_string(100 + i);
        records.push_back(record("member", "m" + std::to_string(i),
                                 {{"name", "王成员" + std::to_string(i)},
                                  {"relationToHead", i == 1 ? "户主" : "之子"},
                                  {"idNo", first17 + idNumberCheckDigit(first17)},
                                  {"birthDate", "19" + std::to_string(60 + i) + "-01-01"},
                                  {"seq", i},
                                  {"status", "正常"}}));
    }
    return records;
}

SignatureStrokes handwriting(int points, int seed) {
    SignatureStrokes s{"v1", 1200, 400, 264, {}};
    const int strokes = 12;
    for (int k = 0; k < strokes; ++k) {
        std::vector<StrokePoint> stroke;
        for (int i = 0; i < points / strokes; ++i) {
            const double t = i / double(points / strokes);
            stroke.push_back({80 + k * 90 + 60 * t + 3 * std::sin(seed + i),
                              200 + 120 * std::sin(6.28 * t + k), k * 500 + i * 8, 0.3 + 0.4 * t});
        }
        s.strokes.push_back(std::move(stroke));
    }
    return s;
}

} // namespace

int main(int argc, char **argv) {
    int iterations = 200;
    for (int i = 1; i < argc; ++i)
        if (!std::strcmp(argv[i], "--iterations") && i + 1 < argc)
            iterations = std::atoi(argv[++i]);

    auto consent = loadConsentTemplateFile(RUHU_ASSETS_DIR "/consent/auth-v1.json");
    auto key = DeviceSigningKey::generate();
    if (!consent || !key) {
        std::fprintf(stderr, "setup failed\n");
        return 1;
    }
    const auto records = household(6);
    const auto doc = *householdFromRecords("h1", records);
    AuthorizationInput in;
    in.id = "auth-bench";
    in.consentTemplate = &*consent;
    in.consents = {true, true, true};
    for (int s = 1; s <= 3; ++s) {
        Signer signer;
        signer.memberId = "m" + std::to_string(s);
        signer.role = s == 1 ? "户主" : "家庭成员";
        signer.name = "王成员" + std::to_string(s);
        signer.method = "手写签名";
        signer.strokes = handwriting(600, s);
        signer.signedAt = "2024-09-05T10:20:31+08:00";
        in.signers.push_back(std::move(signer));
    }
    in.gps = {30.41, 112.89, 8, "2024-09-05T10:20:25+08:00", "gps", false};
    in.signedAt = "2024-09-05T10:21:00+08:00";

    auto t0 = Clock::now();
    Result<Authorization> a = Error{};
    for (int i = 0; i < iterations; ++i)
        a = createAuthorization(in, doc, *key);
    const auto signTime = Clock::now() - t0;
    if (!a) {
        std::fprintf(stderr, "createAuthorization: %s\n", a.error().message.c_str());
        return 1;
    }
    const std::string documentJson = boost::json::serialize(authorizationToJson(*a));

    t0 = Clock::now();
    int verified = 0;
    for (int i = 0; i < iterations; ++i) {
        auto parsed = authorizationFromJson(*parseJson(documentJson));
        auto current = householdFromRecords("h1", records);
        auto status = verifyAuthorization(*parsed, *current, key->publicKeyBase64());
        if (!status && i == 0)
            std::fprintf(stderr, "verify: %s %s %s\n", status.error().code.c_str(),
                         status.error().message.c_str(), status.error().field.c_str());
        verified += status.ok();
    }
    const auto verifyTime = Clock::now() - t0;

    const int pdfIterations = std::max(1, iterations / 10);
    server::LetterStatus status{verificationCode(a->bindingHash), "0123456789abcdef",
                                "2024-09-05T10:30:00+08:00",      "验证通过，现行有效",
                                "2024-09-06T09:00:00+08:00",      {}};
    std::size_t pdfBytes = 0;
    t0 = Clock::now();
    for (int i = 0; i < pdfIterations; ++i)
        pdfBytes = server::renderAuthorizationPdf(*a, status)->size();
    const auto pdfTime = Clock::now() - t0;

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("authorization: 6 members, 3 signers x 600 points, %d iterations\n", iterations);
    std::printf("  document JSON            %8zu bytes\n", documentJson.size());
    std::printf("  sign (tablet side)       %8.2f ms\n", msPer(signTime, iterations));
    std::printf("  push check (parse+verify)%8.2f ms   (%d/%d verified)\n", msPer(verifyTime, iterations),
                verified, iterations);
    std::printf("  PDF render               %8.2f ms   %zu bytes\n", msPer(pdfTime, pdfIterations), pdfBytes);
    std::printf("  peak RSS                 %8ld MB\n", usage.ru_maxrss / 1024);
    return verified == iterations ? 0 : 1;
}
