#pragma once

#include <QString>
#include <QStringList>

// The allowed values of fields inside Json groups ("housing.structure", "benefits.dibao", vehicle "use"),
// exactly as the domain's strict reader accepts them (shared/src/domain/*_json.cpp, docs/data-model.md).
// Top-level enums come from the declared record kinds instead (Schema.enumValues).
QStringList surveyChoices(const QString &kind, const QString &path);

// 致贫/返贫风险 labels (monitoring-domain.md §3.2); up to five per household.
QStringList riskTypeLabels();
