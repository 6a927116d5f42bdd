#include "photolibrary.h"

#include <ruhu/domain/beijing_time.h>
#include <ruhu/model/record_ids.h>
#include <ruhu/store/device_replica.h>
#include <ruhu/store/media_store.h>

#include <QCoreApplication>
#include <QTimeZone>

#include <algorithm>

namespace {

std::string fieldText(const ruhu::Record &r, const char *name) {
    auto it = r.fields.find(name);
    return it != r.fields.end() && it->value().is_string() ? std::string(it->value().get_string())
                                                           : std::string();
}

} // namespace

PhotoLibrary::PhotoLibrary(ruhu::DeviceReplica &replica, ruhu::MediaStore &media)
    : m_replica(replica)
    , m_media(media) {}

QString PhotoLibrary::isoBeijingTime(const QDateTime &time) {
    return QString::fromStdString(ruhu::domain::beijingTime(time.toMSecsSinceEpoch()));
}

ruhu::Result<SavedPhoto> PhotoLibrary::save(const ProcessedPhoto &photo, const PhotoContext &context) {
    const auto household = m_replica.record("household", context.householdId.toStdString());
    if (!household || household->deleted)
        return ruhu::Error{
            "unknown_household",
            QCoreApplication::translate("PhotoLibrary", "请先保存这户的基本信息，再拍照").toStdString(),
            "householdId"};
    auto sha = m_media.put(std::string_view(photo.jpeg.constData(), size_t(photo.jpeg.size())), "image/jpeg");
    if (!sha)
        return sha.error();

    boost::json::object fields{
        {"householdId", context.householdId.toStdString()},
        {"photoKind", context.photoKind.toStdString()},
        {"sha256", *sha},
        {"bytes", photo.jpeg.size()},
        {"width", photo.width},
        {"height", photo.height},
        {"mime", "image/jpeg"},
        {"takenAt", isoBeijingTime(context.takenAt.isValid() ? context.takenAt : QDateTime::currentDateTime())
                        .toStdString()},
        {"gps", context.gps.empty() ? boost::json::object{{"status", "unavailable"}} : context.gps},
        {"author", context.author.toStdString()},
    };
    if (!context.memberId.isEmpty())
        fields["memberId"] = context.memberId.toStdString();
    if (!context.note.isEmpty())
        fields["note"] = context.note.toStdString();

    const std::string photoId = ruhu::DeviceReplica::newId(ruhu::idPrefixFor("photo"));
    auto record = m_replica.edit("photo", photoId, household->id, household->regionCode, fields);
    if (!record)
        return record.error();
    return SavedPhoto{QString::fromStdString(photoId), QString::fromStdString(*sha)};
}

std::vector<ruhu::Record> PhotoLibrary::photosOf(const QString &householdId) const {
    auto photos = m_replica.householdRecords("photo", householdId.toStdString());
    std::stable_sort(photos.begin(), photos.end(), [](const ruhu::Record &a, const ruhu::Record &b) {
        return fieldText(a, "takenAt") < fieldText(b, "takenAt");
    });
    return photos;
}
