// The monitoring case against the real ruhu-syncd on loopback (issue 13, docs/case-flow.md): two households
// carried from 申报 to 风险消除 by a village, a township and a county account, through push (the tablet's
// proposals) and the reviewer API, with every refusal the procedure names: approval before 公示 ends,
// AUTHORIZED without a valid letter, elimination too early, a no-labour household eliminated; area scope;
// events written by the server. Time passes by restarting the server with --clock-offset-days.
#include "caseseeder.h"
#include "jsonbody.h"
#include "serverprocess.h"

#include <ruhu/demo/case_household.h>
#include <ruhu/domain/beijing_time.h>
#include <ruhu/domain/working_calendar.h>
#include <ruhu/evidence/authorization.h>
#include <ruhu/evidence/consent_template.h>
#include <ruhu/evidence/covered_household.h>
#include <ruhu/sync/hlc.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <boost/json.hpp>

using namespace ruhu;
namespace json = boost::json;

using test::bytes;
using test::parsed;
using test::text;

namespace {

const std::string kVillage1 = "429005103201";
constexpr int kSecondStretchDays = 14; // past the end of 公示
constexpr int kThirdStretchDays = 214; // seven months after 县级确定

QString qs(const std::string &s) {
    return QString::fromStdString(s);
}

struct Device {
    std::string id;
    QByteArray token;
    int seq = 0;
};

struct Case {
    std::string id;
    demo::CaseHouseholdSpec spec;
    std::vector<Record> records;
};

} // namespace

class TestCaseFlow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void leadsAndTriage();
    void surveyAndAuthorization();
    void villageReviewAndPublicity();
    void townshipCannotApproveBeforePublicityEnds();
    void townshipApprovesAfterPublicity();
    void countyConfirmsAnnouncesEnters();
    void assistanceAndEliminationTooEarly();
    void eliminationAfterSixMonths();
    void casesStayInTheirArea();
    void cleanupTestCase() { m_server.stop(); }

private:
    bool startServer(int offsetDays);
    void loginAll();
    QByteArray login(const std::string &user, const std::string &device);
    json::object mutation(Device &d, const Record &r, int64_t baseVersion = 0);
    json::object caseMutation(Device &d, const Case &c, json::object fields);
    json::value push(Device &d, const json::array &mutations, int expectStatus = 200);
    json::object pushOne(Device &d, const json::object &m);
    HttpResult action(const QByteArray &token, const std::string &caseId, const std::string &to,
                      json::object data = {}, const std::string &note = {});
    json::value caseDetail(const QByteArray &token, const std::string &caseId);
    json::object pulled(const QByteArray &token, const std::string &kind, const std::string &id);
    json::object signedLetter(const Case &c, const std::vector<std::string> &memberIds,
                              const std::string &supersedes);
    domain::CivilDate serverToday() const;

    ServerProcess m_server;
    int m_offsetDays = 0;
    Device m_cadre{"dev-cf-village"};
    Device m_township{"dev-cf-township"};
    Device m_county{"dev-cf-county"};
    Device m_cadre2{"dev-cf-village2"};
    std::optional<evidence::DeviceSigningKey> m_key;
    std::optional<evidence::ConsentTemplate> m_consent;
    Case m_working;  // a household with labour: eliminated in the end
    Case m_noLabour; // 整户无劳动能力: never eliminated
    std::string m_publicityEnd;
};

bool TestCaseFlow::startServer(int offsetDays) {
    m_server.stop();
    m_offsetDays = offsetDays;
    const bool ok =
        m_server.start(true, {"--rate-limit", "0", "--clock-offset-days", QString::number(offsetDays)});
    if (ok)
        loginAll();
    return ok;
}

domain::CivilDate TestCaseFlow::serverToday() const {
    return domain::beijingDate(QDateTime::currentMSecsSinceEpoch() + int64_t(m_offsetDays) * 86400000);
}

