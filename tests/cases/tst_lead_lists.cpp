// The readers of a department's list (syncserver/tabular/: CSV in UTF-8 or GB18030, the first sheet of an
// XLSX, bounded) and what the list means (ruhu/domain/lead_sources.h: header aliases, dates, 身份证号 cells,
// row problems, the case id of a lead, the 突发应急 marking). XLSX files come from tests/cases/make_xlsx.py.
#include "admin/area_csv.h"
#include "tabular/table_reader.h"

#include <ruhu/demo/demo_county.h>
#include <ruhu/domain/lead_sources.h>
#include <ruhu/model/id_number.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <boost/json.hpp>

using namespace ruhu;
namespace tab = ruhu::server::tabular;
using domain::CivilDate;

namespace {

std::string cellText(const Table &t, size_t row, size_t column) {
    return row < t.rows.size() && column < t.rows[row].cells.size() ? t.rows[row].cells[column].text
                                                                    : "<none>";
}

QByteArray makeXlsx(const QString &mode) {
    QTemporaryDir dir;
    const QString out = dir.filePath("f.xlsx");
    QProcess p;
    p.start(RUHU_PYTHON3, {RUHU_MAKE_XLSX, mode, out});
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        qFatal("make_xlsx.py %s: %s", qPrintable(mode), p.readAllStandardError().constData());
    QFile f(out);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

std::string sv(const QByteArray &b) {
    return std::string(b.constData(), size_t(b.size()));
}

Table csvTable(const std::string &text) {
    auto t = tab::readCsv(text);
    if (!t)
        qFatal("readCsv: %s", t.error().message.c_str());
    return *t;
}

} // namespace

class TestLeadLists : public QObject {
    Q_OBJECT

private slots:
    void csvWithBomQuotesAndLineBreaks();
    void csvInGb18030();
    void csvMalformedQuotes_data();
    void csvMalformedQuotes();
    void csvLimits();
    void xlsxSharedStringsFirstSheetNumbers();
    void xlsxZipBombRefused();
    void xlsxDoctypeAndGarbageRefused();
    void leadDates_data();
    void leadDates();
    void idNumberCells();
    void screeningListRowsAndProblems();
    void screeningListNeedsColumns();
    void leadCaseIdIsDeterministic();
    void emergencyMarking();
    void areaCsvReadsThroughTheSameReader();
};

void TestLeadLists::csvWithBomQuotesAndLineBreaks() {
    auto t = csvTable("\xEF\xBB\xBF姓名,身份证号,预警原因\r\n"
                      "张三,\"4290051990\",\"医疗支出大，\"\"住院\"\"\"\r\n"
                      "\r\n"
                      "李四,\"1,2\",\"第一行\n第二行\"\n"
                      "王五,x,");
    QCOMPARE(t.rows.size(), size_t(4));
    QCOMPARE(cellText(t, 0, 0), std::string("姓名")); // the BOM is gone
    QCOMPARE(t.rows[1].number, 2);
    QCOMPARE(cellText(t, 1, 2), std::string("医疗支出大，\"住院\""));
    QCOMPARE(t.rows[2].number, 4); // the blank line counts as a row, as a spreadsheet shows it
    QCOMPARE(cellText(t, 2, 1), std::string("1,2"));
    QCOMPARE(cellText(t, 2, 2), std::string("第一行\n第二行"));
    QCOMPARE(t.rows[3].number, 5);
    QCOMPARE(t.rows[3].cells.size(), size_t(3));
    QVERIFY(!t.rows[1].cells[1].number);
}

void TestLeadLists::csvInGb18030() {
    const QByteArray gb =
        QByteArray::fromHex("d0d5c3fb2cc9edb7ddd6a4bac52cd4a4beafc8d5c6da2cd4a4beafd4add2f20ad5c5c8fd2c3432"
                            "393030353139393030333037313233342c323032342f332f352cd2bdc1c6d6a7b3f6b4f30a");
    auto t = tab::readCsv(sv(gb));
    QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
    QCOMPARE(cellText(*t, 0, 1), std::string("身份证号"));
    QCOMPARE(cellText(*t, 1, 0), std::string("张三"));
    QCOMPARE(cellText(*t, 1, 3), std::string("医疗支出大"));
    // Neither UTF-8 nor GB18030 (a lone lead byte at the end), nor UTF-16.
    QCOMPARE(QString::fromStdString(tab::readCsv("a,b\n\x81").error().code), QStringLiteral("file_encoding"));
    QCOMPARE(QString::fromStdString(tab::readCsv(std::string("\xFF\xFE"
                                                             "a\0",
                                                             4))
                                        .error()
                                        .code),
             QStringLiteral("file_encoding"));
}

void TestLeadLists::csvMalformedQuotes_data() {
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("where");
    QTest::newRow("quote inside a field") << QByteArray("a,b\nx,ab\"c\"\n") << "第2行";
    QTest::newRow("text after the closing quote") << QByteArray("a,b\n\"x\"y,b\n") << "第2行";
    QTest::newRow("unterminated") << QByteArray("a,b\nc,d\n\"x,y\n") << "第3行";
}

void TestLeadLists::csvMalformedQuotes() {
    QFETCH(QByteArray, csv);
    QFETCH(QString, where);
    auto t = tab::readCsv(sv(csv));
    QVERIFY(!t);
    QCOMPARE(QString::fromStdString(t.error().code), QStringLiteral("csv_malformed"));
    QVERIFY2(QString::fromStdString(t.error().message).startsWith(where), t.error().message.c_str());
}

void TestLeadLists::csvLimits() {
    tab::Limits limits;
    limits.maxRows = 3;
    limits.maxColumns = 4;
    limits.maxCellBytes = 8;
    QCOMPARE(QString::fromStdString(tab::readCsv("a\nb\nc\nd\n", limits).error().code),
             QStringLiteral("too_many_rows"));
    QCOMPARE(QString::fromStdString(tab::readCsv("a,b,c,d,e\n", limits).error().code),
             QStringLiteral("too_many_columns"));
    QCOMPARE(QString::fromStdString(tab::readCsv("\"123456789\"\n", limits).error().code),
             QStringLiteral("cell_too_long"));
    QCOMPARE(QString::fromStdString(tab::readCsv(" \r\n,,\n").error().code), QStringLiteral("file_empty"));
}

void TestLeadLists::xlsxSharedStringsFirstSheetNumbers() {
    const QByteArray bytes = makeXlsx("shared");
    QVERIFY(tab::looksLikeXlsx(sv(bytes)));
    auto t = tab::readTable(sv(bytes));
    QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
    // The first sheet is the workbook's first <sheet> (part sheet2.xml), not the part named sheet1.xml.
    QCOMPARE(t->rows.size(), size_t(2));
    QCOMPARE(cellText(*t, 0, 1), std::string("身份证号"));
    QCOMPARE(t->rows[1].number, 3);
    QCOMPARE(cellText(*t, 1, 0), std::string("张三")); // rich text runs joined, the phonetic reading left out
    QCOMPARE(cellText(*t, 1, 1), std::string("429005199003071234"));
    QVERIFY(t->rows[1].cells[1].number);
    QCOMPARE(cellText(*t, 1, 2), std::string("45356"));
    QCOMPARE(cellText(*t, 1, 3), std::string()); // D3 is absent, E3 is the fifth cell
    QCOMPARE(cellText(*t, 1, 4), std::string("备注"));
}

void TestLeadLists::xlsxZipBombRefused() {
    const QByteArray bomb = makeXlsx("bomb"); // a 200 MB sheet in a few hundred KB
    QVERIFY(bomb.size() < 1024 * 1024);
    auto t = tab::readXlsx(sv(bomb));
    QVERIFY(!t);
    QCOMPARE(QString::fromStdString(t.error().code), QStringLiteral("file_too_large"));
    // With a limit the sheet fits in, the same file is read: the refusal is the limit's.
    tab::Limits roomy;
    roomy.maxEntryBytes = roomy.maxTotalBytes = 300 * 1024 * 1024;
    auto read = tab::readXlsx(sv(bomb), roomy);
    QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
    QCOMPARE(cellText(*read, 0, 0), std::string("身份证号"));
}

void TestLeadLists::xlsxDoctypeAndGarbageRefused() {
    auto doctype = tab::readXlsx(sv(makeXlsx("doctype")));
    QVERIFY(!doctype);
    QCOMPARE(QString::fromStdString(doctype.error().code), QStringLiteral("xlsx_malformed"));
    auto garbage = tab::readTable(std::string("PK\x03\x04garbage", 11));
    QVERIFY(!garbage);
    QCOMPARE(QString::fromStdString(garbage.error().code), QStringLiteral("xlsx_malformed"));
}

void TestLeadLists::leadDates_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("number");
    QTest::addColumn<QString>("date");
    QTest::newRow("iso") << "2024-03-05" << false << "2024-03-05";
    QTest::newRow("slashes") << "2024/3/5" << false << "2024-03-05";
    QTest::newRow("dots") << "2024.03.05" << false << "2024-03-05";
    QTest::newRow("chinese") << "2024年3月5日" << false << "2024-03-05";
    QTest::newRow("compact") << "20240305" << false << "2024-03-05";
    QTest::newRow("with time") << "2024/3/5 14:30" << false << "2024-03-05";
    QTest::newRow("serial cell") << "45356" << true << "2024-03-05";
    QTest::newRow("serial with time") << "45356.75" << true << "2024-03-05";
    QTest::newRow("serial in csv") << "45356" << false << "2024-03-05";
    QTest::newRow("leap day") << "2024/2/29" << false << "2024-02-29";
    QTest::newRow("no such day") << "2023/2/29" << false << "";
    QTest::newRow("month 13") << "20241301" << false << "";
    QTest::newRow("two parts") << "2024-03" << false << "";
    QTest::newRow("text") << "三月五日" << false << "";
    QTest::newRow("serial too small") << "60" << true << "";
}

