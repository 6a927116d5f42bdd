// Leads from the county (docs/case-flow.md "Leads from the county"): a department's 筛查预警 list
// (POST /api/v1/leads/screening?department=…, the file as the body) and a 突发应急 marking
// (POST /api/v1/leads/emergency). County accounts only; everything inside the account's area.
#include "../tabular/table_reader.h"
#include "audit.h"
#include "auth.h"
#include "handlers.h"
#include "lead_cases.h"
#include "query.h"
#include "replies.h"
#include "scope.h"

#include <ruhu/domain/beijing_time.h>
#include <ruhu/domain/lead_sources.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/model/id_number.h>

#include <map>
#include <set>

namespace ruhu::server {
namespace {

constexpr size_t kMaxListBytes = 4 * 1024 * 1024;
constexpr size_t kMaxMarkBytes = 4 * 1024;
constexpr size_t kMaxProblemsShown = 2000;
constexpr size_t kScanPage = 1000;

using Kind = LeadOutcome::Kind;

boost::json::object problemJson(int row, const std::string &column, const std::string &code,
                                const std::string &message, const std::string &idMasked) {
    boost::json::object o{{"row", row}, {"column", column}, {"code", code}, {"message", message}};
    o["idNumber"] = idMasked.empty() ? boost::json::value(nullptr) : boost::json::value(idMasked);
    return o;
}

struct Tally {
    int64_t created = 0, alreadyThere = 0, unmatched = 0, invalid = 0;
    boost::json::array problems;
    boost::json::array cases;
    size_t problemCount = 0;

    void problem(boost::json::object p) {
        if (++problemCount <= kMaxProblemsShown)
            problems.push_back(std::move(p));
    }

    // A case opened or found, and a refusal, from the outcome of a lead.
    void outcome(const LeadOutcome &o, const std::string &idMasked) {
        const int row = o.request.row;
        if (o.kind == Kind::Refused) {
            const bool outside = o.why.code == "household_missing";
            ++(outside ? unmatched : invalid);
            problem(problemJson(row, "", outside ? "unmatched" : o.why.code,
                                row ? "第" + std::to_string(row) + "行：" + o.why.message : o.why.message,
                                idMasked));
            return;
        }
        ++(o.kind == Kind::Created ? created : alreadyThere);
        boost::json::object c{{"caseId", o.request.caseId},
                              {"householdId", o.request.householdId},
                              {"regionCode", o.regionCode},
                              {"status", o.kind == Kind::Created ? "created" : "alreadyThere"}};
        if (row)
            c["row"] = row;
        if (o.kind == Kind::AlreadyThere)
            c["reason"] = boost::json::object{{"code", o.why.code}, {"message", o.why.message}};
        cases.push_back(std::move(c));
    }

