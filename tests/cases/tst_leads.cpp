// Leads from the county against the real ruhu-syncd on loopback (issue 13, docs/case-flow.md "Leads from
// the county"): a department's 筛查预警 list as CSV (UTF-8 with BOM, GB18030) and as XLSX written by
// openpyxl, matched to members by 身份证号, unmatched and invalid rows reported with masked numbers, a
// repeated import opening nothing new; county only, bounded; a 突发应急 marking inside and outside the
// area; the village's tablets pull the LEAD cases with their 入户核实 deadline.
#include "jsonbody.h"
#include "serverprocess.h"

#include <ruhu/demo/case_household.h>
#include <ruhu/demo/demo_county.h>
#include <ruhu/domain/beijing_time.h>
#include <ruhu/domain/case_procedure.h>
#include <ruhu/domain/working_calendar.h>
#include <ruhu/model/id_number.h>
#include <ruhu/sync/hlc.h>

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <boost/json.hpp>

#include <iconv.h>

using namespace ruhu;
namespace json = boost::json;
using domain::CivilDate;

using test::bytes;
using test::parsed;
using test::text;

namespace {

const std::string kVillage1 = "429005103201";
const std::string kVillage2 = "429005103202";

int64_t count(const json::value &reply, std::string_view key) {
    return reply.at("counts").at(key).to_number<int64_t>();
}

std::string gb18030(const std::string &utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    std::string out(utf8.size() * 2, '\0');
    char *in = const_cast<char *>(utf8.data());
    size_t inLeft = utf8.size(), outLeft = out.size();
    char *o = out.data();
    iconv(cd, &in, &inLeft, &o, &outLeft);
    iconv_close(cd);
    out.resize(out.size() - outLeft);
    return out;
}

// "2026/12/3": how a hand-made list writes its dates.
std::string slashed(const CivilDate &d) {
    return std::to_string(d.year) + "/" + std::to_string(d.month) + "/" + std::to_string(d.day);
}

struct Household {
    demo::CaseHouseholdSpec spec;
    std::vector<Record> records;

    const Record &member(int n) const {
        for (const auto &r : records)
            if (r.id == spec.householdId + "-m" + std::to_string(n))
                return r;
        qFatal("no member %d", n);
    }
    std::string idNo(int n) const { return std::string(member(n).fields.at("idNo").as_string()); }
    std::string name(int n) const { return std::string(member(n).fields.at("name").as_string()); }
};

} // namespace

class TestLeads : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void screeningCsvWithBom();
    void reimportOpensNothingNew();
    void screeningCsvInGb18030();
    void screeningXlsxFromOpenpyxl();
    void onlyTheCountyImports();
    void oversizeListRefused();
    void badListsRefused();
    void emergencyMarking();
    void villageTabletsPullTheLeads();
    void cleanupTestCase() { m_server.stop(); }

private:
    QByteArray login(const std::string &user, const std::string &device);
    void pushHousehold(const QByteArray &token, const std::string &device, const Household &h);
    HttpResult upload(const QByteArray &token, const QString &department, const QByteArray &body,
                      const QByteArray &contentType = "text/csv");
    HttpResult mark(const QByteArray &token, const json::object &body);
    json::value caseDetail(const QByteArray &token, const std::string &caseId);
    std::vector<json::object> pulledCases(const QByteArray &token);
    CivilDate today() const { return domain::beijingDate(QDateTime::currentMSecsSinceEpoch()); }

    ServerProcess m_server;
    QByteArray m_county, m_township, m_cadre1, m_cadre2;
    int m_seq = 0;
    Household m_a, m_b, m_c, m_flooded;
    std::string m_caseA, m_caseB, m_caseC, m_caseFlooded;
    QByteArray m_firstList;
};

QByteArray TestLeads::login(const std::string &user, const std::string &device) {
    auto reply =
        httpRequest("POST", m_server.url("/api/v1/login"),
                    bytes(json::object{{"username", user}, {"password", "ruhu2024"}, {"deviceId", device}}));
    return reply.status == 200 ? reply.json.value("token").toString().toLatin1() : QByteArray();
}