QByteArray TestCaseFlow::login(const std::string &user, const std::string &device) {
    auto reply =
        httpRequest("POST", m_server.url("/api/v1/login"),
                    bytes(json::object{{"username", user}, {"password", "ruhu2024"}, {"deviceId", device}}));
    return reply.status == 200 ? reply.json.value("token").toString().toLatin1() : QByteArray();
}

void TestCaseFlow::loginAll() {
    m_cadre.token = login("cadre1", m_cadre.id);
    m_township.token = login("township", m_township.id);
    m_county.token = login("county", m_county.id);
    m_cadre2.token = login("cadre2", m_cadre2.id);
}

json::object TestCaseFlow::mutation(Device &d, const Record &r, int64_t baseVersion) {
    const int seq = ++d.seq;
    // Stamped on the server's (shifted) clock, so a later edit is later than the server's own writes.
    const int64_t wall = QDateTime::currentMSecsSinceEpoch() + int64_t(m_offsetDays) * 86400000 + seq;
    return json::object{{"id", d.id + ":" + std::to_string(seq)},
                        {"deviceId", d.id},
                        {"seq", seq},
                        {"kind", r.kind},
                        {"recordId", r.id},
                        {"householdId", r.householdId},
                        {"regionCode", r.regionCode},
                        {"baseVersion", baseVersion},
                        {"hlc", HlcStamp{wall, 0, d.id}.encode()},
                        {"author", d.id},
                        {"fields", r.fields}};
}

json::object TestCaseFlow::caseMutation(Device &d, const Case &c, json::object fields) {
    Record r;
    r.kind = "workflowCase";
    r.id = c.id;
    r.householdId = c.spec.householdId;
    r.regionCode = c.spec.regionCode;
    r.fields = std::move(fields);
    return mutation(d, r);
}

json::value TestCaseFlow::push(Device &d, const json::array &mutations, int expectStatus) {
    auto reply = httpRequest(
        "POST", m_server.url("/api/v1/push"),
        bytes(json::object{{"protocol", 1}, {"deviceId", d.id}, {"mutations", mutations}}), d.token);
    if (reply.status != expectStatus)
        qWarning("push answered %d: %s", reply.status, reply.body.constData());
    return reply.status == expectStatus ? parsed(reply.body) : json::value();
}

json::object TestCaseFlow::pushOne(Device &d, const json::object &m) {
    auto v = push(d, json::array{m});
    const auto *results = v.is_object() ? v.get_object().if_contains("results") : nullptr;
    return results && results->is_array() && !results->get_array().empty()
               ? results->get_array()[0].get_object()
               : json::object{};
}

HttpResult TestCaseFlow::action(const QByteArray &token, const std::string &caseId, const std::string &to,
                                json::object data, const std::string &note) {
    json::object body{{"to", to}, {"note", note}};
    if (!data.empty())
        body["data"] = std::move(data);
    return httpRequest("POST", m_server.url(qs("/api/v1/cases/" + caseId + "/actions")), bytes(body), token);
}

json::value TestCaseFlow::caseDetail(const QByteArray &token, const std::string &caseId) {
    auto reply = httpRequest("GET", m_server.url(qs("/api/v1/cases/" + caseId)), {}, token);
    return reply.status == 200 ? parsed(reply.body) : json::value();
}

json::object TestCaseFlow::pulled(const QByteArray &token, const std::string &kind, const std::string &id) {
    int64_t cursor = 0;
    json::object found;
    for (int page = 0; page < 1000; ++page) {
        auto reply = httpRequest(
            "GET", m_server.url(QStringLiteral("/api/v1/pull?cursor=%1&limit=1000").arg(cursor)), {}, token);
        if (reply.status != 200)
            return {};
        auto v = parsed(reply.body).as_object();
        for (const auto &c : v["changes"].as_array()) {
            if (text(c, "kind") == kind && text(c, "id") == id)
                found = c.as_object();
        }
        cursor = v["cursor"].to_number<int64_t>();
        if (!v["hasMore"].as_bool())
            break;
    }
    return found;
}

