#pragma once

#include <QQuickImageProvider>

namespace ruhu {
class MediaStore;
}

// image://photos/thumb/<sha256> and image://photos/full/<sha256>: decrypts a photo from the media store
// in memory (never to a file) for the gallery strip and the viewer. Thumbnails decode at reduced size.
class PhotoImageProvider : public QQuickImageProvider {
public:
    explicit PhotoImageProvider(ruhu::MediaStore &media);

    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    ruhu::MediaStore &m_media;
};
