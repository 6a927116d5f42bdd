#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ruhu::domain {

// Money is always an integer number of 分 (1 元 = 100 分). No floating point touches money.
using Fen = int64_t;

constexpr Fen fenPerYuan = 100;
constexpr Fen yuan(int64_t wholeYuan) {
    return wholeYuan * fenPerYuan;
}

// THE rounding rule, used at every division in the income sheet (B4, D, D1) and for every percentage shown:
// the exact quotient is rounded half away from zero to a whole unit (分 for money). denominator must be > 0.
int64_t divideRounded(int64_t numerator, int64_t denominator);

// "32000.00", "-10000.50": decimal 元 with exactly two decimals.
std::string formatYuan(Fen amount);

// Parses "8300", "8300.5", "8300.50", "-12.30" (at most two decimals) into 分.
std::optional<Fen> parseYuan(std::string_view text);

// Ratios (income-drop ratio, medical-burden ratio, 40% transfer share ...) are kept in basis points
// (1/10000) so that every comparison is exact integer arithmetic. Parses "0.30", "0.4", "1".
std::optional<int64_t> parseBasisPoints(std::string_view text);
std::string formatBasisPoints(int64_t basisPoints); // 3000 -> "0.30", 4000 -> "0.40", 5000 -> "0.50"

// numerator/denominator as a percentage with two decimals ("73.68%"), by the rounding rule above.
std::string formatPercent(int64_t numerator, int64_t denominator);

} // namespace ruhu::domain
