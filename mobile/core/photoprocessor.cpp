#include "photoprocessor.h"

#include <ruhu/domain/rule_config.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>

namespace {

ruhu::Error photoError(const char *code, const char *message) {
    return ruhu::Error{code, QCoreApplication::translate("PhotoProcessor", message).toStdString(), ""};
}

QSize targetSize(QSize stored, int longEdge) {
    const int edge = std::max(stored.width(), stored.height());
    if (edge <= longEdge)
        return stored;
    const double factor = double(longEdge) / edge;
    return QSize(std::max(1, qRound(stored.width() * factor)), std::max(1, qRound(stored.height() * factor)));
}

ruhu::Result<ProcessedPhoto> process(QIODevice &device, const PhotoOptions &options) {
    QImageReader reader(&device);
    reader.setAutoTransform(true); // EXIF orientation: the stored photo is upright
    reader.setDecideFormatFromContent(true);
    if (!reader.canRead())
        return photoError(
            "not_an_image",
            QT_TRANSLATE_NOOP("PhotoProcessor", "所选文件不是可识别的图片，请选择 JPG 或 PNG 照片"));
    const QSize stored = reader.size();
    if (stored.isValid() && qint64(stored.width()) * stored.height() > options.maxInputPixels)
        return photoError(
            "image_too_large",
            QT_TRANSLATE_NOOP("PhotoProcessor", "图片像素过大，无法处理，请用平板相机重新拍摄"));
    if (options.decodeScaled && stored.isValid() && reader.format() == "jpeg") {
        // libjpeg can decode at 1/2, 1/4, 1/8 in the DCT domain: a quarter of the pixels to decode, hold and
        // smooth-scale, while never going below the target long edge.
        int factor = 1;
        while (factor < 8 && std::max(stored.width(), stored.height()) / (factor * 2) >= options.longEdge)
            factor *= 2;
        if (factor > 1)
            reader.setScaledSize(QSize(stored.width() / factor, stored.height() / factor));
    }
    QImage image = reader.read();
    if (image.isNull())
        return photoError(
            "unreadable_image",
            QT_TRANSLATE_NOOP("PhotoProcessor", "图片无法读取（文件可能已损坏），请重新拍摄或选择其他照片"));

    // Orientation has been applied, so the long edge is measured on the upright image.
    const QSize size = targetSize(image.size(), options.longEdge);
    if (size != image.size())
        image = image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    if (image.hasAlphaChannel()) { // JPEG has no alpha: flatten onto white, not black
        QImage flat(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter painter(&flat);
        painter.drawImage(0, 0, image);
        painter.end();
        image = flat;
    }
    image = image.convertToFormat(QImage::Format_RGB888);
    // A bare view of the pixels: QImage::scaled/convertToFormat carry the source's text keys (JPEG
    // comments, EXIF descriptions) along, and the writer would write them back out.
    const QImage pixels(image.constBits(), image.width(), image.height(), image.bytesPerLine(),
                        image.format());

    ProcessedPhoto out;
    QBuffer buffer(&out.jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(options.jpegQuality);
    if (!writer.write(pixels))
        return photoError("encode_failed", QT_TRANSLATE_NOOP("PhotoProcessor", "照片压缩失败，请重试"));
    buffer.close();
    out.width = pixels.width();
    out.height = pixels.height();
    out.sha256 = QString::fromStdString(
        ruhu::domain::sha256Hex(std::string_view(out.jpeg.constData(), size_t(out.jpeg.size()))));
    return out;
}

} // namespace

ruhu::Result<ProcessedPhoto> processPhotoFile(const QString &path, const PhotoOptions &options) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return photoError("unreadable_file",
                          QT_TRANSLATE_NOOP("PhotoProcessor", "无法打开照片文件，请确认文件存在且可读取"));
    if (file.size() > options.maxInputBytes)
        return photoError(
            "file_too_large",
            QT_TRANSLATE_NOOP("PhotoProcessor", "照片文件过大（超过 64 MB），请用平板相机重新拍摄"));
    return process(file, options);
}

ruhu::Result<ProcessedPhoto> processPhotoBytes(const QByteArray &bytes, const PhotoOptions &options) {
    if (bytes.size() > options.maxInputBytes)
        return photoError(
            "file_too_large",
            QT_TRANSLATE_NOOP("PhotoProcessor", "照片文件过大（超过 64 MB），请用平板相机重新拍摄"));
    QByteArray copy = bytes; // QBuffer needs a non-const array; this is a shallow copy
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return process(buffer, options);
}
