// The national-system-shaped exports (issue 15, docs/exports.md) on the real ruhu-syncd: every XLSX is read
// back with python3-openpyxl and compared with the store (what a county pull returns): headers, value
// labels, row counts; the CSV has its BOM; a village account exports its village only; 证件号码 are masked
// unless a county account states a purpose, and the export is in the read audit either way.
#include "exportfiles.h"
#include "serverprocess.h"

#include <ruhu/demo/case_household.h>
#include <ruhu/model/id_number.h>
#include <ruhu/sync/hlc.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <boost/json.hpp>

using namespace ruhu;
namespace json = boost::json;

namespace {

const QString kVillage1 = QStringLiteral("429005103201");
const QString kMonitoredHousehold = QStringLiteral("hh-ex-1");
const QString kNationalNo = QStringLiteral("4290051032010901");

using exporttest::Table;

bool isFullIdNumber(const QString &value) {
    return parseIdNumber(value.toStdString()).ok();
}

bool isMaskedIdNumber(const QString &value) {
    static const QRegularExpression masked(QStringLiteral("^[0-9]{4}\\*{10}[0-9]{3}[0-9X]$"));
    return masked.match(value).hasMatch();
}

int column(const Table &table, const QString &header) {
    return table.isEmpty() ? -1 : int(table.front().indexOf(header));
}

// The rows whose cell under `header` is `value`.
Table rowsWhere(const Table &table, const QString &header, const QString &value) {
    Table found;
    const int c = column(table, header);
    for (qsizetype i = 1; i < table.size(); ++i) {
        if (c >= 0 && table[i].value(c) == value)
            found << table[i];
    }
    return found;
}

} // namespace

class TestExports : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void householdsXlsxMatchesStore();
    void monitoringObjectsAndMeasuresXlsx();
    void membersXlsxAndCsvMaskIdNumbers();
    void villageExportsOnlyItsVillage();
    void fullIdNumbersOnlyForCountyWithPurposeAndAudited();
    void badParametersAreRefusedInChinese();
    void consistencyListsRecordsWithoutTheirCase();

private:
    QByteArray login(const QString &user);
    void pushMonitoredHousehold();
    HttpResult download(const QString &pathAndQuery, const QByteArray &token);
    Table xlsx(const QByteArray &bytes, QString *title = nullptr);
    // Live records of a kind the county's pull returns (the store, read through the API).
    QList<QJsonObject> storeRecords(const QString &kind, const QString &regionPrefix = {});

    ServerProcess m_server;
    QTemporaryDir m_dir;
    QByteArray m_cadre1;
    QByteArray m_township;
    QByteArray m_county;
    QList<QJsonObject> m_pulled;
};

void TestExports::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(true, {"--rate-limit", "0"}), m_server.log().constData());
    m_cadre1 = login("cadre1");
    m_township = login("township");
    m_county = login("county");
    QVERIFY(!m_cadre1.isEmpty() && !m_township.isEmpty() && !m_county.isEmpty());
    pushMonitoredHousehold();
}

void TestExports::cleanupTestCase() {
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
    // Exports never write identity numbers into the log.
    static const QRegularExpression idNumber(QStringLiteral("429005[0-9]{11}[0-9X]"));
    QVERIFY(!idNumber.match(QString::fromUtf8(m_server.log())).hasMatch());
}

QByteArray TestExports::login(const QString &user) {
    const QByteArray body =
        QJsonDocument(
            QJsonObject{{"username", user}, {"password", "ruhu2024"}, {"deviceId", "dev-ex-" + user}})
            .toJson(QJsonDocument::Compact);
    auto reply = httpRequest("POST", m_server.url("/api/v1/login"), body);
    return reply.status == 200 ? reply.json.value("token").toString().toLatin1() : QByteArray();
}

