#include "device_activity.h"

#include "../net/json_log.h"

#include <algorithm>
#include <charconv>

namespace ruhu::server {
namespace {

constexpr size_t kMaxAppVersion = 32;
// A clock further off than this is a malformed header, not a tablet's clock.
constexpr int64_t kMaxClockOffsetMs = int64_t(20) * 365 * 24 * 3600 * 1000;

std::string_view header(const Request &request, std::string_view name) {
    auto field = request[name];
    return {field.data(), field.size()};
}

std::string appVersion(const Request &request) {
    const auto value = header(request, "X-Ruhu-App-Version");
    const bool printable =
        std::all_of(value.begin(), value.end(), [](char c) { return c > ' ' && c < 0x7f; });
    return value.size() <= kMaxAppVersion && printable ? std::string(value) : std::string();
}

std::optional<int64_t> clockOffset(const Request &request, int64_t nowMs) {
    const auto value = header(request, "X-Ruhu-Client-Time");
    int64_t clientMs = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), clientMs);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size() || clientMs <= 0)
        return std::nullopt;
    const int64_t offset = clientMs - nowMs;
    if (offset > kMaxClockOffsetMs || offset < -kMaxClockOffsetMs)
        return std::nullopt;
    return offset;
}

} // namespace

void noteDeviceActivity(const Request &request, const ApiContext &context, const UserAccount &user,
                        DeviceActivity::Kind kind) {
    if (user.sessionDeviceId.empty())
        return;
    DeviceActivity activity;
    activity.deviceId = user.sessionDeviceId;
    activity.kind = kind;
    activity.atMs = context.clock.nowMs();
    activity.appVersion = appVersion(request);
    activity.clockOffsetMs = clockOffset(request, activity.atMs);
    if (auto st = context.store.noteDeviceActivity(activity); !st)
        logWarning("device_activity_not_recorded",
                   {{"device", activity.deviceId}, {"code", st.error().code}});
}

} // namespace ruhu::server
