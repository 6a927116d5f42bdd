// 审计: who read which households' sensitive data, how, when and from where (the read audit of
// docs/privacy.md), filtered by user, household and date. GET /api/v1/audit.
#include "console.h"

#include <ruhu/domain/civil_date.h>

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <charconv>

namespace ruhu::server::console {
namespace {

std::string actionName(const Page &page, const std::string &action) {
    if (action == "pull")
        return page.t("平板同步", "tablet pull");
    if (action == "review_list")
        return page.t("审核列表", "review queue");
    if (action == "history")
        return page.t("记录历史", "record history");
    if (action == "media")
        return page.t("照片/签名", "photo/signature");
    if (action == "pdf")
        return page.t("授权书 PDF", "consent PDF");
    if (action == "verify")
        return page.t("授权书核验", "consent check");
    return action;
}

// "2024-09-01" (Beijing) → Unix ms at 00:00 Beijing time; 0 if it is not a date.
int64_t dayStartMs(const std::string &text) {
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
        d < 1 || d > 31)
        return 0;
    // Days from the civil date (Howard Hinnant's algorithm), then minus 8 hours for Beijing.
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + unsigned(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const int64_t days = int64_t(era) * 146097 + int64_t(doe) - 719468;
    return days * 86400000 - 8 * 3600000;
}

} // namespace

ApiReply auditPage(Page &page) {
    const std::string title = page.t("审计", "Audit");
    const std::string user = page.query("user"), household = page.query("household"),
                      since = page.query("since");
    std::string target = "/api/v1/audit?limit=100";
    auto add = [&](const char *key, const std::string &value) {
        if (!value.empty())
            target +=
                std::string("&") + key + "=" + boost::urls::encode(value, boost::urls::unreserved_chars);
    };
    add("user", user);
    add("household", household);
    add("cursor", page.query("cursor"));
    Markup message;
    if (!since.empty()) {
        const int64_t ms = dayStartMs(since);
        if (ms > 0)
            add("since", std::to_string(ms));
        else
            message = errorBox(page.t("起始日期应为 YYYY-MM-DD。", "The start date should be YYYY-MM-DD."));
    }
    Markup filters = html(R"(<form method="get" action="/console/audit" class="filters" role="search">)"
                          R"(<label>{}<input name="user" value="{}" maxlength="128"></label>)"
                          R"(<label>{}<input name="household" value="{}" maxlength="128"></label>)"
                          R"(<label>{}<input name="since" type="date" value="{}"></label>)"
                          R"(<button type="submit" class="secondary">{}</button></form>)",
                          page.t("用户", "User"), user, page.t("户编号", "Household"), household,
                          page.t("起始日期", "From"), since, page.t("筛选", "Filter"));
    ApiReply reply = page.api(http::verb::get, target);
    if (reply.status != http::status::ok)
        return htmlReply(
            layout(page, title, "audit", html("{}{}{}", message, filters, errorBox(apiErrorMessage(reply)))),
            reply.status);
    const auto &body = reply.body.as_object();
    auto names = areaNames(page.context);
    std::vector<Markup> rows;
    for (const auto &e : body.at("entries").as_array()) {
        const auto &o = e.as_object();
        std::vector<Markup> households;
        for (const auto &h : o.at("households").as_array()) {
            const std::string region = jsonText(h.as_object(), "regionCode");
            households.push_back(html(R"(<div>{} <span class="sub">{}</span></div>)",
                                      jsonText(h.as_object(), "householdId"),
                                      names.contains(region) ? names[region] : region));
        }
        rows.push_back(
            html(R"(<tr><td>{}</td><td>{}<div class="sub">{}</div></td><td>{}</td><td class="value">{}</td>)"
                 R"(<td class="value">{}<div class="sub">{}</div></td><td>{}</td><td>{}</td></tr>)",
                 formatTime(jsonInt(o, "atMs")), jsonText(o, "user"), roleName(page, jsonText(o, "role")),
                 actionName(page, jsonText(o, "action")), jsonText(o, "target"), jsonText(o, "deviceId"),
                 jsonText(o, "clientAddress"), join(households), jsonText(o, "result")));
    }
    Markup table =
        rows.empty()
            ? html(R"(<div class="card sub" id="empty">{}</div>)",
                   page.t("没有符合条件的记录。", "No entries match."))
            : html(
                  R"(<table id="audit"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>)",
                  page.t("时间", "When"), page.t("用户", "User"), page.t("方式", "How"),
                  page.t("对象", "What"), page.t("设备 / 地址", "Device / address"),
                  page.t("涉及农户", "Households"), page.t("结果", "Result"), join(rows));
    Markup content =
        html(R"({}<p class="sub">{}</p>{}{}{})", message,
             page.t("谁在何时、以何种方式看过哪些农户的敏感信息（身份证号、健康、收入、位置），只增不改。",
                    "Who saw which households' sensitive data (ID number, health, income, location), how and "
                    "when. Append-only."),
             filters, table, pager(page, jsonInt(body, "cursor"), body.at("hasMore").as_bool()));
    return htmlReply(layout(page, title, "audit", content));
}

} // namespace ruhu::server::console
