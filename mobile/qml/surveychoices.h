#pragma once

#include <QString>
#include <QStringList>

// The survey's value lists of fields inside Json groups ("housing.structure", "benefits.dibao", vehicle
// "use") and of list-answered text fields ("schooling"), from ruhu::domain::surveyChoices. Top-level enums
// come from the declared record kinds instead (Schema.enumValues).
QStringList surveyChoices(const QString &kind, const QString &path);

// 致贫/返贫风险 labels (monitoring-domain.md §3.2); up to five per household.
QStringList riskTypeLabels();
