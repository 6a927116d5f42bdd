#include "central_store.h"

namespace ruhu::server {
namespace {

Error unsupported() {
    return Error{"internal", "此存储不支持账号管理", ""};
}

} // namespace

Result<std::vector<UserAccount>> CentralStore::users() {
    return unsupported();
}
Result<bool> CentralStore::addUser(const UserAccount &) {
    return unsupported();
}
Status CentralStore::setPassword(const std::string &, const std::string &, bool, const std::string &) {
    return unsupported();
}
Status CentralStore::setUserDisabled(const std::string &, bool) {
    return unsupported();
}
Status CentralStore::deleteToken(const std::string &) {
    return unsupported();
}
Status CentralStore::trimTokens(const std::string &, size_t) {
    return unsupported();
}
Result<DeviceOwner> CentralStore::claimDevice(const std::string &, const std::string &, int64_t) {
    return unsupported();
}
Result<std::optional<DeviceOwner>> CentralStore::findDeviceOwner(const std::string &) {
    return unsupported();
}
Result<std::vector<DeviceOwner>> CentralStore::deviceOwners() {
    return unsupported();
}
Status CentralStore::revokeDevice(const std::string &, const std::string &, int64_t) {
    return unsupported();
}
Status CentralStore::releaseDevice(const std::string &) {
    return unsupported();
}

} // namespace ruhu::server
