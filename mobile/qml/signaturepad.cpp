#include "signaturepad.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QInputDevice>
#include <QPainter>
#include <QPainterPath>
#include <QPointingDevice>
#include <QQuickWindow>
#include <QScreen>
#include <QTabletEvent>
#include <QTouchEvent>

#include <cmath>

namespace {

// Pressure only when the device really measures it; a mouse reports none.
std::optional<double> pressureOf(const QPointerEvent *event, const QEventPoint &point) {
    const QPointingDevice *device = event->pointingDevice();
    if (!device || !device->capabilities().testFlag(QInputDevice::Capability::Pressure))
        return std::nullopt;
    return std::clamp(double(point.pressure()), 0.0, 1.0);
}

// One decimal of a pixel is finer than any pen and keeps the canonical JSON short.
double tenth(double value) {
    return std::round(value * 10.0) / 10.0;
}

QPointF toPoint(const ruhu::evidence::StrokePoint &p, qreal scale) {
    return QPointF(p.x * scale, p.y * scale);
}

} // namespace

SignaturePad::SignaturePad(QQuickItem *parent)
    : QQuickPaintedItem(parent) {
    setAcceptedMouseButtons(Qt::LeftButton);
    setAcceptTouchEvents(true);
    setAntialiasing(true);
    setFillColor(Qt::transparent);
}

int SignaturePad::pointCount() const {
    int count = 0;
    for (const auto &stroke : m_strokes)
        count += int(stroke.size());
    return count;
}

void SignaturePad::setPenColor(const QColor &color) {
    if (m_penColor == color)
        return;
    m_penColor = color;
    Q_EMIT penChanged();
    update();
}

void SignaturePad::setPenWidth(qreal width) {
    if (qFuzzyCompare(m_penWidth, width))
        return;
    m_penWidth = width;
    Q_EMIT penChanged();
    update();
}

void SignaturePad::clear() {
    m_strokes.clear();
    m_drawing = false;
    m_touchId = -1;
    m_firstTimestamp = -1;
    update();
    Q_EMIT strokesChanged();
}

void SignaturePad::undoStroke() {
    if (m_strokes.empty())
        return;
    m_strokes.pop_back();
    m_drawing = false;
    if (m_strokes.empty())
        m_firstTimestamp = -1;
    update();
    Q_EMIT strokesChanged();
}

QVariantList SignaturePad::strokeData() const {
    QVariantList strokes;
    for (const auto &stroke : m_strokes) {
        QVariantList points;
        for (const auto &p : stroke) {
            QVariantMap point{
                {QStringLiteral("x"), p.x}, {QStringLiteral("y"), p.y}, {QStringLiteral("t"), qint64(p.t)}};
            if (p.pressure)
                point.insert(QStringLiteral("p"), *p.pressure);
            points.append(point);
        }
        strokes.append(QVariant(points));
    }
    return strokes;
}

void SignaturePad::addStroke(const QVariantList &points) {
    if (points.isEmpty())
        return;
    qint64 base = m_firstTimestamp < 0 ? 0 : m_firstTimestamp;
    if (!m_strokes.empty() && !m_strokes.back().empty())
        base += m_strokes.back().back().t + 80; // a short lift between scripted strokes
    bool first = true;
    for (const QVariant &value : points) {
        const QVariantMap point = value.toMap();
        const QPointF position(point.value(QStringLiteral("x")).toDouble(),
                               point.value(QStringLiteral("y")).toDouble());
        const qint64 timestamp = base + point.value(QStringLiteral("t")).toLongLong();
        std::optional<double> pressure;
        if (point.contains(QStringLiteral("p")))
            pressure = point.value(QStringLiteral("p")).toDouble();
        if (first)
            beginStroke(position, timestamp, pressure);
        else
            extendStroke(position, timestamp, pressure);
        first = false;
    }
    endStroke();
}

ruhu::evidence::SignatureStrokes SignaturePad::strokes() const {
    ruhu::evidence::SignatureStrokes s;
    s.canvasWidth = m_canvasWidth > 0 ? m_canvasWidth : int(std::ceil(width()));
    s.canvasHeight = m_canvasHeight > 0 ? m_canvasHeight : int(std::ceil(height()));
    const QScreen *screen = window() ? window()->screen() : nullptr;
    s.dpi = screen ? int(std::lround(screen->logicalDotsPerInch())) : 96;
    for (const auto &stroke : m_strokes)
        if (!stroke.empty())
            s.strokes.push_back(stroke);
    return s;
}

