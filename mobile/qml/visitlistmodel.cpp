#include "visitlistmodel.h"

#include "qtjson.h"

#include <ruhu/domain/household_records.h>

#include <QStringList>

QHash<int, QByteArray> VisitListModel::roleNames() const {
    return {{VisitIdRole, "visitId"},
            {TypeRole, "type"},
            {DateRole, "date"},
            {VisitorsRole, "visitorsText"},
            {NotesRole, "notes"}};
}

HouseholdRecordListModel::Row VisitListModel::makeRow(const QString &id, const boost::json::object &f) const {
    QStringList visitors;
    if (const auto *list = f.if_contains("visitors"); list && list->is_array())
        for (const auto &v : list->get_array())
            if (v.is_object() && !ruhu::domain::isTombstone(v))
                visitors << qtjson::text(v.get_object(), "name");
    QString notes;
    if (const auto *findings = f.if_contains("findings"); findings && findings->is_object())
        notes = qtjson::text(findings->get_object(), "notes");
    const QString date = qtjson::text(f, "startedAt").left(10);
    return Row{id,
               qtjson::text(f, "startedAt"),
               {{QStringLiteral("type"), qtjson::text(f, "type")},
                {QStringLiteral("date"), date},
                {QStringLiteral("visitorsText"), visitors.join(QStringLiteral("、"))},
                {QStringLiteral("notes"), notes}}};
}