// A monitoring object (边缘易致贫户, two risks) with members, an income sheet and a measure, pushed by the
// village cadre as the tablet would.
void TestExports::pushMonitoredHousehold() {
    demo::CaseHouseholdSpec spec;
    spec.householdId = kMonitoredHousehold.toStdString();
    spec.regionCode = kVillage1.toStdString();
    spec.members = 3;
    spec.idSequence = 300;
    auto records = demo::makeCaseHousehold(spec);
    json::array mutations;
    int seq = 0;
    for (auto &r : records) {
        if (r.kind == "household") {
            r.fields["nationalHouseholdNo"] = kNationalNo.toStdString();
            r.fields["riskTypes"] = json::array{"因病", "因学"};
            r.fields["monitoring"] = json::object{{"category", "边缘易致贫户"},
                                                  {"identifiedYm", "202409"},
                                                  {"riskEliminated", false},
                                                  {"developmentalAssistance", "尚未实施"}};
        }
        ++seq;
        const std::string device = "dev-ex-cadre1";
        mutations.push_back(json::object{{"id", device + ":" + std::to_string(seq)},
                                         {"deviceId", device},
                                         {"seq", seq},
                                         {"kind", r.kind},
                                         {"recordId", r.id},
                                         {"householdId", r.householdId},
                                         {"regionCode", r.regionCode},
                                         {"baseVersion", 0},
                                         {"hlc", HlcStamp{1800000000000 + seq, 0, device}.encode()},
                                         {"author", device},
                                         {"fields", r.fields}});
    }
    const std::string body = json::serialize(
        json::object{{"protocol", 1}, {"deviceId", "dev-ex-cadre1"}, {"mutations", mutations}});
    auto reply = httpRequest("POST", m_server.url("/api/v1/push"), QByteArray::fromStdString(body), m_cadre1);
    QCOMPARE(reply.status, 200);
    for (const auto &result : reply.json.value("results").toArray())
        QVERIFY2(result.toObject().value("status").toString() == "applied", reply.body.constData());
}

HttpResult TestExports::download(const QString &pathAndQuery, const QByteArray &token) {
    return httpRequest("GET", m_server.url("/api/v1/exports/" + pathAndQuery), {}, token, 120000);
}

Table TestExports::xlsx(const QByteArray &bytes, QString *title) {
    static int n = 0;
    return exporttest::readXlsx(bytes, m_dir.filePath(QStringLiteral("export-%1.xlsx").arg(++n)), title);
}

QList<QJsonObject> TestExports::storeRecords(const QString &kind, const QString &regionPrefix) {
    if (m_pulled.isEmpty())
        m_pulled = exporttest::pullEverything(m_server, m_county);
    QList<QJsonObject> found;
    for (const auto &r : m_pulled) {
        if (r.value("kind").toString() == kind && !r.value("deleted").toBool() &&
            r.value("regionCode").toString().startsWith(regionPrefix))
            found << r;
    }
    return found;
}

