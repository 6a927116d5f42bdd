#pragma once

#include "surveyrecord.h"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

// The plausibility warnings of one member record (ruhu::domain::memberPlausibilityWarnings) for the member
// page: ages against 劳动技能 and 在校生状况 with the rule configuration's age bands, on today's date.
class MemberChecks : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    explicit MemberChecks(QObject *parent = nullptr);

    // `on` as YYYY-MM-DD (tests pin it); empty for today.
    Q_INVOKABLE QStringList warnings(SurveyRecord *member, const QString &on = {}) const;
};
