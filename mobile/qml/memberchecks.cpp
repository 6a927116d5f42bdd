#include "memberchecks.h"

#include "householdassessment.h"
#include "qtjson.h"

#include <ruhu/domain/member_plausibility.h>

MemberChecks::MemberChecks(QObject *parent)
    : QObject(parent) {}

QStringList MemberChecks::warnings(SurveyRecord *member, const QString &on) const {
    QStringList out;
    if (!member || !member->store())
        return out;
    const auto *config = assessment::ruleConfig(member->store()->replica());
    if (!config)
        return out;
    auto date = ruhu::domain::CivilDate::parse(qtjson::toStd(on)).value_or(ruhu::domain::CivilDate::today());
    for (const auto &w :
         ruhu::domain::memberPlausibilityWarnings(member->storedFields(), date, config->params))
        out << qtjson::str(w);
    return out;
}