void TestExports::householdsXlsxMatchesStore() {
    auto reply = download("households.xlsx", m_county);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"),
             QByteArray("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    QVERIFY(reply.header("Content-Disposition").contains("households-all.xlsx"));
    QString title;
    const Table table = xlsx(reply.body, &title);
    QVERIFY(!table.isEmpty());
    QCOMPARE(title, QStringLiteral("户信息"));
    const QStringList expectedStart{"县",
                                    "乡(镇)",
                                    "村",
                                    "组",
                                    "户编号",
                                    "户主姓名",
                                    "户主证件号码",
                                    "户联系电话",
                                    "户类型",
                                    "监测对象类别",
                                    "是否军烈属",
                                    "致贫/返贫风险1",
                                    "致贫/返贫风险2",
                                    "致贫/返贫风险3",
                                    "致贫/返贫风险4",
                                    "致贫/返贫风险5",
                                    "识别监测时间",
                                    "风险是否已消除"};
    QCOMPARE(table.front().mid(0, expectedStart.size()), expectedStart);
    QVERIFY(table.front().contains("当前家庭人口数"));
    QVERIFY(table.front().contains("耕地面积（亩）"));

    const auto households = storeRecords("household");
    QVERIFY(households.size() > 10);
    QCOMPARE(table.size() - 1, households.size());

    // The monitoring object: category, risks, month, national labels, the head's masked number.
    const Table rows = rowsWhere(table, "户编号", kNationalNo);
    QCOMPARE(rows.size(), 1);
    const QStringList &row = rows.front();
    QCOMPARE(row[column(table, "县")], QStringLiteral("潜江市"));
    QCOMPARE(row[column(table, "乡(镇)")], QStringLiteral("熊口镇"));
    QCOMPARE(row[column(table, "村")], QStringLiteral("马家村"));
    QCOMPARE(row[column(table, "户类型")], QStringLiteral("普通农户")); // Ruhu's 一般农户, national label
    QCOMPARE(row[column(table, "监测对象类别")], QStringLiteral("边缘易致贫户"));
    QCOMPARE(row[column(table, "致贫/返贫风险1")], QStringLiteral("因病"));
    QCOMPARE(row[column(table, "致贫/返贫风险2")], QStringLiteral("因学"));
    QCOMPARE(row[column(table, "致贫/返贫风险3")], QString());
    QCOMPARE(row[column(table, "识别监测时间")], QStringLiteral("202409"));
    QCOMPARE(row[column(table, "风险是否已消除")], QStringLiteral("否"));
    QCOMPARE(row[column(table, "实施开发式帮扶措施情况")], QStringLiteral("尚未实施"));
    QCOMPARE(row[column(table, "当前家庭人口数")], QStringLiteral("3"));
    QVERIFY2(isMaskedIdNumber(row[column(table, "户主证件号码")]), qPrintable(row.join('|')));

    // Every household's labels come from the national list; no number is in clear.
    const int type = column(table, "户类型");
    const int id = column(table, "户主证件号码");
    const int phone = column(table, "户联系电话");
    for (qsizetype i = 1; i < table.size(); ++i) {
        QVERIFY2(table[i][type] == "普通农户" || table[i][type] == "脱贫户", qPrintable(table[i][type]));
        QVERIFY2(isMaskedIdNumber(table[i][id]), qPrintable(table[i][id]));
        QVERIFY2(table[i][phone].isEmpty() || table[i][phone].startsWith("****"),
                 qPrintable(table[i][phone]));
    }
}

void TestExports::monitoringObjectsAndMeasuresXlsx() {
    auto objects = download("monitoring-objects.xlsx", m_township);
    QCOMPARE(objects.status, 200);
    QString title;
    const Table table = xlsx(objects.body, &title);
    QCOMPARE(title, QStringLiteral("监测对象信息"));
    int expected = 0;
    for (const auto &h : storeRecords("household")) {
        if (!h.value("fields")
                 .toObject()
                 .value("monitoring")
                 .toObject()
                 .value("category")
                 .toString()
                 .isEmpty())
            ++expected;
    }
    QCOMPARE(expected, 1);
    QCOMPARE(table.size() - 1, expected);
    QCOMPARE(table[1][column(table, "监测对象类别")], QStringLiteral("边缘易致贫户"));

    auto measures = download("measures.xlsx", m_county);
    QCOMPARE(measures.status, 200);
    const Table measureTable = xlsx(measures.body, &title);
    QCOMPARE(title, QStringLiteral("帮扶措施信息"));
    QCOMPARE(measureTable.front().mid(6, 3), (QStringList{"帮扶措施类别", "帮扶项目", "受益成员"}));
    QCOMPARE(measureTable.size() - 1, storeRecords("measure").size());
    const Table mine = rowsWhere(measureTable, "户编号", kNationalNo);
    QCOMPARE(mine.size(), 1);
    QCOMPARE(mine.front()[column(measureTable, "落实状态")], QStringLiteral("计划"));
}

void TestExports::membersXlsxAndCsvMaskIdNumbers() {
    auto reply = download("members.xlsx?region=429005103", m_township);
    QCOMPARE(reply.status, 200);
    const Table table = xlsx(reply.body);
    QCOMPARE(table.size() - 1, storeRecords("member", "429005103").size());
    const int id = column(table, "证件号码");
    const int name = column(table, "姓名");
    QVERIFY(id > 0 && name > 0);
    for (qsizetype i = 1; i < table.size(); ++i)
        QVERIFY2(isMaskedIdNumber(table[i][id]), qPrintable(table[i][id]));
    QCOMPARE(rowsWhere(table, "户编号", kNationalNo).size(), 3);

    auto csv = download("members.csv?region=429005103201", m_cadre1);
    QCOMPARE(csv.status, 200);
    QVERIFY(csv.header("Content-Type").startsWith("text/csv"));
    QVERIFY(csv.body.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(csv.body.mid(3)).split("\r\n", Qt::SkipEmptyParts);
    QCOMPARE(lines.size() - 1, storeRecords("member", kVillage1).size());
    QVERIFY(lines.front().startsWith("县,乡(镇),村,组,户编号,户主姓名,人口编号,姓名,证件类型,证件号码"));
    static const QRegularExpression fullId(QStringLiteral("[0-9]{17}[0-9X]"));
    QVERIFY(!fullId.match(QString::fromUtf8(csv.body)).hasMatch());
}

void TestExports::villageExportsOnlyItsVillage() {
    auto other = download("households.xlsx?region=429005103202", m_cadre1);
    QCOMPARE(other.status, 403);
    QCOMPARE(other.json.value("code").toString(), QStringLiteral("forbidden_area"));
    QVERIFY(other.json.value("message").toString().contains("不在您的工作范围内"));
    auto township = download("households.csv?region=429005103", m_cadre1);
    QCOMPARE(township.status, 403);

    auto own = download("households.xlsx", m_cadre1);
    QCOMPARE(own.status, 200);
    const Table table = xlsx(own.body);
    QCOMPARE(table.size() - 1, storeRecords("household", kVillage1).size());
    const int village = column(table, "村");
    for (qsizetype i = 1; i < table.size(); ++i)
        QCOMPARE(table[i][village], QStringLiteral("马家村"));
}

void TestExports::fullIdNumbersOnlyForCountyWithPurposeAndAudited() {
    auto township = download("members.xlsx?idNumbers=full&purpose=核对", m_township);
    QCOMPARE(township.status, 403);
    QCOMPARE(township.json.value("code").toString(), QStringLiteral("forbidden_role"));
    auto noPurpose = download("members.xlsx?idNumbers=full", m_county);
    QCOMPARE(noPurpose.status, 400);
    QCOMPARE(noPurpose.json.value("code").toString(), QStringLiteral("purpose_required"));

    const QString purpose = QStringLiteral("三一致比对");
    auto full = download("members.xlsx?region=429005103201&idNumbers=full&purpose=" +
                             QString::fromLatin1(QUrl::toPercentEncoding(purpose)),
                         m_county);
    QCOMPARE(full.status, 200);
    const Table table = xlsx(full.body);
    const int id = column(table, "证件号码");
    QVERIFY(table.size() > 1);
    for (qsizetype i = 1; i < table.size(); ++i)
        QVERIFY2(isFullIdNumber(table[i][id]), qPrintable(table[i][id]));

    auto audit = httpRequest("GET", m_server.url("/api/v1/audit?user=county&limit=500"), {}, m_county);
    QCOMPARE(audit.status, 200);
    QJsonObject fullRow;
    QJsonObject maskedRow;
    for (const auto &e : audit.json.value("entries").toArray()) {
        const QJsonObject row = e.toObject();
        if (row.value("action").toString() != "export")
            continue;
        if (row.value("result").toString() == "full")
            fullRow = row;
        else if (row.value("target").toString().startsWith("households-all.xlsx"))
            maskedRow = row;
    }
    QVERIFY2(!fullRow.isEmpty(), audit.body.constData());
    QVERIFY(fullRow.value("target").toString().contains("purpose=" + purpose));
    QCOMPARE(fullRow.value("role").toString(), QStringLiteral("county"));
    QStringList households;
    for (const auto &h : fullRow.value("households").toArray())
        households << h.toObject().value("householdId").toString();
    QVERIFY(households.contains(kMonitoredHousehold));
    QVERIFY(households.contains("hh-0001"));
    // The masked county export of every household is audited too, with every household in it.
    QVERIFY2(!maskedRow.isEmpty(), audit.body.constData());
    QCOMPARE(maskedRow.value("result").toString(), QStringLiteral("masked"));
    QCOMPARE(maskedRow.value("households").toArray().size(), storeRecords("household").size());
}

void TestExports::badParametersAreRefusedInChinese() {
    struct Case {
        QString query;
        int status;
        QString code;
    };
    const QList<Case> cases{
        {"households.xlsx?region=abc", 400, "invalid_region"},
        {"households.xlsx?region=4290051", 400, "invalid_region"},
        {"households.xlsx?color=red", 400, "unknown_parameter"},
        {"households.xlsx?idNumbers=some", 400, "invalid_id_numbers"},
        {"households.xlsx?purpose=x", 400, "invalid_purpose"},
        {"households.pdf", 404, "not_found"},
        {"secrets.xlsx", 404, "not_found"},
    };
    for (const auto &c : cases) {
        auto reply = download(c.query, m_county);
        QVERIFY2(reply.status == c.status, qPrintable(c.query + " " + QString::number(reply.status)));
        QCOMPARE(reply.json.value("code").toString(), c.code);
        static const QRegularExpression han(QStringLiteral("\\p{Han}"));
        QVERIFY2(han.match(reply.json.value("message").toString()).hasMatch(), qPrintable(c.query));
    }
    auto anonymous = download("households.xlsx", {});
    QCOMPARE(anonymous.status, 401);
    QVERIFY(m_server.isRunning());
}

// 三一致: a household the record calls a monitoring object without a confirmed case (hh-ex-1, pushed with
// its category; the demo county's objects likewise, no case carries them) is listed, nothing else is.
void TestExports::consistencyListsRecordsWithoutTheirCase() {
    QVERIFY(storeRecords("workflowCase").isEmpty());
    QSet<QString> expected;
    for (const auto &h : storeRecords("household")) {
        const QJsonObject fields = h.value("fields").toObject();
        if (!fields.value("monitoring").toObject().value("category").toString().isEmpty())
            expected << fields.value("headName").toString() + "|" +
                            fields.value("nationalHouseholdNo").toString();
    }
    QVERIFY(!expected.isEmpty());
    auto reply = download("consistency.xlsx", m_county);
    QCOMPARE(reply.status, 200);
    QString title;
    const Table table = xlsx(reply.body, &title);
    QCOMPARE(title, QStringLiteral("三一致核对"));
    QVERIFY(!table.isEmpty());
    QCOMPARE(table.front(), (QStringList{"村", "组", "户编号", "户主姓名", "问题代码", "问题"}));
    QSet<QString> listed;
    for (qsizetype i = 1; i < table.size(); ++i) {
        QCOMPARE(table[i].value(4), QStringLiteral("category_without_case"));
        listed << table[i].value(3) + "|" + table[i].value(2);
    }
    QCOMPARE(table.size() - 1, expected.size());
    QCOMPARE(listed, expected);
    QVERIFY(!rowsWhere(table, "户编号", kNationalNo).isEmpty());

    auto village = download("consistency.xlsx?region=429005103202", m_cadre1);
    QCOMPARE(village.status, 403);
    auto own = download("consistency.xlsx", m_cadre1);
    QCOMPARE(own.status, 200);
    for (const auto &row : xlsx(own.body).mid(1))
        QCOMPARE(row.value(0), QStringLiteral("马家村"));
    QCOMPARE(download("consistency.csv", m_county).status, 404);
}

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
