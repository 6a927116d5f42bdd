#pragma once

#include <QString>

namespace ruhu::domain {
struct CivilDate;
class WorkingCalendar;
} // namespace ruhu::domain

// A deadline as the cadre reads it: "还剩2个工作日（12月9日）", "今天到期（12月9日）",
// "已逾期1个工作日（12月4日）" (working days from WorkingCalendar::dueDistance); only the date when the
// calendar lacks the year.
QString relativeDueText(const ruhu::domain::CivilDate &today, const ruhu::domain::CivilDate &due,
                        const ruhu::domain::WorkingCalendar &calendar);