void TestLeads::pushHousehold(const QByteArray &token, const std::string &device, const Household &h) {
    json::array mutations;
    for (const auto &r : h.records) {
        if (r.kind != "household" && r.kind != "member")
            continue;
        const int seq = ++m_seq;
        mutations.push_back(
            json::object{{"id", device + ":" + std::to_string(seq)},
                         {"deviceId", device},
                         {"seq", seq},
                         {"kind", r.kind},
                         {"recordId", r.id},
                         {"householdId", r.householdId},
                         {"regionCode", r.regionCode},
                         {"baseVersion", 0},
                         {"hlc", HlcStamp{QDateTime::currentMSecsSinceEpoch(), 0, device}.encode()},
                         {"author", device},
                         {"fields", r.fields}});
    }
    auto reply = httpRequest(
        "POST", m_server.url("/api/v1/push"),
        bytes(json::object{{"protocol", 1}, {"deviceId", device}, {"mutations", mutations}}), token);
    QCOMPARE(reply.status, 200);
    const auto answer = parsed(reply.body);
    for (const auto &r : answer.at("results").as_array())
        QCOMPARE(QString::fromStdString(text(r, "status")), QStringLiteral("applied"));
}

HttpResult TestLeads::upload(const QByteArray &token, const QString &department, const QByteArray &body,
                             const QByteArray &contentType) {
    QUrlQuery q;
    q.addQueryItem("department", department);
    QUrl url = m_server.url("/api/v1/leads/screening");
    url.setQuery(q);
    return httpRequestWithHeaders(
        "POST", url, body, {{"Authorization", "Bearer " + token}, {"Content-Type", contentType}}, 60000);
}

HttpResult TestLeads::mark(const QByteArray &token, const json::object &body) {
    return httpRequest("POST", m_server.url("/api/v1/leads/emergency"), bytes(body), token);
}

json::value TestLeads::caseDetail(const QByteArray &token, const std::string &caseId) {
    auto reply =
        httpRequest("GET", m_server.url(QString::fromStdString("/api/v1/cases/" + caseId)), {}, token);
    return reply.status == 200 ? parsed(reply.body) : json::value();
}

std::vector<json::object> TestLeads::pulledCases(const QByteArray &token) {
    std::vector<json::object> cases;
    int64_t cursor = 0;
    for (int page = 0; page < 100; ++page) {
        auto reply = httpRequest(
            "GET", m_server.url(QStringLiteral("/api/v1/pull?cursor=%1&limit=1000").arg(cursor)), {}, token);
        if (reply.status != 200)
            return {};
        auto v = parsed(reply.body).as_object();
        for (const auto &c : v["changes"].as_array()) {
            if (text(c, "kind") == "workflowCase")
                cases.push_back(c.as_object());
        }
        cursor = v["cursor"].to_number<int64_t>();
        if (!v["hasMore"].as_bool())
            break;
    }
    return cases;
}

void TestLeads::initTestCase() {
    QVERIFY2(m_server.start(true, {"--rate-limit", "0"}), m_server.log().constData());
    m_county = login("county", "dev-ld-county");
    m_township = login("township", "dev-ld-township");
    m_cadre1 = login("cadre1", "dev-ld-village1");
    m_cadre2 = login("cadre2", "dev-ld-village2");
    QVERIFY(!m_county.isEmpty() && !m_township.isEmpty() && !m_cadre1.isEmpty() && !m_cadre2.isEmpty());
    int sequence = 900;
    for (auto [h, id, village] :
         {std::tuple{&m_a, "hh-ld-a", kVillage1}, std::tuple{&m_b, "hh-ld-b", kVillage2},
          std::tuple{&m_c, "hh-ld-c", kVillage1}, std::tuple{&m_flooded, "hh-ld-e", kVillage1}}) {
        h->spec.householdId = id;
        h->spec.regionCode = village;
        h->spec.surveyDate = today();
        h->spec.idSequence = sequence;
        h->spec.suddenEvent = h == &m_flooded;
        sequence += 20;
        h->records = demo::makeCaseHousehold(h->spec);
        if (village == kVillage1)
            pushHousehold(m_cadre1, "dev-ld-village1", *h);
        else
            pushHousehold(m_cadre2, "dev-ld-village2", *h);
    }
}

