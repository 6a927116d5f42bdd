#include "central_store.h"

#include <map>

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
Status CentralStore::noteDeviceActivity(const DeviceActivity &) {
    return unsupported();
}

Result<std::vector<Record>> CentralStore::recordsOfKind(const std::string &kind,
                                                        const std::vector<std::string> &regionPrefixes,
                                                        const std::string &afterId, size_t limit) {
    std::map<std::string, Record> found;
    int64_t cursor = 0;
    for (;;) {
        auto page = changesSince(regionPrefixes, cursor, 1000);
        if (!page)
            return page.error();
        for (auto &r : page->records) {
            if (r.kind == kind && r.id > afterId && !r.deleted)
                found[r.id] = std::move(r);
        }
        if (!page->hasMore || page->cursor == cursor)
            break;
        cursor = page->cursor;
    }
    std::vector<Record> out;
    for (auto &[id, r] : found) {
        if (out.size() == limit)
            break;
        out.push_back(std::move(r));
    }
    return out;
}

Result<StoreStatus> CentralStore::health() {
    return Error{"internal", "此存储不提供运行状态", ""};
}
std::string CentralStore::incarnation() const {
    return {};
}

} // namespace ruhu::server
