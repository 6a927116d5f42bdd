#include "authorizationrecords.h"

#include <ruhu/evidence/authorization_standing.h>
#include <ruhu/evidence/covered_household.h>
#include <ruhu/store/device_replica.h>

#include <QFile>

#include <boost/json/parse.hpp>

#include <map>
#include <mutex>

namespace authorization {

namespace {

struct LoadedTemplate {
    std::optional<ruhu::evidence::ConsentTemplate> consentTemplate;
    std::string error;
};

LoadedTemplate load(const std::string &id) {
    LoadedTemplate loaded;
    QFile file(QStringLiteral(":/qt/qml/Ruhu/consent/%1.json").arg(QString::fromStdString(id)));
    if (!file.open(QIODevice::ReadOnly)) {
        loaded.error = "找不到授权书模板 " + id + "，请更新应用";
        return loaded;
    }
    const QByteArray bytes = file.readAll();
    boost::system::error_code ec;
    auto json = boost::json::parse(std::string_view(bytes.constData(), size_t(bytes.size())), ec);
    if (ec) {
        loaded.error = "授权书模板 " + id + " 无法读取，请更新应用";
        return loaded;
    }
    auto parsed = ruhu::evidence::parseConsentTemplate(json);
    if (!parsed)
        loaded.error = "授权书模板有误：" + parsed.error().message;
    else
        loaded.consentTemplate = std::move(*parsed);
    return loaded;
}

} // namespace

const std::string &currentTemplateId() {
    static const std::string id = "auth-v1";
    return id;
}

const ruhu::evidence::ConsentTemplate *consentTemplate(const std::string &id, std::string *error) {
    static std::mutex mutex;
    static std::map<std::string, LoadedTemplate> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(id);
    if (it == cache.end())
        it = cache.emplace(id, load(id)).first;
    if (error)
        *error = it->second.error;
    return it->second.consentTemplate ? &*it->second.consentTemplate : nullptr;
}

std::optional<ruhu::domain::HouseholdDocument> coveredHousehold(const ruhu::DeviceReplica &replica,
                                                                const std::string &householdId) {
    auto household = replica.record("household", householdId);
    if (!household || household->deleted)
        return std::nullopt;
    return ruhu::evidence::coveredHouseholdFromRecords(*household, replica.members(householdId));
}

std::optional<Stored> current(const ruhu::DeviceReplica &replica, const std::string &householdId) {
    auto inForce =
        ruhu::evidence::authorizationInForce(replica.householdRecords("authorization", householdId));
    if (!inForce)
        return std::nullopt;
    return Stored{std::move(inForce->record), std::move(inForce->document)};
}

Check check(const Stored &stored, const ruhu::domain::HouseholdDocument &current) {
    auto status = ruhu::evidence::verifyAuthorization(stored.authorization, current,
                                                      stored.authorization.devicePublicKey);
    if (status)
        return {State::Signed, {}};
    return {status.error().code == "stale" ? State::Stale : State::Invalid, status.error().message};
}

} // namespace authorization
