// One case (GET /api/v1/cases/{id}): the household as this role may see it, the step history, what each
// next step still misses, and the forms of the steps this role may take. A form posts the case's version:
// a case changed meanwhile answers 409 stale_case instead of being overwritten.
#include "../api/query.h"
#include "console.h"

#include <ruhu/domain/case_procedure.h>
#include <ruhu/domain/workflow.h>
#include <ruhu/model/schema.h>

#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>
#include <optional>

namespace ruhu::server::console {
namespace {

constexpr int kJointReviewRows = 3;

std::string encoded(const std::string &text) {
    return boost::urls::encode(text, boost::urls::unreserved_chars);
}

const boost::json::object &emptyObject() {
    static const boost::json::object empty;
    return empty;
}

const boost::json::object &member(const boost::json::object &o, const char *key) {
    const auto *v = o.if_contains(key);
    return v && v->is_object() ? v->get_object() : emptyObject();
}

const boost::json::array &list(const boost::json::object &o, const char *key) {
    static const boost::json::array empty;
    const auto *v = o.if_contains(key);
    return v && v->is_array() ? v->get_array() : empty;
}

std::string fieldLabel(const Page &page, const char *kind, const std::string &field) {
    const RecordKind *k = findRecordKind(kind);
    const FieldSpec *spec = k ? k->field(field) : nullptr;
    return spec && !page.english ? spec->label : field;
}

// A field as a reviewer reads it: a list of words joined with 、, anything else as displayValue.
std::string fieldValue(const boost::json::object &fields, const std::string &name) {
    const auto *v = fields.if_contains(name);
    if (!v)
        return "—";
    if (v->is_array() && std::all_of(v->get_array().begin(), v->get_array().end(),
                                     [](const auto &x) { return x.is_string(); })) {
        std::string out;
        for (const auto &x : v->get_array())
            out += (out.empty() ? "" : "、") + std::string(x.get_string());
        return out.empty() ? "—" : out;
    }
    return displayValue(*v);
}

// A record's chosen fields as a definition list.
Markup facts(const Page &page, const char *kind, const boost::json::object &fields,
             std::initializer_list<const char *> names, const char *id) {
    std::vector<Markup> items;
    for (const char *name : names) {
        if (fields.contains(name))
            items.push_back(
                html(R"(<dt>{}</dt><dd>{}</dd>)", fieldLabel(page, kind, name), fieldValue(fields, name)));
    }
    return html(R"(<dl class="facts" id="{}">{}</dl>)", id, join(items));
}

// A table of records of one kind with the chosen columns.
Markup recordTable(const Page &page, const char *kind, const boost::json::array &records,
                   std::initializer_list<const char *> columns, const char *id) {
    std::vector<Markup> head, rows;
    for (const char *c : columns)
        head.push_back(html("<th>{}</th>", fieldLabel(page, kind, c)));
    for (const auto &r : records) {
        const auto &fields = member(r.as_object(), "fields");
        std::vector<Markup> cells;
        for (const char *c : columns)
            cells.push_back(html(R"(<td class="value">{}</td>)", fieldValue(fields, c)));
        rows.push_back(html("<tr>{}</tr>", join(cells)));
    }
    if (rows.empty())
        return html(R"(<p class="sub" id="{}">{}</p>)", id, page.t("无。", "None."));
    return html(R"(<table id="{}"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>)", id, join(head),
                join(rows));
}

Markup householdSection(const Page &page, const boost::json::object &body) {
    const auto *household = body.if_contains("household");
    Markup head =
        household && household->is_object()
            ? facts(page, "household", member(household->get_object(), "fields"),
                    {"headName", "householdType", "address", "riskTypes", "monitoring"}, "household")
            : html(R"(<p class="sub">{}</p>)", page.t("服务器上没有该户。", "No household on the server."));
    return html(R"(<section class="card"><h2>{}</h2>{}<h3>{}</h3>{}<h3>{}</h3>{}</section>)",
                page.t("农户", "Household"), head, page.t("家庭成员", "Members"),
                recordTable(page, "member", list(body, "members"),
                            {"name", "relationToHead", "idNo", "birthDate", "labor", "health", "status"},
                            "members"),
                page.t("帮扶措施", "Measures"),
                recordTable(page, "measure", list(body, "measures"),
                            {"category", "item", "responsibleDept", "startDate", "status"}, "measures"));
}

Markup historySection(const Page &page, const boost::json::array &events) {
    std::vector<Markup> rows;
    for (const auto &e : events) {
        if (!e.is_object())
            continue;
        const auto &o = e.get_object();
        rows.push_back(
            html(R"(<tr><td>{}</td><td>{} → <strong>{}</strong></td><td>{}<div class="sub">{}</div></td>)"
                 R"(<td class="value">{}</td><td>{}</td></tr>)",
                 formatTime(jsonInt(o, "atMs")), workflow::stateLabel(jsonText(o, "from")),
                 workflow::stateLabel(jsonText(o, "to")), jsonText(o, "by"),
                 roleName(page, jsonText(o, "role")), jsonText(o, "device"), jsonText(o, "note")));
    }
    if (rows.empty())
        return html(R"(<p class="sub" id="events">{}</p>)", page.t("尚无办理记录。", "No steps yet."));
    return html(
        R"(<table id="events"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>)"
        R"(<tbody>{}</tbody></table>)",
        page.t("时间", "When"), page.t("步骤", "Step"), page.t("办理人", "By"), page.t("设备", "Device"),
        page.t("说明", "Note"), join(rows));
}

// The township's and county's decisions on the case (server-written: result, reason, who, when).
Markup decisionsSection(const Page &page, const boost::json::object &fields) {
    struct Decision {
        const char *field;
        const char *zh;
        const char *en;
    };
    static constexpr Decision kDecisions[] = {
        {"townshipReview", "乡镇审核", "Township review"},
        {"countyReview", "县级确定", "County decision"},
        {"announcement", "公告", "Announcement"},
        {"entry", "录入全国系统", "National system entry"},
        {"eliminationTownship", "乡镇审核风险消除", "Township elimination review"},
        {"eliminationCounty", "县级确认风险消除", "County elimination decision"},
        {"rollback", "风险回退", "Rollback"},
        {"removal", "清退", "Removal"},
    };
    std::vector<Markup> items;
    for (const auto &d : kDecisions) {
        const auto &o = member(fields, d.field);
        if (o.empty())
            continue;
        std::vector<std::string> parts;
        for (const char *key : {"result", "category", "leadDepartment", "channel", "nationalId", "reason"}) {
            if (auto v = jsonText(o, key); !v.empty())
                parts.push_back(v);
        }
        for (const auto &dep : list(o, "departments")) {
            if (dep.is_object())
                parts.push_back(jsonText(dep.get_object(), "department") + " " +
                                jsonText(dep.get_object(), "result"));
        }
        std::string text;
        for (const auto &p : parts)
            text += (text.empty() ? "" : " · ") + p;
        items.push_back(html(R"(<dt>{}</dt><dd>{}<div class="sub">{} {}</div></dd>)", page.t(d.zh, d.en),
                             text, jsonText(o, "by"), jsonText(o, "date")));
    }
    if (items.empty())
        return {};
    return html(R"(<section class="card"><h2>{}</h2><dl class="facts" id="decisions">{}</dl></section>)",
                page.t("审核意见", "Decisions"), join(items));
}

Markup textInput(const char *label, const char *name, const std::string &id, bool required) {
    return html(R"(<label>{}<input name="{}" id="{}-{}" maxlength="200"{}></label>)", label, name, id, name,
                attributeIf(required, "required"));
}

// The inputs of a step's data field; empty for a step the console leaves to the tablet (survey data).
std::optional<Markup> dataInputs(const Page &page, std::string_view field, std::string_view to,
                                 const std::string &id) {
    if (field.empty())
        return Markup();
    if (field == "townshipReview" || field == "eliminationTownship" || field == "eliminationCounty" ||
        (field == "countyReview" && to != "COUNTY_CONFIRMED") || field == "rollback" || field == "removal" ||
        field == "withdrawal" || field == "closure")
        return html(R"(<label>{}<textarea name="reason" id="{}-reason" maxlength="500"></textarea></label>)",
                    page.t("审核意见 / 理由（退回、不通过时必填）",
                           "Opinion / reason (required to return or reject)"),
                    id);
    if (field == "countyReview") {
        std::vector<Markup> categories, rows;
        for (const auto &c : cases::monitoringCategories())
            categories.push_back(html(R"(<option value="{}">{}</option>)", c, c));
        for (int i = 1; i <= kJointReviewRows; ++i)
            rows.push_back(html(
                R"(<div class="row"><label>{} {}<input name="department{}" id="{}-department{}" maxlength="60"></label>)"
                R"(<label>{}<select name="departmentResult{}" id="{}-departmentResult{}"><option value="通过">通过</option>)"
                R"(<option value="不通过">不通过</option></select></label>)"
                R"(<label>{}<input name="departmentNote{}" id="{}-departmentNote{}" maxlength="200"></label></div>)",
                page.t("联审部门", "Department"), i, i, id, i, page.t("结果", "Result"), i, id, i,
                page.t("意见", "Note"), i, id, i));
        return html(
            R"(<label>{}<select name="category" id="{}-category" required><option value="">—</option>{}</select></label>)"
            R"({}<fieldset><legend>{}</legend>{}</fieldset>)",
            page.t("监测对象类别", "Category"), id, join(categories),
            textInput(page.t("帮扶主责部门", "Lead department"), "leadDepartment", id, true),
            page.t("部门联审", "Joint review by departments"), join(rows));
    }
    if (field == "announcement")
        return textInput(page.t("公告方式与地点", "Where it was announced"), "channel", id, true);
    if (field == "entry")
        return textInput(page.t("全国系统中的编号", "Number in the national system"), "nationalId", id, true);
    if (field == "publicity")
        return html(
            R"(<label>{}<input type="date" name="start" id="{}-start" required></label>)"
            R"(<label>{}<select name="place" id="{}-place"><option>线下</option><option>线上</option><option>线下和线上</option></select></label>{})",
            page.t("公示开始日期", "Start of 公示"), id, page.t("公示方式", "Where"), id,
            textInput(page.t("公示地点", "Location"), "location", id, true));
    return std::nullopt;
}

Markup stepSection(const Page &page, const boost::json::object &step, const std::string &caseId,
                   const std::string &from, int64_t version) {
    const std::string action = jsonText(step, "action"), to = jsonText(step, "to");
    const std::string formId = "step-" + action + "-" + to;
    Markup missing = missingList(page, list(step, "missing"), (formId + "-missing").c_str());
    Markup head = html(R"(<h3>{} <span class="sub">→ {}</span></h3>)", jsonText(step, "label"),
                       page.english ? to : jsonText(step, "toLabel"));
    if (!jsonFlag(step, "mayTake"))
        return html(R"(<section class="step other">{}<p class="sub">{}{}</p>{}</section>)", head,
                    page.t("由以下级别办理：", "Taken by: "), roleName(page, jsonText(step, "minRole")),
                    missing);
    auto inputs = dataInputs(page, jsonText(step, "dataField"), to, formId);
    if (!inputs)
        return html(
            R"(<section class="step">{}<p class="sub">{}</p>{}</section>)", head,
            page.t("该步骤的资料由村干部在平板上填写。", "The village cadre enters this step on the tablet."),
            missing);
    return html(
        R"(<section class="step">{}{}<form method="post" action="/console/cases/{}/actions" class="stack" id="{}")"
        R"( data-confirm="{}">{}<input type="hidden" name="to" value="{}"><input type="hidden" name="from" value="{}">)"
        R"(<input type="hidden" name="version" value="{}">{}<label>{}<textarea name="note" id="{}-note" maxlength="500"></textarea></label>)"
        R"(<div class="actions"><button type="submit" id="{}-submit">{}</button></div></form></section>)",
        head, missing, encoded(caseId), formId, page.t("确认办理此步骤？", "Take this step?"),
        csrfInput(page), to, from, version, *inputs,
        page.t("办理说明（写入流程记录）", "Note (kept in the history)"), formId, formId,
        jsonText(step, "label"));
}

// The step's data from the form: the decision's result comes from the step (one table in shared/), the
// date and the reviewer from the server.
boost::json::object stepData(const std::map<std::string, std::string> &form) {
    const std::string from = formValue(form, "from"), to = formValue(form, "to");
    const std::string_view field = cases::stepDataField(from, to);
    boost::json::object data;
    if (auto result = cases::reviewResultForStep(from, to); !result.empty())
        data["result"] = std::string(result);
    if (auto reason = formValue(form, "reason"); !reason.empty())
        data["reason"] = reason;
    if (field == "countyReview" && to == "COUNTY_CONFIRMED") {
        data["category"] = formValue(form, "category");
        data["leadDepartment"] = formValue(form, "leadDepartment");
        boost::json::array departments;
        for (int i = 1; i <= kJointReviewRows; ++i) {
            const std::string n = std::to_string(i);
            auto name = formValue(form, ("department" + n).c_str());
            if (!name.empty())
                departments.push_back(
                    boost::json::object{{"department", name},
                                        {"result", formValue(form, ("departmentResult" + n).c_str())},
                                        {"note", formValue(form, ("departmentNote" + n).c_str())}});
        }
        data["departments"] = std::move(departments);
    } else if (field == "announcement") {
        data["channel"] = formValue(form, "channel");
    } else if (field == "entry") {
        data["nationalId"] = formValue(form, "nationalId");
    } else if (field == "publicity") {
        data["start"] = formValue(form, "start");
        data["place"] = formValue(form, "place");
        data["location"] = formValue(form, "location");
    }
    return data;
}

} // namespace

Markup missingList(const Page &page, const boost::json::array &missing, const std::string &id) {
    if (missing.empty())
        return html(R"(<p class="sub ok-line" id="{}">{}</p>)", id,
                    page.t("条件已齐备。", "Nothing is missing."));
    std::vector<Markup> items;
    for (const auto &m : missing) {
        if (m.is_object())
            items.push_back(html(R"(<li>{} <span class="sub value">{}</span></li>)",
                                 jsonText(m.as_object(), "message"), jsonText(m.as_object(), "code")));
    }
    return html(R"(<div class="missing" id="{}"><strong>{}</strong><ul>{}</ul></div>)", id,
                page.t("办理前尚缺：", "Still missing:"), join(items));
}

ApiReply casePage(Page &page, const std::string &id, const Markup &message, http::status status) {
    const std::string title = page.t("案件", "Case");
    ApiReply reply = page.api(http::verb::get, "/api/v1/cases/" + encoded(id));
    if (reply.status != http::status::ok)
        return htmlReply(layout(page, title, "cases",
                                html(R"({}<a href="/console/cases">{}</a>)", errorBox(apiErrorMessage(reply)),
                                     page.t("返回案件列表", "Back to cases"))),
                         reply.status);
    const auto &body = reply.body.as_object();
    const auto &c = member(body, "case");
    const std::string state = jsonText(c, "state");
    const int64_t version = jsonInt(c, "version");
    const auto &fields = member(c, "fields");
    auto names = areaNames(page.context);
    const std::string region = jsonText(c, "regionCode");
    const auto &household = member(member(body, "household"), "fields");

    std::vector<Markup> attention;
    for (const auto &a : list(body, "attention")) {
        if (a.is_object())
            attention.push_back(html(R"(<li class="{}">{}</li>)",
                                     jsonFlag(a.get_object(), "overdue") ? "late" : "",
                                     jsonText(a.get_object(), "message")));
    }
    std::vector<Markup> steps;
    for (const auto &s : list(body, "steps")) {
        if (s.is_object())
            steps.push_back(stepSection(page, s.get_object(), id, state, version));
    }
    const auto &publicity = member(fields, "publicity");
    Markup summary = html(
        R"(<div class="card"><dl class="facts" id="case-facts"><dt>{}</dt><dd><strong>{}</strong> <span class="sub">{}</span></dd>)"
        R"(<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd><span class="tag warn" id="case-state">{}</span> <span class="sub">{} {}</span></dd>)"
        R"(<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}{}</dd></dl>{}</div>)",
        page.t("户主", "Head"), jsonText(household, "headName"), jsonText(c, "householdId"),
        page.t("村", "Village"), names.contains(region) ? names.at(region) : region, page.t("状态", "State"),
        page.english ? state : jsonText(c, "stateLabel"), page.t("版本", "version"), version,
        page.t("来源", "Source"), fieldValue(fields, "source"), page.t("公示", "Publicity"),
        publicity.empty() ? std::string("—")
                          : jsonText(publicity, "start") + " — " + fieldValue(fields, "publicityEnd") +
                                " · " + jsonText(publicity, "place") + " " + jsonText(publicity, "location"),
        list(publicity, "objections").empty()
            ? Markup()
            : html(R"( <span class="tag warn">{} {}</span>)", page.t("异议", "objections"),
                   list(publicity, "objections").size()),
        attention.empty() ? Markup()
                          : html(R"(<ul class="attention" id="attention">{}</ul>)", join(attention)));
    Markup done;
    if (auto took = page.query("done"); !took.empty())
        done =
            noticeBox(page.english ? "Done: the case is now " + took
                                   : "已办理：案件现为“" + std::string(workflow::stateLabel(took)) + "”。");
    Markup content = html(
        R"({}{}{}<div class="columns"><section class="grow">{}<section class="card"><h2>{}</h2>{}</section></section>)"
        R"(<section class="card steps" id="steps"><h2>{}</h2>{}</section></div>)",
        message, done, summary, html("{}{}", decisionsSection(page, fields), householdSection(page, body)),
        page.t("办理记录", "History"), historySection(page, list(body, "events")),
        page.t("下一步", "Next steps"),
        steps.empty() ? html(R"(<p class="sub">{}</p>)", page.t("流程已结束。", "The case is closed."))
                      : join(steps));
    return htmlReply(layout(page, title + " · " + jsonText(household, "headName"), "cases", content), status);
}

ApiReply caseAction(Page &page, const std::string &id, const std::map<std::string, std::string> &form) {
    const std::string to = formValue(form, "to");
    boost::json::object request{{"to", to}, {"note", formValue(form, "note")}, {"data", stepData(form)}};
    if (auto version = parseNonNegative(formValue(form, "version")))
        request["version"] = *version;
    ApiReply reply = page.api(http::verb::post, "/api/v1/cases/" + encoded(id) + "/actions",
                              boost::json::serialize(request));
    ApiReply shown;
    if (reply.status == http::status::ok) {
        shown = redirectTo("/console/cases/" + encoded(id) + "?done=" + encoded(to));
    } else {
        Markup why = errorBox(apiErrorMessage(reply));
        if (const auto *o = reply.body.if_object(); o && o->contains("missing") &&
                                                    o->at("missing").is_array() &&
                                                    !o->at("missing").get_array().empty())
            why += missingList(page, o->at("missing").get_array(), "refused-missing");
        shown = casePage(page, id, why, reply.status);
    }
    shown.user = page.session.user.username;
    return shown;
}

} // namespace ruhu::server::console
