#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QImageWriter>
#include <QPainter>

// Test and benchmark inputs: camera-like JPEGs. Qt writes no EXIF, so the orientation tag is spliced in
// by hand: an APP1 "Exif" segment right after SOI holding a big-endian TIFF header and one IFD entry,
// 0x0112 Orientation (SHORT). Header-only so bench/ can use it without the test libraries.
namespace exifjpeg {

inline void appendBig(QByteArray &out, quint32 value, int bytes) {
    for (int i = bytes - 1; i >= 0; --i)
        out.append(char((value >> (8 * i)) & 0xFF));
}

// orientation: 1 upright, 3 rotated 180°, 6 "rotate 90° clockwise to view", 8 "rotate 90° counter-clockwise".
inline QByteArray withOrientation(const QByteArray &jpeg, quint16 orientation) {
    QByteArray tiff("MM");
    appendBig(tiff, 0x002A, 2);
    appendBig(tiff, 8, 4); // IFD0 right after the header
    appendBig(tiff, 1, 2); // one entry
    appendBig(tiff, 0x0112, 2);
    appendBig(tiff, 3, 2); // SHORT
    appendBig(tiff, 1, 4);
    appendBig(tiff, orientation, 2);
    appendBig(tiff, 0, 2); // value padding
    appendBig(tiff, 0, 4); // no next IFD
    QByteArray payload("Exif", 4);
    payload.append('\0').append('\0').append(tiff);
    QByteArray segment;
    segment.append(char(0xFF)).append(char(0xE1));
    appendBig(segment, quint32(payload.size() + 2), 2);
    segment.append(payload);
    QByteArray out = jpeg;
    out.insert(2, segment); // after FF D8
    return out;
}

// A stored (not yet oriented) image: top half red, bottom half blue, with noise-like stripes so the JPEG
// has a camera-like size. A text key becomes a JPEG comment: metadata the tablet must strip.
inline QImage storedTestImage(int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    QPainter p(&image);
    p.fillRect(0, 0, width, height / 2, QColor(220, 30, 30));
    p.fillRect(0, height / 2, width, height - height / 2, QColor(30, 30, 220));
    for (int x = 0; x < width; x += 7)
        p.fillRect(x, 0, 2, height, QColor(255, 255, 255, 40 + (x * 13) % 60));
    p.end();
    image.setText(QStringLiteral("Description"), QStringLiteral("secret-comment-4711"));
    return image;
}

inline QByteArray encodeJpeg(const QImage &image, int quality = 92) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.write(image);
    return bytes;
}

// A camera-like photo: width × height stored pixels, EXIF orientation tag, a comment.
inline QByteArray cameraJpeg(int width, int height, quint16 orientation) {
    return withOrientation(encodeJpeg(storedTestImage(width, height)), orientation);
}

} // namespace exifjpeg
