// 规则配置: the rule configuration in force (thresholds with their sources, parameters), its history, and
// loading the next one (a new version; an older or equal version is refused as stale). GET/PUT
// /api/v1/rules/config, GET /api/v1/rules/config/history.
#include "console.h"

#include <boost/json/serialize.hpp>

namespace ruhu::server::console {
namespace {

Markup thresholdsTable(const Page &page, const boost::json::object &doc) {
    std::vector<Markup> rows;
    if (const auto *t = doc.if_contains("thresholds"); t && t->is_array()) {
        for (const auto &row : t->get_array()) {
            const auto &o = row.as_object();
            rows.push_back(html(
                R"(<tr><td>{}</td><td class="value">{}</td><td class="num">{}</td><td class="num">{}</td><td class="sub">{}</td></tr>)",
                jsonText(o, "regionName"), jsonText(o, "regionPrefix"), jsonText(o, "year"),
                jsonText(o, "value"), jsonText(o, "source")));
        }
    }
    return html(
        R"(<table id="thresholds"><thead><tr><th>{}</th><th>{}</th><th class="num">{}</th><th class="num">{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>)",
        page.t("地区", "Area"), page.t("区划前缀", "Prefix"), page.t("年度", "Year"),
        page.t("监测范围（元/人·年）", "Threshold (yuan/person/year)"), page.t("出处", "Source"), join(rows));
}

Markup parametersTable(const Page &page, const boost::json::object &doc) {
    std::vector<Markup> rows;
    if (const auto *p = doc.if_contains("parameters"); p && p->is_object()) {
        for (const auto &kv : p->get_object())
            rows.push_back(html(R"(<tr><td class="value">{}</td><td class="value">{}</td></tr>)",
                                std::string(kv.key()),
                                kv.value().is_string() ? std::string(kv.value().get_string())
                                                       : boost::json::serialize(kv.value())));
    }
    return html(
        R"(<table id="parameters"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>)",
        page.t("参数", "Parameter"), page.t("值", "Value"), join(rows));
}

Markup historyTable(const Page &page) {
    ApiReply reply = page.api(http::verb::get, "/api/v1/rules/config/history");
    if (reply.status != http::status::ok)
        return {};
    std::vector<Markup> rows;
    for (const auto &row : reply.body.as_object().at("history").as_array()) {
        const auto &o = row.as_object();
        rows.push_back(html(
            R"(<tr><td class="num">{}</td><td>{}</td><td class="num">{}</td><td class="value">{}</td><td>{}</td><td>{}</td></tr>)",
            jsonText(o, "seq"), jsonText(o, "id"), jsonText(o, "version"), jsonText(o, "hash").substr(0, 16),
            jsonText(o, "loadedBy"), jsonText(o, "loadedAt").substr(0, 16)));
    }
    Markup table =
        rows.empty()
            ? html(R"(<p class="sub">{}</p>)",
                   page.t("尚未加载过配置，正在使用内置默认配置。",
                          "Nothing loaded yet: the built-in default is in force."))
            : html(
                  R"(<table id="rules-history"><thead><tr><th class="num">#</th><th>{}</th><th class="num">{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>)",
                  page.t("配置", "Configuration"), page.t("版本", "Version"), page.t("摘要", "Hash"),
                  page.t("加载人", "Loaded by"), page.t("加载时间", "Loaded at"), join(rows));
    return html(R"(<h2>{}</h2>{})", page.t("加载历史", "History"), table);
}

Markup loadForm(const Page &page, int64_t currentVersion, const std::string &document) {
    if (page.session.user.role != "county" && page.session.user.role != "admin")
        return {};
    return html(
        R"(<form method="post" action="/console/rules" class="card stack" id="rules-load">{}<h2>{}</h2><p class="sub">{}</p>)"
        R"(<label>{}<input type="file" id="rules-file" accept="application/json,.json"></label>)"
        R"(<label>{}<textarea name="document" id="rules-document" rows="8" required>{}</textarea></label>)"
        R"(<div class="actions"><button type="submit" id="rules-submit">{}</button></div></form>)",
        csrfInput(page), page.t("加载新配置", "Load a new configuration"),
        page.english ? "The new file's version must be above " + std::to_string(currentVersion) +
                           "; it is checked in full before it is in force for every evaluation."
                     : "新配置的版本号须大于 " + std::to_string(currentVersion) +
                           "；加载前完整校验，加载后立即用于所有测算。",
        page.t("选择文件", "File"), page.t("或粘贴 JSON", "or paste the JSON"), document,
        page.t("校验并加载", "Check and load"));
}

ApiReply renderRules(Page &page, const Markup &message, const std::string &document, http::status status) {
    const std::string title = page.t("规则配置", "Rule configuration");
    ApiReply reply = page.api(http::verb::get, "/api/v1/rules/config");
    if (reply.status != http::status::ok)
        return htmlReply(layout(page, title, "rules", errorBox(apiErrorMessage(reply))), reply.status);
    const auto &body = reply.body.as_object();
    const auto &doc = body.at("document").as_object();
    const bool builtin = jsonText(body, "source") == "builtin";
    int64_t version = 0;
    if (const auto *v = doc.if_contains("version"); v && v->is_int64())
        version = v->get_int64();
    Markup facts = html(
        R"(<div class="card" id="rules-in-force"><dl class="facts"><dt>{}</dt><dd><strong>{}</strong></dd><dt>{}</dt><dd>{}</dd>)"
        R"(<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd class="value">{}</dd><dt>{}</dt><dd class="sub">{}</dd></dl></div>)",
        page.t("正在使用", "In force"), jsonText(doc, "id"), page.t("版本", "Version"), version,
        page.t("来源", "Source"),
        builtin ? std::string(page.t("内置默认配置", "built-in default"))
                : jsonText(body, "loadedBy") + " · " + jsonText(body, "loadedAt").substr(0, 16),
        page.t("发布日期", "Issued"), jsonText(doc, "issuedAt"), page.t("摘要", "Hash"),
        jsonText(doc, "hash"), page.t("说明", "Description"), jsonText(doc, "description"));
    Markup content = html(R"({}{}<h2>{}</h2>{}<h2>{}</h2>{}{}{})", message, facts,
                          page.t("监测范围", "Monitoring thresholds"), thresholdsTable(page, doc),
                          page.t("参数", "Parameters"), parametersTable(page, doc), historyTable(page),
                          loadForm(page, version, document));
    return htmlReply(layout(page, title, "rules", content), status);
}

} // namespace

ApiReply rulesPage(Page &page) {
    Markup message;
    if (auto done = page.query("loaded"); !done.empty())
        message = noticeBox(page.t("新配置已加载并生效。", "The new configuration is loaded and in force."));
    return renderRules(page, message, {}, http::status::ok);
}

ApiReply rulesLoad(Page &page, const std::map<std::string, std::string> &form) {
    auto it = form.find("document");
    const std::string document = it == form.end() ? std::string() : it->second;
    ApiReply reply = page.api(http::verb::put, "/api/v1/rules/config", document);
    ApiReply shown;
    if (reply.status == http::status::created || reply.status == http::status::ok) {
        shown = redirectTo("/console/rules?loaded=1");
    } else {
        const std::string message =
            apiErrorCode(reply) == "stale_rule_config"
                ? std::string(page.t("没有加载：", "Not loaded: ")) + apiErrorMessage(reply)
                : apiErrorMessage(reply);
        shown = renderRules(page, errorBox(message), document, reply.status);
    }
    shown.user = page.session.user.username;
    return shown;
}

} // namespace ruhu::server::console
