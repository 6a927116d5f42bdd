#include "appsettings.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJSEngine>
#include <QQmlEngine>
#include <QRegularExpression>
#include <QSettings>
#include <QTranslator>
#include <QUrl>

namespace {

constexpr auto kLanguageKey = "ui/language";
constexpr auto kTextSizeKey = "ui/textSize";
constexpr auto kInsecureKey = "server/allowInsecureHttp";
constexpr auto kPinKey = "server/pinnedCertificateSha256";

QString normalizedPin(const QString &text) {
    return text.trimmed().toLower().remove(QLatin1Char(':')).remove(QLatin1Char(' '));
}

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
        m_allowInsecureHttp = m_settings->value(QLatin1String(kInsecureKey), false).toBool();
        m_pinnedCertificate = m_settings->value(QLatin1String(kPinKey)).toString();
    }
}

void AppSettings::setAllowInsecureHttp(bool allow) {
    if (allow == m_allowInsecureHttp)
        return;
    m_allowInsecureHttp = allow;
    if (m_settings)
        m_settings->setValue(QLatin1String(kInsecureKey), allow);
    Q_EMIT transportChanged();
}

void AppSettings::setPinnedCertificate(const QString &sha256) {
    const QString pin = normalizedPin(sha256);
    if (pin == m_pinnedCertificate || !pinError(pin).isEmpty())
        return;
    m_pinnedCertificate = pin;
    if (m_settings)
        m_settings->setValue(QLatin1String(kPinKey), pin);
    Q_EMIT transportChanged();
}

QString AppSettings::pinError(const QString &text) const {
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    const QString pin = normalizedPin(text);
    if (pin.isEmpty() || hex.match(pin).hasMatch())
        return {};
    return tr("证书指纹应为 64 位十六进制数字（SHA-256），可带冒号");
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
    const QHostAddress address(url.host());
    const bool loopback =
        url.host() == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
    if (url.scheme() == QLatin1String("http") && !loopback && !m_allowInsecureHttp)
        return tr(
            "请使用 https:// 地址（加密连接）。如确需 http://，请先打开下面的“允许不加密连接（不安全）”");
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
