#pragma once

#include <QAbstractListModel>
#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

#include <cstddef>
#include <utility>
#include <variant>
#include <vector>

// One role of a list whose rows are plain structs: the name QML knows it by and the field it shows.
template <class Item> struct ItemRole {
    int role;
    const char *name;
    std::variant<QString Item::*, int Item::*> field;
};

// A list model whose rows are replaced wholesale on reload, with a `count` property QML can bind to.
class CountedListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    using QAbstractListModel::QAbstractListModel;

    int count() const { return rowCount(); }

Q_SIGNALS:
    void countChanged();

protected:
    // Swaps in the new rows with one model reset; countChanged only when the number of rows changed.
    template <class Item> void replaceItems(std::vector<Item> &items, std::vector<Item> &&fresh) {
        const int oldCount = rowCount();
        beginResetModel();
        items = std::move(fresh);
        endResetModel();
        if (oldCount != rowCount())
            Q_EMIT countChanged();
    }

    // rowCount() of a flat list of these items.
    template <class Item> static int rowsOf(const std::vector<Item> &items, const QModelIndex &parent) {
        return parent.isValid() ? 0 : static_cast<int>(items.size());
    }

    // data() from a role table: the field of the row's item that `role` shows, or nothing for an index
    // that is not a row of this list or a role not in the table.
    template <class Item, std::size_t N>
    QVariant itemData(const std::vector<Item> &items, const QModelIndex &index, int role,
                      const ItemRole<Item> (&roles)[N]) const {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const auto &item = items[static_cast<std::size_t>(index.row())];
        for (const auto &r : roles) {
            if (r.role == role)
                return std::visit([&item](auto field) { return QVariant(item.*field); }, r.field);
        }
        return {};
    }

    // roleNames() from a role table.
    template <class Item, std::size_t N>
    static QHash<int, QByteArray> roleNamesOf(const ItemRole<Item> (&roles)[N]) {
        QHash<int, QByteArray> names;
        names.reserve(N);
        for (const auto &r : roles)
            names.insert(r.role, r.name);
        return names;
    }
};
