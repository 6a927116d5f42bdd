#include <ruhu/model/id_number.h>

#include <array>
#include <cstdio>

namespace ruhu {
namespace {

bool isLeapYear(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int y, int m) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeapYear(y) ? 29 : days[static_cast<size_t>(m - 1)];
}

int digitsToInt(std::string_view s) {
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

Error idError(std::string message) {
    return Error{"invalid_id_number", std::move(message), "idNo"};
}

} // namespace

char idNumberCheckDigit(std::string_view first17) {
    static constexpr std::array<int, 17> weights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr std::array<char, 11> checks{'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    int sum = 0;
    for (size_t i = 0; i < 17; ++i)
        sum += (first17[i] - '0') * weights[i];
    return checks[static_cast<size_t>(sum % 11)];
}

Result<IdNumberInfo> parseIdNumber(std::string_view id) {
    if (id.size() != 18)
        return idError("身份证号应为18位，当前为" + std::to_string(id.size()) + "位");
    for (size_t i = 0; i < 17; ++i) {
        if (id[i] < '0' || id[i] > '9')
            return idError("身份证号前17位只能是数字");
    }
    char last = id[17] == 'x' ? 'X' : id[17];
    if (!(last == 'X' || (last >= '0' && last <= '9')))
        return idError("身份证号第18位只能是数字或X");

    int year = digitsToInt(id.substr(6, 4));
    int month = digitsToInt(id.substr(10, 2));
    int day = digitsToInt(id.substr(12, 2));
    if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return idError("身份证号中的出生日期无效");

    char expected = idNumberCheckDigit(id.substr(0, 17));
    if (expected != last)
        return idError("身份证号校验位不正确，请核对号码");

    IdNumberInfo info;
    info.areaCode = std::string(id.substr(0, 6));
    char buf[11];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    info.birthDate = buf;
    info.sex = (id[16] - '0') % 2 == 1 ? Sex::Male : Sex::Female;
    return info;
}

std::string maskIdNumber(std::string_view id) {
    if (id.size() <= 8)
        return std::string(id.size(), '*');
    return std::string(id.substr(0, 4)) + std::string(id.size() - 8, '*') +
           std::string(id.substr(id.size() - 4));
}

const char *sexLabel(Sex sex) {
    return sex == Sex::Male ? "男" : "女";
}

} // namespace ruhu
