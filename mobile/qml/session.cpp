#include "session.h"

#include "localstore.h"
#include "qtjson.h"
#include "syncclient.h"

#include <ruhu/store/device_replica.h>

#include <QJSEngine>
#include <QSettings>
#include <QUrl>

namespace {
constexpr auto kServerKey = "server/url";
}

Session::Session(LocalStore &store, SyncClient &client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client) {
    connect(&m_client, &SyncClient::loggedIn, this, [this] {
        setBusy(false);
        setError({});
        refresh();
        Q_EMIT loginSucceeded();
    });
    connect(&m_client, &SyncClient::loginFailed, this, [this](const QString &message) {
        setBusy(false);
        setError(message);
    });
    refresh();
}

void Session::setSettings(QSettings *settings) {
    m_settings = settings;
    if (m_settings && m_serverUrl.isEmpty())
        setServerUrl(m_settings->value(kServerKey).toString());
}

void Session::setServerUrl(const QString &url) {
    const QString trimmed = url.trimmed();
    if (trimmed == m_serverUrl)
        return;
    m_serverUrl = trimmed;
    m_client.setServerUrl(QUrl::fromUserInput(m_serverUrl));
    if (m_settings && !m_serverUrl.isEmpty())
        m_settings->setValue(kServerKey, m_serverUrl);
    Q_EMIT serverUrlChanged();
}

void Session::login(const QString &username, const QString &password) {
    if (m_busy)
        return;
    if (m_serverUrl.isEmpty())
        return setError(tr("请填写服务器地址"));
    if (!QUrl::fromUserInput(m_serverUrl).isValid())
        return setError(tr("服务器地址格式不正确，例如 https://ruhu.example.cn"));
    if (username.trimmed().isEmpty())
        return setError(tr("请输入用户名"));
    if (password.isEmpty())
        return setError(tr("请输入密码"));
    setError({});
    setBusy(true);
    m_client.setServerUrl(QUrl::fromUserInput(m_serverUrl));
    m_client.login(username.trimmed(), password);
}

void Session::logout() {
    m_client.logout(); // the server forgets the token too (docs/accounts.md)
    if (auto *replica = m_store.replica())
        replica->clearSession();
    refresh();
}

void Session::clearError() {
    setError({});
}

void Session::refresh() {
    std::optional<ruhu::DeviceSession> session;
    if (auto *replica = m_store.replica())
        session = replica->session();
    const bool loggedIn = session.has_value();
    const QString username = session ? qtjson::str(session->username) : QString();
    const QString displayName = session ? qtjson::str(session->displayName) : QString();
    if (loggedIn == m_loggedIn && username == m_username && displayName == m_displayName)
        return;
    m_loggedIn = loggedIn;
    m_username = username;
    m_displayName = displayName;
    Q_EMIT changed();
}

void Session::setBusy(bool busy) {
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void Session::setError(const QString &message) {
    if (message == m_errorMessage)
        return;
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

void Session::setInstance(Session *instance) {
    s_instance = instance;
}

Session *Session::create(QQmlEngine *, QJSEngine *) {
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}