json::object TestCaseFlow::signedLetter(const Case &c, const std::vector<std::string> &memberIds,
                                        const std::string &supersedes) {
    std::vector<Record> members;
    const Record *household = nullptr;
    for (const auto &r : c.records) {
        if (r.kind == "member")
            members.push_back(r);
        if (r.kind == "household")
            household = &r;
    }
    const auto doc = evidence::coveredHouseholdFromRecords(*household, members);
    evidence::AuthorizationInput in;
    in.id = c.spec.householdId + "-auth-" + std::to_string(memberIds.size());
    in.consentTemplate = &*m_consent;
    in.consents = {true, true, false};
    const std::string now =
        domain::beijingTime(QDateTime::currentMSecsSinceEpoch() + int64_t(m_offsetDays) * 86400000);
    for (const auto &id : memberIds) {
        evidence::Signer s;
        s.memberId = id;
        s.role = id.ends_with("-m1") ? "户主" : "家庭成员";
        for (const auto &m : members) {
            if (m.id == id)
                s.name = std::string(m.fields.at("name").as_string());
        }
        s.method = "手写签名";
        s.strokes =
            evidence::SignatureStrokes{"v1", 600, 200, 160, {{{10, 10, 0, 0.5}, {500, 150, 40, 0.5}}}};
        s.signedAt = now;
        in.signers.push_back(s);
    }
    in.gps = {30.4, 112.9, 8, now, "gps", false};
    in.signedAt = now;
    auto a = evidence::createAuthorization(in, doc, *m_key);
    if (!a)
        qFatal("letter: %s", a.error().message.c_str());
    Record r;
    r.kind = "authorization";
    r.id = in.id;
    r.householdId = c.spec.householdId;
    r.regionCode = c.spec.regionCode;
    r.fields = {{"householdId", c.spec.householdId}, {"document", evidence::authorizationToJson(*a)}};
    if (!supersedes.empty())
        r.fields["supersedes"] = supersedes;
    return mutation(m_cadre, r);
}

void TestCaseFlow::initTestCase() {
    QVERIFY2(startServer(0), m_server.log().constData());
    QVERIFY(!m_cadre.token.isEmpty() && !m_township.token.isEmpty() && !m_county.token.isEmpty());
    auto key = evidence::DeviceSigningKey::generate();
    QVERIFY(key.ok());
    m_key = std::move(*key);
    auto consent = evidence::loadConsentTemplateFile(RUHU_CONSENT_DIR "/auth-v1.json");
    QVERIFY(consent.ok());
    m_consent = std::move(*consent);
    auto registered =
        httpRequest("POST", m_server.url("/api/v1/devices/key"),
                    bytes(json::object{{"deviceId", m_cadre.id}, {"publicKey", m_key->publicKeyBase64()}}),
                    m_cadre.token);
    QVERIFY2(registered.status == 200 || registered.status == 201, registered.body.constData());

    // The county loads this year's and next year's 监测范围 for 湖北 (test values).
    const int year = serverToday().year;
    try {
        CaseSeeder::loadThresholds(m_server.url().toString(), year, m_county.token);
    } catch (const std::exception &e) {
        QFAIL(e.what());
    }

    const auto today = serverToday();
    m_working.id = "wc-cf-1";
    m_working.spec.householdId = "hh-cf-1";
    m_working.spec.regionCode = kVillage1;
    m_working.spec.surveyDate = today;
    m_working.spec.idSequence = 700;
    m_noLabour.id = "wc-cf-2";
    m_noLabour.spec.householdId = "hh-cf-2";
    m_noLabour.spec.regionCode = kVillage1;
    m_noLabour.spec.surveyDate = today;
    m_noLabour.spec.noLabour = true;
    m_noLabour.spec.members = 2;
    m_noLabour.spec.idSequence = 720;
    for (Case *c : {&m_working, &m_noLabour}) {
        c->records = demo::makeCaseHousehold(c->spec);
        // Only the household for now: the survey comes later.
        auto r = pushOne(m_cadre, mutation(m_cadre, c->records.front()));
        QCOMPARE(qs(text(r, "status")), QStringLiteral("applied"));
    }
}

