#include "device_scope.h"

#include "../admin/accounts.h"

namespace ruhu::server {

Status checkDeviceInArea(const ApiContext &context, const UserAccount &actor,
                         const std::vector<std::string> &accounts) {
    if (actor.role == "admin")
        return okStatus();
    for (const auto &name : accounts) {
        auto account = context.store.findUser(name);
        if (!account)
            return account.error();
        if (!*account || !mayManage(actor, **account))
            return Error{"forbidden_area", "这台平板的账号不在您的管辖范围内", "deviceId"};
    }
    return okStatus();
}

} // namespace ruhu::server