void TestLeadLists::leadDates() {
    QFETCH(QString, text);
    QFETCH(bool, number);
    QFETCH(QString, date);
    const auto d = leads::parseLeadDate(TableCell{text.toStdString(), number});
    QCOMPARE(d ? QString::fromStdString(d->toString()) : QString(), date);
}

void TestLeadLists::idNumberCells() {
    const std::string id = makeIdNumber("429005", "19900307", 123);
    QCOMPARE(*leads::idNumberFromCell(TableCell{id, true}), id); // an 18-digit number written out in full
    QCOMPARE(*leads::idNumberFromCell(TableCell{" '" + id + " ", false}), id);
    const std::string withX = makeIdNumber("429005", "19900307", 125);
    std::string lower = withX;
    if (lower.back() == 'X')
        lower.back() = 'x';
    QCOMPARE(*leads::idNumberFromCell(TableCell{lower, false}), withX);
    QCOMPARE(QString::fromStdString(
                 leads::idNumberFromCell(TableCell{"4.290051990030712e+17", true}).error().code),
             QStringLiteral("id_number_lost_digits"));
    std::string wrongCheck = id;
    wrongCheck.back() = wrongCheck.back() == '1' ? '2' : '1';
    QCOMPARE(QString::fromStdString(leads::idNumberFromCell(TableCell{wrongCheck, false}).error().code),
             QStringLiteral("id_number_invalid"));
    QCOMPARE(QString::fromStdString(leads::idNumberFromCell(TableCell{"  ", false}).error().code),
             QStringLiteral("id_number_missing"));
}

