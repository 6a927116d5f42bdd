#include "scriptedentry.h"

#include "localstore.h"
#include "surveyrecord.h"

#include <QTimer>

#include <cstdio>
#include <vector>

namespace {

struct Step {
    const char *path;
    const char *type;
};

// Each path once, so a value the test saw committed can only be the stored one.
const std::vector<Step> &script() {
    static const std::vector<Step> steps{
        {"land.farmlandMu", "real"},      {"housing.areaM2", "real"},
        {"land.forestMu", "real"},        {"noIndustryEmploymentReason", "text"},
        {"land.orchardMu", "real"},       {"housing.structure", "text"},
        {"land.pastureMu", "real"},       {"industryFailureReason", "text"},
        {"land.grainForGreenMu", "real"}, {"land.waterSurfaceMu", "real"},
        {"housing.safetyGrade", "text"},  {"group", "text"},
    };
    return steps;
}

QString valueFor(const Step &step, int index) {
    const QString type = QLatin1String(step.type);
    if (type == QLatin1String("real"))
        return QString::number(index + 1) + QStringLiteral(".5");
    if (QLatin1String(step.path) == QLatin1String("housing.structure"))
        return QStringLiteral("砖木");
    if (QLatin1String(step.path) == QLatin1String("housing.safetyGrade"))
        return QStringLiteral("B");
    return QStringLiteral("第%1项 录入测试").arg(index + 1);
}

void print(const char *tag, const QString &path, const QString &text) {
    std::printf("%s %s\t%s\n", tag, qPrintable(path), text.toUtf8().constData());
    std::fflush(stdout);
}

} // namespace

ScriptedEntry::ScriptedEntry(LocalStore &store, int count, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_count(std::min<int>(count, int(script().size()))) {}

void ScriptedEntry::start() {
    QTimer::singleShot(40, this, &ScriptedEntry::enterNext);
}

void ScriptedEntry::enterNext() {
    if (m_done >= m_count) {
        print("done", QStringLiteral("-"), QString::number(m_done));
        return;
    }
    const Step &step = script()[size_t(m_done)];
    SurveyRecord record;
    record.setStore(&m_store);
    record.setKind(QStringLiteral("household"));
    record.setRecordId(QLatin1String(kHousehold));
    const QString value = valueFor(step, m_done);
    if (record.commitText(QLatin1String(step.path), value, QLatin1String(step.type)))
        print("committed", QLatin1String(step.path), value);
    else
        print("failed", QLatin1String(step.path), record.error(QLatin1String(step.path)));
    ++m_done;
    QTimer::singleShot(40, this, &ScriptedEntry::enterNext);
}

void ScriptedEntry::report(LocalStore &store) {
    SurveyRecord record;
    record.setStore(&store);
    record.setKind(QStringLiteral("household"));
    record.setRecordId(QLatin1String(kHousehold));
    for (const auto &step : script())
        print("value", QLatin1String(step.path), record.text(QLatin1String(step.path)));
}
