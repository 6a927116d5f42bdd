#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ruhu::domain {

// A calendar date without time zone (all dates in the domain are Beijing local dates).
struct CivilDate {
    int year = 0;
    int month = 0;
    int day = 0;

    bool isValid() const;
    // Days since 1970-01-01 (proleptic Gregorian); differences give day counts.
    int64_t dayNumber() const;
    std::string toString() const; // YYYY-MM-DD

    static std::optional<CivilDate> parse(std::string_view text); // strict YYYY-MM-DD
    static CivilDate today();                                     // local date of this machine

    friend auto operator<=>(const CivilDate &, const CivilDate &) = default;
};

// Completed years of life on `on` (a person born on 29 Feb turns a year older on 1 Mar in common years).
int ageOn(const CivilDate &birth, const CivilDate &on);

// Same day `months` later, clamped to the end of a shorter month (2024-08-31 + 6 months = 2025-02-28).
CivilDate addMonths(const CivilDate &date, int months);

// Completed calendar months from `from` to `to` (2024-03-15 -> 2024-09-01 is 5; -> 2024-09-15 is 6).
int completedMonths(const CivilDate &from, const CivilDate &to);

} // namespace ruhu::domain
