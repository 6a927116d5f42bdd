#include "photolistmodel.h"

#include "localstore.h"
#include "photolibrary.h"
#include "photostore.h"
#include "qtjson.h"
#include "reloadingproperty.h"

PhotoListModel::PhotoListModel(QObject *parent)
    : CountedListModel(parent) {}

void PhotoListModel::setPhotos(PhotoStore *photos) {
    if (m_photos == photos)
        return;
    if (m_photos)
        disconnect(&m_photos->localStore(), nullptr, this, nullptr);
    m_photos = photos;
    if (m_photos)
        connect(&m_photos->localStore(), &LocalStore::changed, this, &PhotoListModel::reload);
    Q_EMIT photosChanged();
    reload();
}

void PhotoListModel::setHouseholdId(const QString &id) {
    setAndReload(this, m_householdId, id, &PhotoListModel::householdIdChanged, &PhotoListModel::reload);
}

void PhotoListModel::reload() {
    std::vector<Item> fresh;
    if (m_photos && !m_householdId.isEmpty()) {
        for (const auto &r : m_photos->library().photosOf(m_householdId)) {
            Item item;
            item.photoId = qtjson::str(r.id);
            item.sha256 = qtjson::text(r.fields, "sha256");
            item.photoKind = qtjson::text(r.fields, "photoKind");
            item.takenAt = qtjson::text(r.fields, "takenAt");
            item.author = qtjson::text(r.fields, "author");
            item.width = qtjson::text(r.fields, "width").toInt();
            item.height = qtjson::text(r.fields, "height").toInt();
            fresh.push_back(std::move(item));
        }
    }
    replaceItems(m_items, std::move(fresh));
}

QVariantMap PhotoListModel::get(int row) const {
    QVariantMap map;
    if (row < 0 || row >= rowCount())
        return map;
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}

int PhotoListModel::rowCount(const QModelIndex &parent) const {
    return rowsOf(m_items, parent);
}

QVariant PhotoListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Item &item = m_items[size_t(index.row())];
    switch (role) {
    case PhotoIdRole:
        return item.photoId;
    case Sha256Role:
        return item.sha256;
    case PhotoKindRole:
        return item.photoKind;
    case TakenAtRole:
        return item.takenAt;
    case WidthRole:
        return item.width;
    case HeightRole:
        return item.height;
    case AuthorRole:
        return item.author;
    case ThumbnailRole:
        return QUrl(QStringLiteral("image://photos/thumb/") + item.sha256);
    case SourceRole:
        return QUrl(QStringLiteral("image://photos/full/") + item.sha256);
    default:
        return {};
    }
}

QHash<int, QByteArray> PhotoListModel::roleNames() const {
    return {{PhotoIdRole, "photoId"}, {Sha256Role, "sha256"},       {PhotoKindRole, "photoKind"},
            {TakenAtRole, "takenAt"}, {WidthRole, "width"},         {HeightRole, "height"},
            {AuthorRole, "author"},   {ThumbnailRole, "thumbnail"}, {SourceRole, "source"}};
}
