#pragma once

#include "countedlistmodel.h"

#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace ruhu {
class DeviceReplica;
}

// One edit the server refused, as the sync page lists it.
struct RejectedEdit {
    QString mutationId;
    QString kindLabel; // "户" / "家庭成员"
    QString title;     // the household head's or member's name, when the record is known
    QString message;   // the server's reason, in Chinese
};

// Edits the server did not simply apply, with its reason: either rejected (to correct and re-enter) or
// queued for a township reviewer (a real clash on an eligibility field; the result comes back by sync).
class RejectedListModel : public CountedListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by SyncStatus")
public:
    enum Roles { MutationIdRole = Qt::UserRole + 1, KindLabelRole, TitleRole, MessageRole };
    Q_ENUM(Roles)

    enum class Source { Rejected, QueuedForReview };

    explicit RejectedListModel(Source source = Source::Rejected, QObject *parent = nullptr);

    void reload(const ruhu::DeviceReplica *replica);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    Source m_source;
    std::vector<RejectedEdit> m_items;
};
