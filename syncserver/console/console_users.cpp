// 账号与区划: the area tree of the user's scope and, for county and admin users, the accounts in it:
// create, disable/enable, reset a password. GET/POST /api/v1/admin/users, POST …/{name}/{action}.
#include "../api/scope.h"
#include "console.h"

#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <charconv>

namespace ruhu::server::console {
namespace {

constexpr size_t kPageSize = 50;

// The areas under `parent` inside the scope, nested.
Markup areaTree(const std::vector<protocol::Area> &areas, const std::string &parent,
                const std::vector<std::string> &scope) {
    std::vector<Markup> items;
    for (const auto &a : areas) {
        if (a.parent != parent)
            continue;
        const bool visible = inScope(a.code, scope) ||
                             std::any_of(scope.begin(), scope.end(),
                                         [&](const std::string &s) { return s.starts_with(a.code); });
        if (!visible)
            continue;
        items.push_back(html(R"(<li><span>{}</span> <span class="sub">{}</span>{}</li>)", a.name, a.code,
                             areaTree(areas, a.code, scope)));
    }
    return items.empty() ? Markup() : html("<ul>{}</ul>", join(items));
}

Markup areaOptions(const Page &page, const std::vector<protocol::Area> &areas, const std::string &selected,
                   bool any) {
    std::vector<Markup> options;
    if (any)
        options.push_back(html(R"(<option value="">{}</option>)", page.t("全部", "All")));
    for (const auto &a : areas) {
        if (!inScope(a.code, page.session.user.scope))
            continue;
        options.push_back(html(R"(<option value="{}"{}>{}{}</option>)", a.code,
                               attributeIf(a.code == selected, "selected"),
                               a.level == "village" ? "　　" : (a.level == "township" ? "　" : ""), a.name));
    }
    return join(options);
}

Markup userRow(const Page &page, const boost::json::object &u,
               const std::map<std::string, std::string> &names) {
    const std::string name = jsonText(u, "username");
    const std::string encoded = boost::urls::encode(name, boost::urls::unreserved_chars);
    std::string areaText;
    for (const auto &a : u.at("areas").as_array()) {
        const std::string code(a.as_string());
        areaText += (areaText.empty() ? "" : "、") + (names.contains(code) ? names.at(code) : code);
    }
    const bool disabled = jsonFlag(u, "disabled");
    const bool self = name == page.session.user.username;
    Markup toggle =
        self
            ? Markup()
            : html(
                  R"(<form method="post" action="/console/users/{}/{}" class="inline" data-confirm="{}">{}<button type="submit" class="{}">{}</button></form>)",
                  encoded, disabled ? "enable" : "disable",
                  disabled ? page.t("启用这个账号？", "Enable this account?")
                           : page.t("停用这个账号？它的所有登录立即失效。",
                                    "Disable this account? Its sessions end now."),
                  csrfInput(page), disabled ? "secondary" : "danger",
                  disabled ? page.t("启用", "Enable") : page.t("停用", "Disable"));
    Markup reset = html(
        R"(<details><summary>{}</summary><form method="post" action="/console/users/{}/password" class="inline">{})"
        R"(<label class="sub">{} <input type="password" name="password" required minlength="8" autocomplete="new-password"></label> )"
        R"(<button type="submit" class="secondary">{}</button></form></details>)",
        page.t("重置密码", "Reset password"), encoded, csrfInput(page),
        page.t("临时密码", "Temporary password"), page.t("重置", "Reset"));
    return html(
        R"(<tr><td class="value">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}{}</td><td><div class="actions">{}{}</div></td></tr>)",
        name, jsonText(u, "displayName"), roleName(page, jsonText(u, "role")), areaText,
        disabled ? html(R"(<span class="tag bad">{}</span>)", page.t("已停用", "disabled"))
                 : html(R"(<span class="tag ok">{}</span>)", page.t("正常", "active")),
        jsonFlag(u, "mustChangePassword")
            ? html(R"( <span class="tag warn">{}</span>)", page.t("待改密码", "must change password"))
            : Markup(),
        toggle, reset);
}

Markup createForm(const Page &page, const std::vector<protocol::Area> &areas,
                  const std::map<std::string, std::string> &form) {
    const std::string role = formValue(form, "role");
    return html(
        R"(<form method="post" action="/console/users" class="card" id="create-user">{}<h2>{}</h2><div class="filters">)"
        R"(<label>{}<input name="username" id="new-username" required maxlength="64" value="{}"></label>)"
        R"(<label>{}<input name="displayName" id="new-display-name" maxlength="64" value="{}"></label>)"
        R"(<label>{}<select name="role" id="new-role"><option value="village"{}>{}</option><option value="township"{}>{}</option><option value="county"{}>{}</option></select></label>)"
        R"(<label>{}<select name="area" id="new-area" required>{}</select></label>)"
        R"(<label>{}<input type="password" name="password" id="new-password" required minlength="8" autocomplete="new-password"></label>)"
        R"(<button type="submit" id="create-submit">{}</button></div><p class="sub">{}</p></form>)",
        csrfInput(page), page.t("新建账号", "New account"), page.t("用户名", "Username"),
        formValue(form, "username"), page.t("姓名/称呼", "Display name"), formValue(form, "displayName"),
        page.t("级别", "Level"), attributeIf(role == "village" || role.empty(), "selected"),
        page.t("村级", "Village"), attributeIf(role == "township", "selected"), page.t("乡镇", "Township"),
        attributeIf(role == "county", "selected"), page.t("县级", "County"), page.t("区划", "Area"),
        areaOptions(page, areas, formValue(form, "area"), false), page.t("初始密码", "Initial password"),
        page.t("创建", "Create"),
        page.t("新账号首次登录时必须修改密码。只能在您的管辖范围内、您的级别以下创建账号。",
               "A new account must change its password at first login. You can create accounts only inside "
               "your area and below your level."));
}

ApiReply renderUsers(Page &page, const Markup &message, const std::map<std::string, std::string> &form,
                     http::status status) {
    const std::string title = page.t("账号与区划", "Accounts & areas");
    auto areas = page.context.store.areas();
    std::vector<protocol::Area> list = areas ? *areas : std::vector<protocol::Area>{};
    Markup tree = html(R"(<div class="card tree" id="area-tree">{}</div>)",
                       areaTree(list, "", page.session.user.scope));

    ApiReply reply = page.api(http::verb::get, "/api/v1/admin/users");
    Markup accounts;
    if (reply.status != http::status::ok) {
        accounts =
            html(R"(<div class="box notice">{}</div>)",
                 page.t("账号由县级管理员管理。", "Accounts are managed by the county administrator."));
    } else {
        const std::string region = page.query("region");
        const std::string q = page.query("q");
        size_t offset = 0;
        if (auto c = page.query("cursor"); !c.empty())
            std::from_chars(c.data(), c.data() + c.size(), offset);
        auto names = areaNames(page.context);
        std::vector<Markup> rows;
        size_t matched = 0;
        for (const auto &u : reply.body.as_object().at("users").as_array()) {
            const auto &o = u.as_object();
            bool inRegion = region.empty();
            for (const auto &a : o.at("areas").as_array())
                inRegion = inRegion || std::string_view(a.as_string()).starts_with(region);
            if (!inRegion || (!q.empty() && jsonText(o, "username").find(q) == std::string::npos &&
                              jsonText(o, "displayName").find(q) == std::string::npos))
                continue;
            if (matched++ < offset || rows.size() >= kPageSize)
                continue;
            rows.push_back(userRow(page, o, names));
        }
        Markup filters = html(
            R"(<form method="get" action="/console/users" class="filters" role="search">)"
            R"(<label>{}<select name="region">{}</select></label><label>{}<input name="q" value="{}"></label>)"
            R"(<button type="submit" class="secondary">{}</button><span class="sub">{}</span></form>)",
            page.t("区划", "Area"), areaOptions(page, list, region, true), page.t("用户名或姓名", "Name"), q,
            page.t("筛选", "Filter"),
            page.english ? std::to_string(matched) + " accounts"
                         : "共 " + std::to_string(matched) + " 个账号");
        accounts = html(
            R"({}{}<table id="users"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th></th></tr></thead><tbody>{}</tbody></table>{})",
            createForm(page, list, form), filters, page.t("用户名", "Username"), page.t("姓名", "Name"),
            page.t("级别", "Level"), page.t("区划", "Area"), page.t("状态", "Status"), join(rows),
            pager(page, int64_t(offset + kPageSize), matched > offset + kPageSize));
    }
    Markup body = html(
        R"({}<div class="columns"><section><h2>{}</h2>{}</section><section class="grow">{}</section></div>)",
        message, page.t("区划", "Areas"), tree, accounts);
    return htmlReply(layout(page, title, "users", body), status);
}

} // namespace

ApiReply usersPage(Page &page) {
    Markup message;
    if (auto done = page.query("done"); !done.empty())
        message = noticeBox(page.t("已保存。", "Saved."));
    return renderUsers(page, message, {}, http::status::ok);
}

ApiReply usersCreate(Page &page, const std::map<std::string, std::string> &form) {
    boost::json::object body{{"username", formValue(form, "username")},
                             {"displayName", formValue(form, "displayName")},
                             {"role", formValue(form, "role")},
                             {"areas", boost::json::array{boost::json::value(formValue(form, "area"))}},
                             {"password", formValue(form, "password")}};
    ApiReply reply = page.api(http::verb::post, "/api/v1/admin/users", boost::json::serialize(body));
    ApiReply shown = reply.status == http::status::created
                         ? redirectTo("/console/users?done=1")
                         : renderUsers(page, errorBox(apiErrorMessage(reply)), form, reply.status);
    shown.user = page.session.user.username;
    return shown;
}

ApiReply userAction(Page &page, const std::string &username, std::string_view action,
                    const std::map<std::string, std::string> &form) {
    if (action != "disable" && action != "enable" && action != "password")
        return renderUsers(page, errorBox(page.t("未知操作。", "Unknown action.")), {},
                           http::status::not_found);
    const std::string body =
        action == "password"
            ? boost::json::serialize(boost::json::object{{"password", formValue(form, "password")}})
            : std::string("{}");
    ApiReply reply =
        page.api(http::verb::post,
                 "/api/v1/admin/users/" + boost::urls::encode(username, boost::urls::unreserved_chars) + "/" +
                     std::string(action),
                 body);
    ApiReply shown = reply.status == http::status::ok
                         ? redirectTo("/console/users?done=1")
                         : renderUsers(page, errorBox(apiErrorMessage(reply)), {}, reply.status);
    shown.user = page.session.user.username;
    return shown;
}

} // namespace ruhu::server::console
