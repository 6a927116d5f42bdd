// The server's media blob store on a real directory (no sockets), Range parsing and which blobs a record
// references (docs/media-sync.md).
#include "api/byte_range.h"
#include "api/media_references.h"
#include "storage/media_blob_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <csignal>
#include <sys/resource.h>

using namespace ruhu::server;

namespace {

std::string sha256Of(const std::string &bytes) {
    return QCryptographicHash::hash(QByteArray::fromStdString(bytes), QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

std::string pattern(size_t size, char seed) {
    std::string bytes(size, '\0');
    for (size_t i = 0; i < size; ++i)
        bytes[i] = char(seed + i * 31 + i / 7);
    return bytes;
}

const UploadState *state(const MediaResult<UploadState> &result) {
    return std::get_if<UploadState>(&result);
}

std::string errorCode(const MediaResult<UploadState> &result) {
    auto *error = std::get_if<MediaError>(&result);
    return error ? error->code : std::string();
}

} // namespace

class TestMediaStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();

    void chunksCompleteIntoContentAddressedFile();
    void statusAndDedupe();
    void limits();
    void hashMismatchDiscardsPartial();
    void failedWriteKeepsAcknowledgedLength();
    void sweepHonoursGraceAndReferences();
    void openBlobReadsSlices();
    void byteRanges();
    void references();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MediaBlobStore> m_store;
};

void TestMediaStore::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    MediaOptions options;
    options.maxBlobBytes = 100000;
    options.maxChunkBytes = 4096;
    options.grace = std::chrono::seconds(3600);
    auto store = MediaBlobStore::open(m_dir->path().toStdString(), options);
    QVERIFY(store.ok());
    m_store = std::move(*store);
    QVERIFY(QDir(m_dir->path() + "/media/partial").exists());
}

