// Photos from a headless tablet (the app's DeviceReplica, MediaStore, PhotoLibrary, SyncClient and
// MediaUploader) to the real ruhu-syncd on loopback: records first, then the blob in chunks; the connection
// is cut mid-upload by the fault proxy (mobile/sim) and the next pass resumes from the server's byte; the
// server's blob hashes to its name; a second tablet with the same photo uploads nothing; a blob over the
// server's limit is marked failed with a Chinese reason.
#include "exifjpeg.h"
#include "faultproxy.h"
#include "mediauploader.h"
#include "photolibrary.h"
#include "photoprocessor.h"
#include "serverprocess.h"
#include "syncclient.h"

#include <ruhu/domain/rule_config.h>
#include <ruhu/store/device_replica.h>
#include <ruhu/store/media_store.h>

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const std::string kVillage = "429005103201";
constexpr qint64 kChunk = 64 * 1024;

std::string toStd(const QByteArray &bytes) {
    return std::string(bytes.constData(), size_t(bytes.size()));
}

struct Tablet {
    QTemporaryDir dir;
    std::unique_ptr<ruhu::DeviceReplica> replica;
    std::unique_ptr<ruhu::MediaStore> media;
    std::unique_ptr<SyncClient> client;
    std::unique_ptr<MediaUploader> uploader;

    bool open(const QUrl &server) {
        auto key = ruhu::loadOrCreateDeviceKey(dir.filePath("device.key").toStdString());
        if (!key)
            return false;
        const std::string db = dir.filePath("replica.sqlite3").toStdString();
        auto r = ruhu::DeviceReplica::open(db, *key);
        auto m = ruhu::MediaStore::open(dir.filePath("media").toStdString(), db, *key);
        if (!r || !m)
            return false;
        replica = std::move(*r);
        media = std::move(*m);
        client = std::make_unique<SyncClient>(*replica);
        client->setServerUrl(server);
        uploader = std::make_unique<MediaUploader>(*media, *client);
        uploader->setChunkSize(kChunk);
        return true;
    }

    bool login() {
        QSignalSpy ok(client.get(), &SyncClient::loggedIn);
        QSignalSpy failed(client.get(), &SyncClient::loginFailed);
        client->login(QStringLiteral("cadre1"), QStringLiteral("ruhu2024"));
        return QTest::qWaitFor([&] { return ok.count() + failed.count() > 0; }, 20000) && ok.count() == 1;
    }

    QString sync() {
        QSignalSpy done(client.get(), &SyncClient::syncFinished);
        QSignalSpy failed(client.get(), &SyncClient::syncFailed);
        client->sync();
        if (!QTest::qWaitFor([&] { return done.count() + failed.count() > 0; }, 30000))
            return QStringLiteral("timeout");
        return failed.isEmpty() ? QString() : failed.first().first().toString();
    }

    // One upload pass; the empty string when it finished without error.
    QString upload() {
        QSignalSpy finished(uploader.get(), &MediaUploader::finished);
        uploader->uploadAll();
        if (!QTest::qWaitFor([&] { return finished.count() > 0; }, 60000))
            return QStringLiteral("timeout");
        return finished.first().at(0).toBool() ? QString() : finished.first().at(1).toString();
    }

    SavedPhoto savePhoto(const ProcessedPhoto &photo) {
        PhotoLibrary library(*replica, *media);
        PhotoContext context;
        context.householdId = QString::fromStdString(replica->households(kVillage).front().id);
        context.photoKind = QStringLiteral("住房");
        context.author = QStringLiteral("cadre1");
        auto saved = library.save(photo, context);
        return saved ? *saved : SavedPhoto{};
    }

    QByteArray token() const { return QByteArray::fromStdString(replica->session()->token); }
};

// Files under the server's content-addressed media directory.
QStringList serverBlobs(const ServerProcess &server) {
    QStringList files;
    QDirIterator it(server.dataDir(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (QFileInfo(path).fileName().size() == 64)
            files << path;
    }
    return files;
}

} // namespace

class TestMediaUpload : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cutUploadResumesAndASecondDeviceDedupes() {
        ServerProcess server;
        QVERIFY2(server.start(true), server.log().constData());
        FaultConfig cutEverything;
        cutEverything.cut = 1.0;
        FaultProxy proxy(cutEverything, 7);
        QString error;
        QVERIFY2(proxy.listen(&error), qPrintable(error));
        proxy.setUpstream(server.url());
        proxy.setFaultsEnabled(false);

        Tablet a;
        QVERIFY(a.open(proxy.url()));
        QVERIFY(a.login());
        QCOMPARE(a.sync(), QString());

