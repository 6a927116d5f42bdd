#include <ruhu/domain/money.h>

#include <cstdlib>

namespace ruhu::domain {
namespace {

std::optional<int64_t> parseFixed(std::string_view text, int decimals) {
    if (text.empty())
        return std::nullopt;
    bool negative = false;
    size_t i = 0;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        i = 1;
    }
    int64_t whole = 0;
    size_t wholeDigits = 0;
    for (; i < text.size() && text[i] != '.'; ++i, ++wholeDigits) {
        if (text[i] < '0' || text[i] > '9' || wholeDigits >= 15)
            return std::nullopt;
        whole = whole * 10 + (text[i] - '0');
    }
    if (wholeDigits == 0)
        return std::nullopt;
    int64_t fraction = 0;
    int fractionDigits = 0;
    if (i < text.size()) {
        ++i; // '.'
        if (i == text.size())
            return std::nullopt;
        for (; i < text.size(); ++i, ++fractionDigits) {
            if (text[i] < '0' || text[i] > '9' || fractionDigits >= decimals)
                return std::nullopt;
            fraction = fraction * 10 + (text[i] - '0');
        }
    }
    int64_t scale = 1;
    for (int d = 0; d < decimals; ++d)
        scale *= 10;
    for (int d = fractionDigits; d < decimals; ++d)
        fraction *= 10;
    int64_t value = whole * scale + fraction;
    return negative ? -value : value;
}

// Hand-rolled (no printf): money is formatted several times per evaluation.
std::string formatFixed(int64_t value, int decimals) {
    uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    char buf[32];
    char *end = buf + sizeof buf;
    char *p = end;
    for (int d = 0; d < decimals; ++d) {
        *--p = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    }
    *--p = '.';
    do {
        *--p = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    if (value < 0)
        *--p = '-';
    return std::string(p, end);
}

} // namespace

int64_t divideRounded(int64_t numerator, int64_t denominator) {
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    int64_t quotient = numerator / denominator; // truncates toward zero
    int64_t remainder = numerator % denominator;
    // |remainder| / denominator ≥ 1/2  ⇔  2·|remainder| ≥ denominator: round away from zero.
    int64_t twice = (remainder < 0 ? -remainder : remainder) * 2;
    if (twice >= denominator)
        quotient += numerator < 0 ? -1 : 1;
    return quotient;
}

std::string formatYuan(Fen amount) {
    return formatFixed(amount, 2);
}

std::optional<Fen> parseYuan(std::string_view text) {
    return parseFixed(text, 2);
}

std::optional<int64_t> parseBasisPoints(std::string_view text) {
    return parseFixed(text, 4);
}

std::string formatBasisPoints(int64_t basisPoints) {
    std::string s = formatFixed(basisPoints, 4);
    // Keep two decimals at least: "0.3000" -> "0.30", "0.1250" -> "0.125".
    while (s.size() > 1 && s.back() == '0' && s[s.size() - 3] != '.')
        s.pop_back();
    return s;
}

std::string formatPercent(int64_t numerator, int64_t denominator) {
    if (denominator == 0)
        return "—";
    // Hundredths of a percent: numerator·10000/denominator.
    return formatFixed(divideRounded(numerator * 10000, denominator), 2) + "%";
}

} // namespace ruhu::domain