void TestLeads::screeningCsvWithBom() {
    const CivilDate leadDate = domain::addDays(today(), -3);
    const std::string unknown = makeIdNumber("429005", "19700101", 991); // valid, nobody's
    std::string csv = "\xEF\xBB\xBF序号,姓名,身份证号,预警原因,预警日期\r\n";
    csv += "1," + m_a.name(2) + "," + m_a.idNo(2) + ",\"因病，住院费用高\"," + slashed(leadDate) + "\r\n";
    csv += "2,无此人," + unknown + ",因学," + slashed(leadDate) + "\r\n";
    csv += "3,某某,123456,因灾," + slashed(leadDate) + "\r\n";
    csv += "4," + m_c.name(1) + "," + m_c.idNo(1) + ",因灾,2099-01-01\r\n";
    csv += "5,张冠李戴," + m_c.idNo(2) + ",因灾," + slashed(leadDate) + "\r\n";
    m_firstList = QByteArray::fromStdString(csv);
    auto reply = upload(m_county, "民政局", m_firstList);
    QVERIFY2(reply.status == 200, reply.body.constData());
    const auto v = parsed(reply.body);
    QCOMPARE(count(v, "created"), 1);
    QCOMPARE(count(v, "alreadyThere"), 0);
    QCOMPARE(count(v, "unmatched"), 2); // nobody's number; a name the member does not have
    QCOMPARE(count(v, "invalid"), 2);   // a bad number; a date in the future
    std::map<int, std::string> codes;
    for (const auto &p : v.at("problems").as_array())
        codes[int(p.at("row").to_number<int64_t>())] = text(p, "code");
    QCOMPARE(codes.size(), size_t(4));
    QCOMPARE(QString::fromStdString(codes[3]), QStringLiteral("unmatched"));
    QCOMPARE(QString::fromStdString(codes[4]), QStringLiteral("id_number_invalid"));
    QCOMPARE(QString::fromStdString(codes[5]), QStringLiteral("lead_date_future"));
    QCOMPARE(QString::fromStdString(codes[6]), QStringLiteral("name_mismatch"));
    // Numbers appear masked only.
    QVERIFY(!reply.body.contains(QByteArray::fromStdString(unknown)));
    QVERIFY(!reply.body.contains(QByteArray::fromStdString(m_a.idNo(2))));
    QVERIFY(reply.body.contains(QByteArray::fromStdString(maskIdNumber(unknown))));

    const auto &created = v.at("cases").as_array().at(0);
    QCOMPARE(QString::fromStdString(text(created, "status")), QStringLiteral("created"));
    QCOMPARE(QString::fromStdString(text(created, "householdId")), QStringLiteral("hh-ld-a"));
    QCOMPARE(created.at("row").to_number<int64_t>(), 2);
    m_caseA = text(created, "caseId");
    const auto detail = caseDetail(m_county, m_caseA);
    QVERIFY(detail.is_object());
    const auto &fields = detail.at("case").at("fields");
    QCOMPARE(QString::fromStdString(text(detail.at("case"), "state")), QStringLiteral("LEAD"));
    QCOMPARE(QString::fromStdString(text(fields, "source")), QStringLiteral("部门预警"));
    QCOMPARE(QString::fromStdString(text(fields.at("lead"), "department")), QStringLiteral("民政局"));
    QCOMPARE(QString::fromStdString(text(fields.at("lead"), "reason")), QStringLiteral("因病，住院费用高"));
    QCOMPARE(text(fields.at("lead"), "date"), leadDate.toString());
    QCOMPARE(text(fields.at("lead"), "memberId"), m_a.member(2).id);
    // The server wrote the event: the county account, its role and device, the server's time.
    const auto &events = detail.at("events").as_array();
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(QString::fromStdString(text(events[0], "by")), QStringLiteral("county"));
    QCOMPARE(QString::fromStdString(text(events[0], "role")), QStringLiteral("county"));
    QCOMPARE(QString::fromStdString(text(events[0], "device")), QStringLiteral("dev-ld-county"));
    QCOMPARE(QString::fromStdString(text(events[0], "to")), QStringLiteral("LEAD"));
}

void TestLeads::reimportOpensNothingNew() {
    auto reply = upload(m_county, "民政局", m_firstList);
    QVERIFY2(reply.status == 200, reply.body.constData());
    const auto v = parsed(reply.body);
    QCOMPARE(count(v, "created"), 0);
    QCOMPARE(count(v, "alreadyThere"), 1);
    QCOMPARE(text(v.at("cases").at(0), "caseId"), m_caseA);
    QCOMPARE(QString::fromStdString(text(v.at("cases").at(0).at("reason"), "code")),
             QStringLiteral("already_there"));
    // Another department's list naming the same household finds its open case.
    auto other = upload(m_county, "医保局", m_firstList);
    QCOMPARE(count(parsed(other.body), "created"), 0);
    QCOMPARE(QString::fromStdString(text(parsed(other.body).at("cases").at(0).at("reason"), "code")),
             QStringLiteral("case_already_open"));
    // One case for the household, whatever was imported.
    auto list =
        parsed(httpRequest("GET", m_server.url("/api/v1/cases?village=" + QString::fromStdString(kVillage1)),
                           {}, m_county)
                   .body);
    int forA = 0;
    for (const auto &c : list.at("cases").as_array())
        forA += text(c, "householdId") == "hh-ld-a";
    QCOMPARE(forA, 1);
}

