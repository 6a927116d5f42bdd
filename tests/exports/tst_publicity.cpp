// The 公示 notices (issue 15, docs/exports.md) on the real ruhu-syncd: cases carried to 公示 through push
// by the village cadres (tests/support/caseseeder.h), then GET /api/v1/exports/publicity.{pdf,xlsx}. The
// PDF is read back with pdftotext, the XLSX with python3-openpyxl: the households in 公示 of the asked area
// and only those, their 公示期 as the server stored it, no 证件号码, phone or income; pages numbered and the
// table header repeated; another village's or the township's area refused to a village account; audited.
#include "caseseeder.h"
#include "exportfiles.h"
#include "serverprocess.h"

#include <ruhu/domain/beijing_time.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <stdexcept>

using namespace ruhu;

namespace {

const QString kMajia = QStringLiteral("429005103201");
const QString kZhaonao = QStringLiteral("429005103202");
const QString kTownship = QStringLiteral("429005103");
// Enough households for the 马家村 notice to run onto a second page.
constexpr int kMajiaCases = 32;

QString majiaHead(int n) {
    return QStringLiteral("马公示%1").arg(QChar(0x4e00 + n)); // 马公示一, 马公示丁 … distinct names
}
const QString kZhaonaoHead = QStringLiteral("赵公示甲");

using exporttest::Table;

// Chinese date as the notice prints it ("2026年12月7日").
QString chineseDate(const QString &isoDate) {
    const QDate d = QDate::fromString(isoDate, Qt::ISODate);
    return QStringLiteral("%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day());
}

} // namespace

class TestPublicity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void villagePdfListsItsHouseholdsInPublicityOnly();
    void pdfIsPaginatedWithRepeatedHeader();
    void townshipGetsOneNoticePerVillage();
    void xlsxMatchesTheCases();
    void areaOutsideScopeIsRefused();
    void exportIsAudited();

private:
    QByteArray login(const QString &user);
    HttpResult download(const QString &pathAndQuery, const QByteArray &token);
    QString pdfText(const QByteArray &pdf);
    Table xlsx(const QByteArray &bytes);
    QList<QJsonObject> pulled(const QString &kind, const QString &regionPrefix);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    QByteArray m_cadre1;
    QByteArray m_cadre2;
    QByteArray m_township;
    QByteArray m_county;
    QString m_today;
    QString m_end; // the publicityEnd the server stored on the cases
};

void TestPublicity::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(true, {"--rate-limit", "0"}), m_server.log().constData());
    m_today = QString::fromStdString(domain::beijingDate(QDateTime::currentMSecsSinceEpoch()).toString());
    const QString url = m_server.url("").toString();
    try {
        CaseSeeder::loadThresholds(url, QDate::fromString(m_today, Qt::ISODate).year());
        CaseSeeder majia(url, "cadre1", "dev-pub-cadre1");
        for (int n = 1; n <= kMajiaCases; ++n) {
            demo::CaseHouseholdSpec spec;
            spec.householdId = "hh-pub-" + std::to_string(n);
            spec.regionCode = kMajia.toStdString();
            spec.idSequence = 500 + 10 * n;
            majia.seedToPublicity(spec, "wc-pub-" + std::to_string(n), majiaHead(n).toStdString());
        }
        CaseSeeder zhaonao(url, "cadre2", "dev-pub-cadre2");
        demo::CaseHouseholdSpec spec;
        spec.householdId = "hh-pub-z1";
        spec.regionCode = kZhaonao.toStdString();
        spec.idSequence = 900;
        zhaonao.seedToPublicity(spec, "wc-pub-z1", kZhaonaoHead.toStdString());
    } catch (const std::exception &e) {
        QFAIL(e.what());
    }
    m_cadre1 = login("cadre1");
    m_cadre2 = login("cadre2");
    m_township = login("township");
    m_county = login("county");
    const auto cases = pulled("workflowCase", kTownship);
    QCOMPARE(cases.size(), kMajiaCases + 1);
    m_end = cases.front().value("fields").toObject().value("publicityEnd").toString();
    QVERIFY(QDate::fromString(m_end, Qt::ISODate) > QDate::fromString(m_today, Qt::ISODate));
}

