#pragma once

#include <ruhu/domain/civil_date.h>

#include <cstdint>
#include <string>

namespace ruhu::domain {

// "2024-09-05T10:21:00+08:00" for a Unix time in ms: every time the system writes for people (letters,
// receipts, photos, visits) is Beijing time, whatever the machine's zone.
std::string beijingTime(int64_t unixMs);

// The Beijing calendar date of a Unix time in ms (the date an assessment is made on).
CivilDate beijingDate(int64_t unixMs);

} // namespace ruhu::domain