void TestLeads::screeningCsvInGb18030() {
    const CivilDate leadDate = domain::addDays(today(), -1);
    const std::string csv = "姓名,证件号码,风险类型,筛查日期\n" + m_b.name(1) + "," + m_b.idNo(1) + ",因残," +
                            leadDate.toString() + "\n";
    const std::string encoded = gb18030(csv);
    QVERIFY(encoded != csv);
    auto reply = upload(m_county, "残联", QByteArray::fromStdString(encoded));
    QVERIFY2(reply.status == 200, reply.body.constData());
    const auto v = parsed(reply.body);
    QCOMPARE(count(v, "created"), 1);
    m_caseB = text(v.at("cases").at(0), "caseId");
    const auto detail = caseDetail(m_county, m_caseB);
    QCOMPARE(QString::fromStdString(text(detail.at("case").at("fields").at("lead"), "reason")),
             QStringLiteral("因残"));
    QCOMPARE(QString::fromStdString(text(detail.at("case"), "regionCode")),
             QString::fromStdString(kVillage2));
}

void TestLeads::screeningXlsxFromOpenpyxl() {
    const CivilDate leadDate = domain::addDays(today(), -2);
    json::array rows{
        json::array{"姓名", "身份证号", "预警原因", "预警日期"},
        json::array{m_c.name(1), m_c.idNo(1), "因病", json::object{{"date", leadDate.toString()}}},
        // Typed into the sheet as a number: stored as a float, its last digits are gone.
        json::array{m_c.name(2), std::stoll(m_c.idNo(2).substr(0, 18)), "因病",
                    json::object{{"date", leadDate.toString()}}}};
    if (m_c.idNo(2).back() == 'X')
        QFAIL("pick a member whose number has no X");
    QTemporaryDir dir;
    QFile rowsFile(dir.filePath("rows.json"));
    QVERIFY(rowsFile.open(QIODevice::WriteOnly));
    rowsFile.write(bytes(rows));
    rowsFile.close();
    QProcess p;
    p.start(RUHU_PYTHON3, {RUHU_MAKE_XLSX, "table", dir.filePath("list.xlsx"), rowsFile.fileName()});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QFile xlsx(dir.filePath("list.xlsx"));
    QVERIFY(xlsx.open(QIODevice::ReadOnly));
    auto reply = upload(m_county, "卫健委", xlsx.readAll(),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    QVERIFY2(reply.status == 200, reply.body.constData());
    const auto v = parsed(reply.body);
    QCOMPARE(count(v, "created"), 1);
    QCOMPARE(count(v, "invalid"), 1);
    QCOMPARE(QString::fromStdString(text(v.at("problems").at(0), "code")),
             QStringLiteral("id_number_lost_digits"));
    QCOMPARE(v.at("problems").at(0).at("row").to_number<int64_t>(), 3);
    m_caseC = text(v.at("cases").at(0), "caseId");
    const auto detail = caseDetail(m_county, m_caseC);
    // The date cell is Excel's serial number; it reads as the day it shows.
    QCOMPARE(text(detail.at("case").at("fields").at("lead"), "date"), leadDate.toString());
}

void TestLeads::onlyTheCountyImports() {
    for (const auto &token : {m_cadre1, m_township}) {
        auto reply = upload(token, "民政局", m_firstList);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.json.value("code").toString(), QStringLiteral("forbidden_role"));
        auto marked = mark(token, {{"regionCode", kVillage1},
                                   {"from", "2024-01-01"},
                                   {"to", "2024-01-02"},
                                   {"description", "洪涝"}});
        QCOMPARE(marked.status, 403);
    }
    QCOMPARE(upload({}, "民政局", m_firstList).status, 401);
}

void TestLeads::oversizeListRefused() {
    QByteArray big = "身份证号,预警日期\n";
    big.append(QByteArray(5 * 1024 * 1024, 'x'));
    auto reply = upload(m_county, "民政局", big);
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.json.value("code").toString(), QStringLiteral("payload_too_large"));
    QVERIFY(reply.json.value("message").toString().contains(QStringLiteral("文件过大")));
}