void TestLeadLists::screeningListRowsAndProblems() {
    const std::string a = makeIdNumber("429005", "19900307", 123);
    const std::string b = makeIdNumber("429005", "19851111", 222);
    Table t;
    auto row = [&](int n, std::vector<std::string> cells) {
        TableRow r{n, {}};
        for (auto &c : cells)
            r.cells.push_back(TableCell{c, false});
        t.rows.push_back(r);
    };
    row(1, {"民政局 2024年第一季度 筛查预警名单"}); // a title above the header
    row(2, {"序号", "* 姓名", "证件号码（18位）", "风险类型", "预警日期"});
    row(3, {"1", "张三", a, "因病", "2024/3/5"});
    row(4, {"2", "李四", b, "", "45357"});
    row(5, {"3", "王五", "123", "因学", "2024-03-05"});
    row(6, {"4", "赵六", b, "因灾", "明天"});
    row(7, {"5", "钱七", a, "因灾", "2099-01-01"});
    row(8, {"6", "孙八", a, std::string(201 * 3, 'x'), "2024-03-05"});
    auto list = leads::readScreeningList(t, CivilDate{2024, 6, 1});
    QVERIFY2(list.ok(), list.ok() ? "" : list.error().message.c_str());
    QCOMPARE(list->rows.size(), size_t(2));
    QCOMPARE(list->rows[0].row, 3);
    QCOMPARE(QString::fromStdString(list->rows[0].name), QStringLiteral("张三"));
    QCOMPARE(list->rows[0].idNumber, a);
    QCOMPARE(QString::fromStdString(list->rows[0].reason), QStringLiteral("因病"));
    QCOMPARE(list->rows[0].date.toString(), std::string("2024-03-05"));
    QCOMPARE(list->rows[1].date.toString(), std::string("2024-03-06"));
    QCOMPARE(list->problems.size(), size_t(4));
    const std::vector<std::pair<int, QString>> expected{
        {5, "id_number_invalid"}, {6, "lead_date_invalid"}, {7, "lead_date_future"}, {8, "reason_too_long"}};
    for (size_t i = 0; i < expected.size(); ++i) {
        const auto &p = list->problems[i];
        QCOMPARE(p.row, expected[i].first);
        QCOMPARE(QString::fromStdString(p.code), expected[i].second);
        QVERIFY2(p.message.starts_with("第" + std::to_string(p.row) + "行："), p.message.c_str());
    }
    QCOMPARE(QString::fromStdString(list->problems[0].column), QStringLiteral("证件号码（18位）"));
    QCOMPARE(QString::fromStdString(list->problems[1].column), QStringLiteral("预警日期"));
    QCOMPARE(list->problems[1].idMasked, maskIdNumber(b));
    QVERIFY(list->problems[1].idMasked.find(b.substr(6, 8)) == std::string::npos);

    QVERIFY(!leads::nameMismatch(list->rows[0], " 张三 "));
    auto mismatch = leads::nameMismatch(list->rows[0], "张山");
    QVERIFY(mismatch);
    QCOMPARE(QString::fromStdString(mismatch->code), QStringLiteral("name_mismatch"));
}

