#pragma once

#include <ruhu/evidence/strokes.h>

#include <QColor>
#include <QQuickPaintedItem>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class QEventPoint;
class QPainter;

// The signature pad: captures mouse, touch and pen input (pen input reaches Qt Quick items as mouse
// events synthesized from tablet events, with the pen's device) into strokes of points
// (x, y in item pixels, t in ms since the first pen-down, pressure when the device reports it), draws
// them as smooth ink (quadratic curves through the midpoints), and renders the signature as a PNG.
// The stored points are the raw samples; the smoothing is only how they are drawn.
class SignaturePad : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int strokeCount READ strokeCount NOTIFY strokesChanged)
    Q_PROPERTY(int pointCount READ pointCount NOTIFY strokesChanged)
    Q_PROPERTY(bool empty READ isEmpty NOTIFY strokesChanged)
    Q_PROPERTY(QColor penColor READ penColor WRITE setPenColor NOTIFY penChanged)
    Q_PROPERTY(qreal penWidth READ penWidth WRITE setPenWidth NOTIFY penChanged)
public:
    explicit SignaturePad(QQuickItem *parent = nullptr);

    int strokeCount() const { return int(m_strokes.size()); }
    int pointCount() const;
    bool isEmpty() const { return m_strokes.empty(); }
    QColor penColor() const { return m_penColor; }
    void setPenColor(const QColor &color);
    qreal penWidth() const { return m_penWidth; }
    void setPenWidth(qreal width);

    Q_INVOKABLE void clear();
    Q_INVOKABLE void undoStroke();
    // The strokes as QML data: [[{x, y, t, p?}, ...], ...].
    Q_INVOKABLE QVariantList strokeData() const;
    // Appends a finished stroke from [{x, y, t?, p?}, ...] (screenshot tour, scripted input); points
    // outside the pad are clamped like captured ones.
    Q_INVOKABLE void addStroke(const QVariantList &points);

    // Format v1 (shared/evidence/strokes.h): canvas = the pad's size when the first stroke began.
    ruhu::evidence::SignatureStrokes strokes() const;
    // Black ink on white at the canvas size times `scale`.
    QByteArray renderPng(qreal scale = 1.0) const;

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void strokesChanged();
    void penChanged();

protected:
    bool event(QEvent *event) override; // tablet (pen) events, with pressure, where Qt Quick delivers them
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void touchEvent(QTouchEvent *event) override;

private:
    void beginStroke(const QPointF &position, qint64 timestamp, std::optional<double> pressure);
    void extendStroke(const QPointF &position, qint64 timestamp, std::optional<double> pressure);
    void endStroke();
    ruhu::evidence::StrokePoint makePoint(const QPointF &position, qint64 timestamp,
                                          std::optional<double> pressure);
    void drawStrokes(QPainter *painter, qreal scale) const;

    std::vector<std::vector<ruhu::evidence::StrokePoint>> m_strokes;
    bool m_drawing = false;
    int m_touchId = -1;
    qint64 m_firstTimestamp = -1;
    int m_canvasWidth = 0;
    int m_canvasHeight = 0;
    QColor m_penColor = QColor(0x10, 0x1A, 0x40);
    qreal m_penWidth = 4.0;
};
