#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QJSEngine;
class QQmlEngine;
class QSettings;
class QTranslator;

// The cadre's settings: language (简体中文 by default, English) switched live through a QTranslator and
// QQmlEngine::retranslate(), and the text size that scales Theme's fonts. Persisted in QSettings.
// The server address stays with Session; serverUrlError() checks one before it is saved.
class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // "zh_CN" or "en".
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // 0 normal, 1 large, 2 extra large.
    Q_PROPERTY(int textSize READ textSize WRITE setTextSize NOTIFY textSizeChanged)
    Q_PROPERTY(double textScale READ textScale NOTIFY textSizeChanged)
    // "允许不加密连接（不安全）": plain http:// to a server other than this device. Off by default.
    Q_PROPERTY(
        bool allowInsecureHttp READ allowInsecureHttp WRITE setAllowInsecureHttp NOTIFY transportChanged)
    // SHA-256 of the server's certificate (hex, colons allowed); empty: no pinning.
    Q_PROPERTY(
        QString pinnedCertificate READ pinnedCertificate WRITE setPinnedCertificate NOTIFY transportChanged)
public:
    // Not default-constructible on purpose: Qt 6.4 would then build its own singleton instead of calling
    // create(). settings may be null (tests): nothing is persisted then.
    explicit AppSettings(QSettings *settings, QObject *parent = nullptr);
    ~AppSettings() override;

    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    int textSize() const { return m_textSize; }
    void setTextSize(int size);
    double textScale() const;

    bool allowInsecureHttp() const { return m_allowInsecureHttp; }
    void setAllowInsecureHttp(bool allow);
    QString pinnedCertificate() const { return m_pinnedCertificate; }
    void setPinnedCertificate(const QString &sha256);

    // Empty when the address is usable, else what to fix, in the current language.
    Q_INVOKABLE QString serverUrlError(const QString &url) const;
    // Empty when text is empty or 64 hex digits (colons and spaces ignored).
    Q_INVOKABLE QString pinError(const QString &text) const;

    // The engine whose bindings are re-evaluated after a language switch.
    void setEngine(QQmlEngine *engine);
    // Installs the translator of the saved language (call once the application exists).
    void applyLanguage();

    static void setInstance(AppSettings *instance);
    static AppSettings *create(QQmlEngine *engine, QJSEngine *);

Q_SIGNALS:
    void languageChanged();
    void textSizeChanged();
    void transportChanged();

private:
    QSettings *m_settings;
    QString m_language = QStringLiteral("zh_CN");
    int m_textSize = 0;
    bool m_allowInsecureHttp = false;
    QString m_pinnedCertificate;
    std::unique_ptr<QTranslator> m_translator;
    QPointer<QQmlEngine> m_engine;
    static inline AppSettings *s_instance = nullptr;
};
