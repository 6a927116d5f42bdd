#pragma once

#include "storelistmodel.h"

#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

struct SyncOutcome {
    QString mutationId;
    QString outcome; // "merged" | "queued" | "rejected"
    QString outcomeLabel;
    QString kindLabel;
    QString householdId;
    QString regionCode;
    QString villageName;
    QString headName;
    QString message; // the server's words
    QString advice;  // what the cadre should do now
};

// The Today page's "what the server did with my edits": merged, queued for township review or
// rejected, newest first, each with what to do and the household to open.
class SyncOutcomeListModel : public StoreListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)
public:
    enum Roles {
        MutationIdRole = Qt::UserRole + 1,
        OutcomeRole,
        OutcomeLabelRole,
        KindLabelRole,
        HouseholdIdRole,
        RegionCodeRole,
        VillageNameRole,
        HeadNameRole,
        MessageRole,
        AdviceRole
    };
    Q_ENUM(Roles)

    explicit SyncOutcomeListModel(QObject *parent = nullptr);

    int limit() const { return m_limit; }
    void setLimit(int limit);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reload() override;

Q_SIGNALS:
    void limitChanged();

private:
    int m_limit = 30;
    std::vector<SyncOutcome> m_items;
};
