#pragma once

#include <ruhu/result.h>

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ruhu::evidence {

// One sampled point of a handwritten signature, in canvas pixels; t in ms since the first pen-down.
struct StrokePoint {
    double x = 0;
    double y = 0;
    std::int64_t t = 0;
    std::optional<double> pressure; // 0..1 when the pen reports it
};

// Stroke format "v1": the pen path as captured (dynamic handwriting is treated as biometric-like,
// sensitive data). Canonical form: {"canvas":{"dpi","h","w"},"data":[[{"p"?,"t","x","y"}...]...],
// "format":"v1"} written by toCanonicalJson.
struct SignatureStrokes {
    std::string format = "v1";
    int canvasWidth = 0;
    int canvasHeight = 0;
    int dpi = 0;
    std::vector<std::vector<StrokePoint>> strokes;
};

// A signed double as it is written: rounded to `decimals` places. Boost.JSON 1.81 parses a 17-digit
// number up to 1 ULP off (about 13% of arbitrary doubles do not survive serialize → parse), which would
// change a hash computed again on the server. A value with few significant digits parses exactly, and
// rounding again after parsing gives back the same double whatever the parser did.
double roundForSigning(double value, int decimals);

// Coordinates are written to 0.01 px and pressure to 0.001 (roundForSigning), so the canonical form and
// its hash are the same after any JSON round trip.
boost::json::value strokesToJson(const SignatureStrokes &strokes);
Result<SignatureStrokes> strokesFromJson(const boost::json::value &value);

// Canonical serialisation and its SHA-256 (lowercase hex).
std::string canonicalStrokes(const SignatureStrokes &strokes);
std::string strokesSha256(const SignatureStrokes &strokes);

// At least one stroke with points; finite coordinates inside the canvas; t not decreasing within a
// stroke; pressure in 0..1. `field` prefixes the error's field path.
Status validateStrokes(const SignatureStrokes &strokes, const std::string &field);

} // namespace ruhu::evidence
