#include "syncoutcomelistmodel.h"

#include "areanames.h"
#include "qtjson.h"
#include "reloadingproperty.h"

#include <ruhu/model/schema.h>
#include <ruhu/store/device_replica.h>

SyncOutcomeListModel::SyncOutcomeListModel(QObject *parent)
    : StoreListModel(parent) {}

void SyncOutcomeListModel::setLimit(int limit) {
    setAndReload(this, m_limit, limit, &SyncOutcomeListModel::limitChanged, &SyncOutcomeListModel::reload);
}

void SyncOutcomeListModel::reload() {
    std::vector<SyncOutcome> items;
    if (const auto *replica = m_store ? m_store->replica() : nullptr) {
        const auto names = areaNames(*replica);
        for (const auto &o : replica->editOutcomes(m_limit)) {
            SyncOutcome item;
            item.mutationId = qtjson::str(o.mutationId);
            item.outcome = qtjson::str(o.outcome);
            const auto *kind = ruhu::findRecordKind(o.kind);
            item.kindLabel = kind ? qtjson::str(kind->label) : qtjson::str(o.kind);
            item.householdId = qtjson::str(o.householdId);
            item.headName = qtjson::str(o.headName);
            if (auto summary = replica->householdSummary(o.householdId)) {
                item.regionCode = qtjson::str(summary->regionCode);
                item.villageName = names.value(item.regionCode);
            }
            item.message = qtjson::plainMessage(o.message);
            if (o.outcome == "rejected") {
                item.outcomeLabel = tr("未被接受");
                item.advice = tr("请打开该户，按原因核对后重新填写并保存");
                if (item.message.isEmpty())
                    item.message = tr("服务器未说明原因（%1）").arg(qtjson::str(o.code));
            } else if (o.outcome == "queued") {
                item.outcomeLabel = tr("待乡镇审核");
                item.advice = tr("无需重复修改，审核结果会在同步后显示");
            } else {
                item.outcomeLabel = tr("已合并");
                item.advice = tr("部分字段以更新的修改为准，请打开该户核对");
            }
            items.push_back(std::move(item));
        }
    }
    replaceItems(m_items, std::move(items));
}

namespace {
const ItemRole<SyncOutcome> kRoles[] = {
    {SyncOutcomeListModel::MutationIdRole, "mutationId", &SyncOutcome::mutationId},
    {SyncOutcomeListModel::OutcomeRole, "outcome", &SyncOutcome::outcome},
    {SyncOutcomeListModel::OutcomeLabelRole, "outcomeLabel", &SyncOutcome::outcomeLabel},
    {SyncOutcomeListModel::KindLabelRole, "kindLabel", &SyncOutcome::kindLabel},
    {SyncOutcomeListModel::HouseholdIdRole, "householdId", &SyncOutcome::householdId},
    {SyncOutcomeListModel::RegionCodeRole, "regionCode", &SyncOutcome::regionCode},
    {SyncOutcomeListModel::VillageNameRole, "villageName", &SyncOutcome::villageName},
    {SyncOutcomeListModel::HeadNameRole, "headName", &SyncOutcome::headName},
    {SyncOutcomeListModel::MessageRole, "message", &SyncOutcome::message},
    {SyncOutcomeListModel::AdviceRole, "advice", &SyncOutcome::advice},
};
} // namespace

int SyncOutcomeListModel::rowCount(const QModelIndex &parent) const {
    return rowsOf(m_items, parent);
}

QVariant SyncOutcomeListModel::data(const QModelIndex &index, int role) const {
    return itemData(m_items, index, role == Qt::DisplayRole ? HeadNameRole : role, kRoles);
}

QHash<int, QByteArray> SyncOutcomeListModel::roleNames() const {
    return roleNamesOf(kRoles);
}
