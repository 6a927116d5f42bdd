// 待办: what waits for this user, by kind and village, each count linking to the filtered list.
#include "../api/scope.h"
#include "console.h"

#include <map>
#include <optional>

namespace ruhu::server::console {
namespace {

struct VillageCounts {
    size_t conflicts = 0;
    size_t mine = 0;    // cases waiting for this user's tier
    size_t overdue = 0; // cases past a time limit
};

bool anyOverdue(const boost::json::object &c) {
    const auto *attention = c.if_contains("attention");
    if (!attention || !attention->is_array())
        return false;
    for (const auto &a : attention->get_array()) {
        if (a.is_object() && jsonFlag(a.get_object(), "overdue"))
            return true;
    }
    return false;
}

} // namespace

ApiReply todoPage(Page &page) {
    std::map<std::string, VillageCounts> byVillage;
    size_t conflicts = 0;
    std::string error;
    int64_t cursor = 0;
    for (bool more = true; more;) {
        ApiReply reply = page.api(http::verb::get,
                                  "/api/v1/reviews?status=open&limit=1000&cursor=" + std::to_string(cursor));
        if (reply.status != http::status::ok) {
            error = apiErrorMessage(reply);
            break;
        }
        const auto &body = reply.body.as_object();
        for (const auto &r : body.at("reviews").as_array()) {
            ++conflicts;
            ++byVillage[std::string(r.as_object().at("regionCode").as_string())].conflicts;
        }
        more = body.at("hasMore").as_bool();
        cursor = body.at("cursor").as_int64();
    }
    size_t mine = 0, overdue = 0;
    CaseScan scan = scanCases(page, {});
    if (error.empty())
        error = scan.error;
    for (const auto &c : scan.cases) {
        auto &counts = byVillage[jsonText(c, "regionCode")];
        if (caseWaitsFor(jsonText(c, "state"), page.session.user.role)) {
            ++mine;
            ++counts.mine;
        }
        if (anyOverdue(c)) {
            ++overdue;
            ++counts.overdue;
        }
    }
    // Tablets gone quiet: only accounts that manage devices (county, admin) may list them.
    std::optional<size_t> quiet;
    if (ApiReply devices = page.api(http::verb::get, "/api/v1/admin/devices");
        devices.status == http::status::ok) {
        const int64_t now = page.context.clock.nowMs();
        quiet = 0;
        for (const auto &d : devices.body.as_object().at("devices").as_array())
            *quiet += deviceQuiet(d.as_object(), now) ? 1 : 0;
    }
    auto names = areaNames(page.context);
    std::vector<Markup> rows;
    for (const auto &[code, counts] : byVillage)
        rows.push_back(
            html(R"(<tr><td>{}</td><td class="num"><a href="/console/reviews?region={}">{}</a></td>)"
                 R"(<td class="num"><a href="/console/cases?mine=1&amp;village={}">{}</a></td>)"
                 R"(<td class="num"><a href="/console/cases?overdue=1&amp;village={}">{}</a></td></tr>)",
                 names.contains(code) ? names[code] : code, code, counts.conflicts, code, counts.mine, code,
                 counts.overdue));
    Markup cards = html(
        R"(<div class="counts"><a class="count{}" href="/console/reviews" id="todo-conflicts"><strong>{}</strong>{}</a>)"
        R"(<a class="count{}" href="/console/cases?mine=1" id="todo-cases"><strong>{}</strong>{}</a>)"
        R"(<a class="count{}" href="/console/cases?overdue=1" id="todo-overdue"><strong>{}</strong>{}</a>{}</div>)",
        conflicts == 0 ? " zero" : "", conflicts, page.t("待处理冲突", "Clashes to resolve"),
        mine == 0 ? " zero" : "", mine, page.t("待本级审核的案件", "Cases waiting for my tier"),
        overdue == 0 ? " zero" : "", overdue, page.t("超期案件", "Overdue cases"),
        quiet
            ? html(
                  R"(<a class="count{}" href="/console/devices?quiet=1" id="todo-quiet-devices"><strong>{}</strong>{}</a>)",
                  *quiet == 0 ? " zero" : "", *quiet,
                  page.english ? "Tablets not seen for " + std::to_string(kQuietDays) + " days"
                               : "超过" + std::to_string(kQuietDays) + "天未同步的平板")
            : Markup());
    Markup table =
        rows.empty()
            ? html(R"(<p class="sub">{}</p>)", page.t("没有待办事项。", "Nothing waits."))
            : html(
                  R"(<h2>{}</h2><table id="todo-villages"><thead><tr><th>{}</th><th class="num">{}</th><th class="num">{}</th>)"
                  R"(<th class="num">{}</th></tr></thead><tbody>{}</tbody></table>)",
                  page.t("按村", "By village"), page.t("村", "Village"), page.t("待处理冲突", "Clashes"),
                  page.t("待本级审核", "Waiting for me"), page.t("超期", "Overdue"), join(rows));
    Markup body = html("{}{}{}", error.empty() ? Markup() : errorBox(error), cards, table);
    return htmlReply(layout(page, page.t("待办", "To do"), "todo", body));
}

} // namespace ruhu::server::console