void TestMediaStore::chunksCompleteIntoContentAddressedFile() {
    const std::string bytes = pattern(10000, 'a');
    const std::string sha = sha256Of(bytes);
    int64_t offset = 0;
    for (int64_t n : {4096, 1, 3000, 2903}) {
        auto result = m_store->append("u1", sha, int64_t(bytes.size()), offset,
                                      std::string_view(bytes).substr(offset, n));
        QVERIFY(state(result));
        offset += n;
        QCOMPARE(state(result)->received, offset);
        QCOMPARE(state(result)->complete, offset == int64_t(bytes.size()));
    }
    const QString path = QString::fromStdString(m_store->blobPath(sha));
    QVERIFY(path.endsWith(
        QString::fromStdString("/media/" + sha.substr(0, 2) + "/" + sha.substr(2, 2) + "/" + sha)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().toStdString(), bytes);
    QVERIFY(!QFile::exists(QString::fromStdString(m_store->partialPath("u1", sha, int64_t(bytes.size())))));
}

void TestMediaStore::statusAndDedupe() {
    const std::string bytes = pattern(5000, 'b');
    const std::string sha = sha256Of(bytes);
    QCOMPARE(state(m_store->status("u1", sha, 5000))->received, 0);
    // A chunk past the start of an upload the server never saw leaves no file behind.
    auto stray = m_store->append("u1", sha, 5000, 500, "x");
    QCOMPARE(errorCode(stray), "offset_mismatch");
    QCOMPARE(std::get<MediaError>(stray).received, 0);
    QVERIFY(!QFile::exists(QString::fromStdString(m_store->partialPath("u1", sha, 5000))));
    QVERIFY(state(m_store->append("u1", sha, 5000, 0, std::string_view(bytes).substr(0, 4000))));
    QCOMPARE(state(m_store->status("u1", sha, 5000))->received, 4000);
    // Another size claimed for the same name is another upload (its own partial file).
    QCOMPARE(state(m_store->status("u1", sha, 6000))->received, 0);
    auto mismatch = m_store->append("u1", sha, 5000, 3000, "x");
    QCOMPARE(errorCode(mismatch), "offset_mismatch");
    QCOMPARE(std::get<MediaError>(mismatch).received, 4000);
    QVERIFY(state(m_store->append("u1", sha, 5000, 4000, std::string_view(bytes).substr(4000)))->complete);

    QVERIFY(!QFile::exists(QString::fromStdString(m_store->partialPath("u1", sha, 5000))));
    QVERIFY(m_store->hasBlob(sha));

    // Another uploader's status knows nothing of it, and a chunk does not complete it for them: they send
    // every byte, and the store keeps one file.
    QCOMPARE(state(m_store->status("u2", sha, 5000))->received, 0);
    auto other = m_store->append("u2", sha, 5000, 0, std::string_view(bytes).substr(0, 100));
    QCOMPARE(state(other)->complete, false);
    QCOMPARE(state(other)->received, 100);
    QVERIFY(QFile::exists(QString::fromStdString(m_store->partialPath("u2", sha, 5000))));
    QVERIFY(state(m_store->append("u2", sha, 5000, 100, std::string_view(bytes).substr(100, 4000))));
    auto rest = m_store->append("u2", sha, 5000, 4100, std::string_view(bytes).substr(4100));
    QVERIFY(state(rest) && state(rest)->complete);
    QVERIFY(!QFile::exists(QString::fromStdString(m_store->partialPath("u2", sha, 5000))));
    QFile blob(QString::fromStdString(m_store->blobPath(sha)));
    QVERIFY(blob.open(QIODevice::ReadOnly));
    QCOMPARE(blob.readAll().toStdString(), bytes);
}

void TestMediaStore::limits() {
    const std::string sha = sha256Of("x");
    QCOMPARE(errorCode(m_store->status("u1", sha, 100001)), "media_too_large");
    QCOMPARE(std::get<MediaError>(m_store->status("u1", sha, 100001)).limit, 100000);
    auto chunk = m_store->append("u1", sha, 50000, 0, std::string(4097, 'c'));
    QCOMPARE(errorCode(chunk), "media_too_large");
    QCOMPARE(std::get<MediaError>(chunk).limit, 4096);
    QCOMPARE(errorCode(m_store->append("u1", sha, 10, 0, std::string(11, 'c'))), "bad_request");
    QCOMPARE(errorCode(m_store->status("u1", "ABC", 10)), "bad_request");
    QCOMPARE(errorCode(m_store->status("u1", sha, 0)), "bad_request");
    QVERIFY(!MediaBlobStore::isSha256(std::string(64, 'A')));
    QVERIFY(!MediaBlobStore::isSha256("../" + std::string(61, 'a')));
    QVERIFY(MediaBlobStore::isSha256(sha));
}

void TestMediaStore::hashMismatchDiscardsPartial() {
    const std::string bytes = pattern(3000, 'd');
    const std::string sha = sha256Of(bytes);
    std::string damaged = bytes;
    damaged[1234] ^= 1;
    auto result = m_store->append("u1", sha, 3000, 0, damaged);
    QCOMPARE(errorCode(result), "hash_mismatch");
    QCOMPARE(state(m_store->status("u1", sha, 3000))->received, 0);
    QVERIFY(!QFile::exists(QString::fromStdString(m_store->blobPath(sha))));
    QVERIFY(state(m_store->append("u1", sha, 3000, 0, bytes))->complete);
}

void TestMediaStore::failedWriteKeepsAcknowledgedLength() {
    const std::string bytes = pattern(8000, 'e');
    const std::string sha = sha256Of(bytes);
    QVERIFY(state(m_store->append("u1", sha, 8000, 0, std::string_view(bytes).substr(0, 3000))));
    // A file size limit makes the next write fail half way, as a full disk would.
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit old{};
    getrlimit(RLIMIT_FSIZE, &old);
    rlimit tight = old;
    tight.rlim_cur = 5000;
    setrlimit(RLIMIT_FSIZE, &tight);
    auto failed = m_store->append("u1", sha, 8000, 3000, std::string_view(bytes).substr(3000, 4000));
    setrlimit(RLIMIT_FSIZE, &old);
    QCOMPARE(errorCode(failed), "storage");
    QVERIFY(!std::get<MediaError>(failed).message.empty());
    QCOMPARE(state(m_store->status("u1", sha, 8000))->received, 3000);
    QVERIFY(state(m_store->append("u1", sha, 8000, 3000, std::string_view(bytes).substr(3000, 4000))));
    QVERIFY(state(m_store->append("u1", sha, 8000, 7000, std::string_view(bytes).substr(7000)))->complete);
}

void TestMediaStore::sweepHonoursGraceAndReferences() {
    const std::string kept = pattern(100, 'f'), dropped = pattern(200, 'g'), partial = pattern(300, 'h');
    QVERIFY(state(m_store->append("u1", sha256Of(kept), 100, 0, kept))->complete);
    QVERIFY(state(m_store->append("u1", sha256Of(dropped), 200, 0, dropped))->complete);
    QVERIFY(state(m_store->append("u1", sha256Of(partial), 300, 0, partial.substr(0, 10))));
    std::vector<std::string> asked;
    auto referenced = [&](const std::vector<std::string> &shas) -> ruhu::Result<SweepKeep> {
        asked.insert(asked.end(), shas.begin(), shas.end());
        return SweepKeep{{sha256Of(kept)}, {}};
    };
    // Young files stay, whatever their references.
    auto young = m_store->sweep(referenced);
    QVERIFY(young.ok());
    QCOMPARE(young->blobsDeleted + young->partialsDeleted, 0);
    QVERIFY(asked.empty());

    // Age everything past the grace period.
    const auto old = QDateTime::currentDateTime().addSecs(-7200);
    for (const auto &path : {m_store->blobPath(sha256Of(kept)), m_store->blobPath(sha256Of(dropped)),
                             m_store->partialPath("u1", sha256Of(partial), 300)}) {
        QFile file(QString::fromStdString(path));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(old, QFileDevice::FileModificationTime));
    }
    auto swept = m_store->sweep(referenced);
    QVERIFY(swept.ok());
    QCOMPARE(swept->blobsDeleted, 1);
    QCOMPARE(swept->bytesDeleted, 200);
    QCOMPARE(swept->partialsDeleted, 1);
    QCOMPARE(asked.size(), size_t(2));
    QVERIFY(QFile::exists(QString::fromStdString(m_store->blobPath(sha256Of(kept)))));
    QVERIFY(!QFile::exists(QString::fromStdString(m_store->blobPath(sha256Of(dropped)))));
    QCOMPARE(state(m_store->status("u1", sha256Of(partial), 300))->received, 0);
}