void TestPublicity::cleanupTestCase() {
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

QByteArray TestPublicity::login(const QString &user) {
    const QByteArray body =
        QJsonDocument(
            QJsonObject{{"username", user}, {"password", "ruhu2024"}, {"deviceId", "dev-pubtest-" + user}})
            .toJson(QJsonDocument::Compact);
    auto reply = httpRequest("POST", m_server.url("/api/v1/login"), body);
    return reply.status == 200 ? reply.json.value("token").toString().toLatin1() : QByteArray();
}

HttpResult TestPublicity::download(const QString &pathAndQuery, const QByteArray &token) {
    return httpRequest("GET", m_server.url("/api/v1/exports/" + pathAndQuery), {}, token, 120000);
}

QString TestPublicity::pdfText(const QByteArray &pdf) {
    static int n = 0;
    const QString path = m_dir.filePath(QStringLiteral("publicity-%1.pdf").arg(++n));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
        return {};
    file.close();
    QProcess pdftotext;
    pdftotext.start("pdftotext", {"-enc", "UTF-8", "-layout", path, "-"});
    if (!pdftotext.waitForFinished(30000) || pdftotext.exitCode() != 0)
        return {};
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}

Table TestPublicity::xlsx(const QByteArray &bytes) {
    QString title;
    Table table = exporttest::readXlsx(bytes, m_dir.filePath(QStringLiteral("publicity.xlsx")), &title);
    return title == QStringLiteral("公示名单") ? table : Table();
}

// Live records of a kind a county pull returns, inside the region prefix.
QList<QJsonObject> TestPublicity::pulled(const QString &kind, const QString &regionPrefix) {
    QList<QJsonObject> found;
    for (const auto &r : exporttest::pullEverything(m_server, m_county)) {
        if (r.value("kind").toString() == kind && !r.value("deleted").toBool() &&
            r.value("regionCode").toString().startsWith(regionPrefix))
            found << r;
    }
    return found;
}

void TestPublicity::villagePdfListsItsHouseholdsInPublicityOnly() {
    const QString contact = QStringLiteral("村委会 王主任");
    auto reply =
        download("publicity.pdf?contact=" + QString::fromLatin1(QUrl::toPercentEncoding(contact)), m_cadre1);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/pdf"));
    QVERIFY(reply.header("Content-Disposition").contains("publicity-all.pdf"));
    const QString text = pdfText(reply.body);
    const QString flat = QString(text).remove(QRegularExpression(QStringLiteral("\\s")));
    QVERIFY2(flat.contains(QStringLiteral("马家村防止返贫监测对象拟纳入公示")), qPrintable(text));
    for (int n = 1; n <= kMajiaCases; ++n)
        QVERIFY2(flat.contains(majiaHead(n)), qPrintable(majiaHead(n)));
    QVERIFY(flat.contains(QStringLiteral("拟将以下%1户纳入").arg(kMajiaCases)));
    QVERIFY2(flat.contains(
                 QStringLiteral("公示期：%1至%2（5个工作日）").arg(chineseDate(m_today), chineseDate(m_end))),
             qPrintable(text));
    QVERIFY(flat.contains(QStringLiteral("联系方式：村委会王主任")));
    QVERIFY(flat.contains(QStringLiteral("12317")));
    QVERIFY(flat.contains(QStringLiteral("马家村村民委员会（盖章）")));
    QVERIFY(flat.contains(QStringLiteral("边缘易致贫户"))); // 一般农户 under the line (the engine's outcome)
    QVERIFY(flat.contains(QStringLiteral("因病")));

    // Not another village's, not a 马家村 household that is not in 公示 (the demo county's).
    QVERIFY(!flat.contains(kZhaonaoHead));
    QVERIFY(!flat.contains(QStringLiteral("赵脑村")));
    int others = 0;
    for (const auto &h : pulled("household", kMajia)) {
        if (h.value("householdId").toString().startsWith("hh-pub-"))
            continue;
        const QString head = h.value("fields").toObject().value("headName").toString();
        if (head.isEmpty())
            continue;
        ++others;
        QVERIFY2(!flat.contains(head), qPrintable(head));
    }
    QVERIFY(others > 0);

    // De-identified: no 身份证号 (18 characters), no mobile phone, no income figure.
    QVERIFY(!QRegularExpression(QStringLiteral("[0-9]{17}[0-9X]")).match(flat).hasMatch());
    QVERIFY(!QRegularExpression(QStringLiteral("1[3-9][0-9]{9}")).match(flat).hasMatch());
    QVERIFY(!flat.contains(QStringLiteral("元")));
    QVERIFY(!flat.contains(QStringLiteral("收入")));
    for (const auto &m : pulled("member", kMajia)) {
        const QString idNo = m.value("fields").toObject().value("idNo").toString();
        QVERIFY(idNo.isEmpty() || !flat.contains(idNo.right(8)));
    }
}

void TestPublicity::pdfIsPaginatedWithRepeatedHeader() {
    auto reply = download("publicity.pdf?region=" + kMajia, m_cadre1);
    QCOMPARE(reply.status, 200);
    const QString flat = pdfText(reply.body).remove(QRegularExpression(QStringLiteral("\\s")));
    QVERIFY2(flat.contains(QStringLiteral("第1页共2页")), qPrintable(flat));
    QVERIFY(flat.contains(QStringLiteral("第2页共2页")));
    QVERIFY(!flat.contains(QStringLiteral("第3页")));
    QCOMPARE(flat.count(QStringLiteral("户主姓名")), 2); // the table header on both pages
}

void TestPublicity::townshipGetsOneNoticePerVillage() {
    auto reply = download("publicity.pdf?region=" + kTownship, m_township);
    QCOMPARE(reply.status, 200);
    const QString flat = pdfText(reply.body).remove(QRegularExpression(QStringLiteral("\\s")));
    QVERIFY(flat.contains(QStringLiteral("马家村防止返贫监测对象拟纳入公示")));
    QVERIFY(flat.contains(QStringLiteral("赵脑村防止返贫监测对象拟纳入公示")));
    QVERIFY(flat.contains(kZhaonaoHead));
    QVERIFY(flat.contains(QStringLiteral("赵脑村村民委员会（盖章）")));
    // Each notice numbers its own pages: 马家村 two, 赵脑村 one.
    QVERIFY(flat.contains(QStringLiteral("第1页共1页")));
    QVERIFY(flat.contains(QStringLiteral("第2页共2页")));
}

void TestPublicity::xlsxMatchesTheCases() {
    auto reply = download("publicity.xlsx?region=" + kTownship, m_county);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"),
             QByteArray("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    const Table table = xlsx(reply.body);
    QVERIFY(!table.isEmpty());
    QCOMPARE(table.front(), (QStringList{"村", "序号", "村民小组", "户主姓名", "家庭人口", "拟纳入类别",
                                         "主要风险", "公示开始日期", "公示结束日期"}));
    QCOMPARE(table.size(), kMajiaCases + 2);
    QStringList heads;
    for (qsizetype i = 1; i < table.size(); ++i) {
        const QStringList &row = table[i];
        QCOMPARE(row.size(), 9);
        heads << row[3];
        QCOMPARE(row[0], row[3] == kZhaonaoHead ? QStringLiteral("赵脑村") : QStringLiteral("马家村"));
        QCOMPARE(row[2], QStringLiteral("二组"));
        QCOMPARE(row[4], QStringLiteral("3人"));
        QCOMPARE(row[5], QStringLiteral("边缘易致贫户"));
        QCOMPARE(row[6], QStringLiteral("因病"));
        QCOMPARE(row[7], m_today);
        QCOMPARE(row[8], m_end);
    }
    QVERIFY(heads.contains(kZhaonaoHead));
    for (int n = 1; n <= kMajiaCases; ++n)
        QVERIFY(heads.contains(majiaHead(n)));
    // 序号 counts within each notice.
    QCOMPARE(table[1][1], QStringLiteral("1"));
    QCOMPARE(table[kMajiaCases][1], QString::number(kMajiaCases));
    QCOMPARE(table[kMajiaCases + 1][1], QStringLiteral("1"));
}

void TestPublicity::areaOutsideScopeIsRefused() {
    auto township = download("publicity.pdf?region=" + kTownship, m_cadre1);
    QCOMPARE(township.status, 403);
    QCOMPARE(township.json.value("code").toString(), QStringLiteral("forbidden_area"));
    auto other = download("publicity.xlsx?region=" + kZhaonao, m_cadre1);
    QCOMPARE(other.status, 403);
    auto own = download("publicity.xlsx", m_cadre2);
    QCOMPARE(own.status, 200);
    QCOMPARE(xlsx(own.body).size(), 2); // the header and 赵脑村's one household

    auto unknown = download("publicity.pdf?idNumbers=full", m_county);
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.json.value("code").toString(), QStringLiteral("unknown_parameter"));
    auto contact = download("publicity.pdf?contact=" + QString(60, QChar(0x4e00)), m_county);
    QCOMPARE(contact.status, 400);
    QCOMPARE(contact.json.value("code").toString(), QStringLiteral("invalid_contact"));
    QVERIFY(!contact.json.value("message").toString().isEmpty());
    auto csv = download("publicity.csv", m_county);
    QCOMPARE(csv.status, 404);
    auto anonymous = download("publicity.pdf", {});
    QCOMPARE(anonymous.status, 401);
}

void TestPublicity::exportIsAudited() {
    QCOMPARE(download("publicity.pdf?region=" + kMajia, m_cadre1).status, 200);
    auto audit = httpRequest("GET", m_server.url("/api/v1/audit?user=cadre1&limit=500"), {}, m_county);
    QCOMPARE(audit.status, 200);
    QJsonObject row;
    for (const auto &e : audit.json.value("entries").toArray()) {
        if (e.toObject().value("action").toString() == "export" &&
            e.toObject().value("target").toString() == "publicity-" + kMajia + ".pdf")
            row = e.toObject();
    }
    QVERIFY2(!row.isEmpty(), audit.body.constData());
    QCOMPARE(row.value("households").toArray().size(), kMajiaCases);
    for (const auto &h : row.value("households").toArray())
        QVERIFY(h.toObject().value("householdId").toString().startsWith("hh-pub-"));
}

QTEST_GUILESS_MAIN(TestPublicity)
#include "tst_publicity.moc"
