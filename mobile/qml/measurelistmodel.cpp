#include "measurelistmodel.h"

#include "qtjson.h"

#include <ruhu/domain/money.h>

QHash<int, QByteArray> MeasureListModel::roleNames() const {
    return {{MeasureIdRole, "measureId"},
            {CategoryRole, "category"},
            {ItemRole, "item"},
            {StatusRole, "status"},
            {StartDateRole, "startDate"},
            {AmountRole, "amountText"},
            {DevelopmentalRole, "developmental"}};
}

HouseholdRecordListModel::Row MeasureListModel::makeRow(const QString &id,
                                                        const boost::json::object &f) const {
    const auto *amount = f.if_contains("amount");
    const auto *developmental = f.if_contains("developmental");
    const QString startDate = qtjson::text(f, "startDate");
    return Row{id,
               startDate,
               {{QStringLiteral("category"), qtjson::text(f, "category")},
                {QStringLiteral("item"), qtjson::text(f, "item")},
                {QStringLiteral("status"), qtjson::text(f, "status")},
                {QStringLiteral("startDate"), startDate},
                {QStringLiteral("amountText"),
                 amount && amount->is_int64() ? qtjson::str(ruhu::domain::formatYuan(amount->get_int64()))
                                              : QString()},
                {QStringLiteral("developmental"),
                 developmental && developmental->is_bool() && developmental->get_bool()}}};
}