void TestMediaStore::openBlobReadsSlices() {
    const std::string bytes = pattern(3000, 'i');
    const std::string sha = sha256Of(bytes);
    auto none = m_store->openBlob(sha);
    QVERIFY(none.ok() && !*none);
    QVERIFY(state(m_store->append("u1", sha, 3000, 0, bytes))->complete);
    auto reader = m_store->openBlob(sha);
    QVERIFY(reader.ok() && *reader);
    QCOMPARE((*reader)->size(), 3000);
    char piece[100];
    QCOMPARE((*reader)->readAt(2950, piece, sizeof piece), 50);
    QCOMPARE(std::string(piece, 50), bytes.substr(2950));
    QCOMPARE((*reader)->readAt(3000, piece, sizeof piece), 0);
}

void TestMediaStore::byteRanges() {
    using Kind = ByteRangeRequest::Kind;
    auto check = [](std::string_view header, int64_t size, Kind kind, int64_t first = 0, int64_t length = 0) {
        const auto r = parseByteRange(header, size);
        return r.kind == kind && (kind != Kind::Slice || (r.first == first && r.length == length));
    };
    QVERIFY(check("", 100, Kind::Whole));
    QVERIFY(check("bytes=0-9", 100, Kind::Slice, 0, 10));
    QVERIFY(check("bytes=90-", 100, Kind::Slice, 90, 10));
    QVERIFY(check("bytes=90-500", 100, Kind::Slice, 90, 10));
    QVERIFY(check("bytes=-30", 100, Kind::Slice, 70, 30));
    QVERIFY(check("bytes=-300", 100, Kind::Slice, 0, 100));
    QVERIFY(check("bytes=100-", 100, Kind::Unsatisfiable));
    QVERIFY(check("bytes=-0", 100, Kind::Unsatisfiable));
    QVERIFY(check("bytes=5-2", 100, Kind::Unsatisfiable));
    QVERIFY(check("bytes=99999999999999999999-", 100, Kind::Unsatisfiable));
    QVERIFY(check("bytes=-99999999999999999999", 100, Kind::Slice, 0, 100));
    QVERIFY(check("bytes=0-1,5-6", 100, Kind::Whole));
    QVERIFY(check("items=0-1", 100, Kind::Whole));
    QVERIFY(check("bytes=x-", 100, Kind::Whole));
}

void TestMediaStore::references() {
    const std::string a(64, 'a'), b(64, 'b'), c(64, 'c');
    boost::json::object photo{{"householdId", "h1"}, {"sha256", a}, {"photoKind", "住房"}};
    QCOMPARE(mediaReferences("photo", photo), std::vector<std::string>{a});
    photo["sha256"] = "not-a-hash";
    QVERIFY(mediaReferences("photo", photo).empty());

    boost::json::value document = boost::json::parse(
        R"({"signers":[{"fingerprintPhoto":{"photoId":"p1","sha256":")" + a +
        R"("}},{"fingerprintPhoto":null,"signatureImage":{"sha256":")" + b +
        R"("}},{"fingerprintPhoto":{"sha256":")" + a + R"("}}],"template":{"sha256":")" + c + R"("}})");
    boost::json::object authorization{{"householdId", "h1"}, {"document", document}};
    const std::vector<std::string> expected{a, b}; // deduplicated; the template hash is no blob
    QCOMPARE(mediaReferences("authorization", authorization), expected);
    authorization["document"] = boost::json::serialize(document); // the letter as JSON text
    QCOMPARE(mediaReferences("authorization", authorization), expected);
    QVERIFY(mediaReferences("household", photo).empty());
}

QTEST_APPLESS_MAIN(TestMediaStore)
#include "tst_mediastore.moc"