void TestLeadLists::screeningListNeedsColumns() {
    Table noId{{TableRow{1, {TableCell{"姓名"}, TableCell{"预警日期"}}}}};
    QCOMPARE(QString::fromStdString(leads::readScreeningList(noId, CivilDate{2024, 6, 1}).error().code),
             QStringLiteral("missing_column"));
    Table noDate{{TableRow{1, {TableCell{"姓名"}, TableCell{"身份证号"}}}}};
    auto e = leads::readScreeningList(noDate, CivilDate{2024, 6, 1});
    QCOMPARE(QString::fromStdString(e.error().code), QStringLiteral("missing_column"));
    QCOMPARE(QString::fromStdString(e.error().field), QStringLiteral("预警日期"));
    QCOMPARE(QString::fromStdString(leads::checkDepartment("  ").error().code),
             QStringLiteral("department_missing"));
    QCOMPARE(QString::fromStdString(*leads::checkDepartment(" 民政局 ")), QStringLiteral("民政局"));
    QCOMPARE(QString::fromStdString(leads::checkDepartment(std::string(31 * 3, 'a')).error().code),
             QStringLiteral("department_invalid"));
}

void TestLeadLists::leadCaseIdIsDeterministic() {
    leads::ScreeningRow row{3, "张三", makeIdNumber("429005", "19900307", 123), "因病",
                            CivilDate{2024, 3, 5}};
    const auto key = leads::screeningKey(row, "民政局");
    const auto id = leads::leadCaseId(leads::kScreeningSource, "hh-0001", key);
    QCOMPARE(id, leads::leadCaseId(leads::kScreeningSource, "hh-0001", key));
    QVERIFY(id.starts_with("lead-"));
    QCOMPARE(id.size(), size_t(5 + 32));
    QVERIFY(id != leads::leadCaseId(leads::kScreeningSource, "hh-0002", key));
    QVERIFY(id != leads::leadCaseId(leads::kScreeningSource, "hh-0001", leads::screeningKey(row, "医保局")));
    QVERIFY(id != leads::leadCaseId(leads::kEmergencySource, "hh-0001", key));
    const auto fields = leads::screeningCaseFields(row, "hh-0001", "hh-0001-m1", "民政局");
    QCOMPARE(QString::fromStdString(std::string(fields.at("source").as_string())),
             QStringLiteral("部门预警"));
    QCOMPARE(std::string(fields.at("lead").at("date").as_string()), std::string("2024-03-05"));
    QVERIFY(boost::json::serialize(fields).find(row.idNumber) ==
            std::string::npos); // the number stays on the member
}

