#pragma once

#include "countedlistmodel.h"
#include "photostore.h"

#include <QPointer>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <vector>

// The photos of one household for the gallery strip: kind, time, size and the thumbnail source. Reloads
// whenever the local store changes (a new photo, an applied pull).
class PhotoListModel : public CountedListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(PhotoStore *photos READ photos WRITE setPhotos NOTIFY photosChanged)
    Q_PROPERTY(QString householdId READ householdId WRITE setHouseholdId NOTIFY householdIdChanged)
public:
    enum Roles {
        PhotoIdRole = Qt::UserRole + 1,
        Sha256Role,
        PhotoKindRole,
        TakenAtRole,
        WidthRole,
        HeightRole,
        AuthorRole,
        ThumbnailRole,
        SourceRole,
    };
    Q_ENUM(Roles)

    explicit PhotoListModel(QObject *parent = nullptr);

    PhotoStore *photos() const { return m_photos; }
    void setPhotos(PhotoStore *photos);
    QString householdId() const { return m_householdId; }
    void setHouseholdId(const QString &id);

    Q_INVOKABLE void reload();
    // The row's values by role name (for the viewer), or an empty map for a bad row.
    Q_INVOKABLE QVariantMap get(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void householdIdChanged();
    void photosChanged();

private:
    struct Item {
        QString photoId, sha256, photoKind, takenAt, author;
        int width = 0, height = 0;
    };
    QPointer<PhotoStore> m_photos;
    QString m_householdId;
    std::vector<Item> m_items;
};
