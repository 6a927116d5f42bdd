// 待办: what waits for this user, by kind and village, each count linking to the filtered list.
#include "../api/scope.h"
#include "console.h"

#include <map>

namespace ruhu::server::console {
namespace {

struct VillageCounts {
    size_t conflicts = 0;
};

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
    auto names = areaNames(page.context);
    std::vector<Markup> rows;
    for (const auto &[code, counts] : byVillage)
        rows.push_back(
            html(R"(<tr><td>{}</td><td class="num"><a href="/console/reviews?region={}">{}</a></td></tr>)",
                 names.contains(code) ? names[code] : code, code, counts.conflicts));
    Markup cards = html(
        R"(<div class="counts"><a class="count{}" href="/console/reviews" id="todo-conflicts"><strong>{}</strong>{}</a></div>)",
        conflicts == 0 ? " zero" : "", conflicts, page.t("待处理冲突", "Clashes to resolve"));
    Markup table =
        rows.empty()
            ? html(R"(<p class="sub">{}</p>)", page.t("没有待办事项。", "Nothing waits."))
            : html(
                  R"(<h2>{}</h2><table id="todo-villages"><thead><tr><th>{}</th><th class="num">{}</th></tr></thead><tbody>{}</tbody></table>)",
                  page.t("按村", "By village"), page.t("村", "Village"), page.t("待处理冲突", "Clashes"),
                  join(rows));
    Markup body = html("{}{}{}", error.empty() ? Markup() : errorBox(error), cards, table);
    return htmlReply(layout(page, page.t("待办", "To do"), "todo", body));
}

} // namespace ruhu::server::console
