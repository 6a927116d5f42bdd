#pragma once

#include "storelistmodel.h"

#include <QString>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <boost/json/object.hpp>

#include <vector>

// The live records of one kind that belong to a household (帮扶措施, 走访记录), newest first, reloaded
// whenever the store changes. Subclasses name the kind and turn a record's fields into role values.
class HouseholdRecordListModel : public StoreListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(QString householdId READ householdId WRITE setHouseholdId NOTIFY householdIdChanged)
public:
    using StoreListModel::StoreListModel;

    QString householdId() const { return m_householdId; }
    void setHouseholdId(const QString &id);

    // The row of a record id, or -1.
    Q_INVOKABLE int indexOf(const QString &recordId) const;
    Q_INVOKABLE QString recordIdAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    void reload() override;

Q_SIGNALS:
    void householdIdChanged();

protected:
    struct Row {
        QString id;
        QString sortKey;    // descending
        QVariantMap values; // by role
    };
    virtual const char *kind() const = 0;
    virtual Row makeRow(const QString &id, const boost::json::object &fields) const = 0;
    static constexpr int IdRole = Qt::UserRole + 1;

private:
    QString m_householdId;
    std::vector<Row> m_rows;
};
