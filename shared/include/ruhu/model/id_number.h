#pragma once

#include <ruhu/result.h>

#include <string>
#include <string_view>

namespace ruhu {

enum class Sex { Male, Female };

// What an 18-digit 居民身份证号 (GB 11643-1999) tells: the issuing area, the birth date and the sex.
struct IdNumberInfo {
    std::string areaCode;  // first six digits
    std::string birthDate; // YYYY-MM-DD
    Sex sex = Sex::Male;   // 17th digit: odd = 男, even = 女
};

// Validates format, birth date and the ISO 7064 MOD 11-2 check digit; a lowercase x is accepted.
Result<IdNumberInfo> parseIdNumber(std::string_view idNumber);

// The check character for the first 17 digits ('0'..'9' or 'X').
char idNumberCheckDigit(std::string_view first17);

// "4290**********1234": what lists and 公示 show instead of the number.
std::string maskIdNumber(std::string_view idNumber);

const char *sexLabel(Sex sex); // "男" / "女"

} // namespace ruhu