    boost::json::object json() && {
        boost::json::object out{{"counts", boost::json::object{{"created", created},
                                                               {"alreadyThere", alreadyThere},
                                                               {"unmatched", unmatched},
                                                               {"invalid", invalid}}},
                                {"cases", std::move(cases)},
                                {"problems", std::move(problems)}};
        out["problemsTruncated"] = problemCount > kMaxProblemsShown;
        return out;
    }
};

struct Member {
    std::string id;
    std::string householdId;
    std::string regionCode;
    std::string name;
};

// The live members inside the user's area whose 身份证号 is among `wanted`, by number.
Result<std::map<std::string, Member>> membersById(const ApiContext &context, const UserAccount &user,
                                                  const std::set<std::string> &wanted) {
    std::map<std::string, Member> found;
    std::string cursor;
    for (;;) {
        auto page = context.store.recordsOfKind("member", user.scope, cursor, kScanPage);
        if (!page)
            return page.error();
        for (const auto &r : *page) {
            cursor = r.id;
            const auto *id = r.fields.if_contains("idNo");
            if (r.deleted || !id || !id->is_string())
                continue;
            std::string number(id->get_string());
            if (!number.empty() && number.back() == 'x')
                number.back() = 'X';
            if (!wanted.contains(number) || found.contains(number))
                continue;
            const auto *name = r.fields.if_contains("name");
            found[number] =
                Member{r.id, r.householdId, r.regionCode,
                       name && name->is_string() ? std::string(name->get_string()) : std::string()};
        }
        if (page->size() < kScanPage)
            return found;
    }
}

Result<boost::json::object> importScreening(const Request &request, const ApiContext &context,
                                            const UserAccount &user, const std::string &department) {
    const auto today = domain::beijingDate(context.clock.nowMs());
    auto table = tabular::readTable(std::string_view(request.body().data(), request.body().size()));
    if (!table)
        return table.error();
    auto list = leads::readScreeningList(*table, today);
    if (!list)
        return list.error();
    Tally tally;
    for (const auto &p : list->problems) {
        ++tally.invalid;
        tally.problem(problemJson(p.row, p.column, p.code, p.message, p.idMasked));
    }
    std::set<std::string> wanted;
    for (const auto &row : list->rows)
        wanted.insert(row.idNumber);
    auto members = membersById(context, user, wanted);
    if (!members)
        return members.error();
    std::vector<LeadRequest> requests;
    std::map<int, std::string> maskedByRow;
    for (const auto &row : list->rows) {
        const auto m = members->find(row.idNumber);
        if (m == members->end()) {
            auto p = leads::unmatchedProblem(row);
            ++tally.unmatched;
            tally.problem(problemJson(p.row, p.column, p.code, p.message, p.idMasked));
            continue;
        }
        if (auto p = leads::nameMismatch(row, m->second.name)) {
            ++tally.unmatched;
            tally.problem(problemJson(p->row, p->column, p->code, p->message, p->idMasked));
            continue;
        }
        const std::string caseId = leads::leadCaseId(leads::kScreeningSource, m->second.householdId,
                                                     leads::screeningKey(row, department));
        requests.push_back(
            LeadRequest{row.row, caseId, m->second.householdId,
                        leads::screeningCaseFields(row, m->second.householdId, m->second.id, department)});
        maskedByRow[row.row] = maskIdNumber(row.idNumber);
    }
    auto outcomes = openLeadCases(context, user, requests);
    if (!outcomes)
        return outcomes.error();
    AuditHouseholds households;
    for (const auto &o : *outcomes) {
        tally.outcome(o, maskedByRow[o.request.row]);
        if (o.kind != Kind::Refused)
            households.emplace_back(o.request.householdId, o.regionCode);
    }
    // Which numbers belong to members of the area is what the county learns: one read-audit row.
    if (auto st =
            auditRead(request, context, user, "leadImport", "leads/screening", "ok", std::move(households));
        !st)
        return st.error();
    boost::json::object out = std::move(tally).json();
    out["source"] = leads::kScreeningSource;
    out["department"] = department;
    out["rows"] = static_cast<int64_t>(list->rows.size() + list->problems.size());
    return out;
}

Result<boost::json::object> markEmergency(const ApiContext &context, const UserAccount &user,
                                          const leads::EmergencyMark &mark) {
    const auto today = domain::beijingDate(context.clock.nowMs());
    std::vector<LeadRequest> requests;
    int64_t households = 0;
    std::string cursor;
    for (bool more = true; more;) {
        auto page = context.store.recordsOfKind("household", {mark.regionCode}, cursor, kScanPage);
        if (!page)
            return page.error();
        more = page->size() == kScanPage;
        for (const auto &r : *page) {
            cursor = r.id;
            if (r.deleted)
                continue;
            ++households;
            if (auto event = leads::suddenEventWithin(r.fields, mark))
                requests.push_back(LeadRequest{
                    0, leads::leadCaseId(leads::kEmergencySource, r.id, leads::emergencyKey(mark)), r.id,
                    leads::emergencyCaseFields(mark, r.id, *event, today)});
        }
    }
    auto outcomes = openLeadCases(context, user, requests);
    if (!outcomes)
        return outcomes.error();
    Tally tally;
    for (const auto &o : *outcomes)
        tally.outcome(o, {});
    boost::json::object out = std::move(tally).json();
    out["source"] = leads::kEmergencySource;
    out["regionCode"] = mark.regionCode;
    out["households"] = households;
    out["withoutEvent"] = households - static_cast<int64_t>(requests.size());
    return out;
}

ApiReply emergencyReply(const Request &request, const ApiContext &context, const UserAccount &user) {
    auto json = parseJson(request.body());
    if (!json)
        return errorReply(http::status::bad_request, "bad_request",
                          "请求体应为 JSON 对象 {regionCode, from, to, description}");
    auto mark = leads::readEmergencyMark(*json, domain::beijingDate(context.clock.nowMs()));
    if (!mark)
        return errorReply(mark.error());
    if (!inScope(mark->regionCode, user.scope))
        return errorReply(http::status::forbidden, "forbidden_area", "所选地区不在您的工作范围内",
                          "regionCode");
    auto result = markEmergency(context, user, *mark);
    return result ? jsonReply(std::move(*result)) : errorReply(result.error());
}

ApiReply screeningReply(const Request &request, const ApiContext &context, const UserAccount &user) {
    if (request.body().size() > kMaxListBytes)
        return errorReply(http::status::payload_too_large, "payload_too_large",
                          "文件过大（上限 " + std::to_string(kMaxListBytes / (1024 * 1024)) +
                              "MB），请分批导入");
    auto params = queryParams(std::string_view(request.target().data(), request.target().size()));
    if (!params)
        return errorReply(params.error());
    if (request.body().empty())
        return errorReply(http::status::bad_request, "file_empty", "请上传名单文件（CSV 或 XLSX）");
    auto department = leads::checkDepartment(params->contains("department") ? params->at("department") : "");
    if (!department)
        return errorReply(department.error());
    auto result = importScreening(request, context, user, *department);
    return result ? jsonReply(std::move(*result)) : errorReply(result.error());
}

// A county account's request: anyone else is refused before the body is looked at.
template <class Reply> ApiReply forCounty(const Request &request, const ApiContext &context, Reply reply) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    ApiReply out = user->role == "county"
                       ? reply(request, context, *user)
                       : errorReply(http::status::forbidden, "forbidden_role", "只有县级账号可以导入线索");
    out.user = user->username;
    return out;
}

} // namespace

// POST /api/v1/leads/screening?department=…
ApiReply handleLeadScreening(const Request &request, const ApiContext &context) {
    return forCounty(request, context, &screeningReply);
}

// POST /api/v1/leads/emergency
ApiReply handleLeadEmergency(const Request &request, const ApiContext &context) {
    return forCounty(request, context, [](const Request &r, const ApiContext &c, const UserAccount &u) {
        if (r.body().size() > kMaxMarkBytes)
            return errorReply(http::status::payload_too_large, "payload_too_large",
                              "请求内容过大（上限4KB）");
        return emergencyReply(r, c, u);
    });
}

bool isLeadRequest(http::verb method, std::string_view target) {
    return method == http::verb::post && pathOf(target).starts_with("/api/v1/leads/");
}

} // namespace ruhu::server