void TestCaseFlow::leadsAndTriage() {
    // 农户申报 needs the applicant, the channel and the date.
    auto incomplete = pushOne(m_cadre, caseMutation(m_cadre, m_working,
                                                    {{"householdId", m_working.spec.householdId},
                                                     {"caseType", "识别"},
                                                     {"source", "农户申报"},
                                                     {"state", "LEAD"}}));
    QCOMPARE(qs(text(incomplete, "status")), QStringLiteral("rejected"));
    QCOMPARE(qs(text(incomplete, "code")), QStringLiteral("application_incomplete"));
    QVERIFY(text(incomplete, "message").find("缺少：申报人") != std::string::npos);
    const std::string today = serverToday().toString();
    for (Case *c : {&m_working, &m_noLabour}) {
        auto lead =
            pushOne(m_cadre, caseMutation(m_cadre, *c,
                                          {{"householdId", c->spec.householdId},
                                           {"caseType", "识别"},
                                           {"source", "农户申报"},
                                           {"leadChannel", "12317"},
                                           {"lead", json::object{{"applicant", "户主本人"}, {"date", today}}},
                                           {"state", "LEAD"},
                                           {"stepNote", "电话申报"}}));
        QCOMPARE(qs(text(lead, "status")), QStringLiteral("applied"));
        const auto &events = lead["record"].as_object()["fields"].as_object()["events"].as_array();
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(qs(text(events[0], "by")), QStringLiteral("cadre1"));
        QCOMPARE(qs(text(events[0], "role")), QStringLiteral("village"));
        QCOMPARE(qs(text(events[0], "device")), qs(m_cadre.id));
        QCOMPARE(qs(text(events[0], "note")), QStringLiteral("电话申报"));
        QVERIFY(!lead["record"].as_object()["fields"].as_object().contains("stepNote"));
        auto triaged = pushOne(
            m_cadre, caseMutation(m_cadre, *c,
                                  {{"triage", json::object{{"result", "重点核查"}}}, {"state", "TRIAGED"}}));
        QCOMPARE(qs(text(triaged, "status")), QStringLiteral("applied"));
    }
    // A device cannot write what the server writes.
    auto forged = push(
        m_cadre,
        json::array{caseMutation(m_cadre, m_working, {{"townshipReview", json::object{{"result", "通过"}}}})},
        400);
    QVERIFY(forged.is_object());
}

