#pragma once

#include <QAbstractListModel>
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

// The edits the server rejected, with the reason, so the cadre can correct and re-enter them.
class RejectedListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by SyncStatus")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles { MutationIdRole = Qt::UserRole + 1, KindLabelRole, TitleRole, MessageRole };
    Q_ENUM(Roles)

    explicit RejectedListModel(QObject *parent = nullptr);

    void reload(const ruhu::DeviceReplica *replica);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    std::vector<RejectedEdit> m_items;
};
