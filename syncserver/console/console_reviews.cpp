// 冲突审核: the review queue, one clash with its three values and history, single and bulk decisions.
// Every read and decision is GET /api/v1/reviews, GET /api/v1/history and POST /api/v1/reviews/{id}/resolve.
#include "../api/scope.h"
#include "console.h"

#include <ruhu/model/field_text.h>
#include <ruhu/model/schema.h>
#include <ruhu/sync/hlc.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <charconv>

namespace ruhu::server::console {
namespace {

constexpr size_t kPageSize = 50;
constexpr size_t kMaxBulk = 5000; // one bulk decision covers at most this many clashes

std::string encoded(const std::string &text) {
    return boost::urls::encode(text, boost::urls::unreserved_chars);
}

std::string fieldLabel(const std::string &kind, const std::string &field) {
    if (field == "_delete")
        return "删除与修改冲突";
    const RecordKind *k = findRecordKind(kind);
    const FieldSpec *spec = k ? k->field(field) : nullptr;
    return spec ? spec->label : field;
}

std::string kindLabel(const std::string &kind) {
    const RecordKind *k = findRecordKind(kind);
    return k ? k->label : kind;
}

std::string choiceName(const Page &page, std::string_view choice) {
    if (choice == "server")
        return page.t("采用服务器值", "kept the server value");
    if (choice == "incoming")
        return page.t("采用上传值", "took the tablet's value");
    return page.t("自定义值", "custom value");
}

// The queue filtered as the list shows it; the API's own query string.
std::string reviewsTarget(const std::string &status, const std::string &region, int64_t cursor,
                          size_t limit) {
    std::string target = "/api/v1/reviews?status=" + status + "&cursor=" + std::to_string(cursor) +
                         "&limit=" + std::to_string(limit);
    if (!region.empty())
        target += "&region=" + encoded(region);
    return target;
}

// How many open clashes the filter covers (up to kMaxBulk) and the highest id among them.
struct OpenCount {
    size_t count = 0;
    int64_t maxId = 0;
    bool capped = false;
    std::string error;
};

OpenCount countOpen(const Page &page, const std::string &region, int64_t upToId = 0) {
    OpenCount out;
    int64_t cursor = 0;
    for (;;) {
        ApiReply reply = page.api(http::verb::get, reviewsTarget("open", region, cursor, 1000));
        if (reply.status != http::status::ok) {
            out.error = apiErrorMessage(reply);
            return out;
        }
        const auto &body = reply.body.as_object();
        for (const auto &r : body.at("reviews").as_array()) {
            const int64_t id = jsonInt(r.as_object(), "id");
            if (upToId && id > upToId)
                return out;
            ++out.count;
            out.maxId = id;
            if (out.count >= kMaxBulk) {
                out.capped = true;
                return out;
            }
        }
        if (!body.at("hasMore").as_bool())
            return out;
        cursor = jsonInt(body, "cursor");
    }
}

Markup villageOptions(const Page &page, const std::string &selected) {
    std::vector<Markup> options{html(R"(<option value="">{}</option>)", page.t("全部", "All"))};
    if (auto areas = page.context.store.areas()) {
        for (const auto &a : *areas) {
            if (a.level == "county" || !inScope(a.code, page.session.user.scope))
                continue;
            options.push_back(html(R"(<option value="{}"{}>{}{}</option>)", a.code,
                                   attributeIf(a.code == selected, "selected"),
                                   a.level == "village" ? "　" : "", a.name));
        }
    }
    return join(options);
}

Markup whoWhen(const Page &page, const std::string &hlc, const std::string &author, int64_t fallbackMs) {
    auto stamp = HlcStamp::decode(hlc);
    const std::string device = stamp ? stamp->node : std::string();
    const int64_t when = stamp ? stamp->wallMs : fallbackMs;
    return html(R"(<div class="sub">{}{}{}</div>)", author.empty() ? Markup() : html("{} · ", author),
                device.empty() ? Markup() : html("{} {} · ", page.t("设备", "device"), device),
                formatTime(when));
}

Markup reviewRow(const Page &page, const boost::json::object &r,
                 const std::map<std::string, std::string> &names) {
    const std::string region = jsonText(r, "regionCode");
    auto name = names.find(region);
    const std::string status = jsonText(r, "status");
    return html(
        R"(<tr><td class="num"><a href="/console/reviews/{}">#{}</a></td><td>{}</td><td>{}<div class="sub">{}</div></td>)"
        R"(<td>{}</td><td class="value">{}</td><td class="value">{}{}</td><td class="value">{}{}</td>)"
        R"(<td>{}</td><td><a class="button secondary" href="/console/reviews/{}">{}</a></td></tr>)",
        jsonInt(r, "id"), jsonInt(r, "id"), name == names.end() ? region : name->second,
        kindLabel(jsonText(r, "kind")), jsonText(r, "householdId"),
        fieldLabel(jsonText(r, "kind"), jsonText(r, "field")), displayValue(r.at("baseValue")),
        displayValue(r.at("serverValue")), whoWhen(page, jsonText(r, "serverHlc"), "", 0),
        displayValue(r.at("incomingValue")),
        whoWhen(page, jsonText(r, "incomingHlc"), jsonText(r, "author"), jsonInt(r, "createdAtMs")),
        status == "open" ? html(R"(<span class="tag warn">{}</span>)", page.t("待处理", "open"))
                         : html(R"(<span class="tag ok">{}</span>)", page.t("已处理", "resolved")),
        jsonInt(r, "id"), status == "open" ? page.t("处理", "Resolve") : page.t("查看", "View"));
}

Markup bulkForm(const Page &page, const std::string &region, const OpenCount &open) {
    if (open.count == 0)
        return {};
    const std::string count = std::to_string(open.count) + (open.capped ? "+" : "");
    return html(
        R"(<form method="post" action="/console/reviews/bulk" class="card" id="bulk">{})"
        R"(<input type="hidden" name="region" value="{}"><input type="hidden" name="maxId" value="{}">)"
        R"(<input type="hidden" name="expected" value="{}">)"
        R"(<strong>{}</strong> {} <span class="sub">{}</span>)"
        R"(<div class="choices"><label><input type="radio" name="choice" value="server" required> {}</label>)"
        R"(<label><input type="radio" name="choice" value="incoming"> {}</label></div>)"
        R"(<label class="sub" for="bulk-note">{}</label><textarea id="bulk-note" name="note" required maxlength="500"></textarea>)"
        R"(<div class="actions"><button type="submit">{}</button></div></form>)",
        csrfInput(page), region, open.maxId, open.count, page.t("批量处理", "Bulk decision"),
        page.english ? "for all " + count + " open clashes of this filter (every page, not just this one)."
                     : "当前筛选的全部 " + count + " 条待处理冲突（包括其他页）。",
        page.t("提交后会先显示确认页。", "A confirmation page follows."),
        page.t("全部采用服务器值", "Keep the server values"),
        page.t("全部采用上传值", "Take the tablets' values"),
        page.t("处理说明（必填，记入每条的处理记录）", "Note (required, kept with every decision)"),
        page.t("批量处理…", "Decide all…"));
}

Result<boost::json::value> typedValue(const std::string &kind, const std::string &field,
                                      const std::string &text) {
    const RecordKind *k = findRecordKind(kind);
    const FieldSpec *spec = k ? k->field(field) : nullptr;
    if (!spec)
        return Error{"bad_request", "该冲突不能自定义值", "value"};
    return fieldValueFromText(*spec, text);
}

// The clash as GET /api/v1/reviews shows it to this user (masked per role, read audited), or none.
std::optional<boost::json::object> fetchReview(const Page &page, int64_t id, ApiReply &reply) {
    reply = page.api(http::verb::get, "/api/v1/reviews?status=all&limit=1&cursor=" + std::to_string(id - 1));
    if (reply.status != http::status::ok)
        return std::nullopt;
    const auto &list = reply.body.as_object().at("reviews").as_array();
    if (list.empty() || jsonInt(list.front().as_object(), "id") != id)
        return std::nullopt;
    return list.front().as_object();
}

Markup historyTable(const Page &page, const boost::json::object &review) {
    ApiReply reply = page.api(http::verb::get, "/api/v1/history?kind=" + encoded(jsonText(review, "kind")) +
                                                   "&id=" + encoded(jsonText(review, "recordId")));
    if (reply.status != http::status::ok)
        return errorBox(apiErrorMessage(reply));
    std::vector<Markup> rows;
    for (const auto &entry : reply.body.as_object().at("entries").as_array()) {
        const auto &e = entry.as_object();
        const auto *m = e.at("mutation").if_object();
        const auto *result = e.at("result").if_object();
        std::vector<Markup> changes;
        if (m) {
            if (const auto *fields = m->if_contains("fields"); fields && fields->is_object()) {
                for (const auto &kv : fields->get_object())
                    changes.push_back(html(R"(<div><span class="sub">{}</span> {}</div>)",
                                           fieldLabel(jsonText(review, "kind"), std::string(kv.key())),
                                           displayValue(kv.value())));
            }
        }
        std::string who = result ? jsonText(*result, "user") : std::string();
        rows.push_back(
            html(R"(<tr><td>{}</td><td>{}</td><td>{}</td><td class="value">{}</td><td>{}</td></tr>)",
                 formatTime(jsonInt(e, "receivedAtMs")), m ? jsonText(*m, "deviceId") : std::string(), who,
                 join(changes), result ? jsonText(*result, "status") : std::string()));
    }
    if (rows.empty())
        return html(R"(<p class="sub">{}</p>)", page.t("没有记录。", "No entries."));
    return html(
        R"(<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>)",
        page.t("时间", "When"), page.t("设备", "Device"), page.t("处理人", "By"), page.t("修改", "Changes"),
        page.t("结果", "Result"), join(rows));
}

Markup resolutionFacts(const Page &page, const boost::json::object &review) {
    const auto *res = review.at("resolution").if_object();
    if (!res)
        return html(R"(<div class="card">{}</div>)", page.t("已处理（结果值按您的权限不显示）。",
                                                            "Resolved (the value is masked for your role)."));
    return html(
        R"(<div class="card" id="resolution"><dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd class="value">{}</dd>)"
        R"(<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{} · {}</dd></dl></div>)",
        page.t("处理方式", "Decision"), choiceName(page, jsonText(*res, "choice")), page.t("结果值", "Value"),
        displayValue(res->at("value")), page.t("说明", "Note"), jsonText(*res, "note"),
        page.t("处理人", "By"), jsonText(*res, "reviewer"), formatTime(jsonInt(*res, "resolvedAtMs")));
}

Markup resolveForm(const Page &page, const boost::json::object &review) {
    const bool deleteRace = jsonText(review, "field") == "_delete";
    const bool regionMove = jsonText(review, "field") == "regionCode";
    Markup custom;
    if (!deleteRace && !regionMove)
        custom =
            html(R"(<label><input type="radio" name="choice" value="custom" id="choice-custom"> {}</label>)"
                 R"(<label>{} <input name="value" id="custom-value" maxlength="2000"></label>)",
                 page.t("自定义值", "Custom value"), page.t("值：", "Value:"));
    return html(
        R"(<form method="post" action="/console/reviews/{}/resolve" class="card stack" id="resolve">{})"
        R"(<fieldset><legend>{}</legend><div class="choices">)"
        R"(<label><input type="radio" name="choice" value="server" id="choice-server" required> {}</label>)"
        R"(<label><input type="radio" name="choice" value="incoming" id="choice-incoming"> {}</label>{}</div></fieldset>)"
        R"(<label>{}<textarea name="note" id="note" maxlength="500"></textarea></label>)"
        R"(<div class="actions"><button type="submit" id="resolve-submit">{}</button><a href="/console/reviews">{}</a></div></form>)",
        jsonInt(review, "id"), csrfInput(page), page.t("处理方式", "Decision"),
        page.t("采用服务器值", "Keep the server value"), page.t("采用上传值", "Take the tablet's value"),
        custom, page.t("处理说明", "Note"), page.t("提交处理", "Resolve"),
        page.t("返回列表", "Back to the queue"));
}

ApiReply reviewDetail(Page &page, int64_t id, const Markup &message, http::status status) {
    ApiReply fetched;
    auto review = fetchReview(page, id, fetched);
    if (!review) {
        Markup body = errorBox(fetched.status == http::status::ok
                                   ? page.t("冲突不存在或不在您的工作范围内。", "No such clash in your area.")
                                   : apiErrorMessage(fetched));
        return htmlReply(layout(page, page.t("冲突审核", "Conflict review"), "reviews", body),
                         http::status::not_found);
    }
    const auto &r = *review;
    auto names = areaNames(page.context);
    const std::string region = jsonText(r, "regionCode");
    const bool open = jsonText(r, "status") == "open";
    Markup body = html(
        R"({}<div class="card"><dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{} <span class="sub">{}</span></dd>)"
        R"(<dt>{}</dt><dd><strong>{}</strong></dd><dt>{}</dt><dd>{}</dd></dl></div>)"
        R"(<div class="sides"><section class="side-card base"><h3>{}</h3><div class="value" id="base-value">{}</div><div class="sub">{}</div></section>)"
        R"(<section class="side-card server"><h3>{}</h3><div class="value" id="server-value">{}</div>{}</section>)"
        R"(<section class="side-card incoming"><h3>{}</h3><div class="value" id="incoming-value">{}</div>{}</section></div>)"
        R"({}<h2>{}</h2>{})",
        message, page.t("村", "Village"), names.contains(region) ? names[region] : region,
        page.t("记录", "Record"), kindLabel(jsonText(r, "kind")), jsonText(r, "recordId"),
        page.t("字段", "Field"), fieldLabel(jsonText(r, "kind"), jsonText(r, "field")),
        page.t("状态", "Status"), open ? page.t("待处理", "Open") : page.t("已处理", "Resolved"),
        page.t("原值（双方修改前）", "Base (before both edits)"), displayValue(r.at("baseValue")),
        page.t("双方都据此修改", "both sides edited from this"), page.t("服务器现值", "Server value"),
        displayValue(r.at("serverValue")), whoWhen(page, jsonText(r, "serverHlc"), "", 0),
        page.t("平板上传值", "Tablet's value"), displayValue(r.at("incomingValue")),
        whoWhen(page, jsonText(r, "incomingHlc"), jsonText(r, "author"), jsonInt(r, "createdAtMs")),
        open ? resolveForm(page, r) : resolutionFacts(page, r), page.t("记录历史", "Record history"),
        historyTable(page, r));
    return htmlReply(layout(page, page.t("冲突 #", "Clash #") + std::to_string(id), "reviews", body), status);
}

} // namespace

ApiReply reviewsPage(Page &page) {
    std::string status = page.query("status");
    if (status != "resolved" && status != "all")
        status = "open";
    const std::string region = page.query("region");
    int64_t cursor = 0;
    if (auto c = page.query("cursor"); !c.empty())
        std::from_chars(c.data(), c.data() + c.size(), cursor);
    Markup message;
    if (auto done = page.query("resolved"); !done.empty())
        message =
            noticeBox(page.english ? "Clash #" + done +
                                         " resolved; the decision reaches the tablets on their next sync."
                                   : "冲突 #" + done + " 已处理，平板下次同步时收到结果。");
    if (auto done = page.query("bulk"); !done.empty())
        message = noticeBox(page.english ? done + " clashes decided." : "已批量处理 " + done + " 条冲突。");

    ApiReply reply = page.api(http::verb::get, reviewsTarget(status, region, cursor, kPageSize));
    if (reply.status != http::status::ok)
        return htmlReply(
            layout(page, page.t("冲突审核", "Conflict review"), "reviews", errorBox(apiErrorMessage(reply))),
            reply.status);
    const auto &body = reply.body.as_object();
    auto names = areaNames(page.context);
    std::vector<Markup> rows;
    for (const auto &r : body.at("reviews").as_array())
        rows.push_back(reviewRow(page, r.as_object(), names));
    Markup table =
        rows.empty()
            ? html(R"(<div class="card sub" id="empty">{}</div>)",
                   page.t("没有符合条件的冲突。", "No clashes match."))
            : html(
                  R"(<table id="reviews"><thead><tr><th class="num">#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th></th></tr></thead><tbody>{}</tbody></table>)",
                  page.t("村", "Village"), page.t("记录", "Record"), page.t("字段", "Field"),
                  page.t("原值", "Base"), page.t("服务器值", "Server"), page.t("上传值", "Tablet"),
                  page.t("状态", "Status"), join(rows));
    Markup bulk = status == "open" ? bulkForm(page, region, countOpen(page, region)) : Markup();
    Markup filters = html(
        R"(<form method="get" action="/console/reviews" class="filters" role="search">)"
        R"(<label>{}<select name="status"><option value="open"{}>{}</option><option value="resolved"{}>{}</option><option value="all"{}>{}</option></select></label>)"
        R"(<label>{}<select name="region">{}</select></label><button type="submit" class="secondary">{}</button></form>)",
        page.t("状态", "Status"), attributeIf(status == "open", "selected"), page.t("待处理", "Open"),
        attributeIf(status == "resolved", "selected"), page.t("已处理", "Resolved"),
        attributeIf(status == "all", "selected"), page.t("全部", "All"), page.t("地区", "Area"),
        villageOptions(page, region), page.t("筛选", "Filter"));
    Markup content = html("{}{}{}{}{}", message, filters, bulk, table,
                          pager(page, jsonInt(body, "cursor"), body.at("hasMore").as_bool()));
    return htmlReply(layout(page, page.t("冲突审核", "Conflict review"), "reviews", content));
}

ApiReply reviewPage(Page &page, int64_t id) {
    return reviewDetail(page, id, {}, http::status::ok);
}

ApiReply reviewResolve(Page &page, int64_t id, const std::map<std::string, std::string> &form) {
    const std::string choice = formValue(form, "choice");
    boost::json::object decision{{"choice", choice}, {"note", formValue(form, "note")}};
    if (choice == "custom") {
        ApiReply fetched;
        auto review = fetchReview(page, id, fetched);
        if (!review)
            return reviewDetail(page, id, {}, http::status::not_found);
        auto value =
            typedValue(jsonText(*review, "kind"), jsonText(*review, "field"), formValue(form, "value"));
        if (!value)
            return reviewDetail(page, id, errorBox(value.error().message), http::status::bad_request);
        decision["value"] = *value;
    }
    ApiReply reply = page.api(http::verb::post, "/api/v1/reviews/" + std::to_string(id) + "/resolve",
                              boost::json::serialize(decision));
    if (reply.status == http::status::ok) {
        ApiReply done = redirectTo("/console/reviews?resolved=" + std::to_string(id));
        done.user = page.session.user.username;
        return done;
    }
    Markup message =
        apiErrorCode(reply) == "already_resolved"
            ? errorBox(page.t("这条冲突在您打开页面后已被处理，您的提交没有生效。下面是现在的处理结果。",
                              "Someone resolved this clash after you opened it; your decision was not "
                              "applied. The current result is below."))
            : errorBox(apiErrorMessage(reply));
    ApiReply shown = reviewDetail(page, id, message, reply.status);
    shown.user = page.session.user.username;
    return shown;
}

// Two steps: the list's bulk form leads to a confirmation with the count; the confirmed form decides
// every open clash of the filter up to the highest id the user saw. If the count changed meanwhile the
// user confirms again with the new count.
ApiReply reviewsBulk(Page &page, const std::map<std::string, std::string> &form) {
    const std::string region = formValue(form, "region");
    const std::string choice = formValue(form, "choice");
    const std::string note = formValue(form, "note");
    int64_t maxId = 0;
    const std::string maxText = formValue(form, "maxId");
    std::from_chars(maxText.data(), maxText.data() + maxText.size(), maxId);
    const std::string expected = formValue(form, "expected");
    auto title = page.t("批量处理冲突", "Bulk decision");
    if ((choice != "server" && choice != "incoming") || note.empty() || maxId <= 0)
        return htmlReply(
            layout(page, title, "reviews",
                   errorBox(page.t("请选择处理方式并填写处理说明。", "Choose a decision and write a note."))),
            http::status::bad_request);
    OpenCount open = countOpen(page, region, maxId);
    if (!open.error.empty())
        return htmlReply(layout(page, title, "reviews", errorBox(open.error)), http::status::bad_request);
    const bool confirmed = formValue(form, "confirm") == "1";
    const bool stale = std::to_string(open.count) != expected;
    if (!confirmed || stale) {
        auto names = areaNames(page.context);
        const std::string area = region.empty() ? page.t("全部地区", "all areas")
                                                : (names.contains(region) ? names[region] : region);
        Markup warning = stale ? html(R"(<div class="box warn" role="alert">{}</div>)",
                                      page.english ? "The queue changed since you loaded it: " + expected +
                                                         " clashes then, " + std::to_string(open.count) +
                                                         " now. Confirm again."
                                                   : "列表已变化：打开时 " + expected + " 条，现在 " +
                                                         std::to_string(open.count) + " 条。请重新确认。")
                               : Markup();
        Markup body = html(
            R"({}<form method="post" action="/console/reviews/bulk" class="card stack" id="bulk-confirm">{})"
            R"(<p>{}</p><input type="hidden" name="region" value="{}"><input type="hidden" name="maxId" value="{}">)"
            R"(<input type="hidden" name="expected" value="{}"><input type="hidden" name="choice" value="{}">)"
            R"(<input type="hidden" name="note" value="{}"><input type="hidden" name="confirm" value="1">)"
            R"(<div class="actions"><button type="submit" id="bulk-confirm-submit">{}</button><a href="/console/reviews">{}</a></div></form>)",
            warning, csrfInput(page),
            page.english ? "Decide " + std::to_string(open.count) + " open clashes in " + area + ": " +
                               choiceName(page, choice) + ". Note: " + note
                         : "将对" + area + "的 " + std::to_string(open.count) + " 条待处理冲突" +
                               choiceName(page, choice) + "。说明：" + note,
            region, maxId, open.count, choice, note,
            page.english ? "Confirm: decide " + std::to_string(open.count)
                         : "确认处理 " + std::to_string(open.count) + " 条",
            page.t("取消", "Cancel"));
        return htmlReply(layout(page, title, "reviews", body),
                         stale && confirmed ? http::status::conflict : http::status::ok);
    }
    size_t applied = 0, taken = 0;
    std::vector<std::string> failures;
    int64_t cursor = 0;
    const std::string decision =
        boost::json::serialize(boost::json::object{{"choice", choice}, {"note", note}});
    for (bool more = true; more;) {
        ApiReply list = page.api(http::verb::get, reviewsTarget("open", region, cursor, 1000));
        if (list.status != http::status::ok)
            break;
        const auto &body = list.body.as_object();
        more = body.at("hasMore").as_bool();
        cursor = jsonInt(body, "cursor");
        for (const auto &r : body.at("reviews").as_array()) {
            const int64_t id = jsonInt(r.as_object(), "id");
            if (id > maxId) {
                more = false;
                break;
            }
            ApiReply done =
                page.api(http::verb::post, "/api/v1/reviews/" + std::to_string(id) + "/resolve", decision);
            if (done.status == http::status::ok)
                ++applied;
            else if (apiErrorCode(done) == "already_resolved")
                ++taken;
            else if (failures.size() < 20)
                failures.push_back("#" + std::to_string(id) + "：" + apiErrorMessage(done));
        }
    }
    if (failures.empty() && taken == 0) {
        ApiReply done = redirectTo("/console/reviews?bulk=" + std::to_string(applied));
        done.user = page.session.user.username;
        return done;
    }
    std::vector<Markup> items;
    for (const auto &f : failures)
        items.push_back(html("<li>{}</li>", f));
    Markup body = html(
        R"(<div class="box warn" role="alert">{}</div><ul>{}</ul><a href="/console/reviews">{}</a>)",
        page.english ? std::to_string(applied) + " decided, " + std::to_string(taken) +
                           " already decided by someone else, " + std::to_string(failures.size()) + " failed."
                     : "已处理 " + std::to_string(applied) + " 条；" + std::to_string(taken) +
                           " 条已由他人处理；" + std::to_string(failures.size()) + " 条失败。",
        join(items), page.t("返回列表", "Back to the queue"));
    ApiReply shown = htmlReply(layout(page, title, "reviews", body));
    shown.user = page.session.user.username;
    return shown;
}

} // namespace ruhu::server::console
