#include "screenshotter.h"

#include <QDir>
#include <QImage>
#include <QJSEngine>
#include <QQuickWindow>
#include <QtDebug>

Screenshotter::Screenshotter(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory) {}

bool Screenshotter::capture(QQuickWindow *window, const QString &name) {
    if (!isActive() || !window)
        return false;
    QDir().mkpath(m_directory);
    const QString path = QDir(m_directory).filePath(name + QStringLiteral(".png"));
    const QImage image = window->grabWindow();
    if (image.isNull() || !image.save(path)) {
        qWarning().noquote() << "screenshot failed:" << path;
        ++m_failures;
        return false;
    }
    ++m_captured;
    qInfo().noquote() << "screenshot" << path;
    return true;
}

void Screenshotter::finish() {
    Q_EMIT finished(m_failures == 0 && m_captured > 0);
}

void Screenshotter::setInstance(Screenshotter *instance) {
    s_instance = instance;
}

Screenshotter *Screenshotter::create(QQmlEngine *, QJSEngine *) {
    if (!s_instance)
        return new Screenshotter(QString()); // not in screenshot mode: inactive, owned by the engine
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}
