#include "photoimageprovider.h"

#include <ruhu/store/media_store.h>

#include <QBuffer>
#include <QImageReader>

namespace {
constexpr int kThumbEdge = 256;
}

PhotoImageProvider::PhotoImageProvider(ruhu::MediaStore &media)
    : QQuickImageProvider(QQuickImageProvider::Image)
    , m_media(media) {}

QImage PhotoImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize) {
    const QString kind = id.section(QLatin1Char('/'), 0, 0);
    const QString sha = id.section(QLatin1Char('/'), 1);
    auto bytes = m_media.read(sha.toStdString());
    if (!bytes)
        return {};
    QByteArray data = QByteArray::fromStdString(*bytes);
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    QSize bound = requestedSize;
    if (!bound.isValid() && kind == QLatin1String("thumb"))
        bound = QSize(kThumbEdge, kThumbEdge);
    if (bound.isValid() && reader.size().isValid()) {
        // Scales inside the JPEG decoder: a thumbnail never decodes the full photo.
        reader.setScaledSize(reader.size().scaled(bound, Qt::KeepAspectRatio));
    }
    QImage image = reader.read();
    if (size)
        *size = image.size();
    return image;
}
