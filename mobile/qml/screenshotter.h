#pragma once

#include <QObject>
#include <QQuickWindow>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

// Screenshot mode (ruhu --screenshot-dir DIR): the QML tour visits each page and calls capture();
// each page becomes DIR/<name>.png. Inactive in a normal start.
class Screenshotter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool active READ isActive CONSTANT)
public:
    // Not default-constructible on purpose: Qt 6.4 would then build its own singleton instead of calling
    // create().
    explicit Screenshotter(const QString &directory, QObject *parent = nullptr);

    bool isActive() const { return !m_directory.isEmpty(); }

    Q_INVOKABLE bool capture(QQuickWindow *window, const QString &name);
    // Ends the tour: the app exits with 0 if every capture was written.
    Q_INVOKABLE void finish();

    int failures() const { return m_failures; }

    static void setInstance(Screenshotter *instance);
    static Screenshotter *create(QQmlEngine *, QJSEngine *);

Q_SIGNALS:
    void finished(bool ok);

private:
    QString m_directory;
    int m_captured = 0;
    int m_failures = 0;
    static inline Screenshotter *s_instance = nullptr;
};
