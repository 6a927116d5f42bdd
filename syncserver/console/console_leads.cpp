// 线索导入: a county clerk uploads a department's 筛查预警 list (CSV or XLSX, as it came) or marks a
// 突发应急 region and date range; both become LEAD cases on the village tablets through the leads API
// (docs/case-flow.md "Leads from the county"), and the answer is shown row by row.
#include "../api/scope.h"
#include "console.h"

#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace ruhu::server::console {
namespace {

// The departments that send lists in the seeds (001 一, 004 四); the field takes any other name too.
constexpr const char *kDepartments[] = {"民政局", "医保局", "教育局",     "卫健委",     "人社局",
                                        "残联",   "住建局", "应急管理局", "农业农村局", "乡村振兴局"};

Markup countCards(const Page &page, const boost::json::object &counts) {
    struct Card {
        const char *key, *zh, *en;
    };
    std::vector<Markup> cards;
    for (const auto &c :
         {Card{"created", "新建线索", "Leads opened"}, Card{"alreadyThere", "已有案件", "Already open"},
          Card{"unmatched", "未匹配", "Not matched"}, Card{"invalid", "有误的行", "Invalid rows"}}) {
        const int64_t n = jsonInt(counts, c.key);
        cards.push_back(html(R"(<div class="count{}" id="lead-{}"><strong>{}</strong>{}</div>)",
                             n == 0 ? " zero" : "", c.key, n, page.t(c.zh, c.en)));
    }
    return html(R"(<div class="counts">{}</div>)", join(cards));
}

Markup casesTable(const Page &page, const boost::json::array &cases,
                  const std::map<std::string, std::string> &names) {
    if (cases.empty())
        return {};
    std::vector<Markup> rows;
    for (const auto &value : cases) {
        const auto &c = value.as_object();
        const std::string id = jsonText(c, "caseId"), region = jsonText(c, "regionCode");
        const bool created = jsonText(c, "status") == "created";
        const auto *reason = c.if_contains("reason");
        rows.push_back(html(
            R"(<tr><td class="num">{}</td><td><a href="/console/cases/{}">{}</a></td><td>{}</td><td>{}</td></tr>)",
            c.contains("row") ? std::to_string(jsonInt(c, "row")) : std::string("—"),
            boost::urls::encode(id, boost::urls::unreserved_chars), id,
            names.contains(region) ? names.at(region) : region,
            created ? html(R"(<span class="tag ok">{}</span>)", page.t("已新建", "opened"))
                    : html(R"(<span class="tag">{}</span> <span class="sub">{}</span>)",
                           page.t("已有", "already there"),
                           reason && reason->is_object() ? jsonText(reason->get_object(), "message")
                                                         : std::string())));
    }
    return html(
        R"(<h2>{}</h2><table id="lead-cases"><thead><tr><th class="num">{}</th><th>{}</th><th>{}</th>)"
        R"(<th>{}</th></tr></thead><tbody>{}</tbody></table>)",
        page.t("案件", "Cases"), page.t("行", "Row"), page.t("案件编号", "Case"), page.t("村", "Village"),
        page.t("结果", "Result"), join(rows));
}

Markup problemsTable(const Page &page, const boost::json::object &answer) {
    const auto *problems = answer.if_contains("problems");
    if (!problems || !problems->is_array() || problems->get_array().empty())
        return {};
    std::vector<Markup> rows;
    for (const auto &value : problems->get_array()) {
        const auto &p = value.as_object();
        rows.push_back(
            html(R"(<tr><td class="num">{}</td><td>{}</td><td class="value">{}</td><td>{}</td></tr>)",
                 p.contains("row") ? std::to_string(jsonInt(p, "row")) : std::string("—"),
                 jsonText(p, "column"), jsonText(p, "idNumber"), jsonText(p, "message")));
    }
    return html(
        R"(<h2>{}</h2><table id="lead-problems"><thead><tr><th class="num">{}</th><th>{}</th><th>{}</th>)"
        R"(<th>{}</th></tr></thead><tbody>{}</tbody></table>{})",
        page.t("未导入的行", "Rows not taken"), page.t("行", "Row"), page.t("列", "Column"),
        page.t("身份证号（已脱敏）", "ID number (masked)"), page.t("原因", "Why"), join(rows),
        jsonFlag(answer, "problemsTruncated")
            ? html(R"(<p class="sub">{}</p>)",
                   page.t("只列出前 2000 条。", "Only the first 2,000 are listed."))
            : Markup());
}

Markup answerSection(const Page &page, const boost::json::object &answer) {
    const auto *counts = answer.if_contains("counts");
    const auto *cases = answer.if_contains("cases");
    const auto names = areaNames(page.context);
    Markup summary =
        answer.contains("households")
            ? html(R"(<p class="sub">{}</p>)",
                   page.english ? std::to_string(jsonInt(answer, "households")) + " households looked at, " +
                                      std::to_string(jsonInt(answer, "withoutEvent")) +
                                      " without a recorded 突发事件 in the range."
                                : "查看了 " + std::to_string(jsonInt(answer, "households")) + " 户，其中 " +
                                      std::to_string(jsonInt(answer, "withoutEvent")) +
                                      " 户在该时段没有登记突发事件（请村里先在平板上登记）。")
            : html(R"(<p class="sub">{}</p>)",
                   page.english ? std::to_string(jsonInt(answer, "rows")) + " rows read."
                                : "共读取 " + std::to_string(jsonInt(answer, "rows")) + " 行。");
    return html(R"(<section class="card" id="lead-answer">{}{}{}{}</section>)",
                counts && counts->is_object() ? countCards(page, counts->get_object()) : Markup(), summary,
                cases && cases->is_array() ? casesTable(page, cases->get_array(), names) : Markup(),
                problemsTable(page, answer));
}

Markup screeningForm(const Page &page, const std::string &department) {
    std::vector<Markup> options;
    for (const char *d : kDepartments)
        options.push_back(html(R"(<option value="{}">)", d));
    return html(
        R"(<form method="post" action="/console/leads/screening" enctype="multipart/form-data" class="card stack" id="screening-form">)"
        R"({}<h2>{}</h2><p class="sub">{}</p>)"
        R"(<label>{}<input name="department" id="lead-department" list="departments" required maxlength="30" value="{}"></label>)"
        R"(<datalist id="departments">{}</datalist>)"
        R"(<label>{}<input type="file" name="list" id="lead-file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></label>)"
        R"(<div class="actions"><button type="submit" id="lead-import">{}</button></div></form>)",
        csrfInput(page), page.t("部门筛查预警名单", "A department's screening list"),
        page.t(
            "CSV 或 XLSX，原样上传即可：需有“身份证号”（或证件号码）和“预警日期”列，可有姓名、预警原因。"
            "按身份证号在本县范围内匹配家庭成员，为其家庭新建“线索”案件，由村里在5个工作日内入户核实；"
            "重复导入不会重复建案。上限 4MB、2万行。",
            "CSV or XLSX as received, with a 身份证号 and a 预警日期 column (姓名 and 预警原因 optional). "
            "Rows are "
            "matched to members in your county by ID number; each match opens a lead case that the village "
            "verifies within 5 working days. Importing again opens nothing twice. Up to 4 MB, 20,000 rows."),
        page.t("来源部门", "Department"), department, join(options), page.t("名单文件", "List file"),
        page.t("导入", "Import"));
}

