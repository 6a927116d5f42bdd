// Photo processing and storage on the tablet: EXIF orientation applied, long edge limited, metadata
// stripped, the sha256 naming the exact bytes, the blob sealed at rest, the photo record and upload queue.
#include "demoseed.h"
#include "exifjpeg.h"
#include "photolibrary.h"
#include "photoprocessor.h"

#include <ruhu/domain/rule_config.h>
#include <ruhu/store/device_replica.h>
#include <ruhu/store/media_store.h>

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr auto kVillage = "429005103201";

bool isReddish(QRgb c) {
    return qRed(c) > 150 && qBlue(c) < 120;
}
bool isBluish(QRgb c) {
    return qBlue(c) > 150 && qRed(c) < 120;
}

QImage decoded(const QByteArray &jpeg) {
    return QImage::fromData(jpeg, "JPEG");
}

std::string toStd(const QByteArray &bytes) {
    return std::string(bytes.constData(), size_t(bytes.size()));
}

struct Device {
    QTemporaryDir dir;
    ruhu::DeviceKey key{};
    std::unique_ptr<ruhu::DeviceReplica> replica;
    std::unique_ptr<ruhu::MediaStore> media;

    bool open() {
        auto k = ruhu::loadOrCreateDeviceKey(dir.filePath("device.key").toStdString());
        if (!k)
            return false;
        key = *k;
        auto r = ruhu::DeviceReplica::open(dir.filePath("replica.db").toStdString(), key);
        if (!r)
            return false;
        replica = std::move(*r);
        return reopenMedia();
    }
    bool reopenMedia() {
        media.reset();
        auto m = ruhu::MediaStore::open(dir.filePath("media").toStdString(),
                                        dir.filePath("replica.db").toStdString(), key);
        if (!m)
            return false;
        media = std::move(*m);
        return true;
    }
};

} // namespace

