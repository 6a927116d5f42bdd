#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <utility>
#include <vector>

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
};
