// 设备: every tablet bound to an account in the user's area, its signing key and how far its pushes got;
// retire its key, revoke a lost tablet's sessions, release it for another cadre. GET /api/v1/admin/devices,
// DELETE /api/v1/devices/{id}/key, POST /api/v1/devices/{id}/revoke, POST /api/v1/admin/devices/{id}/release.
#include "console.h"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <charconv>

namespace ruhu::server::console {
namespace {

constexpr size_t kPageSize = 50;
constexpr int64_t kDayMs = 24 * 3600 * 1000;
// A tablet clock further off than this makes its records' times (visits, signatures) doubtful.
constexpr int64_t kClockToleranceMs = 5 * 60 * 1000;

int64_t lastSeenMs(const boost::json::object &d) {
    return std::max(jsonInt(d, "lastPushAtMs"), jsonInt(d, "lastPullAtMs"));
}

std::string durationText(const Page &page, int64_t ms) {
    const int64_t minutes = ms / 60000, hours = minutes / 60, days = hours / 24;
    if (days > 0)
        return page.english ? std::to_string(days) + " d" : std::to_string(days) + " 天";
    if (hours > 0)
        return page.english ? std::to_string(hours) + " h" : std::to_string(hours) + " 小时";
    return page.english ? std::to_string(minutes) + " min" : std::to_string(minutes) + " 分钟";
}

Markup lastSeenCell(const Page &page, const boost::json::object &d, int64_t nowMs) {
    const int64_t seen = lastSeenMs(d);
    const Markup quiet = deviceQuiet(d, nowMs)
                             ? html(R"(<span class="tag bad">{}</span>)",
                                    page.english ? "not seen for " + std::to_string(kQuietDays) + " days"
                                                 : "超过" + std::to_string(kQuietDays) + "天未同步")
                             : Markup();
    if (seen == 0)
        return html(R"({}<span class="tag">{}</span>)", quiet, page.t("从未同步", "never synced"));
    return html(R"({}<span class="value">{}</span><div class="sub">{} · {} {} · {} {}</div>)", quiet,
                formatTime(seen),
                page.english ? durationText(page, nowMs - seen) + " ago"
                             : durationText(page, nowMs - seen) + "前",
                page.t("推送", "push"), formatTime(jsonInt(d, "lastPushAtMs")), page.t("拉取", "pull"),
                formatTime(jsonInt(d, "lastPullAtMs")));
}

Markup versionCell(const Page &page, const boost::json::object &d) {
    const std::string version = jsonText(d, "appVersion");
    const auto *offset = d.if_contains("clockOffsetMs");
    Markup clock;
    if (offset && offset->is_int64()) {
        const int64_t ms = offset->as_int64();
        if (ms > kClockToleranceMs || ms < -kClockToleranceMs)
            clock =
                html(R"(<span class="tag warn">{}</span>)",
                     page.english
                         ? "clock " + durationText(page, std::llabs(ms)) + (ms > 0 ? " fast" : " slow")
                         : std::string("时钟") + (ms > 0 ? "快" : "慢") + durationText(page, std::llabs(ms)));
        else
            clock = html(R"(<div class="sub">{}</div>)", page.t("时钟正常", "clock right"));
    }
    return html(R"(<span class="value">{}</span>{})", version.empty() ? std::string("—") : version, clock);
}

Markup actionButton(const Page &page, const std::string &deviceId, const char *action, const char *label,
                    const std::string &question, bool danger) {
    return html(R"(<form method="post" action="/console/devices/{}/{}" class="inline" data-confirm="{}">{})"
                R"(<button type="submit" class="{}">{}</button></form>)",
                boost::urls::encode(deviceId, boost::urls::unreserved_chars), action, question,
                csrfInput(page), danger ? "danger" : "secondary", label);
}

Markup deviceRow(const Page &page, const boost::json::object &d,
                 const std::map<std::string, std::string> &names, int64_t nowMs) {
    const std::string id = jsonText(d, "deviceId");
    std::vector<std::string> areaList;
    if (const auto *areas = d.if_contains("areas"); areas && areas->is_array()) {
        for (const auto &a : areas->get_array()) {
            const std::string code(a.as_string());
            areaList.push_back(names.contains(code) ? names.at(code) : code);
        }
    }
    std::string areaText;
    for (const auto &a : areaList)
        areaText += (areaText.empty() ? "" : "、") + a;
    const bool revoked = d.at("revoked").as_bool();
    const auto *key = d.at("key").if_object();
    const int64_t maxSeq = jsonInt(d, "maxSeq"), contiguous = jsonInt(d, "contiguousSeq");
    std::vector<Markup> actions;
    if (key)
        actions.push_back(actionButton(page, id, "retire-key", page.t("注销密钥", "Retire key"),
                                       page.t("注销这台平板的签名密钥？之后它签的授权书需要重新登记密钥。",
                                              "Retire this tablet's signing key?"),
                                       false));
    if (!revoked)
        actions.push_back(
            actionButton(page, id, "revoke", page.t("挂失停用", "Revoke (lost)"),
                         page.t("挂失停用这台平板？它的登录立即失效，密钥注销，不能再登录。",
                                "Revoke this lost tablet? Its sessions end and it cannot log in again."),
                         true));
    actions.push_back(actionButton(page, id, "release", page.t("解除绑定", "Release"),
                                   page.t("解除这台平板与账号的绑定？下一个登录的账号将绑定它。",
                                          "Release this tablet for another account?"),
                                   false));
    return html(
        R"(<tr><td class="value">{}</td><td>{}<div class="sub">{}</div></td><td>{}</td><td>{}</td><td>{}</td>)"
        R"(<td>{}</td><td>{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td><div class="actions">{}</div></td></tr>)",
        id, jsonText(d, "displayName").empty() ? jsonText(d, "username") : jsonText(d, "displayName"),
        jsonText(d, "username"), areaText, formatTime(jsonInt(d, "boundAtMs")),
        revoked ? html(R"(<span class="tag bad">{}</span><div class="sub">{} · {}</div>)",
                       page.t("已停用", "revoked"), jsonText(d, "revokedBy"),
                       formatTime(jsonInt(d, "revokedAtMs")))
                : html(R"(<span class="tag ok">{}</span>)", page.t("正常", "active")),
        key ? html(R"(<span class="tag ok">{}</span><div class="sub value">{} · {}</div>)",
                   page.t("已登记", "registered"), jsonText(*key, "fingerprint"),
                   formatTime(jsonInt(*key, "registeredAtMs")))
            : html(R"(<span class="tag">{}</span>)", page.t("无", "none")),
        lastSeenCell(page, d, nowMs), versionCell(page, d), maxSeq,
        maxSeq - contiguous > 0 ? html(R"(<span class="tag warn">{}</span>)", maxSeq - contiguous)
                                : html("0"),
        join(actions));
}

} // namespace

bool deviceQuiet(const boost::json::object &device, int64_t nowMs) {
    if (jsonFlag(device, "revoked"))
        return false;
    return std::max(lastSeenMs(device), jsonInt(device, "boundAtMs")) < nowMs - kQuietDays * kDayMs;
}

ApiReply devicesPage(Page &page) {
    const std::string title = page.t("设备", "Devices");
    ApiReply reply = page.api(http::verb::get, "/api/v1/admin/devices");
    if (reply.status != http::status::ok)
        return htmlReply(layout(page, title, "devices", errorBox(apiErrorMessage(reply))), reply.status);
    const std::string filter = page.query("q");
    const bool quietOnly = page.query("quiet") == "1";
    const int64_t now = page.context.clock.nowMs();
    size_t offset = 0;
    if (auto c = page.query("cursor"); !c.empty())
        std::from_chars(c.data(), c.data() + c.size(), offset);
    auto names = areaNames(page.context);
    std::vector<Markup> rows;
    size_t matched = 0;
    for (const auto &d : reply.body.as_object().at("devices").as_array()) {
        const auto &o = d.as_object();
        if (!filter.empty() && jsonText(o, "deviceId").find(filter) == std::string::npos &&
            jsonText(o, "username").find(filter) == std::string::npos &&
            jsonText(o, "displayName").find(filter) == std::string::npos)
            continue;
        if (quietOnly && !deviceQuiet(o, now))
            continue;
        if (matched++ < offset || rows.size() >= kPageSize)
            continue;
        rows.push_back(deviceRow(page, o, names, now));
    }
    Markup message;
    if (auto done = page.query("done"); !done.empty())
        message = noticeBox(page.t("操作已完成。", "Done."));
    Markup filters = html(
        R"(<form method="get" action="/console/devices" class="filters" role="search">)"
        R"(<label>{}<input name="q" value="{}" placeholder="{}"></label>)"
        R"(<label class="check"><input type="checkbox" name="quiet" value="1"{}>{}</label>)"
        R"(<button type="submit" class="secondary">{}</button><span class="sub">{}</span></form>)",
        page.t("设备或用户", "Device or user"), filter, page.t("如 cadre1", "e.g. cadre1"),
        quietOnly ? " checked" : "",
        page.english ? "not seen for " + std::to_string(kQuietDays) + " days"
                     : "超过" + std::to_string(kQuietDays) + "天未同步",
        page.t("筛选", "Filter"),
        page.english ? std::to_string(matched) + " tablets" : "共 " + std::to_string(matched) + " 台平板");
    Markup table =
        rows.empty()
            ? html(R"(<div class="card sub" id="empty">{}</div>)", page.t("没有平板。", "No tablets."))
            : html(
                  R"(<table id="devices"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>)"
                  R"(<th>{}</th><th>{}</th><th class="num">{}</th><th class="num">{}</th><th></th></tr></thead><tbody>{}</tbody></table>)",
                  page.t("设备编号", "Device"), page.t("用户", "User"), page.t("区划", "Area"),
                  page.t("绑定时间", "Bound"), page.t("状态", "Status"), page.t("签名密钥", "Signing key"),
                  page.t("最近同步", "Last sync"), page.t("应用版本", "App version"),
                  page.t("已收变更", "Pushed"), page.t("缺失序号", "Missing"), join(rows));
    Markup content = html(R"({}{}{}<p class="sub">{}</p>{})", message, filters, table,
                          page.t("“已收变更”是服务器收到的最高序号；“缺失序号”是平板已发出更高序号、但其前仍"
                                 "有服务器未收到的变更数。",
                                 "Pushed: the highest sequence number received. Missing: numbers below it "
                                 "the server has not seen."),
                          pager(page, int64_t(offset + kPageSize), matched > offset + kPageSize));
    return htmlReply(layout(page, title, "devices", content));
}

ApiReply deviceAction(Page &page, const std::string &deviceId, std::string_view action,
                      const std::map<std::string, std::string> &) {
    const std::string encoded = boost::urls::encode(deviceId, boost::urls::unreserved_chars);
    ApiReply reply;
    if (action == "retire-key")
        reply = page.api(http::verb::delete_, "/api/v1/devices/" + encoded + "/key");
    else if (action == "revoke")
        reply = page.api(http::verb::post, "/api/v1/devices/" + encoded + "/revoke");
    else if (action == "release")
        reply = page.api(http::verb::post, "/api/v1/admin/devices/" + encoded + "/release");
    else
        return htmlReply(layout(page, page.t("设备", "Devices"), "devices",
                                errorBox(page.t("未知操作。", "Unknown action."))),
                         http::status::not_found);
    if (reply.status == http::status::ok) {
        ApiReply done = redirectTo("/console/devices?done=1");
        done.user = page.session.user.username;
        return done;
    }
    ApiReply shown =
        htmlReply(layout(page, page.t("设备", "Devices"), "devices",
                         html(R"({}<a href="/console/devices">{}</a>)", errorBox(apiErrorMessage(reply)),
                              page.t("返回设备列表", "Back to devices"))),
                  reply.status);
    shown.user = page.session.user.username;
    return shown;
}

} // namespace ruhu::server::console