void TestCaseFlow::surveyAndAuthorization() {
    auto early = pushOne(m_cadre, caseMutation(m_cadre, m_working, {{"state", "SURVEYED"}}));
    QCOMPARE(qs(text(early, "code")), QStringLiteral("members_missing"));
    for (Case *c : {&m_working, &m_noLabour}) {
        json::array rest;
        for (size_t i = 1; i < c->records.size(); ++i)
            rest.push_back(mutation(m_cadre, c->records[i]));
        auto pushed = push(m_cadre, rest);
        for (const auto &r : pushed.at("results").as_array())
            QCOMPARE(qs(text(r, "status")), QStringLiteral("applied"));
        auto surveyed = pushOne(m_cadre, caseMutation(m_cadre, *c, {{"state", "SURVEYED"}}));
        QVERIFY2(text(surveyed, "status") == "applied", text(surveyed, "message").c_str());
    }
    // AUTHORIZED without a letter, then with a letter that leaves out a member.
    auto noLetter = pushOne(m_cadre, caseMutation(m_cadre, m_working, {{"state", "AUTHORIZED"}}));
    QCOMPARE(qs(text(noLetter, "status")), QStringLiteral("rejected"));
    QCOMPARE(qs(text(noLetter, "code")), QStringLiteral("authorization_missing"));
    QVERIFY(text(noLetter, "message").find("缺少：全体成员签字的授权承诺书") != std::string::npos);
    auto partial = pushOne(m_cadre, signedLetter(m_working, {"hh-cf-1-m1"}, {}));
    QVERIFY2(text(partial, "status") == "applied", text(partial, "message").c_str());
    auto notCovering = pushOne(m_cadre, caseMutation(m_cadre, m_working, {{"state", "AUTHORIZED"}}));
    QCOMPARE(qs(text(notCovering, "code")), QStringLiteral("authorization_not_covering"));
    QVERIFY(text(notCovering, "message").find("在授权承诺书上的签字") != std::string::npos);
    auto full = pushOne(
        m_cadre, signedLetter(m_working, {"hh-cf-1-m1", "hh-cf-1-m2", "hh-cf-1-m3"}, "hh-cf-1-auth-1"));
    QVERIFY2(text(full, "status") == "applied", text(full, "message").c_str());
    auto authorized = pushOne(m_cadre, caseMutation(m_cadre, m_working, {{"state", "AUTHORIZED"}}));
    QVERIFY2(text(authorized, "status") == "applied", text(authorized, "message").c_str());
    QCOMPARE(qs(text(pushOne(m_cadre, signedLetter(m_noLabour, {"hh-cf-2-m1", "hh-cf-2-m2"}, {})), "status")),
             QStringLiteral("applied"));
    QCOMPARE(
        qs(text(pushOne(m_cadre, caseMutation(m_cadre, m_noLabour, {{"state", "AUTHORIZED"}})), "status")),
        QStringLiteral("applied"));
}

void TestCaseFlow::villageReviewAndPublicity() {
    const std::string today = serverToday().toString();
    json::object review{{"meetingDate", today},
                        {"attendees", json::array{"村党支部书记", "二组户主代表"}},
                        {"result", "通过"},
                        {"decision", "村“两委”会同意纳入监测"},
                        {"suggestedMeasures", json::array{"就业帮扶"}}};
    json::object publicity{{"start", today}, {"place", "线下"}, {"location", "马家村二组公示栏"}};
    for (Case *c : {&m_working, &m_noLabour}) {
        auto noRecord = pushOne(m_cadre, caseMutation(m_cadre, *c, {{"state", "VILLAGE_REVIEWED"}}));
        QCOMPARE(qs(text(noRecord, "code")), QStringLiteral("village_review_missing"));
        auto reviewed = pushOne(
            m_cadre, caseMutation(m_cadre, *c, {{"villageReview", review}, {"state", "VILLAGE_REVIEWED"}}));
        QVERIFY2(text(reviewed, "status") == "applied", text(reviewed, "message").c_str());
        auto publicized =
            pushOne(m_cadre, caseMutation(m_cadre, *c, {{"publicity", publicity}, {"state", "PUBLICIZED"}}));
        QVERIFY2(text(publicized, "status") == "applied", text(publicized, "message").c_str());
        m_publicityEnd = text(publicized["record"].as_object()["fields"], "publicityEnd");
    }
    auto end = domain::WorkingCalendar::builtin().nthWorkingDay(serverToday(), 5);
    QVERIFY(end.ok());
    QCOMPARE(qs(m_publicityEnd), qs(end->toString()));
}

