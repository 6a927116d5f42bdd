#include "demophotos.h"

#include "photolibrary.h"
#include "photoprocessor.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>

namespace {

constexpr auto kHousehold = "hh-0002";

struct Scene {
    QColor wall;
    QColor roof;
    double houseWidth; // share of the picture width
    bool showYard;
};

// A rural brick house under a tiled roof, camera-sized (3000×2250) so the pipeline really scales it.
QImage paintHouse(const Scene &scene) {
    const int w = 3000, h = 2250;
    QImage image(w, h, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, h * 0.6);
    sky.setColorAt(0, QColor(120, 170, 225));
    sky.setColorAt(1, QColor(205, 225, 240));
    p.fillRect(0, 0, w, int(h * 0.62), sky);
    p.fillRect(0, int(h * 0.62), w, h, QColor(120, 150, 80));
    p.setBrush(QColor(90, 120, 70)); // hills
    p.setPen(Qt::NoPen);
    QPainterPath hills;
    hills.moveTo(0, h * 0.62);
    hills.cubicTo(w * 0.2, h * 0.40, w * 0.45, h * 0.55, w * 0.6, h * 0.48);
    hills.cubicTo(w * 0.75, h * 0.42, w * 0.9, h * 0.52, w, h * 0.5);
    hills.lineTo(w, h * 0.62);
    p.drawPath(hills);
    if (scene.showYard) {
        p.fillRect(0, int(h * 0.74), w, int(h * 0.26), QColor(190, 175, 140)); // concrete yard
        p.setBrush(QColor(60, 110, 50));
        for (int i = 0; i < 5; ++i)
            p.drawEllipse(QPointF(w * (0.08 + 0.2 * i), h * 0.58), w * 0.05, h * 0.09);
    }
    const double left = w * (0.5 - scene.houseWidth / 2), right = w * (0.5 + scene.houseWidth / 2);
    const double top = h * 0.40, bottom = h * 0.78;
    p.fillRect(QRectF(left, top, right - left, bottom - top), scene.wall);
    p.setBrush(scene.roof);
    QPolygonF roof;
    roof << QPointF(left - w * 0.04, top) << QPointF(w * 0.5, h * 0.18) << QPointF(right + w * 0.04, top);
    p.drawPolygon(roof);
    p.fillRect(QRectF(w * 0.46, h * 0.58, w * 0.08, h * 0.20), QColor(110, 60, 30)); // door
    p.setBrush(QColor(170, 205, 230));
    p.setPen(QPen(QColor(240, 240, 240), 12));
    for (double x : {left + (right - left) * 0.12, right - (right - left) * 0.12 - w * 0.09})
        p.drawRect(QRectF(x, h * 0.50, w * 0.09, h * 0.12));
    p.end();
    return image;
}

QByteArray asCameraJpeg(const QImage &image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(92);
    writer.write(image);
    return bytes;
}

} // namespace

ruhu::Status seedDemoPhotos(PhotoLibrary &library) {
    const Scene scenes[] = {{QColor(185, 95, 70), QColor(70, 70, 80), 0.56, false},
                            {QColor(225, 220, 205), QColor(150, 60, 40), 0.44, true},
                            {QColor(200, 120, 90), QColor(60, 80, 110), 0.66, true}};
    const char *kinds[] = {"住房", "住房", "其他"};
    const char *notes[] = {"正面", "侧面及院落", "院落"};
    int minute = 0;
    for (size_t i = 0; i < std::size(scenes); ++i) {
        auto photo = processPhotoBytes(asCameraJpeg(paintHouse(scenes[i])));
        if (!photo)
            return photo.error();
        PhotoContext context;
        context.householdId = QString::fromLatin1(kHousehold);
        context.photoKind = QString::fromUtf8(kinds[i]);
        context.note = QString::fromUtf8(notes[i]);
        context.author = QStringLiteral("cadre1");
        context.takenAt = QDateTime(QDate(2024, 11, 18), QTime(10, 12 + minute), QTimeZone(8 * 3600));
        minute += 3;
        if (auto saved = library.save(*photo, context); !saved)
            return saved.error();
    }
    return ruhu::okStatus();
}
