#include "rejectedlistmodel.h"

#include "qtjson.h"

#include <ruhu/model/schema.h>
#include <ruhu/store/device_replica.h>

RejectedListModel::RejectedListModel(Source source, QObject *parent)
    : CountedListModel(parent)
    , m_source(source) {}

void RejectedListModel::reload(const ruhu::DeviceReplica *replica) {
    std::vector<RejectedEdit> items;
    if (replica) {
        auto outcomes = m_source == Source::Rejected ? replica->rejected() : replica->queuedForReview();
        for (const auto &r : outcomes) {
            RejectedEdit item;
            item.mutationId = qtjson::str(r.mutationId);
            const auto *kind = ruhu::findRecordKind(r.kind);
            item.kindLabel = kind ? qtjson::str(kind->label) : qtjson::str(r.kind);
            if (auto record = replica->record(r.kind, r.recordId))
                item.title = qtjson::text(record->fields, r.kind == "household" ? "headName" : "name");
            item.message = qtjson::plainMessage(r.message);
            if (item.message.isEmpty())
                item.message = tr("服务器未说明原因（%1）").arg(qtjson::str(r.code));
            items.push_back(std::move(item));
        }
    }
    replaceItems(m_items, std::move(items));
}

namespace {
const ItemRole<RejectedEdit> kRoles[] = {
    {RejectedListModel::MutationIdRole, "mutationId", &RejectedEdit::mutationId},
    {RejectedListModel::KindLabelRole, "kindLabel", &RejectedEdit::kindLabel},
    {RejectedListModel::TitleRole, "title", &RejectedEdit::title},
    {RejectedListModel::MessageRole, "message", &RejectedEdit::message},
};
} // namespace

int RejectedListModel::rowCount(const QModelIndex &parent) const {
    return rowsOf(m_items, parent);
}

QVariant RejectedListModel::data(const QModelIndex &index, int role) const {
    return itemData(m_items, index, role == Qt::DisplayRole ? TitleRole : role, kRoles);
}

QHash<int, QByteArray> RejectedListModel::roleNames() const {
    return roleNamesOf(kRoles);
}
