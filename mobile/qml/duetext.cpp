#include "duetext.h"

#include <ruhu/domain/working_calendar.h>

#include <QCoreApplication>

QString relativeDueText(const ruhu::domain::CivilDate &today, const ruhu::domain::CivilDate &due,
                        const ruhu::domain::WorkingCalendar &calendar) {
    const QString date = QCoreApplication::translate("DueText", "%1月%2日").arg(due.month).arg(due.day);
    const auto distance = calendar.dueDistance(today, due);
    if (!distance)
        return QCoreApplication::translate("DueText", "期限%1").arg(date);
    if (distance->overdue) {
        return distance->workingDays > 0 ? QCoreApplication::translate("DueText", "已逾期%1个工作日（%2）")
                                               .arg(distance->workingDays)
                                               .arg(date)
                                         : QCoreApplication::translate("DueText", "已逾期（%1）").arg(date);
    }
    return distance->workingDays > 0 ? QCoreApplication::translate("DueText", "还剩%1个工作日（%2）")
                                           .arg(distance->workingDays)
                                           .arg(date)
                                     : QCoreApplication::translate("DueText", "今天到期（%1）").arg(date);
}
