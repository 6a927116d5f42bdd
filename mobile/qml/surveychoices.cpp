#include "surveychoices.h"

#include <QHash>

QStringList surveyChoices(const QString &kind, const QString &path) {
    static const QHash<QString, QStringList> table{
        {QStringLiteral("household:housing.structure"),
         {QStringLiteral("砖混"), QStringLiteral("砖木"), QStringLiteral("土坯"), QStringLiteral("木"),
          QStringLiteral("其他")}},
        {QStringLiteral("household:housing.safetyGrade"),
         {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")}},
        {QStringLiteral("household:utilities.roadType"),
         {QStringLiteral("硬化"), QStringLiteral("砂石"), QStringLiteral("泥土")}},
        {QStringLiteral("household:utilities.fuel"),
         {QStringLiteral("柴草"), QStringLiteral("煤"), QStringLiteral("电"), QStringLiteral("气")}},
        {QStringLiteral("household:vehicles.use"), {QStringLiteral("消费"), QStringLiteral("生产运输")}},
        {QStringLiteral("household:vehicles.type"),
         {QStringLiteral("轿车"), QStringLiteral("摩托"), QStringLiteral("农用车"), QStringLiteral("货车")}},
        {QStringLiteral("household:vehicles.source"), {QStringLiteral("自报"), QStringLiteral("公安比对")}},
        {QStringLiteral("member:benefits.dibao"),
         {QStringLiteral("未享受"), QStringLiteral("农村低保"), QStringLiteral("城市低保")}},
        {QStringLiteral("member:benefits.tekun"),
         {QStringLiteral("未享受"), QStringLiteral("农村特困"), QStringLiteral("城市特困")}},
        {QStringLiteral("member:benefits.tekunMode"),
         {QStringLiteral("分散供养"), QStringLiteral("集中供养")}},
        {QStringLiteral("visit:findings.incomeChange"),
         {QStringLiteral("上升"), QStringLiteral("持平"), QStringLiteral("下降")}},
    };
    return table.value(kind + QLatin1Char(':') + path);
}

QStringList riskTypeLabels() {
    return {QStringLiteral("因病"),           QStringLiteral("因学"),       QStringLiteral("因残"),
            QStringLiteral("因自然灾害"),     QStringLiteral("因意外事故"), QStringLiteral("因产业项目失败"),
            QStringLiteral("因务工就业不稳"), QStringLiteral("缺劳动力"),   QStringLiteral("因安全住房"),
            QStringLiteral("因安全饮水"),     QStringLiteral("其他")};
}