        auto photo = processPhotoBytes(exifjpeg::cameraJpeg(4000, 3000, 6));
        QVERIFY(photo);
        const qint64 size = photo->jpeg.size();
        QVERIFY2(size > 4 * kChunk, "the photo must take several chunks");
        const SavedPhoto saved = a.savePhoto(*photo);
        QCOMPARE(saved.sha256, photo->sha256);
        QCOMPARE(a.sync(), QString()); // the record first
        const std::string sha = photo->sha256.toStdString();

        // Cut the connection from the third chunk on: the server keeps that chunk, the tablet never hears.
        bool armed = false;
        connect(a.uploader.get(), &MediaUploader::progressChanged, &proxy, [&] {
            if (!armed && a.uploader->currentSent() >= 2 * kChunk) {
                armed = true;
                proxy.setFaultsEnabled(true);
            }
        });
        const QString cutMessage = a.upload();
        QVERIFY(!cutMessage.isEmpty());
        QVERIFY2(cutMessage.contains(QStringLiteral("下次同步")), qPrintable(cutMessage));
        QVERIFY(proxy.faultCounts().value("cut").toInt() >= 1);
        auto afterCut = a.media->upload(sha);
        QCOMPARE(afterCut->state, std::string("queued"));
        QCOMPARE(afterCut->received, 2 * kChunk);
        QVERIFY(!afterCut->lastError.empty());

        // The server holds more than the tablet knows (the cut chunk was appended before the answer was
        // lost).
        const QString statusPath =
            QStringLiteral("/api/v1/media/%1/upload?size=%2").arg(photo->sha256).arg(size);
        HttpResult status = httpRequest("GET", server.url(statusPath), {}, a.token());
        QCOMPARE(status.status, 200);
        QCOMPARE(status.json.value("received").toInteger(), 3 * kChunk);
        QCOMPARE(status.json.value("complete").toBool(), false);

        // Network back: the next pass asks the server and continues from its byte, sending nothing twice.
        proxy.setFaultsEnabled(false);
        QCOMPARE(a.upload(), QString());
        QCOMPARE(a.uploader->bytesPut(), size);
        QCOMPARE(a.media->upload(sha)->state, std::string("done"));
        QCOMPARE(a.media->backlog().count, int64_t(0));

        // The server's blob is exactly the photo.
        HttpResult blob =
            httpRequest("GET", server.url(QStringLiteral("/api/v1/media/") + photo->sha256), {}, a.token());
        QCOMPARE(blob.status, 200);
        QCOMPARE(blob.body.size(), size);
        QCOMPARE(ruhu::domain::sha256Hex(toStd(blob.body)), sha);
        QCOMPARE(serverBlobs(server).size(), 1);

        // A second tablet takes the same photo (same bytes): its record syncs, its upload sends nothing.
        Tablet b;
        QVERIFY(b.open(server.url()));
        QVERIFY(b.login());
        QCOMPARE(b.sync(), QString());
        QVERIFY(!b.savePhoto(*photo).photoId.isEmpty());
        QCOMPARE(b.sync(), QString());
        QCOMPARE(b.upload(), QString());
        QCOMPARE(b.uploader->bytesPut(), qint64(0));
        QCOMPARE(b.media->upload(sha)->state, std::string("done"));
        QCOMPARE(serverBlobs(server).size(), 1);
    }

    void blobOverTheServerLimitIsMarkedFailed() {
        ServerProcess server;
        QVERIFY2(server.start(true, {QStringLiteral("--media-max-bytes"), QStringLiteral("100000")}),
                 server.log().constData());
        Tablet a;
        QVERIFY(a.open(server.url()));
        QVERIFY(a.login());
        QCOMPARE(a.sync(), QString());
        auto photo = processPhotoBytes(exifjpeg::cameraJpeg(4000, 3000, 1));
        QVERIFY(photo && photo->jpeg.size() > 100000);
        QVERIFY(!a.savePhoto(*photo).photoId.isEmpty());
        QCOMPARE(a.sync(), QString());

        const QString message = a.upload();
        QVERIFY2(message.contains(QStringLiteral("过大")), qPrintable(message));
        auto upload = a.media->upload(photo->sha256.toStdString());
        QCOMPARE(upload->state, std::string("failed"));
        QVERIFY(QString::fromStdString(upload->lastError).contains(QStringLiteral("过大")));
        QCOMPARE(a.media->backlog().failed, int64_t(1));
        // A failed blob is not retried by itself.
        QCOMPARE(a.upload(), QString());
        QCOMPARE(a.uploader->bytesPut(), qint64(0));
    }
};

QTEST_MAIN(TestMediaUpload)
#include "tst_media_upload.moc"
