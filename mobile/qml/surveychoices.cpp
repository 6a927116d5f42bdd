#include "surveychoices.h"

#include "qtjson.h"

#include <ruhu/domain/survey_choices.h>

QStringList surveyChoices(const QString &kind, const QString &path) {
    QStringList values;
    for (const auto &v : ruhu::domain::surveyChoices(qtjson::toStd(kind), qtjson::toStd(path)))
        values << qtjson::str(v);
    return values;
}

QStringList riskTypeLabels() {
    return {QStringLiteral("因病"),           QStringLiteral("因学"),       QStringLiteral("因残"),
            QStringLiteral("因自然灾害"),     QStringLiteral("因意外事故"), QStringLiteral("因产业项目失败"),
            QStringLiteral("因务工就业不稳"), QStringLiteral("缺劳动力"),   QStringLiteral("因安全住房"),
            QStringLiteral("因安全饮水"),     QStringLiteral("其他")};
}
