#include "caselistmodel.h"

#include "areanames.h"
#include "duetext.h"
#include "householdassessment.h"
#include "qtjson.h"
#include "reloadingproperty.h"

#include <ruhu/domain/case_procedure.h>
#include <ruhu/domain/workflow.h>
#include <ruhu/domain/working_calendar.h>
#include <ruhu/store/device_replica.h>

#include <QCoreApplication>

#include <algorithm>

CaseListModel::CaseListModel(QObject *parent)
    : StoreListModel(parent) {}

void CaseListModel::setToday(const QString &date) {
    setAndReload(this, m_today, date, &CaseListModel::todayChanged, &CaseListModel::reload);
}

namespace {

// The village's own next step from this state (the table lists the case's main step before 撤回).
QString nextVillageStep(std::string_view state) {
    const auto next = ruhu::workflow::allowedNextStates(state, "village");
    if (next.empty())
        return {};
    const auto *t = ruhu::workflow::findTransition(state, next.front());
    return t ? QCoreApplication::translate("CaseListModel", "下一步：%1")
                   .arg(qtjson::str(std::string(t->label)))
             : QString();
}

} // namespace

void CaseListModel::reload() {
    std::vector<CaseRow> items;
    if (const auto *replica = m_store ? m_store->replica() : nullptr) {
        const auto today = ruhu::domain::CivilDate::parse(qtjson::toStd(isoDateOr(m_today)));
        ruhu::cases::ProcedureContext ctx;
        ctx.today = today.value_or(ruhu::domain::CivilDate::today());
        ctx.calendar = &ruhu::domain::WorkingCalendar::builtin();
        ctx.config = assessment::ruleConfig(replica);
        const auto names = areaNames(*replica);
        for (const auto &record : replica->recordsOfKind("workflowCase")) {
            const auto stateValue = record.fields.if_contains("state");
            const std::string state =
                stateValue && stateValue->is_string() ? std::string(stateValue->get_string()) : "";
            if (!ruhu::workflow::isOpenState(state) || ruhu::workflow::nextTier(state) != "village")
                continue;
            CaseRow row;
            row.caseId = qtjson::str(record.id);
            row.householdId = qtjson::str(record.householdId);
            row.regionCode = qtjson::str(record.regionCode);
            row.villageName = names.value(row.regionCode);
            if (auto summary = replica->householdSummary(record.householdId))
                row.headName = qtjson::str(summary->headName);
            row.state = qtjson::str(state);
            row.stateLabel = qtjson::str(std::string(ruhu::workflow::stateLabel(state)));
            const auto attention = ruhu::cases::caseAttention(state, record.fields, ctx);
            if (!attention.empty()) {
                const auto &first = attention.front();
                row.what = qtjson::str(first.message);
                row.overdue = first.overdue ? 1 : 0;
                // A returned case is due now (its `due` is today): the reason says what to do, not a date.
                if (first.due && first.code != "returned") {
                    row.dueDate = qtjson::str(first.due->toString());
                    row.dueText = relativeDueText(ctx.today, *first.due, *ctx.calendar);
                }
            } else {
                row.what = nextVillageStep(state);
            }
            items.push_back(std::move(row));
        }
        std::stable_sort(items.begin(), items.end(), [](const CaseRow &a, const CaseRow &b) {
            if (a.overdue != b.overdue)
                return a.overdue > b.overdue;
            if (a.dueDate.isEmpty() != b.dueDate.isEmpty())
                return b.dueDate.isEmpty();
            if (a.dueDate != b.dueDate)
                return a.dueDate < b.dueDate;
            return a.headName < b.headName;
        });
    }
    replaceItems(m_items, std::move(items));
}

namespace {
const ItemRole<CaseRow> kRoles[] = {
    {CaseListModel::CaseIdRole, "caseId", &CaseRow::caseId},
    {CaseListModel::HouseholdIdRole, "householdId", &CaseRow::householdId},
    {CaseListModel::RegionCodeRole, "regionCode", &CaseRow::regionCode},
    {CaseListModel::VillageNameRole, "villageName", &CaseRow::villageName},
    {CaseListModel::HeadNameRole, "headName", &CaseRow::headName},
    {CaseListModel::StateRole, "state", &CaseRow::state},
    {CaseListModel::StateLabelRole, "stateLabel", &CaseRow::stateLabel},
    {CaseListModel::WhatRole, "what", &CaseRow::what},
    {CaseListModel::DueTextRole, "dueText", &CaseRow::dueText},
    {CaseListModel::DueDateRole, "dueDate", &CaseRow::dueDate},
    {CaseListModel::OverdueRole, "overdue", &CaseRow::overdue},
};
} // namespace

int CaseListModel::rowCount(const QModelIndex &parent) const {
    return rowsOf(m_items, parent);
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const {
    return itemData(m_items, index, role == Qt::DisplayRole ? HeadNameRole : role, kRoles);
}

QHash<int, QByteArray> CaseListModel::roleNames() const {
    return roleNamesOf(kRoles);
}
