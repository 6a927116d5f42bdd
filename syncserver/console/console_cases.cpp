// 案件: the monitoring cases of the user's area (GET /api/v1/cases), one case with its household, history
// and the steps this role may take (GET /api/v1/cases/{id}), and taking a step (POST
// /api/v1/cases/{id}/actions). What is allowed and what is missing is the API's answer; the console only
// shows it and turns a form into the step's data.
#include "console.h"

#include <ruhu/domain/case_procedure.h>
#include <ruhu/domain/workflow.h>

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>
#include <charconv>

namespace ruhu::server::console {
namespace {

constexpr size_t kPageSize = 50;
constexpr size_t kApiPage = 200;     // the API's largest page
constexpr size_t kMaxScanPages = 25; // 5 000 cases: a county's open and recent cases

std::string encoded(const std::string &text) {
    return boost::urls::encode(text, boost::urls::unreserved_chars);
}

bool overdue(const boost::json::object &c) {
    const auto *attention = c.if_contains("attention");
    if (!attention || !attention->is_array())
        return false;
    return std::any_of(attention->get_array().begin(), attention->get_array().end(),
                       [](const auto &a) { return a.is_object() && jsonFlag(a.get_object(), "overdue"); });
}

std::string stateName(const Page &page, const std::string &state) {
    return page.english ? state : std::string(workflow::stateLabel(state));
}

Markup stateTag(const Page &page, const std::string &state, bool mine) {
    return html(R"(<span class="tag{}">{}</span>)", mine ? " warn" : "", stateName(page, state));
}

Markup attentionList(const boost::json::object &c) {
    std::vector<Markup> items;
    if (const auto *attention = c.if_contains("attention"); attention && attention->is_array()) {
        for (const auto &a : attention->get_array()) {
            if (!a.is_object())
                continue;
            const bool late = jsonFlag(a.get_object(), "overdue");
            items.push_back(
                html(R"(<li class="{}">{}</li>)", late ? "late" : "", jsonText(a.get_object(), "message")));
        }
    }
    return items.empty() ? Markup() : html(R"(<ul class="attention">{}</ul>)", join(items));
}

std::string villageName(const std::map<std::string, std::string> &names, const std::string &code) {
    return names.contains(code) ? names.at(code) : code;
}

} // namespace

bool caseWaitsFor(const std::string &state, const std::string &role) {
    return workflow::nextTier(state) == role;
}

CaseScan scanCases(const Page &page, const std::string &village) {
    CaseScan scan;
    std::string after;
    for (size_t i = 0; i < kMaxScanPages; ++i) {
        std::string target = "/api/v1/cases?limit=" + std::to_string(kApiPage);
        if (!village.empty())
            target += "&village=" + encoded(village);
        if (!after.empty())
            target += "&after=" + encoded(after);
        ApiReply reply = page.api(http::verb::get, target);
        if (reply.status != http::status::ok) {
            scan.error = apiErrorMessage(reply);
            scan.status = reply.status;
            return scan;
        }
        const auto &body = reply.body.as_object();
        for (const auto &c : body.at("cases").as_array())
            scan.cases.push_back(c.as_object());
        const auto &next = body.at("next");
        if (!next.is_string())
            return scan;
        after = std::string(next.get_string());
    }
    scan.truncated = true;
    return scan;
}

ApiReply casesPage(Page &page) {
    const std::string title = page.t("案件", "Cases");
    const std::string state = page.query("state"), village = page.query("village");
    const bool onlyOverdue = page.query("overdue") == "1", onlyMine = page.query("mine") == "1";
    size_t offset = 0;
    if (auto c = page.query("cursor"); !c.empty())
        std::from_chars(c.data(), c.data() + c.size(), offset);
    CaseScan scan = scanCases(page, village);
    if (!scan.error.empty())
        return htmlReply(layout(page, title, "cases", errorBox(scan.error)), scan.status);

    const std::string &role = page.session.user.role;
    std::map<std::string, size_t> perState;
    size_t lateCount = 0, mineCount = 0;
    std::vector<const boost::json::object *> shown;
    for (const auto &c : scan.cases) {
        const std::string s = jsonText(c, "state");
        ++perState[s];
        const bool late = overdue(c), mine = caseWaitsFor(s, role);
        lateCount += late;
        mineCount += mine;
        if ((state.empty() || s == state) && (!onlyOverdue || late) && (!onlyMine || mine))
            shown.push_back(&c);
    }
    // Overdue first, then what waits for this user's tier; otherwise the API's order.
    std::stable_sort(shown.begin(), shown.end(), [&](const auto *a, const auto *b) {
        const auto rank = [&](const boost::json::object *c) {
            return (overdue(*c) ? 0 : 2) + (caseWaitsFor(jsonText(*c, "state"), role) ? 0 : 1);
        };
        return rank(a) < rank(b);
    });

    auto names = areaNames(page.context);
    std::vector<Markup> rows;
    for (size_t i = offset; i < shown.size() && rows.size() < kPageSize; ++i) {
        const auto &c = *shown[i];
        const std::string id = jsonText(c, "id"), s = jsonText(c, "state");
        rows.push_back(html(
            R"(<tr{}><td><a href="/console/cases/{}">{}</a><div class="sub">{}</div></td><td>{}</td><td>{}</td>)"
            R"(<td>{}</td><td>{}</td><td><a class="button secondary" href="/console/cases/{}">{}</a></td></tr>)",
            overdue(c) ? html(R"( class="late")") : Markup(), encoded(id), jsonText(c, "headName"),
            jsonText(c, "householdId"), villageName(names, jsonText(c, "regionCode")),
            stateTag(page, s, caseWaitsFor(s, role)), jsonText(c, "source"), attentionList(c), encoded(id),
            page.t("办理", "Open")));
    }

    std::vector<Markup> chips;
    chips.push_back(
        html(R"(<a class="count{}" id="count-all" href="/console/cases"><strong>{}</strong>{}</a>)",
             scan.cases.empty() ? " zero" : "", scan.cases.size(), page.t("全部", "All")));
    chips.push_back(
        html(R"(<a class="count{}" id="count-mine" href="/console/cases?mine=1"><strong>{}</strong>{}</a>)",
             mineCount == 0 ? " zero" : "", mineCount, page.t("待本级办理", "Waiting for my tier")));
    chips.push_back(html(
        R"(<a class="count{}" id="count-overdue" href="/console/cases?overdue=1"><strong>{}</strong>{}</a>)",
        lateCount == 0 ? " zero" : "", lateCount, page.t("已超期", "Overdue")));
    std::vector<Markup> stateChips, stateOptions;
    stateOptions.push_back(html(R"(<option value="">{}</option>)", page.t("全部", "All")));
    for (const auto &info : workflow::states()) {
        const std::string s(info.name);
        const size_t n = perState.contains(s) ? perState.at(s) : 0;
        if (n > 0)
            stateChips.push_back(html(
                R"(<a class="chip" href="/console/cases?state={}" data-state="{}">{} <strong>{}</strong></a>)",
                s, s, stateName(page, s), n));
        stateOptions.push_back(html(R"(<option value="{}"{}>{}</option>)", s,
                                    attributeIf(s == state, "selected"), stateName(page, s)));
    }
    std::vector<Markup> villageOptions;
    villageOptions.push_back(html(R"(<option value="">{}</option>)", page.t("全部", "All")));
    for (const auto &[code, name] : names) {
        if (code.size() == 12)
            villageOptions.push_back(html(R"(<option value="{}"{}>{}</option>)", code,
                                          attributeIf(code == village, "selected"), name));
    }
    Markup filters =
        html(R"(<form method="get" action="/console/cases" class="filters" role="search">)"
             R"(<label>{}<select name="state" id="filter-state">{}</select></label>)"
             R"(<label>{}<select name="village" id="filter-village">{}</select></label>)"
             R"(<label class="check"><input type="checkbox" name="overdue" value="1"{}> {}</label>)"
             R"(<label class="check"><input type="checkbox" name="mine" value="1"{}> {}</label>)"
             R"(<button type="submit" class="secondary">{}</button><span class="sub">{}</span></form>)",
             page.t("状态", "State"), join(stateOptions), page.t("村", "Village"), join(villageOptions),
             attributeIf(onlyOverdue, "checked"), page.t("只看超期", "Overdue only"),
             attributeIf(onlyMine, "checked"), page.t("只看待本级办理", "Waiting for my tier only"),
             page.t("筛选", "Filter"),
             page.english ? std::to_string(shown.size()) + " cases"
                          : "共 " + std::to_string(shown.size()) + " 件");
    Markup table =
        rows.empty()
            ? html(R"(<div class="card sub" id="empty">{}</div>)",
                   page.t("没有符合条件的案件。", "No cases."))
            : html(
                  R"(<table id="cases"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th></th>)"
                  R"(</tr></thead><tbody>{}</tbody></table>)",
                  page.t("户主 / 户编号", "Head / household"), page.t("村", "Village"),
                  page.t("状态", "State"), page.t("来源", "Source"), page.t("提醒", "Attention"), join(rows));
    Markup content = html(
        R"(<div class="counts">{}</div><div class="chips" id="state-counts">{}</div>{}{}{}{})", join(chips),
        join(stateChips), filters,
        scan.truncated ? html(R"(<div class="box warn">{}</div>)",
                              page.t("案件过多，只统计了前 5000 件；请按村筛选。",
                                     "Too many cases: only the first 5000 are counted; filter by village."))
                       : Markup(),
        table, pager(page, int64_t(offset + kPageSize), shown.size() > offset + kPageSize));
    return htmlReply(layout(page, title, "cases", content));
}

} // namespace ruhu::server::console