Markup emergencyForm(const Page &page, const std::map<std::string, std::string> &form) {
    std::vector<Markup> options;
    const std::string chosen = formValue(form, "regionCode");
    for (const auto &[code, name] : areaNames(page.context)) {
        if (inScope(code, page.session.user.scope))
            options.push_back(html(R"(<option value="{}"{}>{} {}</option>)", code,
                                   code == chosen ? " selected" : "", name, code));
    }
    return html(
        R"(<form method="post" action="/console/leads/emergency" class="card stack" id="emergency-form">)"
        R"({}<h2>{}</h2><p class="sub">{}</p><label>{}<select name="regionCode" id="emergency-region" required>{}</select></label>)"
        R"(<div class="row"><label>{}<input type="date" name="from" id="emergency-from" required value="{}"></label>)"
        R"(<label>{}<input type="date" name="to" id="emergency-to" required value="{}"></label></div>)"
        R"(<label>{}<textarea name="description" id="emergency-description" required maxlength="500">{}</textarea></label>)"
        R"(<div class="actions"><button type="submit" id="emergency-mark">{}</button></div></form>)",
        csrfInput(page), page.t("突发应急", "Emergency"),
        page.t("标记受灾区域和时段：该区域内在此时段登记了突发事件的农户各新建一条“线索”案件。",
               "Mark a region and a date range: each household there with a 突发事件 recorded in the range "
               "gets a "
               "lead case."),
        page.t("区域", "Region"), join(options), page.t("开始日期", "From"), formValue(form, "from"),
        page.t("结束日期", "To"), formValue(form, "to"), page.t("情况说明", "Description"),
        formValue(form, "description"), page.t("标记并建线索", "Mark and open leads"));
}

ApiReply render(Page &page, const Markup &result, const std::map<std::string, std::string> &form,
                http::status status = http::status::ok) {
    Markup body = html(R"({}<div class="lead-forms">{}{}</div>)", result,
                       screeningForm(page, formValue(form, "department")), emergencyForm(page, form));
    ApiReply reply = htmlReply(layout(page, page.t("线索导入", "Leads"), "leads", body), status);
    reply.user = page.session.user.username;
    return reply;
}

} // namespace

ApiReply leadsPage(Page &page) {
    return render(page, {}, {});
}

ApiReply leadsSubmit(Page &page, std::string_view kind, const std::map<std::string, std::string> &form) {
    ApiReply answer;
    if (kind == "screening") {
        const std::string department = formValue(form, "department");
        const std::string list = formValue(form, "list");
        if (list.empty())
            return render(page, errorBox(page.t("请选择名单文件。", "Choose the list file.")), form,
                          http::status::bad_request);
        answer = page.api(http::verb::post,
                          "/api/v1/leads/screening?department=" +
                              boost::urls::encode(department, boost::urls::unreserved_chars),
                          list, "application/octet-stream");
    } else if (kind == "emergency") {
        boost::json::object request{{"regionCode", formValue(form, "regionCode")},
                                    {"from", formValue(form, "from")},
                                    {"to", formValue(form, "to")},
                                    {"description", formValue(form, "description")}};
        answer = page.api(http::verb::post, "/api/v1/leads/emergency", boost::json::serialize(request));
    } else {
        return render(page, errorBox(page.t("未知操作。", "Unknown action.")), form, http::status::not_found);
    }
    if (answer.status != http::status::ok)
        return render(page, errorBox(apiErrorMessage(answer)), form, answer.status);
    return render(page, answerSection(page, answer.body.as_object()), form);
}

} // namespace ruhu::server::console