void TestCaseFlow::townshipCannotApproveBeforePublicityEnds() {
    // The township's list shows the case, with 公示 running.
    auto list = httpRequest("GET", m_server.url("/api/v1/cases?state=PUBLICIZED"), {}, m_township.token);
    QCOMPARE(list.status, 200);
    bool listed = false;
    const json::value listed_ = parsed(list.body);
    for (const auto &c : listed_.at("cases").as_array()) {
        if (text(c, "id") == m_working.id) {
            listed = true;
            QCOMPARE(qs(text(c.at("attention").as_array()[0], "code")), QStringLiteral("publicity_running"));
        }
    }
    QVERIFY(listed);
    auto detail = caseDetail(m_township.token, m_working.id);
    QVERIFY(detail.is_object());
    bool sawApprove = false;
    for (const auto &s : detail.at("steps").as_array()) {
        if (text(s, "action") == "townshipApprove") {
            sawApprove = true;
            QVERIFY(s.at("mayTake").as_bool());
            QCOMPARE(qs(text(s.at("missing").as_array()[0], "code")), QStringLiteral("publicity_not_ended"));
        }
    }
    QVERIFY(sawApprove);

    auto early = action(m_township.token, m_working.id, "TOWNSHIP_APPROVED", {{"result", "通过"}});
    QCOMPARE(early.status, 409);
    QCOMPARE(early.json.value("code").toString(), QStringLiteral("publicity_not_ended"));
    QVERIFY(early.json.value("message").toString().contains(qs("公示期未满（" + m_publicityEnd + "结束）")));
    QVERIFY(!early.json.value("missing").toArray().isEmpty());
    // A village account may not take the township's step, on the API or by push.
    auto byVillage = action(m_cadre.token, m_working.id, "TOWNSHIP_APPROVED", {{"result", "通过"}});
    QCOMPARE(byVillage.status, 409);
    QCOMPARE(byVillage.json.value("code").toString(), QStringLiteral("invalid_transition"));
    auto pushed = pushOne(m_cadre, caseMutation(m_cadre, m_working, {{"state", "TOWNSHIP_APPROVED"}}));
    QCOMPARE(qs(text(pushed, "code")), QStringLiteral("invalid_transition"));
    QCOMPARE(qs(text(caseDetail(m_county.token, m_working.id).at("case"), "state")),
             QStringLiteral("PUBLICIZED"));
}

void TestCaseFlow::townshipApprovesAfterPublicity() {
    QVERIFY2(startServer(kSecondStretchDays), m_server.log().constData());
    auto noReason = action(m_township.token, m_working.id, "RETURNED", {{"result", "退回"}});
    QCOMPARE(noReason.status, 409);
    QCOMPARE(noReason.json.value("code").toString(), QStringLiteral("reason_missing"));
    for (Case *c : {&m_working, &m_noLabour}) {
        auto approved =
            action(m_township.token, c->id, "TOWNSHIP_APPROVED", {{"result", "通过"}}, "已抽查核实");
        QVERIFY2(approved.status == 200, approved.body.constData());
        QCOMPARE(approved.json.value("case").toObject().value("state").toString(),
                 QStringLiteral("TOWNSHIP_APPROVED"));
    }
    auto detail = caseDetail(m_county.token, m_working.id);
    const auto &events = detail.at("events").as_array();
    const auto &last = events.back();
    QCOMPARE(qs(text(last, "by")), QStringLiteral("township"));
    QCOMPARE(qs(text(last, "role")), QStringLiteral("township"));
    QCOMPARE(qs(text(last, "device")), qs(m_township.id));
    QCOMPARE(qs(text(last, "action")), QStringLiteral("townshipApprove"));
    QCOMPARE(qs(text(last, "note")), QStringLiteral("已抽查核实"));
    // The decision is dated by the server.
    QCOMPARE(qs(text(detail.at("case").at("fields").at("townshipReview"), "date")),
             qs(serverToday().toString()));
}

