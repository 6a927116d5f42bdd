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

int RejectedListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant RejectedListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &item = m_items[static_cast<size_t>(index.row())];
    switch (role) {
    case MutationIdRole:
        return item.mutationId;
    case KindLabelRole:
        return item.kindLabel;
    case Qt::DisplayRole:
    case TitleRole:
        return item.title;
    case MessageRole:
        return item.message;
    default:
        return {};
    }
}

QHash<int, QByteArray> RejectedListModel::roleNames() const {
    return {{MutationIdRole, "mutationId"},
            {KindLabelRole, "kindLabel"},
            {TitleRole, "title"},
            {MessageRole, "message"}};
}