QByteArray SignaturePad::renderPng(qreal scale) const {
    const auto s = strokes();
    QImage image(QSize(int(std::ceil(s.canvasWidth * scale)), int(std::ceil(s.canvasHeight * scale))),
                 QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    drawStrokes(&painter, scale);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void SignaturePad::paint(QPainter *painter) {
    painter->setRenderHint(QPainter::Antialiasing);
    drawStrokes(painter, 1.0);
}

// Quadratic midpoint smoothing: each sample is the control point of a curve from the midpoint before it
// to the midpoint after it, so the ink has no corners at the samples. Width follows pressure when known.
void SignaturePad::drawStrokes(QPainter *painter, qreal scale) const {
    for (const auto &stroke : m_strokes) {
        if (stroke.empty())
            continue;
        auto penFor = [&](const ruhu::evidence::StrokePoint &p) {
            const qreal w = m_penWidth * scale * (p.pressure ? 0.5 + *p.pressure : 1.0);
            return QPen(m_penColor, w, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        };
        if (stroke.size() == 1) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(m_penColor);
            const qreal r = penFor(stroke[0]).widthF() / 2;
            painter->drawEllipse(toPoint(stroke[0], scale), r, r);
            continue;
        }
        painter->setBrush(Qt::NoBrush);
        QPointF start = toPoint(stroke[0], scale);
        for (std::size_t i = 1; i < stroke.size(); ++i) {
            const QPointF control = toPoint(stroke[i], scale);
            const QPointF end =
                i + 1 < stroke.size() ? (control + toPoint(stroke[i + 1], scale)) / 2 : control;
            QPainterPath path(start);
            path.quadTo(control, end);
            painter->setPen(penFor(stroke[i]));
            painter->drawPath(path);
            start = end;
        }
    }
}

ruhu::evidence::StrokePoint SignaturePad::makePoint(const QPointF &position, qint64 timestamp,
                                                    std::optional<double> pressure) {
    ruhu::evidence::StrokePoint p;
    p.x = tenth(std::clamp(position.x(), 0.0, double(m_canvasWidth)));
    p.y = tenth(std::clamp(position.y(), 0.0, double(m_canvasHeight)));
    qint64 t = timestamp - m_firstTimestamp;
    // Event timestamps can repeat or (across devices) step back; t must never decrease.
    if (!m_strokes.empty() && !m_strokes.back().empty())
        t = std::max<qint64>(t, m_strokes.back().back().t);
    p.t = std::max<qint64>(t, 0);
    p.pressure = pressure;
    return p;
}

void SignaturePad::beginStroke(const QPointF &position, qint64 timestamp, std::optional<double> pressure) {
    if (m_firstTimestamp < 0 || m_strokes.empty()) {
        m_firstTimestamp = timestamp;
        m_canvasWidth = std::max(1, int(std::ceil(width())));
        m_canvasHeight = std::max(1, int(std::ceil(height())));
    }
    m_strokes.emplace_back();
    m_strokes.back().push_back(makePoint(position, timestamp, pressure));
    m_drawing = true;
    update();
    Q_EMIT strokesChanged();
}

void SignaturePad::extendStroke(const QPointF &position, qint64 timestamp, std::optional<double> pressure) {
    if (!m_drawing || m_strokes.empty())
        return;
    auto point = makePoint(position, timestamp, pressure);
    const auto &last = m_strokes.back().back();
    if (point.x == last.x && point.y == last.y)
        return; // the pen rests: no new sample
    m_strokes.back().push_back(point);
    update();
    Q_EMIT strokesChanged();
}

void SignaturePad::endStroke() {
    m_drawing = false;
    m_touchId = -1;
}

namespace {
// Some platforms deliver events without a timestamp; fall back to a monotonic clock.
qint64 timestampOf(const QInputEvent *event) {
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    return event->timestamp() != 0 ? qint64(event->timestamp()) : clock.elapsed();
}
} // namespace

bool SignaturePad::event(QEvent *event) {
    switch (event->type()) {
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::TabletRelease: {
        auto *tablet = static_cast<QTabletEvent *>(event);
        const std::optional<double> pressure = std::clamp(double(tablet->pressure()), 0.0, 1.0);
        if (event->type() == QEvent::TabletPress)
            beginStroke(tablet->position(), timestampOf(tablet), pressure);
        else
            extendStroke(tablet->position(), timestampOf(tablet), pressure);
        if (event->type() == QEvent::TabletRelease)
            endStroke();
        event->accept();
        return true;
    }
    default:
        return QQuickPaintedItem::event(event);
    }
}

void SignaturePad::mousePressEvent(QMouseEvent *event) {
    beginStroke(event->position(), timestampOf(event), pressureOf(event, event->point(0)));
    event->accept();
}

void SignaturePad::mouseMoveEvent(QMouseEvent *event) {
    extendStroke(event->position(), timestampOf(event), pressureOf(event, event->point(0)));
    event->accept();
}

void SignaturePad::mouseReleaseEvent(QMouseEvent *event) {
    extendStroke(event->position(), timestampOf(event), pressureOf(event, event->point(0)));
    endStroke();
    event->accept();
}

// One finger signs; a second finger (a resting palm) is ignored.
void SignaturePad::touchEvent(QTouchEvent *event) {
    for (const QEventPoint &point : event->points()) {
        if (m_touchId >= 0 && point.id() != m_touchId)
            continue;
        switch (point.state()) {
        case QEventPoint::Pressed:
            if (m_touchId < 0) {
                m_touchId = point.id();
                beginStroke(point.position(), timestampOf(event), pressureOf(event, point));
            }
            break;
        case QEventPoint::Updated:
            extendStroke(point.position(), timestampOf(event), pressureOf(event, point));
            break;
        case QEventPoint::Released:
            extendStroke(point.position(), timestampOf(event), pressureOf(event, point));
            endStroke();
            break;
        default:
            break;
        }
    }
    event->accept();
}