void TestCaseFlow::countyConfirmsAnnouncesEnters() {
    json::object review{
        {"departments", json::array{json::object{{"department", "公安"}, {"result", "通过"}},
                                    json::object{{"department", "民政"}, {"result", "通过"}}}},
        {"leadDepartment", "人社局"},
        {"category", "边缘易致贫户"}};
    QCOMPARE(action(m_township.token, m_working.id, "COUNTY_CONFIRMED", review).json.value("code").toString(),
             QStringLiteral("invalid_transition"));
    auto noJointReview =
        action(m_county.token, m_working.id, "COUNTY_CONFIRMED", {{"category", "边缘易致贫户"}});
    QCOMPARE(noJointReview.status, 409);
    QCOMPARE(noJointReview.json.value("code").toString(), QStringLiteral("joint_review_missing"));
    const std::string today = serverToday().toString();
    for (Case *c : {&m_working, &m_noLabour}) {
        QCOMPARE(action(m_county.token, c->id, "COUNTY_CONFIRMED", review).status, 200);
        QCOMPARE(action(m_county.token, c->id, "ANNOUNCED", {{"date", today}}).status, 200);
        auto entered =
            action(m_county.token, c->id, "ENTERED", {{"date", today}, {"nationalId", c->id + "-N"}});
        QVERIFY2(entered.status == 200, entered.body.constData());
    }
    // The household is a 监测对象 now, written by the server.
    auto household = pulled(m_cadre.token, "household", m_working.spec.householdId);
    const auto &monitoring = household.at("fields").at("monitoring");
    QCOMPARE(qs(text(monitoring, "category")), QStringLiteral("边缘易致贫户"));
    QCOMPARE(qs(text(monitoring, "identifiedDate")), qs(today));
}

void TestCaseFlow::assistanceAndEliminationTooEarly() {
    const auto today = serverToday();
    const auto nextMonth = domain::addMonths(domain::CivilDate{today.year, today.month, 1}, 1);
    for (Case *c : {&m_working, &m_noLabour}) {
        auto noPlan = pushOne(m_cadre, caseMutation(m_cadre, *c, {{"state", "ASSISTING"}}));
        QCOMPARE(qs(text(noPlan, "code")), QStringLiteral("assistance_plan_missing"));
        auto measure =
            pushOne(m_cadre, mutation(m_cadre, demo::makeImplementedMeasure(
                                                   c->spec, c->spec.householdId + "-ms2", nextMonth)));
        QCOMPARE(qs(text(measure, "status")), QStringLiteral("applied"));
        auto assisting = pushOne(m_cadre, caseMutation(m_cadre, *c, {{"state", "ASSISTING"}}));
        QVERIFY2(text(assisting, "status") == "applied", text(assisting, "message").c_str());
    }
    json::object elimination{{"consent", true},
                             {"consentDate", today.toString()},
                             {"reviewDate", today.toString()},
                             {"reviewResult", "通过"},
                             {"mode", "帮扶消除"}};
    auto early =
        pushOne(m_cadre, caseMutation(m_cadre, m_working,
                                      {{"elimination", elimination}, {"state", "ELIMINATION_PROPOSED"}}));
    QCOMPARE(qs(text(early, "status")), QStringLiteral("rejected"));
    QCOMPARE(qs(text(early, "code")), QStringLiteral("elimination_too_early"));
    QVERIFY(text(early, "message").find("识别认定不满6个月") != std::string::npos);
}