void TestLeads::badListsRefused() {
    auto noDepartment = upload(m_county, " ", m_firstList);
    QCOMPARE(noDepartment.status, 400);
    QCOMPARE(noDepartment.json.value("code").toString(), QStringLiteral("department_missing"));
    auto noIdColumn = upload(m_county, "民政局", "姓名,预警日期\n张三,2024-01-01\n");
    QCOMPARE(noIdColumn.status, 400);
    QCOMPARE(noIdColumn.json.value("code").toString(), QStringLiteral("missing_column"));
    auto quotes = upload(m_county, "民政局", "身份证号,预警日期\n\"123,2024-01-01\n");
    QCOMPARE(quotes.status, 400);
    QCOMPARE(quotes.json.value("code").toString(), QStringLiteral("csv_malformed"));
    auto zip = upload(m_county, "民政局", QByteArray("PK\x03\x04not a zip", 14));
    QCOMPARE(zip.status, 400);
    QCOMPARE(zip.json.value("code").toString(), QStringLiteral("xlsx_malformed"));
    QVERIFY(m_server.isRunning());
}

void TestLeads::emergencyMarking() {
    const std::string eventDate = text(m_flooded.records.front().fields.at("suddenEvents").at(0), "date");
    const auto from = *CivilDate::parse(eventDate);
    json::object body{{"regionCode", kVillage1},
                      {"from", domain::addDays(from, -1).toString()},
                      {"to", domain::addDays(from, 1).toString()},
                      {"description", "持续强降雨，村内低洼农户房屋进水"}};
    // Outside the county's area: refused, nothing opened.
    json::object outside = body;
    outside["regionCode"] = "420100";
    auto refused = mark(m_county, outside);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.json.value("code").toString(), QStringLiteral("forbidden_area"));
    auto badRange = body;
    badRange["to"] = "2099-01-01";
    QCOMPARE(mark(m_county, badRange).status, 400);

    auto reply = mark(m_county, body);
    QVERIFY2(reply.status == 200, reply.body.constData());
    auto v = parsed(reply.body);
    QCOMPARE(count(v, "created"), 1); // only the household whose records show an event in the range
    QVERIFY(v.at("households").to_number<int64_t>() >= 20 + 3);
    QCOMPARE(v.at("withoutEvent").to_number<int64_t>(), v.at("households").to_number<int64_t>() - 1);
    QCOMPARE(QString::fromStdString(text(v.at("cases").at(0), "householdId")), QStringLiteral("hh-ld-e"));
    m_caseFlooded = text(v.at("cases").at(0), "caseId");
    const auto detail = caseDetail(m_county, m_caseFlooded);
    const auto &lead = detail.at("case").at("fields").at("lead");
    QCOMPARE(QString::fromStdString(text(detail.at("case").at("fields"), "source")),
             QStringLiteral("突发应急"));
    QCOMPARE(text(lead, "date"), today().toString());
    QCOMPARE(text(lead.at("event"), "date"), eventDate);
    // Marking the same area and range again opens nothing new.
    auto again = parsed(mark(m_county, body).body);
    QCOMPARE(count(again, "created"), 0);
    QCOMPARE(count(again, "alreadyThere"), 1);
    // A range that misses the event opens nothing.
    json::object earlier = body;
    earlier["from"] = domain::addDays(from, -20).toString();
    earlier["to"] = domain::addDays(from, -10).toString();
    QCOMPARE(count(parsed(mark(m_county, earlier).body), "created"), 0);
}

void TestLeads::villageTabletsPullTheLeads() {
    auto ids = [](const std::vector<json::object> &cases) {
        std::set<std::string> out;
        for (const auto &c : cases)
            out.insert(text(c, "id"));
        return out;
    };
    const auto village1 = ids(pulledCases(m_cadre1));
    const auto village2 = ids(pulledCases(m_cadre2));
    QVERIFY(village1.contains(m_caseA) && village1.contains(m_caseC) && village1.contains(m_caseFlooded));
    QVERIFY(!village1.contains(m_caseB));
    QVERIFY(village2.contains(m_caseB));
    QVERIFY(!village2.contains(m_caseA) && !village2.contains(m_caseFlooded));
    // The cadre sees the 入户核实 deadline: 5 working days on the calendar, counted after the lead's date.
    const auto detail = caseDetail(m_cadre1, m_caseA);
    QVERIFY(detail.is_object());
    const auto leadDate = *CivilDate::parse(text(detail.at("case").at("fields").at("lead"), "date"));
    cases::ProcedureContext ctx;
    ctx.today = today();
    ctx.calendar = &domain::WorkingCalendar::builtin();
    const auto due = cases::leadDeadline(leadDate, ctx);
    std::string shownDue;
    for (const auto &a : detail.at("attention").as_array())
        if (text(a, "code") == "lead_visit_due")
            shownDue = text(a, "due");
    QCOMPARE(shownDue, due ? due->toString() : std::string());
    if (due)
        QVERIFY(*due > leadDate);
}

QTEST_GUILESS_MAIN(TestLeads)
#include "tst_leads.moc"
