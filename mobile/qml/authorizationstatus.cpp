#include "authorizationstatus.h"

#include "authorizationrecords.h"
#include "reloadingproperty.h"

#include <ruhu/store/device_replica.h>

namespace {

QString qs(const std::string &s) {
    return QString::fromStdString(s);
}

std::string textOf(const boost::json::object &o, const char *key) {
    const auto *v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

// The server's receipt (ServerComputed, flows back on pull; format ruhu-receipt-v1): "verified",
// "result", "verificationCode" and a Chinese "message" when it did not verify.
bool receiptVerified(const boost::json::object &receipt) {
    const auto *v = receipt.if_contains("verified");
    return v && v->is_bool() && v->get_bool();
}

} // namespace

AuthorizationStatus::AuthorizationStatus(QObject *parent)
    : QObject(parent) {}

void AuthorizationStatus::setStore(LocalStore *store) {
    if (m_store == store)
        return;
    if (m_storeConnection)
        disconnect(m_storeConnection);
    m_store = store;
    if (store)
        m_storeConnection = connect(store, &LocalStore::changed, this, &AuthorizationStatus::refresh);
    Q_EMIT storeChanged();
    refresh();
}

void AuthorizationStatus::setHouseholdId(const QString &id) {
    setAndReload(this, m_householdId, id, &AuthorizationStatus::householdIdChanged,
                 &AuthorizationStatus::refresh);
}

QString AuthorizationStatus::stateText() const {
    if (m_state == QLatin1String("signed"))
        return tr("已签署");
    if (m_state == QLatin1String("stale"))
        return tr("已失效（家庭信息已修改，请重新签字）");
    if (m_state == QLatin1String("invalid"))
        return tr("签署记录校验失败，请重新签字");
    return tr("未签署");
}

void AuthorizationStatus::refresh() {
    m_state = QStringLiteral("none");
    m_detail.clear();
    m_authorizationId.clear();
    m_signedAt.clear();
    m_signerNames.clear();
    m_receiptState = QStringLiteral("none");
    m_receiptText.clear();
    if (m_store && m_store->replica() && !m_householdId.isEmpty()) {
        const auto &replica = *m_store->replica();
        const std::string householdId = m_householdId.toStdString();
        auto stored = authorization::current(replica, householdId);
        auto document = authorization::coveredHousehold(replica, householdId);
        if (stored && document) {
            const auto check = authorization::check(*stored, *document);
            m_state = check.state == authorization::State::Signed  ? QStringLiteral("signed")
                      : check.state == authorization::State::Stale ? QStringLiteral("stale")
                                                                   : QStringLiteral("invalid");
            m_detail = qs(check.message);
            m_authorizationId = qs(stored->record.id);
            m_signedAt =
                qs(stored->authorization.signedAt.substr(0, 16)).replace(QLatin1Char('T'), QLatin1Char(' '));
            QStringList names;
            for (const auto &signer : stored->authorization.signers)
                names.append(qs(signer.name));
            m_signerNames = names.join(QStringLiteral("、"));
            if (const auto *receipt = stored->record.fields.if_contains("receipt");
                receipt && receipt->is_object()) {
                const auto &r = receipt->get_object();
                const bool ok = receiptVerified(r);
                // "stale": the signature checked out, but the server already held newer covered data.
                const bool stale = !ok && textOf(r, "result") == "stale";
                m_receiptState = ok ? QStringLiteral("verified") : QStringLiteral("refused");
                const std::string message = textOf(r, "message");
                const std::string code = textOf(r, "verificationCode");
                if (ok)
                    m_receiptText = code.empty() ? tr("服务器回执：已验证")
                                                 : tr("服务器回执：已验证（核验码 %1）").arg(qs(code));
                else if (stale)
                    m_receiptText = tr("服务器回执：签名有效，但服务器上的家庭信息已更新，请重新签字");
                else
                    m_receiptText =
                        tr("服务器回执：未通过验证%1")
                            .arg(message.empty() ? QString() : QStringLiteral("（%1）").arg(qs(message)));
            } else if (stored->record.version == 0) {
                m_receiptText = tr("待同步，同步后服务器验证");
            } else {
                m_receiptText = tr("已同步，等待服务器回执");
            }
        }
    }
    Q_EMIT changed();
}