void TestCaseFlow::eliminationAfterSixMonths() {
    QVERIFY2(startServer(kThirdStretchDays), m_server.log().constData());
    const auto today = serverToday().toString();
    json::object elimination{{"consent", true},
                             {"consentDate", today},
                             {"reviewDate", today},
                             {"reviewResult", "通过"},
                             {"mode", "帮扶消除"}};
    for (Case *c : {&m_working, &m_noLabour}) {
        // Income stably above the line now (a new income sheet, six stable months noted on the household).
        demo::CaseHouseholdSpec richer = c->spec;
        richer.perCapitaFen = 1200000;
        Record sheet = c->records[size_t(c->spec.members) + 1];
        sheet.fields = demo::caseIncomeSheetFields(richer);
        auto sheetPushed = pushOne(
            m_cadre,
            mutation(m_cadre, sheet,
                     pulled(m_cadre.token, "incomeSheet", sheet.id).at("version").to_number<int64_t>()));
        QVERIFY2(text(sheetPushed, "status") == "applied", json::serialize(sheetPushed).c_str());
        auto household = pulled(m_cadre.token, "household", c->spec.householdId);
        json::object monitoring = household.at("fields").at("monitoring").as_object();
        monitoring["incomeStableMonths"] = 7;
        Record h = c->records.front();
        h.fields = {{"monitoring", monitoring}};
        auto edited = pushOne(m_cadre, mutation(m_cadre, h, household.at("version").to_number<int64_t>()));
        QVERIFY2(text(edited, "status") == "applied", json::serialize(edited).c_str());
    }
    // 整户无劳动能力: never eliminated, whatever else holds.
    auto noLabour =
        pushOne(m_cadre, caseMutation(m_cadre, m_noLabour,
                                      {{"elimination", elimination}, {"state", "ELIMINATION_PROPOSED"}}));
    QCOMPARE(qs(text(noLabour, "status")), QStringLiteral("rejected"));
    QCOMPARE(qs(text(noLabour, "code")), QStringLiteral("whole_no_labour"));
    QCOMPARE(qs(text(caseDetail(m_county.token, m_noLabour.id).at("case"), "state")),
             QStringLiteral("ASSISTING"));

    auto proposed =
        pushOne(m_cadre, caseMutation(m_cadre, m_working,
                                      {{"elimination", elimination}, {"state", "ELIMINATION_PROPOSED"}}));
    QVERIFY2(text(proposed, "status") == "applied", text(proposed, "message").c_str());
    QCOMPARE(action(m_county.token, m_working.id, "ELIMINATED", {{"result", "通过"}})
                 .json.value("code")
                 .toString(),
             QStringLiteral("invalid_transition")); // the township first
    QCOMPARE(action(m_township.token, m_working.id, "ELIMINATION_APPROVED", {{"result", "通过"}}).status,
             200);
    auto eliminated = action(m_county.token, m_working.id, "ELIMINATED", {{"result", "通过"}});
    QVERIFY2(eliminated.status == 200, eliminated.body.constData());
    auto household = pulled(m_cadre.token, "household", m_working.spec.householdId);
    QCOMPARE(household.at("fields").at("monitoring").at("riskEliminated").as_bool(), true);
    // On the 回头看 list for 12 months.
    auto lookback = httpRequest("GET", m_server.url("/api/v1/cases?lookback=1"), {}, m_township.token);
    QCOMPARE(lookback.status, 200);
    const auto cases = parsed(lookback.body).at("cases").as_array();
    QCOMPARE(cases.size(), size_t(1));
    QCOMPARE(qs(text(cases[0], "id")), qs(m_working.id));
}

void TestCaseFlow::casesStayInTheirArea() {
    // cadre2 works in another village: the case does not exist for them.
    QCOMPARE(httpRequest("GET", m_server.url(qs("/api/v1/cases/" + m_working.id)), {}, m_cadre2.token).status,
             404);
    QCOMPARE(action(m_cadre2.token, m_noLabour.id, "WITHDRAWN", {{"reason", "x"}}).status, 404);
    auto list = httpRequest("GET", m_server.url("/api/v1/cases"), {}, m_cadre2.token);
    QCOMPARE(list.status, 200);
    QVERIFY(parsed(list.body).at("cases").as_array().empty());
    QCOMPARE(
        httpRequest("GET", m_server.url("/api/v1/cases?village=429005103201"), {}, m_cadre2.token).status,
        403);
    QCOMPARE(httpRequest("GET", m_server.url("/api/v1/cases?limit=abc"), {}, m_county.token).status, 400);
    QCOMPARE(httpRequest("GET", m_server.url("/api/v1/cases"), {}, {}).status, 401);
    // Bounded: a step's data over 16 KB is refused.
    json::object big{{"reason", std::string(20000, 'x')}};
    QCOMPARE(action(m_county.token, m_noLabour.id, "REMOVED", big).status, 413);
    // 清退 with a reason ends the no-labour case.
    auto removed = action(m_county.token, m_noLabour.id, "REMOVED", {{"reason", "测试清退"}});
    QCOMPARE(removed.status, 200);
}

QTEST_GUILESS_MAIN(TestCaseFlow)
#include "tst_case_flow.moc"