void TestLeadLists::emergencyMarking() {
    const CivilDate today{2024, 7, 20};
    auto mark = leads::readEmergencyMark(
        boost::json::parse(
            R"({"regionCode":"429005103","from":"2024-07-01","to":"2024-07-15","description":"洪涝"})"),
        today);
    QVERIFY(mark.ok());
    auto field = [&](const char *body) {
        auto m = leads::readEmergencyMark(boost::json::parse(body), today);
        return m ? QString() : QString::fromStdString(m.error().field);
    };
    QCOMPARE(field(R"({"regionCode":"42a","from":"2024-07-01","to":"2024-07-15","description":"x"})"),
             QStringLiteral("regionCode"));
    QCOMPARE(field(R"({"regionCode":"429005","from":"2024-07-16","to":"2024-07-15","description":"x"})"),
             QStringLiteral("to"));
    QCOMPARE(field(R"({"regionCode":"429005","from":"2024-07-01","to":"2024-07-21","description":"x"})"),
             QStringLiteral("to"));
    QCOMPARE(field(R"({"regionCode":"429005","from":"2023-01-01","to":"2024-07-01","description":"x"})"),
             QStringLiteral("from"));
    QCOMPARE(field(R"({"regionCode":"429005","from":"2024-07-01","to":"2024-07-02","description":" "})"),
             QStringLiteral("description"));
    auto household = [](const char *date) {
        return boost::json::object{
            {"suddenEvents", boost::json::array{boost::json::object{{"type", "洪涝灾害"}, {"date", date}}}}};
    };
    QVERIFY(leads::suddenEventWithin(household("2024-07-01"), *mark));
    QVERIFY(leads::suddenEventWithin(household("2024-07-15"), *mark));
    QVERIFY(!leads::suddenEventWithin(household("2024-06-30"), *mark));
    QVERIFY(!leads::suddenEventWithin(household("2024-07-16"), *mark));
    QVERIFY(!leads::suddenEventWithin(boost::json::object{}, *mark));
    const auto fields = leads::emergencyCaseFields(
        *mark, "hh-1", *leads::suddenEventWithin(household("2024-07-02"), *mark), today);
    QCOMPARE(std::string(fields.at("lead").at("date").as_string()), std::string("2024-07-20"));
    QCOMPARE(QString::fromStdString(std::string(fields.at("source").as_string())),
             QStringLiteral("突发应急"));
}

// `ruhu-syncd areas import` reads its CSV with the same reader: GB18030, quoted line breaks, strict quotes.
void TestLeadLists::areaCsvReadsThroughTheSameReader() {
    // "行政区划代码,名称,上级\n429005,潜江市,\n429005103,熊口镇,429005\n" in GB18030.
    const QByteArray gb =
        QByteArray::fromHex("d0d0d5fec7f8bbaeb4fac2eb2cc3fbb3c62cc9cfbcb60a3432393030352cc7b1bdadcad02c0a"
                            "3432393030353130332cd0dcbfdad5f22c3432393030350a");
    auto areas = server::parseAreaCsv(sv(gb));
    QVERIFY2(areas.ok(), areas.ok() ? "" : areas.error().message.c_str());
    QCOMPARE(areas->size(), size_t(2));
    QCOMPARE(QString::fromStdString(areas->at(1).name), QStringLiteral("熊口镇"));
    QCOMPARE(areas->at(1).parent, std::string("429005"));
    auto bad = server::parseAreaCsv("429005,潜江\"市\n");
    QCOMPARE(QString::fromStdString(bad.error().code), QStringLiteral("csv_malformed"));
}

QTEST_GUILESS_MAIN(TestLeadLists)
#include "tst_lead_lists.moc"
