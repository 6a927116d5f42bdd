#pragma once

#include "photoprocessor.h"

#include <ruhu/result.h>
#include <ruhu/sync/record.h>

#include <QDateTime>
#include <QString>

#include <boost/json/object.hpp>

#include <vector>

namespace ruhu {
class DeviceReplica;
class MediaStore;
} // namespace ruhu

// Who, what and where for a photo being saved.
struct PhotoContext {
    QString householdId;
    QString memberId;  // empty for a photo of the household (e.g. 住房)
    QString photoKind; // 住房 / 证件 / 签字 / 手印 / 其他
    QString note;
    QString author;          // the signed-in cadre
    QDateTime takenAt;       // stored as ISO 8601 with +08:00
    boost::json::object gps; // {"status":"unavailable"} or {"status":"ok","lat":..,"lon":..,"accuracyM":..}
};

struct SavedPhoto {
    QString photoId;
    QString sha256;
};

// Saves processed photos: the JPEG into the encrypted media store (queued for upload) and a "photo"
// record through the replica (synced first; the blob follows). Reads a household's photos back.
class PhotoLibrary {
public:
    PhotoLibrary(ruhu::DeviceReplica &replica, ruhu::MediaStore &media);

    ruhu::Result<SavedPhoto> save(const ProcessedPhoto &photo, const PhotoContext &context);
    // Live photo records of a household, oldest first.
    std::vector<ruhu::Record> photosOf(const QString &householdId) const;

    static QString isoBeijingTime(const QDateTime &time);

    ruhu::DeviceReplica &replica() { return m_replica; }
    ruhu::MediaStore &media() { return m_media; }

private:
    ruhu::DeviceReplica &m_replica;
    ruhu::MediaStore &m_media;
};
