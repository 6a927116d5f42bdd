#include "appsettings.h"

#include <QCoreApplication>
#include <QJSEngine>
#include <QQmlEngine>
#include <QSettings>
#include <QTranslator>
#include <QUrl>

namespace {

constexpr auto kLanguageKey = "ui/language";
constexpr auto kTextSizeKey = "ui/textSize";

bool isSupported(const QString &language) {
    return language == QLatin1String("zh_CN") || language == QLatin1String("en");
}

} // namespace

AppSettings::AppSettings(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings) {
    if (m_settings) {
        const QString saved = m_settings->value(QLatin1String(kLanguageKey)).toString();
        if (isSupported(saved))
            m_language = saved;
        m_textSize = qBound(0, m_settings->value(QLatin1String(kTextSizeKey), 0).toInt(), 2);
    }
}

AppSettings::~AppSettings() {
    if (m_translator && QCoreApplication::instance())
        QCoreApplication::removeTranslator(m_translator.get());
}

void AppSettings::setLanguage(const QString &language) {
    if (!isSupported(language) || language == m_language)
        return;
    m_language = language;
    if (m_settings)
        m_settings->setValue(QLatin1String(kLanguageKey), m_language);
    applyLanguage();
    Q_EMIT languageChanged();
}

void AppSettings::applyLanguage() {
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(QStringLiteral(":/i18n/ruhu_%1.qm").arg(m_language)))
        qWarning("ruhu: no translation for %s", qPrintable(m_language));
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator = std::move(translator);
    QCoreApplication::installTranslator(m_translator.get());
    if (m_engine)
        m_engine->retranslate();
}

void AppSettings::setTextSize(int size) {
    size = qBound(0, size, 2);
    if (size == m_textSize)
        return;
    m_textSize = size;
    if (m_settings)
        m_settings->setValue(QLatin1String(kTextSizeKey), m_textSize);
    Q_EMIT textSizeChanged();
}

double AppSettings::textScale() const {
    static constexpr double kScales[] = {1.0, 1.15, 1.3};
    return kScales[m_textSize];
}

QString AppSettings::serverUrlError(const QString &text) const {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("请填写服务器地址，例如 https://ruhu.example.gov.cn");
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return tr("地址要以 http:// 或 https:// 开头，例如 https://ruhu.example.gov.cn");
    if (url.host().isEmpty())
        return tr("地址里缺少服务器名称，例如 https://ruhu.example.gov.cn");
    if (url.hasQuery() || url.hasFragment())
        return tr("地址不能带“?”或“#”后面的内容，请只填服务器地址");
    return {};
}

void AppSettings::setEngine(QQmlEngine *engine) {
    m_engine = engine;
}

void AppSettings::setInstance(AppSettings *instance) {
    s_instance = instance;
}

AppSettings *AppSettings::create(QQmlEngine *engine, QJSEngine *) {
    if (!s_instance) { // a test without the app's composition root: defaults, nothing persisted
        static AppSettings fallback(nullptr);
        s_instance = &fallback;
    }
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    s_instance->setEngine(engine);
    return s_instance;
}
