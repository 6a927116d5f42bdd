// The frame every console page shares, and small widgets the pages reuse.
#include "../api/query.h"
#include "../api/scope.h"
#include "console.h"

#include <ruhu/domain/beijing_time.h>
#include <ruhu/domain/workflow.h>

#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace ruhu::server::console {
namespace {

struct NavItem {
    const char *key;
    const char *href;
    const char *zh;
    const char *en;
    int minRank; // workflow::roleRank of the lowest role that sees it
};

Markup navigation(const Page &page, std::string_view active) {
    const int rank = workflow::roleRank(page.session.user.role);
    const NavItem items[] = {
        {"todo", "/console/", "待办", "To do", workflow::roleRank("township")},
        {"reviews", "/console/reviews", "冲突审核", "Conflict review", workflow::roleRank("township")},
        {"cases", "/console/cases", "案件", "Cases", workflow::roleRank("township")},
        {"leads", "/console/leads", "线索导入", "Leads", workflow::roleRank("county")},
        {"devices", "/console/devices", "设备", "Devices", workflow::roleRank("county")},
        {"users", "/console/users", "账号与区划", "Accounts & areas", workflow::roleRank("township")},
        {"rules", "/console/rules", "规则配置", "Rule configuration", workflow::roleRank("township")},
        {"audit", "/console/audit", "审计", "Audit", workflow::roleRank("county")},
    };
    std::vector<Markup> links;
    for (const auto &item : items) {
        if (rank < item.minRank)
            continue;
        const bool current = active == item.key;
        links.push_back(html(R"(<li><a href="{}"{}>{}</a></li>)", item.href,
                             current ? html(R"( aria-current="page" class="current")") : Markup(),
                             page.t(item.zh, item.en)));
    }
    return html(R"(<nav class="side" aria-label="{}"><ul>{}</ul></nav>)", page.t("主菜单", "Main menu"),
                join(links));
}

} // namespace

Markup csrfInput(const Page &page) {
    return html(R"(<input type="hidden" name="_csrf" value="{}">)", page.session.csrf);
}

Markup layout(const Page &page, std::string_view title, std::string_view active, const Markup &body) {
    const auto &user = page.session.user;
    const std::string here = page.path();
    return html(
        R"(<html lang="{}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">)"
        R"(<meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false}'>)"
        R"(<meta name="csrf-token" content="{}"><title>{} · {}</title>)"
        R"(<link rel="stylesheet" href="/console/assets/console.css">)"
        R"(<script src="/console/assets/htmx.min.js" defer></script><script src="/console/assets/console.js" defer></script></head>)"
        R"(<body><a class="skip" href="#main">{}</a>)"
        R"(<header class="top"><span class="brand">{}</span><span class="who">{} · {}</span>)"
        R"(<a class="lang" href="{}?lang={}">{}</a>)"
        R"(<form method="post" action="/console/logout" class="logout">{}<button type="submit">{}</button></form></header>)"
        R"(<div class="frame">{}<main id="main" tabindex="-1"><h1>{}</h1>{}</main></div></body></html>)",
        page.english ? "en" : "zh-CN", page.session.csrf, title, page.t("入户 管理台", "Ruhu console"),
        page.t("跳到正文", "Skip to content"),
        page.t("入户 · 防返贫动态监测 管理台", "Ruhu · monitoring console"),
        user.displayName.empty() ? user.username : user.displayName, roleName(page, user.role), here,
        page.english ? "zh" : "en", page.english ? "中文" : "English", csrfInput(page),
        page.t("退出", "Sign out"), navigation(page, active), title, body);
}

Markup errorBox(std::string_view message) {
    return html(R"(<div class="box error" role="alert">{}</div>)", message);
}

Markup noticeBox(std::string_view message) {
    return html(R"(<div class="box notice" role="status">{}</div>)", message);
}

std::string apiErrorMessage(const ApiReply &reply) {
    if (const auto *o = reply.body.if_object()) {
        if (const auto *m = o->if_contains("message"); m && m->is_string())
            return std::string(m->get_string());
    }
    return "请求失败（" + std::to_string(unsigned(reply.status)) + "）";
}

std::string apiErrorCode(const ApiReply &reply) {
    if (const auto *o = reply.body.if_object()) {
        if (const auto *c = o->if_contains("code"); c && c->is_string())
            return std::string(c->get_string());
    }
    return {};
}

std::string formatTime(int64_t ms) {
    if (ms <= 0)
        return "—";
    // "2024-09-05T10:21:00+08:00" → "2024-09-05 10:21"
    std::string text = domain::beijingTime(ms);
    return text.substr(0, 10) + " " + text.substr(11, 5);
}

std::string displayValue(const boost::json::value &value) {
    if (value.is_null())
        return "—";
    if (value.is_string())
        return std::string(value.get_string());
    if (value.is_bool())
        return value.get_bool() ? "是" : "否";
    return boost::json::serialize(value);
}

std::map<std::string, std::string> areaNames(const ApiContext &context) {
    std::map<std::string, std::string> names;
    if (auto areas = context.store.areas()) {
        for (const auto &a : *areas)
            names[a.code] = a.name;
    }
    return names;
}

std::string roleName(const Page &page, std::string_view role) {
    if (role == "village")
        return page.t("村级", "Village");
    if (role == "township")
        return page.t("乡镇", "Township");
    if (role == "county")
        return page.t("县级", "County");
    if (role == "admin")
        return page.t("管理员", "Administrator");
    return std::string(role);
}

std::string withParam(const Page &page, const std::string &name, const std::string &value) {
    auto params = queryParams(std::string_view(page.request.target().data(), page.request.target().size()));
    std::map<std::string, std::string> all = params ? *params : std::map<std::string, std::string>{};
    all.erase("lang");
    all[name] = value;
    std::string out = page.path();
    char sep = '?';
    for (const auto &[k, v] : all) {
        if (v.empty())
            continue;
        out += sep;
        out += boost::urls::encode(k, boost::urls::unreserved_chars);
        out += '=';
        out += boost::urls::encode(v, boost::urls::unreserved_chars);
        sep = '&';
    }
    return out;
}

Markup pager(const Page &page, int64_t nextCursor, bool hasMore) {
    std::vector<Markup> parts;
    if (!page.query("cursor").empty())
        parts.push_back(html(R"(<a href="{}">{}</a>)", withParam(page, "cursor", ""),
                             page.t("« 第一页", "« First page")));
    if (hasMore)
        parts.push_back(html(R"(<a href="{}" rel="next">{}</a>)",
                             withParam(page, "cursor", std::to_string(nextCursor)),
                             page.t("下一页 »", "Next page »")));
    if (parts.empty())
        return {};
    return html(R"(<nav class="pager" aria-label="{}">{}</nav>)", page.t("翻页", "Pages"), join(parts));
}

} // namespace ruhu::server::console