class TestPhotoProcessing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exifRotatedInputComesOutUpright() {
        // Stored landscape, red on top; orientation 6 means "turn 90° clockwise to view": portrait, red
        // right.
        auto photo = processPhotoBytes(exifjpeg::cameraJpeg(2400, 1200, 6));
        QVERIFY2(photo, photo ? "" : photo.error().message.c_str());
        QCOMPARE(photo->width, 800);
        QCOMPARE(photo->height, 1600);
        const QImage image = decoded(photo->jpeg);
        QCOMPARE(image.size(), QSize(800, 1600));
        QVERIFY(isReddish(image.pixel(700, 800)));
        QVERIFY(isBluish(image.pixel(100, 800)));
    }

    void otherOrientationsToo() {
        auto upright = processPhotoBytes(exifjpeg::cameraJpeg(2400, 1200, 1));
        QVERIFY(upright);
        QCOMPARE(QSize(upright->width, upright->height), QSize(1600, 800));
        QVERIFY(isReddish(decoded(upright->jpeg).pixel(800, 100)));

        auto turned = processPhotoBytes(exifjpeg::cameraJpeg(2400, 1200, 3)); // 180°: blue on top
        QVERIFY(turned);
        QCOMPARE(QSize(turned->width, turned->height), QSize(1600, 800));
        QVERIFY(isBluish(decoded(turned->jpeg).pixel(800, 100)));

        auto left = processPhotoBytes(exifjpeg::cameraJpeg(2400, 1200, 8)); // 90° counter-clockwise: red left
        QVERIFY(left);
        QCOMPARE(QSize(left->width, left->height), QSize(800, 1600));
        QVERIFY(isReddish(decoded(left->jpeg).pixel(100, 800)));
    }

    void longEdgeIsConfigurableAndNeverUpscaled() {
        PhotoOptions options;
        options.longEdge = 1000;
        auto scaled = processPhotoBytes(exifjpeg::cameraJpeg(3000, 2000, 1), options);
        QVERIFY(scaled);
        QCOMPARE(std::max(scaled->width, scaled->height), 1000);
        QCOMPARE(scaled->height, 667);

        auto small = processPhotoBytes(exifjpeg::cameraJpeg(640, 480, 1));
        QVERIFY(small);
        QCOMPARE(QSize(small->width, small->height), QSize(640, 480));
    }

    void qualityChangesTheSize() {
        const QByteArray input = exifjpeg::cameraJpeg(2000, 1500, 1);
        PhotoOptions low;
        low.jpegQuality = 40;
        auto a = processPhotoBytes(input, low);
        auto b = processPhotoBytes(input);
        QVERIFY(a && b);
        QVERIFY(a->jpeg.size() < b->jpeg.size());
    }

    void metadataIsStripped() {
        const QByteArray input = exifjpeg::cameraJpeg(2400, 1200, 6);
        QVERIFY(input.contains(QByteArray("Exif\0\0", 6))); // the input really carries both
        QVERIFY(input.contains("secret-comment-4711"));
        auto photo = processPhotoBytes(input);
        QVERIFY(photo);
        QVERIFY(!photo->jpeg.contains(QByteArray("Exif\0\0", 6)));
        QVERIFY(!photo->jpeg.contains("secret-comment-4711"));
        QVERIFY(!photo->jpeg.contains(QByteArray("\xFF\xE1", 2))); // no APP1 (EXIF/XMP) segment at all
        QVERIFY(!photo->jpeg.contains(QByteArray("\xFF\xFE", 2))); // no comment segment
        QVERIFY(photo->jpeg.startsWith(QByteArray("\xFF\xD8\xFF", 3)));
    }

    void sha256NamesTheExactBytes() {
        auto photo = processPhotoBytes(exifjpeg::cameraJpeg(1800, 1200, 1));
        QVERIFY(photo);
        QCOMPARE(photo->sha256.size(), 64);
        QCOMPARE(photo->sha256.toStdString(), ruhu::domain::sha256Hex(toStd(photo->jpeg)));
        QVERIFY(ruhu::MediaStore::isSha256Hex(photo->sha256.toStdString()));
    }

    void badInputGetsAChineseError() {
        auto text = processPhotoBytes(QByteArray("这不是图片，只是一段文字"));
        QVERIFY(!text);
        QCOMPARE(text.error().code, std::string("not_an_image"));
        QVERIFY(QString::fromStdString(text.error().message).contains(QStringLiteral("图片")));

        auto empty = processPhotoBytes(QByteArray());
        QVERIFY(!empty);

        QByteArray damaged = exifjpeg::cameraJpeg(1200, 800, 1);
        damaged.truncate(600); // the header survives, the scan does not
        damaged.append(QByteArray(200, '\x55'));
        auto broken = processPhotoBytes(damaged);
        if (broken) // libjpeg may fill the rest grey; then it is at least a valid, bounded photo
            QVERIFY(broken->width <= 1600 && broken->height <= 1600);
        else
            QVERIFY(!broken.error().message.empty());

        PhotoOptions tight;
        tight.maxInputPixels = 1000 * 1000;
        auto huge = processPhotoBytes(exifjpeg::cameraJpeg(2000, 1000, 1), tight);
        QVERIFY(!huge);
        QCOMPARE(huge.error().code, std::string("image_too_large"));

        auto missing = processPhotoFile(QStringLiteral("/nonexistent/photo.jpg"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, std::string("unreadable_file"));
    }

    void savedPhotoIsSealedRecordedAndQueued() {
        Device device;
        QVERIFY(device.open());
        QVERIFY(seedDemoReplica(*device.replica));
        const auto household = device.replica->households(kVillage).front();

        auto photo = processPhotoBytes(exifjpeg::cameraJpeg(2400, 1800, 6));
        QVERIFY(photo);
        PhotoLibrary library(*device.replica, *device.media);
        PhotoContext context;
        context.householdId = QString::fromStdString(household.id);
        context.photoKind = QStringLiteral("证件");
        context.author = QStringLiteral("cadre1");
        context.takenAt = QDateTime(QDate(2026, 3, 5), QTime(14, 5), Qt::UTC);
        auto saved = library.save(*photo, context);
        QVERIFY2(saved, saved ? "" : saved.error().message.c_str());
        QCOMPARE(saved->sha256, photo->sha256);

        // The record: metadata only, synced first.
        auto record = device.replica->record("photo", saved->photoId.toStdString());
        QVERIFY(record);
        QCOMPARE(record->householdId, household.id);
        QCOMPARE(record->regionCode, household.regionCode);
        QCOMPARE(std::string(record->fields.at("sha256").as_string()), photo->sha256.toStdString());
        QCOMPARE(record->fields.at("bytes").to_number<int64_t>(), int64_t(photo->jpeg.size()));
        QCOMPARE(record->fields.at("width").to_number<int64_t>(), int64_t(1200));
        QCOMPARE(record->fields.at("height").to_number<int64_t>(), int64_t(1600));
        QCOMPARE(std::string(record->fields.at("takenAt").as_string()),
                 std::string("2026-03-05T22:05:00+08:00"));
        QCOMPARE(std::string(record->fields.at("author").as_string()), std::string("cadre1"));
        QCOMPARE(std::string(record->fields.at("gps").at("status").as_string()), std::string("unavailable"));
        QCOMPARE(library.photosOf(context.householdId).size(), size_t(1));
        QVERIFY(device.replica->pendingCount() > 0);

        // The blob: readable with the key, never in the clear on disk.
        auto plain = device.media->read(photo->sha256.toStdString());
        QVERIFY(plain);
        QVERIFY(*plain == toStd(photo->jpeg));
        QFile sealed(QString::fromStdString(device.media->sealedPath(photo->sha256.toStdString())));
        QVERIFY(sealed.open(QIODevice::ReadOnly));
        const QByteArray onDisk = sealed.readAll();
        QVERIFY(onDisk.size() > photo->jpeg.size());
        QVERIFY(!onDisk.contains(QByteArray("\xFF\xD8\xFF", 3)));
        QVERIFY(!onDisk.contains(photo->jpeg.mid(photo->jpeg.size() / 2, 32)));
        QVERIFY(!onDisk.contains(photo->jpeg.left(20)));

        // Another key cannot open it; a flipped byte is detected.
        ruhu::DeviceKey otherKey = device.key;
        otherKey[0] ^= 0x01;
        auto other = ruhu::MediaStore::open(device.dir.filePath("media").toStdString(),
                                            device.dir.filePath("replica.db").toStdString(), otherKey);
        QVERIFY(other);
        QVERIFY(!(*other)->read(photo->sha256.toStdString()));

        // The upload queue survives a restart; storing the same bytes again adds nothing.
        QVERIFY(device.reopenMedia());
        auto queued = device.media->upload(photo->sha256.toStdString());
        QVERIFY(queued);
        QCOMPARE(queued->state, std::string("queued"));
        QCOMPARE(queued->size, int64_t(photo->jpeg.size()));
        QCOMPARE(queued->received, int64_t(0));
        auto again = device.media->put(toStd(photo->jpeg), "image/jpeg");
        QVERIFY(again);
        QCOMPARE(*again, photo->sha256.toStdString());
        QCOMPARE(device.media->uploads().size(), size_t(1));
        QCOMPARE(device.media->backlog().count, int64_t(1));
        QCOMPARE(device.media->backlog().bytes, int64_t(photo->jpeg.size()));

        QVERIFY(device.media->setReceived(photo->sha256.toStdString(), 1000));
        QVERIFY(device.media->noteError(photo->sha256.toStdString(), "无法连接服务器"));
        QVERIFY(device.reopenMedia());
        QCOMPARE(device.media->upload(photo->sha256.toStdString())->received, int64_t(1000));
        QCOMPARE(device.media->backlog().bytes, int64_t(photo->jpeg.size()) - 1000);
        QVERIFY(device.media->markDone(photo->sha256.toStdString()));
        QCOMPARE(device.media->backlog().count, int64_t(0));
        QCOMPARE(device.media->uploads(true).size(), size_t(1));
    }

    void photoOfAnUnknownHouseholdIsRefused() {
        Device device;
        QVERIFY(device.open());
        auto photo = processPhotoBytes(exifjpeg::cameraJpeg(800, 600, 1));
        QVERIFY(photo);
        PhotoLibrary library(*device.replica, *device.media);
        PhotoContext context;
        context.householdId = QStringLiteral("hh-missing");
        context.photoKind = QStringLiteral("住房");
        auto saved = library.save(*photo, context);
        QVERIFY(!saved);
        QVERIFY(QString::fromStdString(saved.error().message).contains(QStringLiteral("请先保存")));
        QVERIFY(device.media->uploads().empty());
    }
};

QTEST_MAIN(TestPhotoProcessing)
#include "tst_photo_processing.moc"
